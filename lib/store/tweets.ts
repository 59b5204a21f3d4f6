// Seen tweets: batched, deduplicated, idempotent writes; a cap per chat; a clear quota error.
import type { Tag } from '../chat/types';
import { errorReply, type ErrorReply, type StoredTweetInput } from '../messages';
import { effectiveTime, type StoredTweet, type StoreDB } from './schema';
import { SessionAssigner, allOfTag, type SessionFor, type WriteTx } from './sessions';

export const DEFAULT_CAP_PER_CHAT = 20_000;
/** Processed batch ids are remembered this long (a page's outbox never retries longer). */
export const BATCH_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

export interface PutOptions {
  sessionFor?: SessionFor;
  /** Most tweets kept per chat; the oldest sessions are evicted first, never the current one. */
  cap?: number;
  gapMs?: number;
}

export type PutResult =
  | { ok: true; batchId: string; stored: number; duplicates: number; evicted: number; replayed: boolean }
  | ErrorReply;

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export function quotaMessage(tag: Tag): string {
  return (
    `Storage is full: the browser refused to save more tweets of #${tag}. ` +
    'Export and then delete older chats, or free some disk space. Tweets not saved yet are kept and retried.'
  );
}

/**
 * Writes one batch of tweets seen in chat `tag` in ONE readwrite transaction: skips tweets already
 * stored for this chat (key `[tag, id]`), assigns the new ones to sessions, records `batchId` so a
 * replayed batch is a no-op, and evicts the chat's oldest sessions above the cap. A full disk gives a
 * `quota-exceeded` reply and nothing of the batch is written; other errors are thrown.
 */
export async function putTweetBatch(
  db: StoreDB,
  tag: Tag,
  batchId: string,
  tweets: StoredTweetInput[],
  now: number,
  options: PutOptions = {},
): Promise<PutResult> {
  const tx: WriteTx = db.transaction(['tweets', 'sessions', 'batches', 'chats'], 'readwrite');
  try {
    const result = await writeBatch(tx, tag, batchId, tweets, now, options);
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // the transaction already finished or aborted
    }
    await tx.done.catch(() => undefined);
    if (isQuotaError(e)) return errorReply('quota-exceeded', quotaMessage(tag));
    throw e;
  }
}

async function writeBatch(
  tx: WriteTx,
  tag: Tag,
  batchId: string,
  tweets: StoredTweetInput[],
  now: number,
  options: PutOptions,
): Promise<Extract<PutResult, { ok: true }>> {
  const batches = tx.objectStore('batches');
  if (await batches.get(batchId)) {
    return { ok: true, batchId, stored: 0, duplicates: tweets.length, evicted: 0, replayed: true };
  }
  const store = tx.objectStore('tweets');
  const fresh: { tweet: StoredTweetInput; at: number }[] = [];
  const inBatch = new Set<string>();
  let duplicates = 0;
  for (const tweet of tweets) {
    if (inBatch.has(tweet.id)) {
      duplicates++;
      continue;
    }
    inBatch.add(tweet.id);
    const existing = await store.get([tag, tweet.id]);
    if (existing) {
      duplicates++;
      // A label the content script worked out later (e.g. once the host's question was seen) is kept.
      if ((tweet.question && !existing.question) || (tweet.answer && !existing.answer)) {
        await store.put({ ...existing, question: existing.question ?? tweet.question, answer: existing.answer ?? tweet.answer });
      }
      continue;
    }
    fresh.push({ tweet, at: effectiveTime(tweet.time, now) });
  }

  fresh.sort((a, b) => a.at - b.at);
  let evicted = 0;
  if (fresh.length > 0) {
    const range = { min: fresh[0]!.at, max: fresh[fresh.length - 1]!.at };
    // Read in this transaction, so a schedule changed by a concurrent `chat/update` is seen whole or not at all.
    const chat = options.sessionFor ? await tx.objectStore('chats').get(tag) : undefined;
    const assigner = new SessionAssigner(tx, tag, range, options.sessionFor, options.gapMs, chat);
    for (const { tweet, at } of fresh) {
      const session = await assigner.assign(at);
      session.tweetCount++;
      const record: StoredTweet = { ...tweet, tag, sessionId: session.id, firstSeen: now, at };
      await store.put(record);
    }
    await assigner.save();
    evicted = await evictOldest(tx, tag, options.cap ?? DEFAULT_CAP_PER_CHAT, assigner.touched);
  }

  await batches.put({ id: batchId, tag, at: now, stored: fresh.length, duplicates });
  let old = await batches.index('by-at').openCursor(IDBKeyRange.upperBound(now - BATCH_MEMORY_MS));
  while (old) {
    await old.delete();
    old = await old.continue();
  }
  return { ok: true, batchId, stored: fresh.length, duplicates, evicted, replayed: false };
}

/**
 * Deletes whole sessions of the chat, oldest first, until it holds at most `cap` tweets. The current
 * session (latest end) and the sessions just written to are never evicted, even if that leaves the
 * chat above its cap. Returns the number of tweets deleted.
 */
async function evictOldest(tx: WriteTx, tag: Tag, cap: number, protectedIds: Set<string>): Promise<number> {
  const tweets = tx.objectStore('tweets');
  let count = await tweets.index('by-tag-at').count(allOfTag(tag));
  if (count <= cap) return 0;
  const sessions = await tx.objectStore('sessions').index('by-tag-start').getAll(allOfTag(tag));
  const current = sessions.reduce<(typeof sessions)[number] | undefined>((a, s) => (!a || s.end > a.end ? s : a), undefined);
  let evicted = 0;
  for (const session of sessions) {
    if (count <= cap) break;
    if (session.id === current?.id || protectedIds.has(session.id)) continue;
    let cursor = await tweets.index('by-session-at').openCursor(IDBKeyRange.bound([session.id, -Infinity], [session.id, Infinity]));
    while (cursor) {
      if (cursor.value.tag === tag) {
        await cursor.delete();
        count--;
        evicted++;
      }
      cursor = await cursor.continue();
    }
    await tx.objectStore('sessions').delete(session.id);
  }
  return evicted;
}

/** Tweets stored for a chat, or for one of its sessions. */
export async function countTweets(db: StoreDB, tag: Tag, sessionId?: string): Promise<number> {
  if (sessionId === undefined) return db.countFromIndex('tweets', 'by-tag-at', allOfTag(tag));
  const session = await db.get('sessions', sessionId);
  if (!session || session.tag !== tag) return 0;
  return db.countFromIndex('tweets', 'by-session-at', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

/** A session's tweets in time order. */
export function tweetsOfSession(db: StoreDB, sessionId: string): Promise<StoredTweet[]> {
  return db.getAllFromIndex('tweets', 'by-session-at', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}
