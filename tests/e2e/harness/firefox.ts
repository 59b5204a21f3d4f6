// Firefox through puppeteer-core over WebDriver BiDi: the add-on installed with browser.installExtension,
// x.com served by request interception.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isStandinUrl } from './standin.ts';
import { INSTALL_TAB_TIMEOUT_MS, pollFor, type ExtBrowser, type ExtPage, type ResolvedLaunchOptions } from './session.ts';

// The add-on's id (wxt.config.ts's GECKO_ID).
const ADDON_ID = 'chat-mode-for-x@chatmode.extension';
// A fixed moz-extension UUID, so tests can open the add-on's pages by URL.
const FIREFOX_EXTENSION_UUID = '5c7a3c1e-6a1b-4f7e-9a43-0c4d6a1f2b90';

/**
 * Runs in Firefox's browser window (chrome privileges): fires the command of the key element Firefox
 * made for the add-on's command `name` from its current shortcut, the element a press of that key fires.
 */
async function fireKeyCommand(addonId: string, name: string): Promise<void> {
  type Shortcuts = { commands: Promise<Map<string, { shortcut?: string }>> };
  type Modules = {
    ExtensionParent: { GlobalManager: { getExtension(id: string): { shortcuts: Shortcuts } } };
    ShortcutUtils: { getKeyAttribute(key: string): [string, string]; getModifiersAttribute(modifiers: string[]): string };
  };
  const { ChromeUtils } = globalThis as unknown as { ChromeUtils: { importESModule(url: string): Partial<Modules> } };
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs') as Modules;
  const { ShortcutUtils } = ChromeUtils.importESModule('resource://gre/modules/ShortcutUtils.sys.mjs') as Modules;
  const commands = await ExtensionParent.GlobalManager.getExtension(addonId).shortcuts.commands;
  const shortcut = commands.get(name)?.shortcut;
  if (!shortcut) throw new Error(`${name} has no shortcut`);
  const parts = shortcut.split('+');
  const [attribute, value] = ShortcutUtils.getKeyAttribute(parts.pop()!);
  const modifiers = ShortcutUtils.getModifiersAttribute(parts);
  // The add-on's keyset, named by Firefox's widget id for it (its id, lower case, other than [a-z0-9_-] as "_").
  const keyset = `ext-keyset-id-${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
  const key = [...document.querySelectorAll(`keyset[id="${keyset}"] > key[modifiers="${modifiers}"]`)].find(
    (k) => k.getAttribute(attribute) === value,
  ) as (Element & { doCommand(): void }) | undefined;
  if (!key) throw new Error(`No key element for ${shortcut} in the browser window`);
  key.doCommand();
}

/** The command of puppeteer's WebDriver BiDi browsing context used here. */
interface BiDiBrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
}

export async function launchFirefox({
  browser,
  extensionDir,
  respond,
  headless,
  viewport,
  timeZone,
  locale,
}: ResolvedLaunchOptions): Promise<ExtBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const dir = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'chatmode-firefox-'));
  type Browser = Awaited<ReturnType<typeof puppeteer.launch>>;
  let instance: Browser;
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const openedOnInstall: string[] = [];
  /** Puppeteer's WebDriver BiDi connection (a public field it leaves out of its types), for commands it does not wrap. */
  type Send = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;
  const bidi = () => (instance as unknown as { connection: { send: Send } }).connection;
  // Puppeteer's pages keep "about:blank" for a tab that an extension opened on one of its pages.
  const topContexts = async () => {
    const { result } = await bidi().send('browsingContext.getTree', { maxDepth: 0 });
    return result.contexts as { context: string; url: string }[];
  };

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
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_EXTENSION_UUID }),
        // Keep the add-on's data across the reinstall that a browser restart needs (temporary add-ons
        // are removed at shutdown), as a permanently installed add-on keeps it.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        'extensions.autoDisableScopes': 0,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
      },
    });
    await instance.installExtension(dir);
    const opened = await pollFor(
      async () => (await topContexts()).find((tab) => tab.url.startsWith(extensionOrigin)),
      INSTALL_TAB_TIMEOUT_MS,
    );
    if (!opened) return;
    openedOnInstall.push(opened.url);
    await bidi().send('browsingContext.close', { context: opened.context });
  };
  await start();

  type Page = Awaited<ReturnType<Browser['newPage']>>;
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
      // Polled in the page every 25 ms (Chromium's waits poll every frame): a met condition is seen ~40 ms
      // sooner than at 100 ms, for each of the suite's many waits; timers, unlike frames, run in hidden tabs.
      waitFor: async (fn, arg, timeoutMs = 15_000) =>
        (await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 25 }, arg)).jsonValue() as never,
      clickAt: (x, y) => page.mouse.click(x, y),
      type: (text, delayMs = 0) => page.keyboard.type(text, { delay: delayMs }),
      press: (key) => page.keyboard.press(key as never),
      screenshot: async (path, fullPage = false) => void (await page.screenshot({ path: path, fullPage })),
      setViewport: (width, height) => page.setViewport({ width, height }),
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
    };
  };

  return {
    name: 'firefox',
    version: browser.version,
    extensionOrigin,
    newPage: wrap,
    tabUrls: async () => (await topContexts()).map((tab) => tab.url),
    openedOnInstall,
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
    async fireCommand(name) {
      // The browser window's chrome document, open to WebDriver BiDi with --remote-allow-system-access.
      const { result: tree } = await bidi().send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const window = (tree.contexts as { context: string }[])[0];
      if (!window) throw new Error('Firefox shows no browser window to WebDriver BiDi.');
      const { result } = await bidi().send('script.evaluate', {
        expression: `(${fireKeyCommand.toString()})(${JSON.stringify(ADDON_ID)}, ${JSON.stringify(name)})`,
        target: { context: window.context },
        awaitPromise: true,
      });
      if (result.type === 'exception') throw new Error(`Firefox could not fire ${name}: ${JSON.stringify(result.exceptionDetails)}`);
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
