// Content-script side of `tweets/put`: an outbox of seen tweets, sent in batches and retried until the
// background acknowledges them. MV3 stops the worker at will; the background is idempotent (a batch
// keeps its batchId across retries), so nothing is lost and nothing is stored twice.
// No DOM import: storage is injected (`sessionStorage` in the content script).
import type { Tag } from './chat/types';
import { checkTweet, type ErrorReply, type RequestOf, type ResponseOf, type StoredTweetInput } from './messages';

export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxBatch {
  batchId: string;
  tag: Tag;
  tweets: StoredTweetInput[];
}

export type OutboxError = ErrorReply['error'];

export interface OutboxOptions {
  /** Typically `client.send` from `createClient`; must not throw (a rejection is treated as `unavailable`). */
  send: (request: RequestOf<'tweets/put'>) => Promise<ResponseOf<'tweets/put'>>;
  maxBatch?: number;
  /** Queued tweets are sent this long after the first of them was queued (or at once when `maxBatch` are queued)… */
  flushDelayMs?: number;
  /**
   * …unless tweets are still arriving then: the batch waits for more, up to this long after its first
   * tweet (default 1,000 ms, at least `flushDelayMs`). Fewer, fuller batches under load: each batch is
   * one transaction in the background.
   */
  maxDelayMs?: number;
  retry?: { baseMs?: number; maxMs?: number };
  /** Where unacknowledged tweets survive a page reload (`sessionStorage`). */
  storage?: OutboxStorage;
  storageKey?: string;
  /** How many tweet keys are remembered for dedupe (queued or acknowledged); memory stays flat. */
  rememberIds?: number;
  newId?: () => string;
  /** Jitter source for the retry backoff, in [0, 1). */
  random?: () => number;
  /** A send failed and will be retried (e.g. `unavailable`, `quota-exceeded`). */
  onError?: (error: OutboxError, batch: OutboxBatch) => void;
  /** The background rejected a batch for good (`invalid-request`…); retrying would not help. */
  onDrop?: (error: OutboxError, batch: OutboxBatch) => void;
  /** A tweet failed validation in `add` and was skipped. */
  onInvalid?: (message: string) => void;
}

export interface Outbox {
  /** Queues tweets seen in chat `tag`; returns how many were new. */
  add(tag: Tag, tweets: readonly StoredTweetInput[]): number;
  /** Tweets not yet acknowledged (queued or in batches). */
  pending(): number;
  /** Sends now; resolves when everything pending is acknowledged (or dropped), or on dispose. */
  flush(): Promise<void>;
  /** Stops timers. Unacknowledged tweets stay in storage for the next page. */
  dispose(): void;
  /** `accepted`: tweets `add` has queued so far, a running total (tells a tweet that came and went between two looks at `pending`). */
  stats(): { pending: number; batches: number; remembered: number; attempt: number; accepted: number };
}

const PERMANENT: ReadonlySet<string> = new Set(['invalid-request', 'unknown-type', 'forbidden-sender']);
const DEFAULT_STORAGE_KEY = 'chat-mode:outbox';

interface Persisted {
  v: 1;
  batches: OutboxBatch[];
  queue: { tag: Tag; tweet: StoredTweetInput }[];
}

