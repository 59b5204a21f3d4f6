// Content-script side of `tweets/put`: an outbox of seen tweets, sent in batches and retried until the
// background acknowledges them. MV3 stops the worker at will; the background is idempotent (a batch
// keeps its batchId across retries, and a chat's tweet is stored once by [tag, id]), so nothing is
// lost and nothing is stored twice. Unacknowledged tweets are kept in the tab's storage (extension-only,
// see lib/tab-storage) so that a reload resends them (how: ./outbox-chunks). The queue is bounded: past
// `maxPending` the oldest tweets are dropped, and counted.
// No DOM import: storage is injected.
import type { Tag } from './chat/types';
import { chunkStorage, type Chunk } from './outbox-chunks';
import type { OutboxBatch, OutboxError, OutboxOptions } from './outbox-options';
import type { StoredTweetInput } from './protocol/domain';
import { LIMITS, type RequestOf, type ResponseOf } from './protocol/requests';
import { checkTweet } from './protocol/validation';
import { backoffMs, PERMANENT_ERRORS } from './retry';

export interface Outbox {
  /** Queues tweets seen in chat `tag`; returns how many were new. */
  add(tag: Tag, tweets: readonly StoredTweetInput[]): number;
  /** Tweets not yet acknowledged (queued or in batches). */
  pending(): number;
  /** Sends now; resolves when everything pending is acknowledged (or dropped), or on dispose. */
  flush(): Promise<void>;
  /** Stops timers. Unacknowledged tweets stay in storage for the next page. */
  dispose(): void;
  /**
   * `dropped`: tweets given up because more than `maxPending` were waiting. `accepted`: tweets `add`
   * has queued so far, a running total (tells a tweet that came and went between two looks at `pending`).
   */
  stats(): { pending: number; batches: number; remembered: number; attempt: number; dropped: number; accepted: number };
}

