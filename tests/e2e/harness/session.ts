// One interface over the two automation libraries, so every scenario runs unchanged in Chromium
// (playwright-core, persistent context with --load-extension) and Firefox (puppeteer-core over
// WebDriver BiDi, browser.installExtension). Requests to x.com / twitter.com are answered by the
// stand-in; every other request from a page is refused, so nothing reaches the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FoundBrowser } from './browsers.ts';

export interface StubResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/** Answers a request for an x.com URL, or null to refuse it. */
export type Responder = (url: string) => Promise<StubResponse | null>;

export interface ExtPage {
  /** Navigates and resolves once the new document has loaded (extension pages included). */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `fn` in every document this page loads from now on, before the document's own scripts. */
  addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Polls `fn` in the page until it returns a truthy value, which is returned. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
  /** Real input events: a mouse click at page coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  type(text: string, delayMs?: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface ExtBrowser {
  name: FoundBrowser['name'];
  /** e.g. "Chromium 156.0.8078.79", for test names and logs. */
  version: string;
  /** Base URL of the installed extension's pages, ending in '/'. */
  extensionOrigin: string;
  newPage(): Promise<ExtPage>;
  /** Stops the MV3 service worker as Chrome does when idle (Chromium only). */
  stopServiceWorker?(): Promise<void>;
  /** Runs `fn` in the extension's service worker, starting it if stopped (Chromium only). */
  evaluateInWorker?<R>(fn: () => R | Promise<R>): Promise<R>;
  /**
   * Runs `fn` in a document of the extension's origin, which shares the background's IndexedDB and
   * storage (both browsers): the worker itself in Chromium, a tab on one of its resources in Firefox.
   */
  evaluateInExtension<R>(fn: () => R | Promise<R>): Promise<R>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  browser: FoundBrowser;
  /** The built extension folder (`.output/chrome-mv3` or `.output/firefox-mv2`). */
  extensionDir: string;
  respond: Responder;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** The browser's time zone (IANA), so tests of local times are deterministic. */
  timeZone?: string;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };
// A user in New York: far from UTC, and on a different daylight-saving calendar from the chats in Chicago's zone.
const DEFAULT_TIME_ZONE = 'America/New_York';

// A fixed moz-extension UUID, so tests can open the add-on's pages by URL.
const FIREFOX_EXTENSION_UUID = '5c7a3c1e-6a1b-4f7e-9a43-0c4d6a1f2b90';

/** Chromium flags for a machine with no network but the package registries: no calling home. */
export const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** The requests the stand-in answers: x.com and twitter.com. */
const STANDIN_URL = /^https:\/\/(mobile\.)?(x|twitter)\.com\//;

type PlaywrightContext = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launchPersistentContext']>>;

/** Serves x.com and twitter.com from the stand-in in a Playwright context. */
export async function routeStandin(context: PlaywrightContext, respond: Responder): Promise<void> {
  await context.route(STANDIN_URL, async (route) => {
    const response = await respond(route.request().url());
    if (!response) return route.abort();
    await route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
}

function isStandinUrl(url: string): boolean {
  return STANDIN_URL.test(url);
}

export async function launch(options: LaunchOptions): Promise<ExtBrowser> {
  return options.browser.name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium({
  browser,
  extensionDir,
  respond,
  headless = true,
  viewport = DEFAULT_VIEWPORT,
  timeZone = DEFAULT_TIME_ZONE,
}: LaunchOptions): Promise<ExtBrowser> {
  const { chromium } = await import('playwright-core');
  const dir = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'chatmode-chromium-'));
  type Context = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  let ctx: Context;
  let extensionId = '';

  const start = async (): Promise<void> => {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless,
      viewport,
      timezoneId: timeZone,
      env: { ...process.env, TZ: timeZone },
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_QUIET_ARGS],
    });
    await routeStandin(ctx, respond);
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  };
  await start();

  const wrap = (page: Awaited<ReturnType<Context['newPage']>>): ExtPage => ({
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addInitScript: (fn, arg) => page.addInitScript(fn as never, arg).then(() => undefined),
    waitFor: async (fn, arg, timeoutMs = 15_000) =>
      (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })).jsonValue() as never,
    clickAt: (x, y) => page.mouse.click(x, y),
    type: (text, delayMs = 0) => page.keyboard.type(text, { delay: delayMs }),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  });

  const handle: ExtBrowser = {
    name: 'chromium',
    version: browser.version,
    get extensionOrigin() {
      return `chrome-extension://${extensionId}/`;
    },
    newPage: async () => wrap(await ctx.newPage()),
    evaluateInExtension: (fn) => handle.evaluateInWorker!(fn),
    async stopServiceWorker() {
      // Chrome's own way to stop a worker: the DevTools protocol's ServiceWorker.stopAllWorkers, from
      // a page of the extension's origin (the domain sees its page's origin's workers). We wait until
      // DevTools reports the worker stopped, so a test knows it really was.
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      const cdp = await ctx.newCDPSession(page);
      type Versions = { versions: { runningStatus: string; scriptURL: string }[] };
      const stopped = new Promise<void>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: Versions) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
          if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      try {
        await Promise.race([
          stopped,
          new Promise((_, reject) => setTimeout(() => reject(new Error('The service worker did not stop.')), 10_000)),
        ]);
      } finally {
        await cdp.detach();
        await page.close();
      }
    },
    async evaluateInWorker(fn) {
      // The newest of ours: Playwright may still list a stopped worker for a while.
      let worker = ctx
        .serviceWorkers()
        .filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))
        .at(-1);
      if (!worker) {
        // A stopped worker starts again for any extension event; opening one of its URLs is one.
        const waking = ctx.waitForEvent('serviceworker', { timeout: 30_000 });
        const page = await ctx.newPage();
        await page.goto(`chrome-extension://${extensionId}/manifest.json`).catch(() => undefined);
        worker = await waking;
        await page.close();
      }
      return worker.evaluate(fn);
    },
    async restart() {
      await ctx.close();
      await start();
    },
    async close() {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return handle;
}

