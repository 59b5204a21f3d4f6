// Where the outbox's unacknowledged tweets wait across a page reload: one storage item per chunk (the
// tweets of one `add`, or a formed batch), written once and removed once, so keeping them costs what
// changed, never the whole queue. What is read back is checked like any input. No DOM import.
import type { Tag } from './chat/types';
import type { StoredTweetInput } from './protocol/domain';
import { LIMITS } from './protocol/requests';
import { BATCH_ID_RE, checkTweet, TAG_RE } from './protocol/validation';
import type { KeyValueStorage } from './tab-storage';

/** Tweets kept under one storage key: queued by one `add` (no batchId yet), or a formed batch. */
export interface Chunk {
  key: string;
  /** Order of creation, kept across reloads. */
  n: number;
  tag: Tag;
  tweets: StoredTweetInput[];
  batchId?: string;
}

interface Persisted {
  v: 2;
  n: number;
  tag: Tag;
  tweets: StoredTweetInput[];
  batchId?: string;
}

/** Restored tweets must be dated between x.com's first day and a little after now. */
const EARLIEST_TIME = Date.UTC(2006, 2, 21);
const MAX_AHEAD_MS = 10 * 60_000;

export interface ChunkStorage {
  /** The key of the `n`th chunk queued by page `page`. */
  queuedKey(page: string, n: number): string;
  batchKey(batchId: string): string;
  keep(chunk: Chunk): void;
  forget(key: string): void;
  /** Every well-formed chunk kept, oldest first; the others are removed. */
  load(now: number): Chunk[];
}

/** The chunks under `prefix` in `storage` (none kept without a storage). */
export function chunkStorage(storage: KeyValueStorage | undefined, prefix: string): ChunkStorage {
  // A storage that cannot keep a chunk (full) costs only its survival of a reload: the outbox still sends it.
  function keep(chunk: Chunk): void {
    try {
      const value: Persisted = {
        v: 2,
        n: chunk.n,
        tag: chunk.tag,
        tweets: chunk.tweets,
        ...(chunk.batchId ? { batchId: chunk.batchId } : {}),
      };
      // Made only if it is read back or sent: most chunks are acknowledged and forgotten before the tab
      // storage sends them (see writeDelayMs in ./tab-storage), and making them was a good part of `add`.
      storage?.setItem(chunk.key, () => JSON.stringify(value));
    } catch {
      // not kept across a reload; the tab storage reports that
    }
  }

  function forget(key: string): void {
    try {
      storage?.removeItem(key);
    } catch {
      // a stale item is resent after a reload, and the background ignores what it already has
    }
  }

  /** A kept chunk, checked like anything read back from storage: shape, tweets, times, its key. */
  function readChunk(key: string, raw: string | null, now: number): Chunk | null {
    let data: unknown;
    try {
      data = JSON.parse(raw ?? 'null');
    } catch {
      return null;
    }
    if (typeof data !== 'object' || data === null) return null;
    const { v, n, tag, tweets, batchId } = data as Partial<Persisted>;
    if (v !== 2 || !Number.isSafeInteger(n) || n! < 0 || typeof tag !== 'string' || !TAG_RE.test(tag)) return null;
    if (!Array.isArray(tweets) || tweets.length === 0 || tweets.length > LIMITS.maxBatch) return null;
    const kind = key.slice(prefix.length, prefix.length + 2);
    if (
      kind === 'b:'
        ? typeof batchId !== 'string' || !BATCH_ID_RE.test(batchId) || key !== `${prefix}b:${batchId}`
        : kind !== 'q:' || batchId !== undefined
    )
      return null;
    const valid = tweets.flatMap((t: unknown) => {
      const c = checkTweet(t);
      if (!c.ok) return [];
      const time = c.tweet.time === null ? null : Date.parse(c.tweet.time);
      return time === null || (time >= EARLIEST_TIME && time <= now + MAX_AHEAD_MS) ? [c.tweet] : [];
    });
    return valid.length > 0 ? { key, n: n!, tag, tweets: valid, ...(batchId ? { batchId } : {}) } : null;
  }

  function load(now: number): Chunk[] {
    if (!storage) return [];
    const chunks: Chunk[] = [];
    for (const key of storage.keys()) {
      if (!key.startsWith(prefix)) continue;
      const chunk = readChunk(key, storage.getItem(key), now);
      if (chunk) chunks.push(chunk);
      else forget(key);
    }
    return chunks.sort((a, b) => a.n - b.n);
  }

  return {
    queuedKey: (page, n) => `${prefix}q:${page}.${n}`,
    batchKey: (batchId) => `${prefix}b:${batchId}`,
    keep,
    forget,
    load,
  };
}
