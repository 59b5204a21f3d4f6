// Nothing seen in chat mode is lost: every chat tweet x.com's timeline shows during a live stream
// reaches the background's IndexedDB exactly once, even when the page is reloaded mid-chat (both
// browsers) or the MV3 service worker is stopped again and again (Chromium).
//
// The tests compare exact sets of tweet ids, never counts: the ids the page showed while chat mode
// filtered it (recorded by a script that runs before x.com's in every document, across reloads) and
// the ids in the database. They wait until the stored set contains the seen one, nothing is pending
// and the stored set has stopped changing, so a late tweet is told from a lost one; a failure lists
// the ids that differ with their text, kind and author.
import { describe, expect, it } from 'vitest';
import { configureStandin } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, SEARCH_BLOGCHAT, withExtension, type ExtBrowser, type ExtPage } from './harness/fixtures.ts';

const RECORD_KEY = 'e2e:seen-chat-tweets';

interface TweetInfo {
  text: string;
  kind: string;
  author: string;
}
type Tweets = Record<string, TweetInfo>;

/**
 * Installed in every document of the page before x.com's scripts: once `__e2eRecorder.start()` was
 * called in the tab, records by id every chat tweet (tagged or cut off by "Show more", not promoted)
 * that x.com's timeline shows while chat mode filters it (chat mode's stylesheet is in the page), in
 * sessionStorage, so the record continues across reloads. Read from the DOM, independently of what the
 * extension reads. The stand-in's generated tweets carry the tag as a word of its own, where this
 * pattern and x.com's hashtag rules (the extension's) agree.
 */
function installRecorder(recordKey: string) {
  if (location.hostname !== 'x.com') return;
  let seen = JSON.parse(sessionStorage.getItem(recordKey) ?? 'null') as Record<
    string,
    { text: string; kind: string; author: string }
  > | null;
  const chatMode = () => !!document.getElementById('chat-mode-page-style');
  const scan = (root: ParentNode) => {
    if (!seen || !chatMode()) return;
    let added = false;
    for (const article of root.querySelectorAll('[data-testid="cellInnerDiv"] article[data-testid="tweet"]')) {
      if (article.closest('[data-testid="placementTracking"]')) continue;
      const outside = (el: Element) => !el.closest('div[role="link"]'); // not the quoted tweet's
      const text = [...article.querySelectorAll('[data-testid="tweetText"]')].find(outside)?.textContent ?? '';
      const cut = [...article.querySelectorAll('[data-testid="tweet-text-show-more-link"]')].some(outside);
      if (!cut && !/#blogchat(?![\p{L}\p{N}_])/iu.test(text)) continue;
      const link = [...article.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')].find(outside);
      const [, author, id] = /^\/([^/]+)\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '') ?? [];
      if (!id || !author || seen[id]) continue;
      const kind = article.querySelector('[data-testid="socialContext"]')
        ? 'retweet'
        : article.querySelector('div[role="link"] [data-testid="tweetText"]')
          ? 'quote'
          : 'tweet';
      seen[id] = { text: text.slice(0, 70), kind, author };
      added = true;
    }
    if (added) sessionStorage.setItem(recordKey, JSON.stringify(seen));
  };
  // What is in the document when the observer runs (what x.com showed, not a cell it replaced within
  // the same task); everything when chat mode comes on, as the extension then reads every cell.
  let wasOn = false;
  new MutationObserver((mutations) => {
    const on = chatMode();
    if (on && !wasOn) scan(document);
    else
      for (const m of mutations)
        for (const node of m.addedNodes) if (node instanceof Element && node.isConnected) scan(node.parentElement ?? node);
    wasOn = on;
  }).observe(document, { childList: true, subtree: true });
  (window as unknown as { __e2eRecorder: unknown }).__e2eRecorder = {
    start() {
      seen ??= {};
      sessionStorage.setItem(recordKey, JSON.stringify(seen));
      scan(document);
    },
  };
}

async function newRecordedPage(browser: ExtBrowser, seed: number): Promise<ExtPage> {
  const page = await browser.newPage();
  await page.addInitScript(installRecorder, RECORD_KEY);
  // The stand-in's placeholder page is of x.com's origin: recording starts before the chat page opens.
  await configureStandin(page, { seed, count: 40, now: 1795000000000 });
  await page.evaluate(() => (window as unknown as { __e2eRecorder: { start(): void } }).__e2eRecorder.start());
  return page;
}

const seenTweets = (page: ExtPage): Promise<Tweets> =>
  page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}') as Tweets, RECORD_KEY);

