// Seen tweets: batched, deduplicated, idempotent writes; a cap per chat; a clear quota error.
import { believableTime, MAX_CLOCK_SKEW_MS } from '../chat/times';
import type { Tag } from '../chat/types';
import type { ChatSession, StoredTweetInput } from '../protocol/domain';
import { errorReply, type ErrorReply } from '../protocol/requests';
import { ROLLING_GAP_MS, type StoredTweet, type StoreDB } from './schema';
import { SessionAssigner, allOfTag, type SessionFor, type WriteTx } from './sessions';

const DEFAULT_CAP_PER_CHAT = 20_000;
/** Processed batch ids are remembered this long (a page's outbox never retries longer). */
const BATCH_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

export interface PutOptions {
  sessionFor?: SessionFor;
  /**
   * Most tweets kept per chat; the oldest sessions are evicted first, never the current one, one that
   * holds now or one this batch writes to.
   */
  cap?: number;
  gapMs?: number;
}

export type PutResult = { ok: true; batchId: string; stored: number; duplicates: number; evicted: number; replayed: boolean } | ErrorReply;

function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

function quotaMessage(tag: Tag): string {
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
    // A full disk may surface as the request's AbortError, with the cause on the transaction.
    if (isQuotaError(e) || isQuotaError(tx.error)) return errorReply('quota-exceeded', quotaMessage(tag));
    throw e;
  }
}

/**
 * Requests issued without awaiting each one. An IndexedDB transaction runs its requests in the order
 * they were made, so nothing is gained by waiting for one reply before making the next request, and a
 * lot is lost: in Chromium every reply is a round trip to the storage process, and a batch of 100
 * tweets awaited request by request made ~200 of them in a row. Each promise gets a no-op handler at once (a
 * failed request aborts the transaction, so the others then reject too, and must not surface as
 * unhandled rejections); `settled()` still rejects with the first failure, e.g. a quota error.
 */
