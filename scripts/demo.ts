// `npm run demo`: runs the built extension in Chromium on the bundled x.com stand-in with a sample
// #blogchat, plays a short scripted chat and saves screenshots. Headed when a display exists.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers } from '../tests/e2e/harness/browsers.ts';
import { launch, type ExtPage } from '../tests/e2e/harness/session.ts';
// @ts-expect-error -- plain ESM module without type declarations
import { standinResponse } from '../tests/site/serve.mjs';
import type { StandinApi } from '../tests/site/src/api.ts';

declare global {
  interface Window {
    __standin: StandinApi;
  }
}

const outDir = resolve(process.env.DEMO_OUT ?? 'demo-screenshots');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

async function shoot(page: ExtPage, name: string): Promise<void> {
  const path = `${outDir}/${name}.png`;
  await page.screenshot(path);
  console.log(`  saved ${path}`);
}

const sidebarReady = () => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[aria-controls]:not([disabled])');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const [chromium] = ensureBrowsers(['chromium']);
  if (!chromium) throw new Error('Chromium is required for the demo.');
  console.log(`Demo in ${chromium.version}, ${headless ? 'headless' : 'headed'}.`);
  const browser = await launch({ browser: chromium, extensionDir: '.output/chrome-mv3', respond: standinResponse, headless, viewport: { width: 1400, height: 900 } });
  try {
    const page = await browser.newPage();
    console.log('1. A #blogchat search in Latest, with chat mode sidebar:');
    await page.goto('https://x.com/search?q=%23blogchat&f=live');
    await page.waitFor(sidebarReady);
    await shoot(page, '1-sidebar-light');

    console.log('2. The chat goes on: new tweets arrive live.');
    await page.evaluate(() => window.__standin.pushTweets(8));
    await new Promise((r) => setTimeout(r, 500));
    await shoot(page, '2-live-arrivals');

    console.log('3. x.com in dark theme: the sidebar follows.');
    await page.evaluate(() => window.__standin.setTheme('dark'));
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-theme="dark"]'));
    await shoot(page, '3-sidebar-dark');

    console.log('4. Collapsed, it leaves x.com almost untouched (remembered for this chat).');
    const box = await page.evaluate(() => {
      const r = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[aria-controls]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.clickAt(box.x, box.y);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-collapsed="true"]'));
    await shoot(page, '4-sidebar-collapsed');
    await page.clickAt(box.x, box.y); // leave it expanded for the next run
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-collapsed="false"]'));
    await page.evaluate(() => window.__standin.setTheme('light'));
  } finally {
    await browser.close();
  }
  console.log(`Screenshots are in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