function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? 100, 500));
  const flushDelayMs = options.flushDelayMs ?? 500;
  const maxDelayMs = Math.max(flushDelayMs, options.maxDelayMs ?? 1_000);
  const baseMs = options.retry?.baseMs ?? 500;
  const maxMs = options.retry?.maxMs ?? 10_000;
  const rememberIds = options.rememberIds ?? 5_000;
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
  const newId = options.newId ?? defaultId;
  const random = options.random ?? Math.random;

  let queue: { tag: Tag; tweet: StoredTweetInput }[] = [];
  const batches: OutboxBatch[] = [];
  const seen = new Map<string, true>(); // insertion-ordered: a small LRU
  let inFlight = false;
  let attempt = 0;
  let accepted = 0;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest tweet still in `queue` was queued, and the newest (epoch ms). */
  let firstQueuedAt = 0;
  let lastQueuedAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let waiters: (() => void)[] = [];

  const keyOf = (tag: Tag, id: string) => `${tag}\u0000${id}`;

  function remember(key: string): void {
    seen.delete(key);
    seen.set(key, true);
    if (seen.size > rememberIds) seen.delete(seen.keys().next().value as string);
  }

  function pending(): number {
    return queue.length + batches.reduce((n, b) => n + b.tweets.length, 0);
  }

  function persist(): void {
    if (!options.storage) return;
    try {
      if (pending() === 0) options.storage.removeItem(storageKey);
      else options.storage.setItem(storageKey, JSON.stringify({ v: 1, batches, queue } satisfies Persisted));
    } catch {
      // storage full or unavailable: the in-memory outbox still works
    }
  }

  function restore(): void {
    if (!options.storage) return;
    let data: unknown;
    try {
      data = JSON.parse(options.storage.getItem(storageKey) ?? 'null');
    } catch {
      return;
    }
    if (typeof data !== 'object' || data === null) return;
    const { batches: b, queue: q } = data as Partial<Persisted>;
    for (const batch of Array.isArray(b) ? b : []) {
      if (typeof batch?.batchId !== 'string' || typeof batch.tag !== 'string' || !Array.isArray(batch.tweets)) continue;
      const tweets = batch.tweets.flatMap((t) => {
        const c = checkTweet(t);
        return c.ok ? [c.tweet] : [];
      });
      if (tweets.length === 0) continue;
      tweets.forEach((t) => remember(keyOf(batch.tag, t.id)));
      batches.push({ batchId: batch.batchId, tag: batch.tag, tweets });
    }
    for (const item of Array.isArray(q) ? q : []) {
      const c = checkTweet(item?.tweet);
      if (!c.ok || typeof item.tag !== 'string' || seen.has(keyOf(item.tag, c.tweet.id))) continue;
      remember(keyOf(item.tag, c.tweet.id));
      queue.push({ tag: item.tag, tweet: c.tweet });
    }
  }

  /** Turns everything queued into batches of one chat each, keeping order within a chat. */
  function formBatches(): void {
    if (queue.length === 0) return;
    const byTag = new Map<Tag, StoredTweetInput[]>();
    for (const { tag, tweet } of queue) {
      const list = byTag.get(tag) ?? [];
      list.push(tweet);
      byTag.set(tag, list);
    }
    queue = [];
    for (const [tag, tweets] of byTag) {
      for (let i = 0; i < tweets.length; i += maxBatch) {
        batches.push({ batchId: newId(), tag, tweets: tweets.slice(i, i + maxBatch) });
      }
    }
    persist();
  }

  function settleWaiters(): void {
    if (pending() > 0 && !disposed) return;
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve());
  }

  function scheduleFlush(delayMs = flushDelayMs): void {
    if (flushTimer !== undefined || disposed) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      // Tweets queued in the last half of the wait mean more are coming (the user is reading a live
      // chat): wait for them, up to maxDelayMs after the first, so the batch is fuller. `add` still
      // sends at once when maxBatch are queued, so a busy chat is not held back.
      const now = Date.now();
      const waitMore = firstQueuedAt + maxDelayMs - now;
      if (queue.length > 0 && now - lastQueuedAt < flushDelayMs / 2 && waitMore > 0) {
        scheduleFlush(waitMore);
        return;
      }
      formBatches();
      pump();
    }, delayMs);
  }

  function backoff(): number {
    const full = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
    return Math.round(full / 2 + (random() * full) / 2);
  }

  function pump(): void {
    if (disposed || inFlight || retryTimer !== undefined) return;
    const batch = batches[0];
    if (!batch) {
      settleWaiters();
      return;
    }
    inFlight = true;
    const request: RequestOf<'tweets/put'> = { type: 'tweets/put', batchId: batch.batchId, tag: batch.tag, tweets: batch.tweets };
    Promise.resolve()
      .then(() => options.send(request))
      .catch((e: unknown): ResponseOf<'tweets/put'> => ({
        ok: false,
        error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
      }))
      .then((reply) => {
        inFlight = false;
        if (disposed) return;
        if (reply && reply.ok) {
          batches.shift();
          attempt = 0;
          persist();
        } else {
          const error: OutboxError = reply?.error ?? { code: 'unavailable', message: 'No reply.' };
          if (PERMANENT.has(error.code)) {
            batches.shift();
            persist();
            options.onDrop?.(error, batch);
          } else {
            attempt++;
            options.onError?.(error, batch);
            retryTimer = setTimeout(() => {
              retryTimer = undefined;
              pump();
            }, backoff());
            return;
          }
        }
        pump();
      });
  }

  restore();
  if (pending() > 0) scheduleFlush();

  return {
    add(tag, tweets) {
      if (disposed) return 0;
      let added = 0;
      for (const raw of tweets) {
        const c = checkTweet(raw);
        if (!c.ok) {
          options.onInvalid?.(c.message);
          continue;
        }
        const key = keyOf(tag, c.tweet.id);
        if (seen.has(key)) continue;
        remember(key);
        queue.push({ tag, tweet: c.tweet });
        added++;
      }
      if (added === 0) return 0;
      accepted += added;
      lastQueuedAt = Date.now();
      if (queue.length === added) firstQueuedAt = lastQueuedAt;
      persist();
      if (queue.length >= maxBatch) {
        formBatches();
        pump();
      }
      if (queue.length > 0) scheduleFlush();
      return added;
    },
    pending,
    flush() {
      if (disposed) return Promise.resolve();
      const done = new Promise<void>((resolve) => waiters.push(resolve));
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      flushTimer = undefined;
      formBatches();
      if (retryTimer !== undefined) {
        // Asked to send now: try at once instead of waiting out the backoff.
        clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      pump();
      settleWaiters();
      return done;
    },
    dispose() {
      disposed = true;
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      flushTimer = retryTimer = undefined;
      settleWaiters();
    },
    stats: () => ({ pending: pending(), batches: batches.length, remembered: seen.size, attempt, accepted }),
  };
}
