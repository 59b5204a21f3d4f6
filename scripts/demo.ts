// `npm run demo`: runs the built extension in Chromium on the bundled x.com stand-in with a sample
// #blogchat, plays a short scripted chat and saves screenshots. Headed when a display exists.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBrowsers } from '../tests/e2e/harness/browsers.ts';
import { EXTENSION_DIRS } from '../tests/e2e/harness/paths.ts';
import { launch, type ExtBrowser, type ExtPage } from '../tests/e2e/harness/session.ts';
import { configureStandin, scrollUntil } from '../tests/e2e/harness/standin.ts';
import { standinResponse } from '../tests/site/serve.mjs';
import type { StandinApi } from '../tests/site/src/api.ts';

declare global {
  interface Window {
    __standin: StandinApi;
  }
}

const outDir = resolve(process.env.DEMO_OUT ?? 'demo-screenshots');
// The store listing's images (store/README.md): screenshots at the stores' 1280×800, and the promo tile.
const storeDir = resolve('store');
const STORE_SIZE = { width: 1280, height: 800 };
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Saves a screenshot; `forStore` also copies it to the store listing's screenshots. */
async function shoot(page: ExtPage, name: string, forStore = false): Promise<void> {
  const path = `${outDir}/${name}.png`;
  await page.screenshot(path);
  console.log(`   saved ${path}`);
  if (forStore) {
    copyFileSync(path, `${storeDir}/screenshots/${name}.png`);
    console.log(`   and store/screenshots/${name}.png`);
  }
}

/** A real click on an element inside the sidebar's shadow root. */
async function clickSidebar(page: ExtPage, selector: string): Promise<void> {
  const box = await page.waitFor((sel) => {
    const r = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel)?.getBoundingClientRect();
    return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, selector);
  await page.clickAt(box!.x, box!.y);
}

const sidebarHas = (page: ExtPage, selector: string) =>
  page.waitFor((sel) => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel), selector);

const PLAN = {
  welcome: 'Welcome to #blogchat! Say hi and tell us what you blog about.',
  questions: [
    { text: 'What got you blogging in the first place?', subs: [] },
    { text: 'Where do your best post ideas come from?', subs: ['And where do you keep them?'] },
    { text: 'How do you find time to write every week?', subs: [] },
  ],
  wrapUp: 'Thanks for a great #blogchat, see you next Sunday!',
  firstAt: 5,
  every: 6,
};

/**
 * "I host this chat" with a plan, as the options page saves it (on), or the chat's hosts as they were
 * (off). Returns the hosts before.
 */