/** The command of puppeteer's WebDriver BiDi browsing context used here. */
interface BiDiBrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
}

async function launchFirefox({
  browser,
  extensionDir,
  respond,
  headless = true,
  viewport = DEFAULT_VIEWPORT,
  timeZone = DEFAULT_TIME_ZONE,
}: LaunchOptions): Promise<ExtBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const dir = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'chatmode-firefox-'));
  type Browser = Awaited<ReturnType<typeof puppeteer.launch>>;
  let instance: Browser;

  const start = async (): Promise<void> => {
    instance = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browser.executablePath,
      headless,
      userDataDir: profile,
      defaultViewport: viewport,
      env: { ...process.env, TZ: timeZone },
      // Firefox 153 lets WebDriver BiDi open moz-extension:// pages only with this flag.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Pin the add-on's internal UUID so its pages have a known moz-extension:// origin.
        'extensions.webextensions.uuids': JSON.stringify({ 'chat-mode-for-x@chatmode.extension': FIREFOX_EXTENSION_UUID }),
        // Keep the add-on's data across the reinstall that a browser restart needs (temporary add-ons
        // are removed at shutdown), as a permanently installed add-on keeps it.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        'extensions.autoDisableScopes': 0,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    });
    await instance.installExtension(dir);
  };
  await start();

  type Page = Awaited<ReturnType<Browser['newPage']>>;
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  /**
   * Firefox's remote agent sends no load event for moz-extension documents, so puppeteer's `goto` never
   * resolves for them (a known puppeteer/Firefox bug). Not awaiting it and polling the page instead
   * races the navigation: a poll evaluated in the outgoing document while Firefox discards it fails
   * inside the remote agent ("right-hand side of 'in' should be an object, got null", an evaluation
   * cut short that it does not expect), and puppeteer gives up. WebDriver BiDi's own navigate command,
   * told to wait until the new document is complete, returns only then: nothing is evaluated early.
   */
  const navigateExtensionPage = async (page: Page, url: string): Promise<void> => {
    // puppeteer's BiDi frame keeps its browsing context as a public field (not in the public types).
    const { browsingContext } = page.mainFrame() as unknown as { browsingContext?: BiDiBrowsingContext };
    if (!browsingContext) throw new Error('puppeteer no longer exposes the BiDi browsing context of a frame.');
    const navigated = browsingContext.navigate(url, 'complete');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url} did not load within 30 s.`)), 30_000);
    });
    try {
      await Promise.race([navigated, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const wrap = async (): Promise<ExtPage> => {
    const page = await instance.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (isStandinUrl(url)) {
        void respond(url).then((response) =>
          response ? request.respond({ status: response.status, contentType: response.contentType, body: response.body }) : request.abort(),
        );
      } else if (/^(moz-extension|data|blob|about):/.test(url)) {
        void request.continue();
      } else {
        void request.abort();
      }
    });
    return {
      goto: async (url) =>
        url.startsWith(extensionOrigin) ? navigateExtensionPage(page, url) : void (await page.goto(url, { waitUntil: 'load' })),
      reload: async () => void (await page.reload({ waitUntil: 'load' })),
      url: () => page.url(),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg),
      addInitScript: async (fn, arg) => void (await page.evaluateOnNewDocument(fn, arg)),
      waitFor: async (fn, arg, timeoutMs = 15_000) =>
        (await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 100 }, arg)).jsonValue() as never,
      clickAt: (x, y) => page.mouse.click(x, y),
      type: (text, delayMs = 0) => page.keyboard.type(text, { delay: delayMs }),
      press: (key) => page.keyboard.press(key as never),
      screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
      setViewport: (width, height) => page.setViewport({ width, height }),
      close: () => page.close(),
    };
  };

  return {
    name: 'firefox',
    version: browser.version,
    extensionOrigin,
    newPage: wrap,
    async evaluateInExtension(fn) {
      // Any resource of the extension is a document of its origin; this one runs none of its code.
      const page = await instance.newPage();
      try {
        await navigateExtensionPage(page, `${extensionOrigin}manifest.json`);
        return await page.evaluate(fn);
      } finally {
        await page.close();
      }
    },
    async restart() {
      await instance.close();
      await start();
    },
    async close() {
      await instance.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
