// What every end-to-end test file shares: the built extension per browser, the stand-in responder,
// and helpers to reach the sidebar inside its shadow root.
import { afterAll, beforeAll, inject } from 'vitest';
import type { FoundBrowser } from './browsers.ts';
import { EXTENSION_DIRS } from './paths.ts';
import { launch, type ExtBrowser, type ExtPage, type LaunchOptions } from './session.ts';
import { standinResponse } from '../../site/serve.mjs';

/** The browsers found by the global setup, for `describe.each`. Test names carry browser and version. */
export function browsersUnderTest(): FoundBrowser[] {
  const browsers = inject('browsers');
  if (!browsers || browsers.length < 2) throw new Error('The e2e global setup did not provide both browsers.');
  return browsers;
}

function launchWithExtension(browser: FoundBrowser, options: Pick<LaunchOptions, 'locale'>): Promise<ExtBrowser> {
  return launch({ browser, extensionDir: EXTENSION_DIRS[browser.name], respond: standinResponse, ...options });
}

/**
 * Launches `found` with the extension (in `options.locale`, if given) for the enclosing describe block (closed after it) and returns
 * a handle that stands for that browser in the block's tests.
 */
export function withExtension(found: FoundBrowser, options: Pick<LaunchOptions, 'locale'> = {}): ExtBrowser {
  let current: ExtBrowser | undefined;
  beforeAll(async () => {
    current = await launchWithExtension(found, options);
  });
  afterAll(async () => {
    await current?.close();
  });
  const browser = (): ExtBrowser => {
    if (!current) throw new Error(`${found.version} is not running (used outside a test?)`);
    return current;
  };
  return {
    name: found.name,
    version: found.version,
    get extensionOrigin() {
      return browser().extensionOrigin;
    },
    newPage: () => browser().newPage(),
    tabUrls: () => browser().tabUrls(),
    get openedOnInstall() {
      return browser().openedOnInstall;
    },
    evaluateInExtension: (fn) => browser().evaluateInExtension(fn),
    ...(found.name === 'chromium'
      ? { stopServiceWorker: () => browser().stopServiceWorker!(), evaluateInWorker: (fn) => browser().evaluateInWorker!(fn) }
      : {}),
    fireCommand: (name) => browser().fireCommand(name),
    restart: () => browser().restart(),
    close: () => browser().close(),
  };
}

export const SEARCH_BLOGCHAT = 'https://x.com/search?q=%23blogchat&f=live';

/** Runs in the page: the sidebar's shadow root, or null. Keeps tests honest about the root being open. */
export async function sidebarState(page: ExtPage) {
  return page.evaluate(() => {
    const host = document.querySelector('chat-mode-sidebar');
    const root = host?.shadowRoot;
    if (!host || !root) return null;
    const aside = root.querySelector('aside');
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-controls]');
    return {
      label: aside?.getAttribute('aria-label') ?? null,
      tag: root.querySelector('h2')?.textContent ?? null,
      theme: aside?.getAttribute('data-theme') ?? null,
      collapsed: aside?.getAttribute('data-collapsed') ?? null,
      bodyHidden: root.querySelector<HTMLElement>('.body')?.hidden ?? null,
      when: root.querySelector('[data-testid="chat-when"]')?.textContent ?? null,
      hosts: [...root.querySelectorAll('.hosts li')].map((li) => li.textContent),
      toggle: toggle
        ? { label: toggle.getAttribute('aria-label'), expanded: toggle.getAttribute('aria-expanded'), disabled: toggle.disabled }
        : null,
      alerts: [...root.querySelectorAll('[role="alert"]')].map((el) => el.textContent),
    };
  });
}

/**
 * Clicks an element inside the sidebar's shadow root with a real mouse event at its centre, once it is
 * there: the sidebar draws what the content script reports, a moment after the page changed.
 */
export async function clickInSidebar(page: ExtPage, selector: string, timeoutMs = 15_000): Promise<void> {
  const find = (sel: string) => {
    const el = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const box = await page.waitFor(find, selector, timeoutMs).catch(() => null);
  if (!box) throw new Error(`No ${selector} in the sidebar after ${timeoutMs} ms`);
  await page.clickAt(box.x, box.y);
}

/** Opens one of the extension's pages, loaded (the harness knows how to wait for that in Firefox). */
export async function openExtensionPage(browser: ExtBrowser, path = 'popup.html'): Promise<ExtPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}${path}`);
  return page;
}

export type { ExtBrowser, ExtPage };