async function hostThisChat(browser: ExtBrowser, on: boolean, hosts?: string[]): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${browser.extensionOrigin}popup.html`);
    return await page.evaluate(
      async ([on, plan, hosts]) => {
        type Runtime = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; chat?: { hosts: string[] } }> } };
        const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
        const runtime = (g.browser ?? g.chrome).runtime;
        const before = (await runtime.sendMessage({ type: 'chat/get', tag: 'blogchat' })).chat?.hosts ?? [];
        const patch = on ? { hosting: true, plan } : { hosting: false, hosts };
        if (!(await runtime.sendMessage({ type: 'chat/update', tag: 'blogchat', patch })).ok) throw new Error('could not save the plan');
        return before;
      },
      [on, PLAN, hosts] as const,
    );
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(`${storeDir}/screenshots`, { recursive: true });
  const [chromium] = ensureBrowsers(['chromium']);
  if (!chromium) throw new Error('Chromium is required for the demo.');
  console.log(`Demo in ${chromium.version}, ${headless ? 'headless' : 'headed'}.`);
  const browser = await launch({
    browser: chromium,
    extensionDir: EXTENSION_DIRS.chromium,
    respond: standinResponse,
    headless,
    viewport: STORE_SIZE,
  });
  try {
    const page = await browser.newPage();
    await configureStandin(page, { seed: 7, count: 300 });

    console.log('1. A #blogchat search: the sidebar offers chat mode.');
    await page.goto('https://x.com/search?q=%23blogchat&src=typed_query');
    await sidebarHas(page, 'button[role="switch"]:not([disabled])');
    await shoot(page, '1-chat-page-light');

    console.log('2. Chat mode on: Latest tab, only #blogchat tweets, host questions highlighted and listed.');
    await clickSidebar(page, 'button[role="switch"]');
    await sidebarHas(page, 'button[role="switch"][aria-checked="true"]');
    await scrollUntil(page, () => !!document.querySelector('[data-chatmode-question]'), { steps: 8, pauseMs: 200 });
    await page.evaluate(() => document.querySelector('[data-chatmode-question]')?.scrollIntoView({ block: 'center' }));
    await sleep(800);
    await shoot(page, '2-chat-mode-light', true);

    console.log('3. The chat goes on: tweets arrive live, counters and activity update.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => window.__standin.startLive(5));
    await sleep(3000);
    await page.evaluate(() => window.__standin.stopLive());
    await sleep(600);
    await shoot(page, '3-live-arrivals');

    console.log('3a. Pause: arriving chat tweets are held, counted on the button, until Resume.');
    await clickSidebar(page, '[data-testid="stream-pause"]');
    await page.evaluate(() => window.__standin.startLive(5));
    await sleep(2000);
    await page.evaluate(() => window.__standin.stopLive());
    await sleep(1200);
    await shoot(page, '3a-paused');
    await clickSidebar(page, '[data-testid="stream-pause"]');

    console.log('3b. Show answers to the current question: the timeline narrows to it and its answers.');
    await clickSidebar(page, '[data-testid="current-question"] .question-focus');
    await sidebarHas(page, '[data-testid="stream-focus"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await sleep(600);
    await shoot(page, '3b-answers-by-question', true);
    await clickSidebar(page, '[data-testid="stream-focus"] button');

    console.log('3c. Catch up: each question with its answer count and most-liked answers.');
    await clickSidebar(page, 'button.catch-up-toggle');
    await sidebarHas(page, '[data-testid="catch-up"][aria-busy="false"]');
    await sleep(300);
    await shoot(page, '3c-catch-up', true);
    await clickSidebar(page, 'button.catch-up-toggle');

    console.log('4. Answer the current question from the sidebar: the post is prefilled and tagged.');
    await clickSidebar(page, '[data-testid="current-question"] .question-answer');
    await page.waitFor(() => window.__standin.composers().some((c) => c.where === 'modal' && c.text.includes('#blogchat')));
    await page.type('Start before you feel ready — you learn by doing', 20);
    await sleep(300);
    await shoot(page, '4-answer-composer', true);
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="tweetButton"]')?.click());
    await sleep(500);

    console.log('4a. The host console: the plan, "Post Q1" prefilling the composer, Q1 marked posted and the timer.');
    const hosts = await hostThisChat(browser, true);
    await page.reload();
    await sidebarHas(page, '[data-testid="host-next"]');
    // The welcome, then Q1: each opens the composer prefilled, and is marked posted once in the timeline.
    for (const [opening, key] of [
      ['Welcome', 'welcome'],
      ['Q1) ', '1'],
    ] as const) {
      // Enter on the focused button: the console's lines move as the room fills, and a click may miss.
      await sidebarHas(page, '[data-testid="host-next"] button');
      await page.evaluate(() =>
        document
          .querySelector('chat-mode-sidebar')!
          .shadowRoot!.querySelector<HTMLElement>('[data-testid="host-next"] button')!
          .focus({ preventScroll: true }),
      );
      await page.press('Enter');
      await page.waitFor((start) => window.__standin.composers().some((c) => c.where === 'modal' && c.text.startsWith(start)), opening);
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="tweetButton"]')?.click());
      await sidebarHas(page, `[data-testid="host-console"] li[data-key="${key}"][data-posted="true"]`);
    }
    await page.evaluate(() =>
      window.__standin.pushTweets([
        { handle: 'WriterAnna', name: 'Anna Writes', text: 'A1 a friend dared me to, ten years ago #blogchat' },
        { handle: 'NewHere', name: 'New Here', text: '@standin_user is there a transcript after? #blogchat' },
      ]),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await sleep(1500);
    await shoot(page, '4a-host-console', true);
    await hostThisChat(browser, false, hosts);
    await page.reload();
    await sidebarHas(page, 'button[role="switch"][aria-checked="true"]');

    console.log('5. x.com in dark theme: the sidebar and highlights follow.');
    await page.evaluate(() => window.__standin.setTheme('dark'));
    await sidebarHas(page, 'aside[data-theme="dark"]');
    await sleep(300);
    await shoot(page, '5-chat-mode-dark', true);

    console.log('6. Collapsed, it leaves x.com almost untouched (remembered for this chat).');
    await clickSidebar(page, 'button[aria-controls]');
    await sidebarHas(page, 'aside[data-collapsed="true"]');
    await shoot(page, '6-sidebar-collapsed');

    // Leave the demo profile as a first-time user would find it.
    await clickSidebar(page, 'button[aria-controls]');
    await sidebarHas(page, 'aside[data-collapsed="false"][aria-busy="false"]');
    await clickSidebar(page, 'button[role="switch"]');
    await sidebarHas(page, 'button[role="switch"][aria-checked="false"]');
    await page.evaluate(() => window.__standin.setTheme('light'));

    console.log('7. The popup: the chat live now or next, in your time zone.');
    const popup = await browser.newPage();
    await popup.setViewport(380, 560);
    await popup.goto(`${browser.extensionOrigin}popup.html`);
    await sleep(800);
    await shoot(popup, '7-popup');

    console.log('8. The promo tile of the store listing.');
    const tile = await browser.newPage();
    await tile.setViewport(440, 280);
    await tile.goto(pathToFileURL(`${storeDir}/promo-tile.html`).href);
    await tile.waitFor(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    await tile.screenshot(`${storeDir}/promo-tile-440x280.png`);
    console.log('   saved store/promo-tile-440x280.png');
  } finally {
    await browser.close();
  }
  console.log(`Screenshots are in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