const DEFAULT_PREFIX = 'outbox:';
function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? 100, LIMITS.maxBatch));
  const flushDelayMs = options.flushDelayMs ?? 500;
  const maxDelayMs = Math.max(flushDelayMs, options.maxDelayMs ?? 1_000);
  const baseMs = options.retry?.baseMs ?? 500;
  const maxMs = options.retry?.maxMs ?? 10_000;
  const rememberIds = options.rememberIds ?? 5_000;
  const maxPending = Math.max(maxBatch, options.maxPending ?? 5_000);
  const kept = chunkStorage(options.storage, options.storagePrefix ?? DEFAULT_PREFIX);
  const newId = options.newId ?? defaultId;
  const random = options.random ?? Math.random;
  /** Names this page's chunks apart from those of the pages before it in the tab. */
  const page = defaultId()
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 12);

  /** Chunks not yet in a batch, oldest first; then batches, oldest first (`batches[0]` is the one being sent). */
  let queue: Chunk[] = [];
  const batches: Chunk[] = [];
  let queued = 0;
  let batched = 0;
  let dropped = 0;
  let nextN = 0;
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
  const pending = () => queued + batched;
  const asBatch = (c: Chunk): OutboxBatch => ({ batchId: c.batchId!, tag: c.tag, tweets: c.tweets });

  function remember(key: string): void {
    seen.delete(key);
    seen.set(key, true);
    if (seen.size > rememberIds) seen.delete(seen.keys().next().value as string);
  }

  /** Past `maxPending`, drops the oldest chunks, never the batch being sent. */
  function trim(): void {
    while (pending() > maxPending) {
      const victim = batches.length > (inFlight ? 1 : 0) ? batches.splice(inFlight ? 1 : 0, 1)[0]! : queue.shift();
      if (!victim) return;
      if (victim.batchId) batched -= victim.tweets.length;
      else queued -= victim.tweets.length;
      dropped += victim.tweets.length;
      kept.forget(victim.key);
    }
  }

  function restore(): void {
    const now = Date.now();
    for (const chunk of kept.load(now)) {
      nextN = Math.max(nextN, chunk.n + 1);
      const tweets = chunk.tweets.filter((t) => !seen.has(keyOf(chunk.tag, t.id)));
      tweets.forEach((t) => remember(keyOf(chunk.tag, t.id)));
      if (tweets.length === 0) {
        kept.forget(chunk.key);
        continue;
      }
      const restored = { ...chunk, tweets };
      if (restored.batchId) {
        batches.push(restored);
        batched += tweets.length;
      } else {
        queue.push(restored);
        queued += tweets.length;
      }
    }
    if (queued > 0) firstQueuedAt = lastQueuedAt = now;
    trim();
  }

  /** Turns everything queued into batches of one chat each, keeping order within a chat. */
  function formBatches(): void {
    if (queue.length === 0) return;
    const byTag = new Map<Tag, StoredTweetInput[]>();
    for (const { tag, tweets } of queue) {
      const list = byTag.get(tag) ?? [];
      list.push(...tweets);
      byTag.set(tag, list);
    }
    const formed = queue;
    queue = [];
    queued = 0;
    for (const [tag, tweets] of byTag) {
      for (let i = 0; i < tweets.length; i += maxBatch) {
        const batchId = newId();
        const batch: Chunk = { key: kept.batchKey(batchId), n: nextN++, tag, tweets: tweets.slice(i, i + maxBatch), batchId };
        batches.push(batch);
        batched += batch.tweets.length;
        kept.keep(batch);
      }
    }
    // Kept as batches first: a reload in between finds both, and the tweets count once.
    for (const chunk of formed) kept.forget(chunk.key);
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

  /** The batch being sent is done with (acknowledged, or refused for good). */
  function settle(batch: Chunk): void {
    batches.shift();
    batched -= batch.tweets.length;
    kept.forget(batch.key);
  }

  function pump(): void {
    if (disposed || inFlight || retryTimer !== undefined) return;
    const batch = batches[0];
    if (!batch) {
      settleWaiters();
      return;
    }
    inFlight = true;
    const request: RequestOf<'tweets/put'> = { type: 'tweets/put', batchId: batch.batchId!, tag: batch.tag, tweets: batch.tweets };
    // `void`: a failed send becomes a reply below; a throw from onDrop/onError surfaces as unhandled.
    void Promise.resolve()
      .then(() => options.send(request))
      .catch((e: unknown): ResponseOf<'tweets/put'> => ({
        ok: false,
        error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
      }))
      .then((reply) => {
        inFlight = false;
        if (disposed) return;
        if (reply && reply.ok) {
          settle(batch);
          attempt = 0;
        } else {
          const error: OutboxError = reply?.error ?? { code: 'unavailable', message: 'No reply.' };
          if (PERMANENT_ERRORS.has(error.code)) {
            settle(batch);
            options.onDrop?.(error, asBatch(batch));
          } else {
            attempt++;
            options.onError?.(error, asBatch(batch));
            retryTimer = setTimeout(
              () => {
                retryTimer = undefined;
                pump();
              },
              backoffMs(attempt, baseMs, maxMs, random),
            );
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
      const fresh: StoredTweetInput[] = [];
      for (const raw of tweets) {
        const c = checkTweet(raw);
        if (!c.ok) {
          options.onInvalid?.(c.message);
          continue;
        }
        const key = keyOf(tag, c.tweet.id);
        if (seen.has(key)) continue;
        remember(key);
        fresh.push(c.tweet);
      }
      if (fresh.length === 0) return 0;
      accepted += fresh.length;
      lastQueuedAt = Date.now();
      if (queued === 0) firstQueuedAt = lastQueuedAt;
      // One item per maxBatch tweets added: what is written is what was added, whatever waits already.
      for (let i = 0; i < fresh.length; i += maxBatch) {
        const n = nextN++;
        const chunk: Chunk = { key: kept.queuedKey(page, n), n, tag, tweets: fresh.slice(i, i + maxBatch) };
        queue.push(chunk);
        queued += chunk.tweets.length;
        kept.keep(chunk);
      }
      trim();
      if (queued >= maxBatch) {
        formBatches();
        pump();
      }
      if (queued > 0) scheduleFlush();
      return fresh.length;
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
    stats: () => ({ pending: pending(), batches: batches.length, remembered: seen.size, attempt, dropped, accepted }),
  };
}