class Pipeline {
  private readonly pending: Promise<unknown>[] = [];
  add<T>(request: Promise<T>): Promise<T> {
    request.catch(() => undefined);
    this.pending.push(request);
    return request;
  }
  settled(): Promise<unknown> {
    return Promise.all(this.pending);
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
  const store = tx.objectStore('tweets');
  const writes = new Pipeline();

  // A tweet twice in the same batch is a duplicate of its first occurrence.
  const unique = new Map<string, StoredTweetInput>();
  for (const tweet of tweets) if (!unique.has(tweet.id)) unique.set(tweet.id, tweet);
  let duplicates = tweets.length - unique.size;

  // Every read the batch needs, made at once and awaited together (see Pipeline): whether the batch
  // was processed already, the chat's settings (for sessionFor), its sessions and what is stored of
  // each tweet. In a replayed batch the lookups are wasted, but replays are rare and reads change nothing.
  // The chat is read in this transaction, so a schedule changed by a concurrent `chat/update` is seen whole or not at all.
  const reads = new Pipeline();
  const processed = reads.add(batches.getKey(batchId));
  const chatRead = options.sessionFor ? reads.add(tx.objectStore('chats').get(tag)) : undefined;
  const sessionsRead = reads.add(tx.objectStore('sessions').index('by-tag-start').getAll(allOfTag(tag)));
  const storedRead = reads.add(storedOf(tx, tag, [...unique.keys()]));
  await reads.settled();
  if ((await processed) !== undefined) {
    return { ok: true, batchId, stored: 0, duplicates: tweets.length, evicted: 0, replayed: true };
  }

  // Old batch ids are forgotten while the rest of the batch is written.
  // Writes are not awaited one by one (hence `void`): writes.settled() waits for them all at the end.
  void writes.add(forgetBatchesBefore(tx, now - BATCH_MEMORY_MS));

  const stored = await storedRead;
  const fresh: { tweet: StoredTweetInput; at: number }[] = [];
  for (const tweet of unique.values()) {
    const existing = stored.get(tweet.id);
    if (existing) {
      duplicates++;
      // A label the content script worked out later (e.g. once the host's question was seen) is kept.
      if ((tweet.question && !existing.question) || (tweet.answer && !existing.answer)) {
        void writes.add(store.put({ ...existing, question: existing.question ?? tweet.question, answer: existing.answer ?? tweet.answer }));
      }
      continue;
    }
    // A time that cannot be true (ahead of now, unparsable) is replaced by when the tweet was seen, in
    // the record too, so that the transcript shows that rather than the page's claim.
    const own = believableTime(tweet.time, now);
    fresh.push({ tweet: own === null && tweet.time !== null ? { ...tweet, time: new Date(now).toISOString() } : tweet, at: own ?? now });
  }

  fresh.sort((a, b) => a.at - b.at);
  let evicted = 0;
  if (fresh.length > 0) {
    const assigner = new SessionAssigner(tx, tag, await sessionsRead, options.sessionFor, options.gapMs, chatRead && (await chatRead));
    const sessions = await assigner.assignAll(fresh.map((f) => f.at));
    fresh.forEach(({ tweet, at }, i) => {
      const session = sessions[i]!;
      session.tweetCount++;
      const record: StoredTweet = { ...tweet, tag, sessionId: session.id, firstSeen: now, at };
      void writes.add(store.put(record));
    });
    void writes.add(assigner.save());
    const ofChat = assigner.sessionsOfChat();
    evicted = await evictOldest(
      tx,
      tag,
      options.cap ?? DEFAULT_CAP_PER_CHAT,
      ofChat,
      keptSessions(ofChat, assigner.touched, now, options.gapMs ?? ROLLING_GAP_MS),
    );
  }

  void writes.add(batches.put({ id: batchId, tag, at: now, stored: fresh.length, duplicates }));
  await writes.settled();
  return { ok: true, batchId, stored: fresh.length, duplicates, evicted, replayed: false };
}

/**
 * What is stored of the tweets `ids` of chat `tag`, by id. Usually ONE request instead of one per
 * tweet: a batch's ids are close together (tweet ids grow with time and a batch is what was seen in
 * the last moments), so a `getAll` over `[tag, lowest id] … [tag, highest id]` holds the batch's stored
 * tweets and few others. It is limited to twice the batch's size; a range holding more than that (a
 * batch mixing very old and new tweets) is looked up id by id instead, the requests made at once.
 */
async function storedOf(tx: WriteTx, tag: Tag, ids: string[]): Promise<Map<string, StoredTweet>> {
  const store = tx.objectStore('tweets');
  const found = new Map<string, StoredTweet>();
  if (ids.length === 0) return found;
  // Keys compare as IndexedDB compares strings (by UTF-16 code unit), as `<` does.
  let low = ids[0]!;
  let high = low;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const limit = 2 * ids.length;
  const wanted = new Set(ids);
  const inRange = await store.getAll(IDBKeyRange.bound([tag, low], [tag, high]), limit);
  if (inRange.length < limit) {
    for (const t of inRange) if (wanted.has(t.id)) found.set(t.id, t);
    return found;
  }
  const each = await Promise.all(ids.map((id) => store.get([tag, id])));
  for (const t of each) if (t) found.set(t.id, t);
  return found;
}

/** Forgets the processed batch ids recorded before `before`. */
async function forgetBatchesBefore(tx: WriteTx, before: number): Promise<void> {
  let old = await tx.objectStore('batches').index('by-at').openCursor(IDBKeyRange.upperBound(before));
  while (old) {
    await old.delete();
    old = await old.continue();
  }
}

/**
 * The sessions eviction must keep: those this batch writes to (a tab is recording them), those that
 * hold now or ended less than a rolling gap ago (the next tweet of a chat going on right now lands
 * there), and the current one: the latest-ending that does not start in the future. A session starting
 * in the future can only come from a time stored before times were bounded, and must not displace the
 * real current session (one tweet dated 9999 once got tonight's session evicted).
 */
function keptSessions(sessions: readonly ChatSession[], touched: ReadonlySet<string>, now: number, gapMs: number): Set<string> {
  const kept = new Set(touched);
  let current: ChatSession | undefined;
  for (const s of sessions) {
    if (s.start > now + MAX_CLOCK_SKEW_MS) continue;
    if (s.end >= now - gapMs) kept.add(s.id);
    if (!current || s.end > current.end) current = s;
  }
  if (current) kept.add(current.id);
  return kept;
}

/**
 * Deletes whole sessions of the chat, oldest first, until it holds at most `cap` tweets. The sessions
 * in `kept` are never evicted, even if that leaves the chat above its cap. Returns the number of
 * tweets deleted.
 */
async function evictOldest(
  tx: WriteTx,
  tag: Tag,
  cap: number,
  sessions: readonly ChatSession[],
  kept: ReadonlySet<string>,
): Promise<number> {
  const tweets = tx.objectStore('tweets');
  // Counting the chat's tweets walks its whole index: in Chromium that cost grows with the chat (tens
  // of ms per batch at 10,000 tweets) and was most of a batch's time. The sessions' `tweetCount`s (already
  // updated by this batch) add up to at least the chat's tweets: every tweet is stored with its
  // session's count incremented in the same transaction, and tweets only leave the store with their
  // whole session (eviction, `clearSessions`). So the exact count is needed only when that sum is above the cap.
  if (sessions.reduce((sum, s) => sum + s.tweetCount, 0) <= cap) return 0;
  let count = await tweets.index('by-tag-at').count(allOfTag(tag));
  if (count <= cap) return 0;
  let evicted = 0;
  for (const session of sessions) {
    if (count <= cap) break;
    if (kept.has(session.id)) continue;
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
