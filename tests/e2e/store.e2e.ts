// Nothing seen in chat mode is lost: tweets read from the timeline during a live stream reach the
// background's IndexedDB exactly once, even when the MV3 service worker is stopped mid-chat
// (Chromium) or the page is reloaded mid-chat (both browsers; the outbox keeps unsent batches in
// sessionStorage).
import { describe, expect, it } from 'vitest';
import { configureStandin } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, withExtension, type ExtPage } from './harness/fixtures.ts';

/** Installs, in the page, a record of every chat tweet (tagged, not promoted) x.com's timeline shows. */
function recordChatTweets() {
  const w = window as unknown as { __seen?: Set<string> };
  if (w.__seen) return;
  const seen = (w.__seen = new Set<string>());
  const scan = (root: ParentNode) => {
    for (const article of root.querySelectorAll('[data-testid="cellInnerDiv"] article[data-testid="tweet"]')) {
      if (article.closest('[data-testid="placementTracking"]')) continue;
      const own = [...article.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
      if (!/#blogchat(?![\p{L}\p{N}_])/iu.test(own?.textContent ?? '')) continue;
      const link = [...article.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')].find((a) => !a.closest('div[role="link"]'));
      const id = /\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
      if (id) seen.add(id);
    }
  };
  scan(document);
  new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) scan(node.parentElement ?? node);
  }).observe(document.body, { childList: true, subtree: true });
}

const seenIds = (page: ExtPage) => page.evaluate(() => [...((window as unknown as { __seen?: Set<string> }).__seen ?? [])]);

const transcript = (page: ExtPage) =>
  page.evaluate(() => {
    const el = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]');
    return el ? { saved: el.getAttribute('data-saved'), pending: el.getAttribute('data-pending') } : null;
  });

async function startChat(page: ExtPage) {
  await configureStandin(page, { seed: 11, count: 40, now: 1795000000000 });
  await page.goto('https://x.com/search?q=%23blogchat&f=live');
  await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
  await page.evaluate(recordChatTweets);
  await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])'));
  await clickInSidebar(page, 'button[role="switch"]');
  await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]'));
  await page.evaluate(() => window.__standin.startLive(5));
}

/** Waits until the sidebar says every tweet is stored, and returns the stored count. */
async function drained(page: ExtPage, expected: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let last = await transcript(page);
  while (Date.now() < deadline && !(last?.pending === '0' && Number(last.saved) >= expected)) {
    await new Promise((r) => setTimeout(r, 250));
    last = await transcript(page);
  }
  return Number(last?.saved);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('stores every chat tweet of a live stream exactly once across a reload mid-chat', async () => {
    const page = await browser.newPage();
    await startChat(page);
    await sleep(2500);
    const before = await seenIds(page);
    await page.reload(); // unsent batches wait in sessionStorage; chat mode comes back on by itself
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await page.evaluate(recordChatTweets);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"][aria-checked="true"]'));
    await page.evaluate(() => window.__standin.startLive(5));
    await sleep(2500);
    await page.evaluate(() => window.__standin.stopLive());
    const expected = new Set([...before, ...(await seenIds(page))]);
    expect(expected.size).toBeGreaterThan(20);
    expect(await drained(page, expected.size)).toBe(expected.size);
    await page.close();
  });

  if (found.name === 'chromium') {
    it('loses nothing when the service worker is stopped again and again during a live stream', async () => {
      const page = await browser.newPage();
      await configureStandin(page, { seed: 12, count: 40, now: 1795000000000 });
      // Open the chat with chat mode on (the background has opened its database by then)…
      await page.goto('https://x.com/search?q=%23blogchat&f=live');
      await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])'));
      if ((await page.evaluate(() => document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[role="switch"]')!.getAttribute('aria-checked'))) !== 'true') {
        await clickInSidebar(page, 'button[role="switch"]');
      }
      await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]'));
      // …empty its transcript, so that what the worker holds afterwards is exactly this test's…
      await browser.evaluateInWorker!(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('chat-mode');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['tweets', 'batches', 'sessions'], 'readwrite');
          for (const name of ['tweets', 'batches', 'sessions']) tx.objectStore(name).clear();
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      });
      // …and read it afresh: a new page reads every tweet again.
      await page.reload();
      await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
      await page.evaluate(recordChatTweets);
      await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]'));
      await page.evaluate(() => window.__standin.startLive(5));
      for (let i = 0; i < 3; i++) {
        await sleep(1200);
        await browser.stopServiceWorker!();
      }
      await sleep(1200);
      await page.evaluate(() => window.__standin.stopLive());
      const expected = new Set(await seenIds(page));
      expect(expected.size).toBeGreaterThan(20);
      expect(await drained(page, expected.size)).toBe(expected.size);

      const stored = await browser.evaluateInWorker!(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('chat-mode');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = db.transaction('tweets').objectStore('tweets').getAllKeys();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return (keys as [string, string][]).filter(([tag]) => tag === 'blogchat').map(([, id]) => id);
      });
      expect(new Set(stored).size).toBe(stored.length);
      expect(stored.sort()).toEqual([...expected].sort());
      await page.close();
    });
  }
});
