// The bench's own Chromium launcher: the e2e harness' flags and stand-in routing (tests/e2e/harness/
// session.ts), but with the extension optional, so runs without it are the same browser, flags and page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { FoundBrowser } from '../tests/e2e/harness/browsers.ts';
import { CHROMIUM_QUIET_ARGS, closeInstallTab, routeStandin } from '../tests/e2e/harness/chromium.ts';
import type { Responder } from '../tests/e2e/harness/session.ts';

/** The CDP calls the bench makes; satisfied by playwright's and puppeteer's sessions alike. */
export interface Cdp {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on<T>(event: string, handler: (params: T) => void): unknown;
}

/** A CDP session on the extension's service worker, through puppeteer-core on the DevTools port. */
async function workerSession(profile: string, workerUrl: string): Promise<{ cdp: Cdp; disconnect: () => Promise<void> }> {
  const { default: puppeteer, TargetType } = await import('puppeteer-core');
  const [port, path] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const remote = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, defaultViewport: null });
  const target = await remote.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url() === workerUrl, { timeout: 30_000 });
  const session = await target.createCDPSession();
  return { cdp: session as unknown as Cdp, disconnect: () => remote.disconnect() };
}

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** CDP session on the x.com tab (its renderer's main thread runs the page and the content script). */
  cdp: Cdp;
  /** The extension's MV3 service worker and a CDP session on it (runs with the extension only). */
  worker: Worker | null;
  workerCdp: Cdp | null;
  extensionId: string | null;
  close(): Promise<void>;
}

export interface BenchLaunchOptions {
  browser: FoundBrowser;
  /** The built extension (`.output-bench/chrome-mv3`), or null for the run without it. */
  extensionDir: string | null;
  respond: Responder;
  viewport?: { width: number; height: number };
  /** A script every page runs before its own (the runs hiding by a page script, ./page-hider). */
  initScript?: () => void;
}

export async function launchBench({
  browser,
  extensionDir,
  respond,
  viewport = { width: 1280, height: 900 },
  initScript,
}: BenchLaunchOptions): Promise<BenchBrowser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'chatmode-bench-'));
  const dir = extensionDir ? resolve(extensionDir) : null;
  const timeZone = 'America/New_York';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    viewport,
    timezoneId: timeZone,
    env: { ...process.env, TZ: timeZone },
    args: [
      ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : ['--disable-extensions']),
      ...CHROMIUM_QUIET_ARGS,
      // A second DevTools endpoint (port in <profile>/DevToolsActivePort) for puppeteer-core to reach
      // the service worker: playwright's newCDPSession takes pages and frames only.
      '--remote-debugging-port=0',
      // Keep timers and rendering of the (only) tab at full speed in both runs.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  await routeStandin(context, respond);
  // tsx (esbuild, keepNames) wraps named inner functions in `__name(fn, "name")`; functions the bench
  // passes to page.evaluate carry that call, so the page gets a no-op of it (the same in both runs).
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  if (initScript) await context.addInitScript(initScript);
  let worker: Worker | null = null;
  let workerCdp: Cdp | null = null;
  let disconnect: (() => Promise<void>) | null = null;
  let extensionId: string | null = null;
  if (dir) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
    // Its welcome page, opened on install, is not part of what is measured.
    await closeInstallTab(context, extensionId);
    const session = await workerSession(profile, worker.url());
    workerCdp = session.cdp;
    disconnect = session.disconnect;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = (await context.newCDPSession(page)) as unknown as Cdp;
  return {
    context,
    page,
    cdp,
    worker,
    workerCdp,
    extensionId,
    async close() {
      await disconnect?.().catch(() => undefined);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
