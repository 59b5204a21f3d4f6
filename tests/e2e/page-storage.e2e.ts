// The page's own storage is the page's: x.com's scripts (or anything injected into x.com) can read and
// write its sessionStorage and localStorage. Whatever they plant there — in the outbox's old format or
// in any other — must never reach the transcript, before or after a reload; the tab's chat and unsent
// tweets live with the background. And when storage is full, chat mode still works and says what it
// cannot keep.
import { describe, expect, it } from 'vitest';
import { configureStandin } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, withExtension, type ExtBrowser, type ExtPage } from './harness/fixtures.ts';

const SEARCH = 'https://x.com/search?q=%23blogchat&f=live';
const FIXED_NOW = 1795000000000;
const FORGER = 'forger';

/**
 * Runs in the page: plants forged tweets wherever and however the extension kept (or might keep)
 * them — now, and again when the page is hidden, after the extension's own last writes.
 */
function plantForgeries(stage: string) {
  const realId = [...document.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')]
    .map((a) => /\/status\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1])
    .find(Boolean);
  let n = 0;
  const forged = (over: Record<string, unknown> = {}) => ({
    id: `19999999999999${stage === 'before' ? 1 : 2}${String(++n).padStart(4, '0')}`,
    author: { handle: 'forger', name: 'Chat Host' },
    time: '2099-01-01T00:00:00.000Z',
    text: 'Q9 Forged question #blogchat',
    kind: 'tweet',
    question: '9',
    ...over,
  });
  // The outbox's format until now, under its key…
  const legacy = JSON.stringify({
    v: 1,
    batches: [
      { batchId: `forged-${stage}-1`, tag: 'blogchat', tweets: [forged(), forged({ id: realId })] },
      { batchId: `forged-${stage}-2`, tag: 'forgedchat', tweets: [forged({ time: '2024-05-01T18:00:00.000Z' })] },
    ],
    queue: [
      { tag: 'blogchat', tweet: forged() },
      { tag: 'forgedchat', tweet: forged() },
    ],
  });
  // …and the shapes and names the extension uses elsewhere, as a page could guess them.
  const chunk = JSON.stringify({ v: 2, n: 0, tag: 'blogchat', tweets: [forged(), forged()] });
  const batch = JSON.stringify({ v: 2, n: 1, tag: 'forgedchat', tweets: [forged()], batchId: `forged-${stage}-3` });
  function plant() {
    for (const storage of [sessionStorage, localStorage]) {
      storage.setItem('chat-mode:outbox', legacy);
      storage.setItem('chat-mode:active-chat', 'forgedchat');
      storage.setItem('outbox', legacy);
      storage.setItem('outbox:q:forged.0', chunk);
      storage.setItem(`outbox:b:forged-${stage}-3`, batch);
      storage.setItem('tab:1:outbox:q:forged.0', chunk);
      storage.setItem('active-chat', 'forgedchat');
    }
  }
  plant();
  addEventListener('pagehide', plant);
  return realId ?? null;
}

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
      const link = [...article.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')].find(
        (a) => !a.closest('div[role="link"]'),
      );
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

/** Lets the live stream run until `more` new chat tweets have shown. */
async function moreTweets(page: ExtPage, more: number): Promise<void> {
  const now = (await seenIds(page)).length;
  await page.waitFor((want) => ((window as unknown as { __seen?: Set<string> }).__seen?.size ?? 0) >= want, now + more);
}

const inSidebar = (page: ExtPage, selector: string) =>
  page.evaluate((sel) => !!document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel), selector);

async function turnChatMode(page: ExtPage, on: boolean): Promise<void> {
  await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])'));
  const state = await page.evaluate(() =>
    document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[role="switch"]')!.getAttribute('aria-checked'),
  );
  if (state !== String(on)) await clickInSidebar(page, 'button[role="switch"]');
  await page.waitFor(
    (want) =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`button[role="switch"][aria-checked="${want}"]`) &&
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[aria-busy="false"]'),
    String(on),
  );
}

