// Store figures, in the extension's own browser: the real write path (content script → `tweets/put`
// messages → the background's handler → putTweetBatch) against a plain bulk put into a scratch
// IndexedDB database in the same service worker, and the transcript export.
import type { BenchBrowser } from './launch.ts';
import { evaluateIn, isolatedWorld } from './probe.ts';

export interface StoreResult {
  tweets: number;
  batchSize: number;
  /** Real path: `tweets/put` messages of `batchSize` tweets, one at a time as the outbox sends them. */
  realMs: number;
  realPerSecond: number;
  /** Plain `put` of the same records, one readwrite transaction per `batchSize` records. */
  plainMs: number;
  plainPerSecond: number;
  /** Plain `put` of all records in a single transaction (for reference). */
  plainOneTxMs: number;
  /** `export` (markdown) request from the content script, reply received. */
  exportMs: number;
  exportTweets: number;
  exportBytes: number;
}

const SHIM = 'var __name = (fn) => fn;';

// Runs in the content script's isolated world (chrome.runtime is there; the sender is the x.com tab).
const TWEETS_SOURCE = `
  function benchTweets(n) {
    const base = Date.UTC(2026, 0, 7, 1, 0, 0);
    const out = [];
    for (let i = 0; i < n; i++) {
      const q = (i % 10) + 1;
      const t = {
        id: '19' + String(i).padStart(17, '0'),
        author: { handle: 'participant' + (i % 97), name: 'Participant ' + (i % 97) },
        time: new Date(base + i * 500).toISOString(),
        text: 'A' + q + ') an answer of some length, as people write in a chat, number ' + i + ' #benchstore',
        kind: i % 7 === 0 ? 'reply' : 'tweet',
        lang: 'en',
      };
      if (i % 50 === 0) { t.question = String(q); t.text = 'Q' + q + ') a host question #benchstore'; }
      else t.answer = String(q);
      out.push(t);
    }
    return out;
  }`;

function realPathExpression(n: number, batch: number): string {
  return `${SHIM}(async () => {
    ${TWEETS_SOURCE}
    const tweets = benchTweets(${n});
    const start = performance.now();
    let stored = 0;
    for (let i = 0; i < tweets.length; i += ${batch}) {
      const reply = await chrome.runtime.sendMessage({ type: 'tweets/put', batchId: 'bench-' + i, tag: 'benchstore', tweets: tweets.slice(i, i + ${batch}) });
      if (!reply || !reply.ok) throw new Error('tweets/put failed: ' + JSON.stringify(reply));
      stored += reply.stored;
    }
    return { ms: performance.now() - start, stored };
  })()`;
}

function exportExpression(): string {
  return `${SHIM}(async () => {
    const list = await chrome.runtime.sendMessage({ type: 'sessions/list', tag: 'benchstore' });
    if (!list || !list.ok) throw new Error('sessions/list failed: ' + JSON.stringify(list));
    const session = list.sessions.reduce((a, s) => (!a || s.tweetCount > a.tweetCount ? s : a), null);
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'export', sessionId: session.id, format: 'markdown' });
    const ms = performance.now() - start;
    if (!reply || !reply.ok) throw new Error('export failed: ' + JSON.stringify(reply));
    return { ms, tweets: session.tweetCount, bytes: reply.body.length };
  })()`;
}

// Runs in the service worker: the same records as putTweetBatch writes, into a scratch database with
// the real store's key path and indexes, by plain put.
function plainPutExpression(n: number, batch: number): string {
  return `${SHIM}(async () => {
    ${TWEETS_SOURCE}
    const now = Date.now();
    const records = benchTweets(${n}).map((t) => ({ ...t, tag: 'benchstore', sessionId: 'benchstore:rolling', firstSeen: now, at: Date.parse(t.time) }));
    const name = 'bench-scratch-' + now;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const s = open.result.createObjectStore('tweets', { keyPath: ['tag', 'id'] });
        s.createIndex('by-tag-at', ['tag', 'at']);
        s.createIndex('by-session-at', ['sessionId', 'at']);
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const putAll = (list) => new Promise((resolve, reject) => {
      const tx = db.transaction('tweets', 'readwrite');
      const store = tx.objectStore('tweets');
      for (const r of list) store.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const clear = () => new Promise((resolve) => { const tx = db.transaction('tweets', 'readwrite'); tx.objectStore('tweets').clear(); tx.oncomplete = () => resolve(); });
    let start = performance.now();
    for (let i = 0; i < records.length; i += ${batch}) await putAll(records.slice(i, i + ${batch}));
    const batched = performance.now() - start;
    await clear();
    start = performance.now();
    await putAll(records);
    const oneTx = performance.now() - start;
    db.close();
    await new Promise((resolve) => { const d = indexedDB.deleteDatabase(name); d.onsuccess = d.onerror = d.onblocked = () => resolve(); });
    return { batched, oneTx };
  })()`;
}

export async function measureStore(b: BenchBrowser, tweets: number, batchSize = 100): Promise<StoreResult> {
  await b.page.goto('https://x.com/robots-placeholder', { waitUntil: 'load' });
  const contextId = await isolatedWorld(b);
  const real = (await evaluateIn(b, contextId, realPathExpression(tweets, batchSize))) as { ms: number; stored: number };
  if (real.stored !== tweets) throw new Error(`The real path stored ${real.stored} of ${tweets} tweets.`);
  const plain = await b.worker!.evaluate<{ batched: number; oneTx: number }>(plainPutExpression(tweets, batchSize));
  const exp = (await evaluateIn(b, contextId, exportExpression())) as { ms: number; tweets: number; bytes: number };
  return {
    tweets,
    batchSize,
    realMs: real.ms,
    realPerSecond: (tweets / real.ms) * 1000,
    plainMs: plain.batched,
    plainPerSecond: (tweets / plain.batched) * 1000,
    plainOneTxMs: plain.oneTx,
    exportMs: exp.ms,
    exportTweets: exp.tweets,
    exportBytes: exp.bytes,
  };
}
