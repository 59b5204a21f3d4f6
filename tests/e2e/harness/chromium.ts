// Chromium through playwright-core: a persistent context with --load-extension, x.com served by routing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STANDIN_URL } from './standin.ts';
import { INSTALL_TAB_TIMEOUT_MS, pollFor, type ExtBrowser, type ExtPage, type ResolvedLaunchOptions, type Responder } from './session.ts';

/** Chromium flags for a machine with no network but the package registries: no calling home. */
export const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

type PlaywrightContext = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launchPersistentContext']>>;

/** Serves x.com and twitter.com from the stand-in in a Playwright context. */
export async function routeStandin(context: PlaywrightContext, respond: Responder): Promise<void> {
  await context.route(STANDIN_URL, async (route) => {
    const response = await respond(route.request().url());
    if (!response) return route.abort();
    await route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
}

/**
 * Waits for the tab the extension opens when it is installed (its welcome page) and closes it, so the
 * pages a test or the bench opens are the browser's only ones, as before it had one. Returns its URL.
 */
export async function closeInstallTab(ctx: PlaywrightContext, extensionId: string): Promise<string | undefined> {
  const opened = await pollFor(
    () => Promise.resolve(ctx.pages().find((page) => page.url().startsWith(`chrome-extension://${extensionId}/`))),
    INSTALL_TAB_TIMEOUT_MS,
  );
  const url = opened?.url();
  // Closed only once loaded: closed as soon as it appears, every later page of the extension (they share
  // one renderer, which asks for the extension's messages once) showed message names instead of messages
  // in 2 of 8 launches of Chromium 156; 0 of 16 once the tab had loaded.
  await opened?.waitForLoadState('load');
  await opened?.close();
  return url;
}

export async function launchChromium({
  browser,
  extensionDir,
  respond,
  headless,
  viewport,
  timeZone,
  locale,
}: ResolvedLaunchOptions): Promise<ExtBrowser> {
  const { chromium } = await import('playwright-core');
  const dir = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'chatmode-chromium-'));
  type Context = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  let ctx: Context;
  let extensionId = '';
  const openedOnInstall: string[] = [];

  const start = async (install: boolean): Promise<void> => {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless,
      viewport,
      timezoneId: timeZone,
      env: { ...process.env, TZ: timeZone },
      // --lang picks the extension's messages; Playwright's locale sets the pages' Intl and navigator.language.
      ...(locale ? { locale } : {}),
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        ...CHROMIUM_QUIET_ARGS,
        ...(locale ? [`--lang=${locale}`] : []),
      ],
    });
    await routeStandin(ctx, respond);
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
    if (!install) return;
    const opened = await closeInstallTab(ctx, extensionId);
    if (opened) openedOnInstall.push(opened);
  };
  await start(true);

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
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });

  /** The extension's running service worker, started if it was stopped. */
  const ourWorker = async () => {
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
    return worker;
  };

  const handle: ExtBrowser = {
    name: 'chromium',
    version: browser.version,
    get extensionOrigin() {
      return `chrome-extension://${extensionId}/`;
    },
    newPage: async () => wrap(await ctx.newPage()),
    tabUrls: () => Promise.resolve(ctx.pages().map((page) => page.url())),
    openedOnInstall,
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
      return (await ourWorker()).evaluate(fn);
    },
    async fireCommand(name) {
      // Chrome's extension events can be dispatched from the worker itself, to the same listeners.
      type CommandEvent = { dispatch(command: string): void };
      await (
        await ourWorker()
      ).evaluate(
        (command) =>
          (globalThis as unknown as { chrome: { commands: { onCommand: CommandEvent } } }).chrome.commands.onCommand.dispatch(command),
        name,
      );
    },
    async restart() {
      await ctx.close();
      await start(false);
    },
    async close() {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return handle;
}