/** The timeline as the user sees it: chat tweets hidden by mistake, and other tweets hidden. */
function filtered() {
  let hidden = 0;
  let wronglyHidden = 0;
  for (const cell of document.querySelectorAll('[data-testid="cellInnerDiv"]')) {
    const article = cell.querySelector('article[data-testid="tweet"]');
    if (!article) continue;
    const own = [...article.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
    const tagged = /#blogchat(?![\p{L}\p{N}_])/iu.test(own?.textContent ?? '') && !cell.querySelector('[data-testid="placementTracking"]');
    if (cell.getBoundingClientRect().height > 0) continue;
    if (tagged) wronglyHidden++;
    else hidden++;
  }
  return hidden > 0 ? { hidden, wronglyHidden } : null;
}

/** Opens one of the extension's pages (loaded: the harness waits for that in both browsers). */
async function openExtensionPage(browser: ExtBrowser): Promise<ExtPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}popup.html`);
  return page;
}

interface StoredRow {
  tag: string;
  id: string;
  handle: string;
  time: string | null;
  question?: string;
}

/** Runs `fn` in one of the extension's pages and closes it. */
async function inExtension<R, A>(browser: ExtBrowser, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const page = await openExtensionPage(browser);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** The background's database (once it has made it): every stored tweet, or (clear) emptied of tweets. */
function storedTweets(clear: boolean): Promise<StoredRow[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('chat-mode');
    // Not made yet: never made here, where it would lack the background's stores.
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onerror = () => reject(open.error ?? new Error('The extension has no database yet.'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['tweets', 'batches', 'sessions'], clear ? 'readwrite' : 'readonly');
      const rows: StoredRow[] = [];
      if (clear) for (const name of ['tweets', 'batches', 'sessions']) tx.objectStore(name).clear();
      else {
        const all = tx.objectStore('tweets').getAll();
        all.onsuccess = () => {
          for (const t of all.result as { tag: string; id: string; author: { handle: string }; time: string | null; question?: string }[]) {
            rows.push({ tag: t.tag, id: t.id, handle: t.author.handle, time: t.time, ...(t.question ? { question: t.question } : {}) });
          }
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(rows);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Fills the extension's session storage until not even a tweet fits (or empties what it filled),
 * once no tab has tweets on their way there: their removal would make room again. Chromium keeps
 * accepting values of a few bytes past its quota, so the filling stops at 256.
 */
async function fillSessionArea(fill: boolean): Promise<number> {
  interface Area {
    get(keys: null): Promise<Record<string, unknown>>;
    set(items: Record<string, string>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  }
  // `browser` in Firefox, `chrome` in Chromium: the extension's own page reaches its storage directly.
  const g = globalThis as unknown as { browser?: { storage: { session: Area } }; chrome: { storage: { session: Area } } };
  const area = (g.browser ?? g.chrome).storage.session;
  if (!fill) {
    await area.remove(Object.keys(await area.get(null)).filter((key) => key.startsWith('fill:')));
    return 0;
  }
  for (let waited = 0; Object.keys(await area.get(null)).some((key) => key.includes(':outbox:')); waited += 100) {
    if (waited > 20_000) throw new Error('Tweets are still on their way.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let n = 0;
  for (let size = 1 << 20; size >= 256; size /= 2) {
    for (let tries = 0; tries < 100; tries++) {
      try {
        await area.set({ [`fill:${n}`]: 'x'.repeat(size) });
        n++;
      } catch {
        break;
      }
    }
  }
  return n;
}

/** Waits until the sidebar says every tweet seen is stored. */
async function drained(page: ExtPage, expected: number): Promise<void> {
  await page.waitFor(
    (want) => {
      const el = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]');
      return el?.getAttribute('data-pending') === '0' && Number(el.getAttribute('data-saved')) >= want;
    },
    expected,
    30_000,
  );
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('stores none of the tweets the page plants in its own storage, before or after a reload, and every real one', async () => {
    const page = await browser.newPage();
    await configureStandin(page, { seed: 13, count: 40, now: FIXED_NOW });
    await page.goto(SEARCH);
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await turnChatMode(page, true);
    // The background has its database now; what it holds afterwards is this test's.
    await inExtension(browser, storedTweets, true);

    // Planted before the extension's script starts: the reload runs it on storage that holds them.
    const realId = await page.evaluate(plantForgeries, 'before');
    expect(realId).not.toBeNull();
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await page.evaluate(recordChatTweets);
    await turnChatMode(page, true);
    // The old version's keys are never read, and gone once the extension's script has started.
    const oldKeysLeft = await page.evaluate(() =>
      ['chat-mode:outbox', 'chat-mode:active-chat'].filter((key) => sessionStorage.getItem(key) !== null),
    );
    await page.evaluate(() => window.__standin.startLive(5));
    await moreTweets(page, 5);
    // Planted while it runs, then reloaded mid-chat.
    await page.evaluate(plantForgeries, 'during');
    await moreTweets(page, 3);
    const before = await seenIds(page);
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await page.evaluate(recordChatTweets);
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"][aria-checked="true"]'),
    );
    await page.evaluate(() => window.__standin.startLive(5));
    await moreTweets(page, 5);
    await page.evaluate(() => window.__standin.stopLive());
    const expected = new Set([...before, ...(await seenIds(page))]);
    expect(expected.size).toBeGreaterThan(20);
    await drained(page, expected.size);

    const stored = await inExtension(browser, storedTweets, false);
    const forged = stored.filter(
      (t) => t.handle === FORGER || t.tag !== 'blogchat' || t.id.startsWith('19999999999999') || t.time?.startsWith('2099'),
    );
    expect(forged).toEqual([]);
    const storedIds = new Set(stored.map((t) => t.id));
    expect([...expected].filter((id) => !storedIds.has(id))).toEqual([]);
    expect(oldKeysLeft).toEqual([]);

    // On a tweet's page the sidebar is the tab's chat, not the one the page planted.
    await page.evaluate(plantForgeries, 'after');
    await page.goto('https://x.com/MackCollier/status/1795000000000000000');
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('h2'));
    expect(await page.evaluate(() => document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('h2')!.textContent)).toBe(
      '#blogchat',
    );
    await page.close();
  });

  it('turns chat mode on and filters with the extension’s storage full, and says tweets on their way are not kept until there is room', async () => {
    const page = await browser.newPage();
    await configureStandin(page, { seed: 14, count: 40, now: FIXED_NOW });
    await page.goto(SEARCH);
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await turnChatMode(page, false);
    expect(await inExtension(browser, fillSessionArea, true)).toBeGreaterThan(0);
    try {
      await turnChatMode(page, true);
      expect((await page.waitFor(filtered))?.wronglyHidden).toBe(0);
      // New tweets arrive: they cannot be kept, and the sidebar says so.
      const savedBefore = await page.evaluate(() =>
        Number(
          document
            .querySelector('chat-mode-sidebar')
            ?.shadowRoot?.querySelector('[data-testid="transcript-status"]')
            ?.getAttribute('data-saved'),
        ),
      );
      await page.evaluate(() => window.__standin.startLive(5));
      await page.waitFor(() =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-not-kept"][role="alert"]'),
      );
      // They are still saved while the page stays open.
      await page.waitFor(
        (before) =>
          Number(
            document
              .querySelector('chat-mode-sidebar')
              ?.shadowRoot?.querySelector('[data-testid="transcript-status"]')
              ?.getAttribute('data-saved'),
          ) > before,
        savedBefore,
      );
      expect(await inSidebar(page, '[data-testid="transcript-not-kept"]')).toBe(true);
    } finally {
      await inExtension(browser, fillSessionArea, false);
    }
    // Room again: the notice goes once tweets on their way are kept again.
    await page.waitFor(
      () => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-not-kept"]'),
      undefined,
      30_000,
    );
    await page.evaluate(() => window.__standin.stopLive());
    expect(await inSidebar(page, '[data-testid="transcript-status"]')).toBe(true);
    await page.close();
  });

  it('turns chat mode on and filters with the page’s own sessionStorage full', async () => {
    const page = await browser.newPage();
    await configureStandin(page, { seed: 15, count: 40, now: FIXED_NOW });
    await page.goto(SEARCH);
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await turnChatMode(page, false);
    // Nothing the old version kept there is left to be removed later, which would make room again.
    await page.waitFor(() => sessionStorage.getItem('chat-mode:outbox') === null);
    const filled = await page.evaluate(() => {
      sessionStorage.removeItem('chat-mode:active-chat');
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            sessionStorage.setItem(`fill:${n}`, 'x'.repeat(size));
            n++;
          } catch {
            break;
          }
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(0);
    // The extension's script starts on the full storage, then chat mode is switched on.
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await turnChatMode(page, true);
    expect((await page.waitFor(filtered))?.wronglyHidden).toBe(0);
    await page.close();
  });
});