/** Lets the live stream run until the page has shown `n` more chat tweets. */
async function liveTweets(page: ExtPage, n: number): Promise<void> {
  const from = Object.keys(await seenTweets(page)).length;
  await page.waitFor(
    ({ key, count }) => Object.keys(JSON.parse(sessionStorage.getItem(key) ?? '{}') as object).length >= count,
    { key: RECORD_KEY, count: from + n },
    60_000,
  );
}

interface Stored {
  tweets: Tweets;
  /** The chat's sessions' own tweet counts, summed: a tweet stored twice would count twice. */
  sessionTotal: number;
}

/** The chat's tweets in the background's database, read there (not through the extension's API). */
function storedTweets(browser: ExtBrowser): Promise<Stored> {
  return browser.evaluateInExtension(async () => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const open = indexedDB.open('chat-mode');
      // Not there yet: creating it is the extension's job (one made here would have none of its stores).
      open.onupgradeneeded = () => open.transaction!.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
    });
    if (!db) return { tweets: {}, sessionTotal: 0 };
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    type Row = { tag: string; id: string; text: string; kind: string; author: { handle: string } };
    const [tweets, sessions] = await Promise.all([all<Row>('tweets'), all<{ tag: string; tweetCount: number }>('sessions')]);
    db.close();
    const chat = 'blogchat';
    return {
      tweets: Object.fromEntries(
        tweets.filter((t) => t.tag === chat).map((t) => [t.id, { text: t.text.slice(0, 70), kind: t.kind, author: t.author.handle }]),
      ),
      sessionTotal: sessions.filter((s) => s.tag === chat).reduce((n, s) => n + s.tweetCount, 0),
    };
  });
}

/** Empties the transcripts, so that what the database holds afterwards is exactly this test's. */
function clearTranscripts(browser: ExtBrowser): Promise<void> {
  return browser.evaluateInExtension(async () => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const open = indexedDB.open('chat-mode');
      // Not there yet: creating it is the extension's job (one made here would have none of its stores).
      open.onupgradeneeded = () => open.transaction!.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
    });
    if (!db) return;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['tweets', 'batches', 'sessions'], 'readwrite');
      for (const name of ['tweets', 'batches', 'sessions']) tx.objectStore(name).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

const transcriptStatus = (page: ExtPage) =>
  page.evaluate(() => {
    const el = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]');
    return el ? { saved: el.getAttribute('data-saved'), pending: el.getAttribute('data-pending') } : null;
  });

/** Seen-but-not-stored and stored-but-not-seen ids, one line each with what the tweet was. */
function describeDifference(seen: Tweets, stored: Tweets): string {
  const line = (id: string, t: TweetInfo) => `  ${id} @${t.author} ${t.kind} ${JSON.stringify(t.text)}`;
  const lost = Object.keys(seen).filter((id) => !(id in stored));
  const extra = Object.keys(stored).filter((id) => !(id in seen));
  return [
    `seen ${Object.keys(seen).length}, stored ${Object.keys(stored).length}`,
    `seen but not stored (${lost.length}):`,
    ...lost.map((id) => line(id, seen[id]!)),
    `stored but not seen (${extra.length}):`,
    ...extra.map((id) => line(id, stored[id]!)),
  ].join('\n');
}

