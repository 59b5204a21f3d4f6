// One interface over the two automation libraries, so every scenario runs unchanged in Chromium
// (playwright-core, persistent context with --load-extension) and Firefox (puppeteer-core over
// WebDriver BiDi, browser.installExtension). Requests to x.com / twitter.com are answered by the
// stand-in; every other request from a page is refused, so nothing reaches the network.
import type { FoundBrowser } from './browsers.ts';
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';

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
  /** Makes this the browser's active tab (the others become hidden). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtBrowser {
  name: FoundBrowser['name'];
  /** e.g. "Chromium 156.0.8078.79", for test names and logs. */
  version: string;
  /** Base URL of the installed extension's pages, ending in '/'. */
  extensionOrigin: string;
  newPage(): Promise<ExtPage>;
  /** The URLs of every open tab, the ones the extension opened included. */
  tabUrls(): Promise<string[]>;
  /**
   * The tabs the extension opened when it was installed (its welcome page), one entry per install
   * (Chromium installs it on the first start, Firefox's temporary add-on on every start). The harness
   * closes them once open, so that no test's page loses its place in front to one opening late.
   */
  readonly openedOnInstall: string[];
  /** Stops the MV3 service worker as Chrome does when idle (Chromium only). */
  stopServiceWorker?(): Promise<void>;
  /** Runs `fn` in the extension's service worker, starting it if stopped (Chromium only). */
  evaluateInWorker?<R>(fn: () => R | Promise<R>): Promise<R>;
  /**
   * Runs `fn` in a document of the extension's origin, which shares the background's IndexedDB and
   * storage (both browsers): the worker itself in Chromium, a tab on one of its resources in Firefox.
   */
  evaluateInExtension<R>(fn: () => R | Promise<R>): Promise<R>;
  /**
   * Runs the extension's keyboard command `name` as the browser does when its key is pressed. Key
   * presses sent by the automation (Playwright's CDP input, WebDriver BiDi's input actions) reach the
   * page only, never the browser's own shortcuts (tried in both browsers), so each browser's next step
   * is taken instead: Chromium dispatches the command event to the worker's listeners, Firefox fires the
   * command of the key element it added to the browser window for the command's shortcut (Firefox fails
   * when the command has no shortcut).
   */
  fireCommand(name: string): Promise<void>;
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
  /**
   * The browser's language, one Chromium has as a UI language ("de", "pt-BR"; it ignores "de-DE"): the
   * extension's messages and Intl's default locale. The system's when absent.
   */
  locale?: string;
}

/** How long an install is given to open its tab: it opens within a second even on a busy machine. */
export const INSTALL_TAB_TIMEOUT_MS = 15_000;

/** Polls `find` every 100 ms until it returns something, or `timeoutMs` has passed (then undefined). */
export async function pollFor<T>(find: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };
// A user in New York: far from UTC, and on a different daylight-saving calendar from the chats in Chicago's zone.
const DEFAULT_TIME_ZONE = 'America/New_York';

/** Launch options with the defaults filled in (the locale has none: the browser's own). */
export type ResolvedLaunchOptions = Required<Omit<LaunchOptions, 'locale'>> & Pick<LaunchOptions, 'locale'>;

export async function launch(options: LaunchOptions): Promise<ExtBrowser> {
  const resolved: ResolvedLaunchOptions = {
    ...options,
    headless: options.headless ?? true,
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
  };
  return options.browser.name === 'chromium' ? launchChromium(resolved) : launchFirefox(resolved);
}
