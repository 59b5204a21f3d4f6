// Opening the chat page of a run: the stand-in configured the same way in every run, chat mode switched
// on (with the extension), and the page-world counters every run shares.
import type { BenchBrowser } from './launch.ts';
import { sendFromContentScript } from './probe.ts';

const FIXED_NOW = 1795000000000;
const CHAT_URL = 'https://x.com/search?q=%23blogchat&f=live';
const CHAT_TAG = 'blogchat';

/** What the build runs: all of it, or all but one feature (its name) or the sidebar (`sidebar`). */
export type Without = string | null;

/** Waits until chat mode runs: the sidebar's switch on, and cells marked when the live filter runs. */
async function chatModeRunning(b: BenchBrowser, without: Without): Promise<void> {
  await b.page.waitForFunction(
    ({ sidebar, marks }) => {
      const shadow = document.querySelector('chat-mode-sidebar')?.shadowRoot;
      const switched =
        !sidebar ||
        (shadow?.querySelector('button[role="switch"][aria-checked="true"]') && shadow.querySelector('aside[aria-busy="false"]'));
      return switched && (!marks || document.querySelector('[data-testid="cellInnerDiv"][data-chatmode-hidden]'));
    },
    { sidebar: without !== 'sidebar', marks: without !== 'live-filter' },
    { timeout: 30_000 },
  );
}

/** With the sidebar: a real click on its switch. Without it: the setting sent as the sidebar would, then a reload. */
async function switchChatModeOn(b: BenchBrowser, without: Without): Promise<void> {
  const page = b.page;
  if (without === 'sidebar') {
    const reply = (await sendFromContentScript(b, { type: 'chat/update', tag: CHAT_TAG, patch: { chatMode: true } })) as
      { ok?: boolean } | undefined;
    if (!reply?.ok) throw new Error(`chat/update failed: ${JSON.stringify(reply)}`);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
  } else {
    const sw = () => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])');
    await page.waitForFunction(sw, undefined, { timeout: 30_000 });
    const box = await page.evaluate(() => {
      const r = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[role="switch"]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
  }
  await chatModeRunning(b, without);
}

export async function openChat(b: BenchBrowser, initial: number, without: Without): Promise<void> {
  const page = b.page;
  await page.goto('https://x.com/robots-placeholder', { waitUntil: 'load' });
  await page.evaluate((c) => localStorage.setItem('standin:config', JSON.stringify(c)), {
    seed: 7,
    count: initial,
    now: FIXED_NOW,
    stress: true,
    loadDelay: 0,
  });
  await page.goto(CHAT_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
  if (b.extensionId) await switchChatModeOn(b, without);
  // Counters in the page's own world, installed the same way in both runs.
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { cells: number; longest: number } };
    w.__bench = { cells: 0, longest: 0 };
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          if (n.matches('[data-testid="cellInnerDiv"]')) w.__bench.cells++;
          else w.__bench.cells += n.querySelectorAll('[data-testid="cellInnerDiv"]').length;
        }
    }).observe(document.body, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await new Promise((r) => setTimeout(r, 1000));
}