/**
 * Waits until every seen tweet is stored, nothing is pending and the database has stopped changing
 * (the same set twice, a second apart), then checks that the sets are equal, each tweet counted once
 * in its session, and that the sidebar soon says so too (it looks every 2 s while tweets move). At the
 * deadline, the difference is reported with the sidebar's pending count: a late tweet from a lost one.
 */
async function expectAllStored(page: ExtPage, browser: ExtBrowser): Promise<void> {
  const deadline = Date.now() + 60_000;
  let previous = '';
  let seen: Tweets;
  let stored: Stored;
  for (;;) {
    seen = await seenTweets(page);
    stored = await storedTweets(browser);
    const status = await transcriptStatus(page);
    const ids = Object.keys(stored.tweets).sort().join(',');
    const complete = Object.keys(seen).every((id) => id in stored.tweets) && status?.pending === '0';
    if ((complete && ids === previous) || Date.now() > deadline) break;
    previous = complete ? ids : '';
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const difference = describeDifference(seen, stored.tweets);
  expect(Object.keys(seen).length, 'a live stream long enough to mean something').toBeGreaterThan(20);
  expect(
    Object.keys(stored.tweets).sort(),
    `the stored ids are the seen ids (sidebar: ${JSON.stringify(await transcriptStatus(page))})\n${difference}`,
  ).toEqual(Object.keys(seen).sort());
  expect(stored.sessionTotal, 'each tweet counted once in its session').toBe(Object.keys(stored.tweets).length);
  const count = String(Object.keys(stored.tweets).length);
  await page
    .waitFor(
      (saved) =>
        document
          .querySelector('chat-mode-sidebar')
          ?.shadowRoot?.querySelector(`[data-testid="transcript-status"][data-saved="${saved}"][data-pending="0"]`),
      count,
      15_000,
    )
    .catch(() => undefined);
  expect(await transcriptStatus(page), 'the sidebar says every tweet is stored').toEqual({ saved: count, pending: '0' });
}

const sidebarSwitch = (page: ExtPage, checked?: boolean) =>
  page.waitFor(
    (state) =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector(`button[role="switch"]${state === undefined ? ':not([disabled])' : `[aria-checked="${state}"]`}`),
    checked,
    30_000,
  );

/** Opens the chat page with chat mode on (switching it on if it is not) and its transcript status shown. */
async function openChat(page: ExtPage): Promise<void> {
  await page.goto(SEARCH_BLOGCHAT);
  await sidebarSwitch(page);
  if (
    (await page.evaluate(() =>
      document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[role="switch"]')!.getAttribute('aria-checked'),
    )) !== 'true'
  ) {
    await clickInSidebar(page, 'button[role="switch"]');
  }
  await sidebarSwitch(page, true);
  await page.waitFor(
    () => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]'),
    undefined,
    30_000,
  );
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('stores every chat tweet of a live stream exactly once across a reload mid-chat', async () => {
    await clearTranscripts(browser);
    const page = await newRecordedPage(browser, 11);
    await openChat(page);
    await page.evaluate(() => window.__standin.startLive(5));
    await liveTweets(page, 8);
    // Reloaded while tweets keep arriving: the ones seen last are handed over as the page goes.
    await page.reload();
    await sidebarSwitch(page, true); // chat mode comes back on by itself
    await page.evaluate(() => window.__standin.startLive(5));
    await liveTweets(page, 8);
    await page.evaluate(() => window.__standin.stopLive());
    await expectAllStored(page, browser);
    await page.close();
  });

  if (found.name === 'chromium') {
    it('loses nothing when the service worker is stopped again and again during a live stream', async () => {
      await clearTranscripts(browser);
      const page = await newRecordedPage(browser, 12);
      await openChat(page);
      await page.evaluate(() => window.__standin.startLive(5));
      for (let i = 0; i < 3; i++) {
        await liveTweets(page, 4);
        await browser.stopServiceWorker!();
      }
      await liveTweets(page, 4);
      await page.evaluate(() => window.__standin.stopLive());
      await expectAllStored(page, browser);
      await page.close();
    });
  }
});
