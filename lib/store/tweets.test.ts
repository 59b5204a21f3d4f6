import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredTweetInput } from '../protocol/domain';
import { openStore } from './db';
import type { StoreDB } from './schema';
import { listSessions } from './sessions';
import { countTweets, putTweetBatch, tweetsOfSession } from './tweets';

const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function tw(id: string | number, at: number, over: Partial<StoredTweetInput> = {}): StoredTweetInput {
  return {
    id: String(id),
    author: { handle: `u${id}`, name: `U ${id}` },
    time: new Date(at).toISOString(),
    text: `t${id}`,
    kind: 'tweet',
    ...over,
  };
}

let db: StoreDB;
let n = 0;
beforeEach(async () => {
  db = await openStore(`tweets-${++n}`);
});
afterEach(() => db.close());

describe('putTweetBatch', () => {
  it('writes a batch in one readwrite transaction', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const r = await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0), tw(2, T0 + MIN), tw(3, T0 + 2 * MIN)], T0);
    expect(r).toEqual({ ok: true, batchId: 'b1', stored: 3, duplicates: 0, evicted: 0, replayed: false });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toBe('readwrite');
    spy.mockRestore();
    expect(await countTweets(db, 'smchat')).toBe(3);
  });

  it('dedupes by tweet id within a chat, across and within batches', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0), tw(2, T0), tw(3, T0)], T0);
    const r = await putTweetBatch(db, 'smchat', 'b2', [tw(2, T0), tw(3, T0), tw(4, T0), tw(4, T0)], T0 + MIN);
    expect(r).toMatchObject({ ok: true, stored: 1, duplicates: 3 });
    expect(await countTweets(db, 'smchat')).toBe(4);
    // first seen stays the first time
    expect((await db.get('tweets', ['smchat', '2']))?.firstSeen).toBe(T0);
  });

  it('stores a tweet seen in two chats once per chat', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0)], T0);
    const r = await putTweetBatch(db, 'sm49', 'b2', [tw(1, T0)], T0);
    expect(r).toMatchObject({ ok: true, stored: 1, duplicates: 0 });
    expect(await countTweets(db, 'smchat')).toBe(1);
    expect(await countTweets(db, 'sm49')).toBe(1);
  });

  it('keeps a question/answer label learnt later without storing the tweet twice', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0)], T0);
    const r = await putTweetBatch(db, 'smchat', 'b2', [tw(1, T0, { answer: '1' })], T0);
    expect(r).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await db.get('tweets', ['smchat', '1']))?.answer).toBe('1');
  });

  it('makes a replayed batch id a no-op', async () => {
    await putTweetBatch(db, 'smchat', 'same', [tw(1, T0), tw(2, T0)], T0);
    await db.delete('tweets', ['smchat', '2']); // even if data changed since, the replay adds nothing
    const r = await putTweetBatch(db, 'smchat', 'same', [tw(1, T0), tw(2, T0)], T0 + MIN);
    expect(r).toMatchObject({ ok: true, batchId: 'same', stored: 0, duplicates: 2, replayed: true });
    expect(await countTweets(db, 'smchat')).toBe(1);
    expect((await listSessions(db, 'smchat'))[0]?.tweetCount).toBe(2);
  });

  it('forgets processed batch ids after a week', async () => {
    await putTweetBatch(db, 'smchat', 'old', [tw(1, T0)], T0);
    await putTweetBatch(db, 'smchat', 'new', [tw(2, T0)], T0 + 8 * DAY);
    expect(await db.get('batches', 'old')).toBeUndefined();
    expect(await db.get('batches', 'new')).toBeDefined();
  });

  it('groups tweets into rolling sessions split by two-hour gaps, in any arrival order', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(3, T0 + 90 * MIN), tw(1, T0)], T0 + 2 * HOUR);
    await putTweetBatch(db, 'smchat', 'b2', [tw(2, T0 + 45 * MIN), tw(4, T0 + 5 * HOUR), tw(5, T0 + 6 * HOUR)], T0 + 6 * HOUR);
    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => [s.start, s.end, s.tweetCount])).toEqual([
      [T0 + 5 * HOUR, T0 + 6 * HOUR, 2],
      [T0, T0 + 90 * MIN, 3],
    ]);
    expect((await tweetsOfSession(db, sessions[1]!.id)).map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(await countTweets(db, 'smchat', sessions[0]!.id)).toBe(2);
    expect(await countTweets(db, 'other', sessions[0]!.id)).toBe(0);
  });

  it('a tweet without a time belongs to when it was first seen', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0, { time: null, kind: 'promoted' })], T0 + 3 * MIN);
    expect((await db.get('tweets', ['smchat', '1']))?.at).toBe(T0 + 3 * MIN);
  });

  it('uses the schedule when a sessionFor function is given', async () => {
    const sessionFor = (tag: string, t: number) => {
      const start = Math.floor(t / DAY) * DAY + 18 * HOUR;
      return t >= start && t < start + HOUR ? { id: `${tag}:s${start}`, start, end: start + HOUR } : null;
    };
    await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0 + 5 * MIN), tw(2, T0 + 59 * MIN), tw(3, T0 + DAY + MIN)], T0 + DAY + MIN, {
      sessionFor,
    });
    await putTweetBatch(db, 'smchat', 'b2', [tw(4, T0 + 30 * MIN)], T0 + DAY + MIN, { sessionFor });
    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => [s.id, s.start, s.end, s.kind, s.tweetCount])).toEqual([
      [`smchat:s${T0 + DAY}`, T0 + DAY, T0 + DAY + HOUR, 'scheduled', 1],
      [`smchat:s${T0}`, T0, T0 + HOUR, 'scheduled', 3],
    ]);
  });
});

describe('lookups of a batch', () => {
  it('dedupes a batch whose ids span many stored tweets (looked up id by id)', async () => {
    const old = Array.from({ length: 30 }, (_, i) => tw(100 + i, T0 + i * MIN));
    await putTweetBatch(db, 'smchat', 'b1', old, T0);
    // ids 100 and 129 are stored, and 28 others between them: more than twice this batch's size
    const r = await putTweetBatch(
      db,
      'smchat',
      'b2',
      [tw(129, T0, { answer: '2' }), tw(100, T0), tw(999, T0 + 40 * MIN), tw(105, T0)],
      T0 + HOUR,
    );
    expect(r).toMatchObject({ ok: true, stored: 1, duplicates: 3 });
    expect(await countTweets(db, 'smchat')).toBe(31);
    expect((await db.get('tweets', ['smchat', '129']))?.answer).toBe('2');
    expect((await db.get('tweets', ['smchat', '100']))?.firstSeen).toBe(T0);
  });

  it('dedupes ids of different lengths (keys compare as strings)', async () => {
    await putTweetBatch(db, 'smchat', 'b1', [tw(9, T0), tw(10, T0), tw(1000, T0)], T0);
    const r = await putTweetBatch(db, 'smchat', 'b2', [tw(10, T0), tw(9, T0), tw(99, T0), tw(1000, T0)], T0);
    expect(r).toMatchObject({ ok: true, stored: 1, duplicates: 3 });
    expect(await countTweets(db, 'smchat')).toBe(4);
  });

  it('counts the chat’s tweets only once its sessions hold more than the cap', async () => {
    const count = vi.spyOn(IDBIndex.prototype, 'count');
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0), tw(2, T0 + MIN)], T0, { cap: 3 });
    await putTweetBatch(db, 'smchat', 'b', [tw(3, T0 + 2 * MIN)], T0, { cap: 3 });
    expect(count).not.toHaveBeenCalled();
    const r = await putTweetBatch(db, 'smchat', 'c', [tw(4, T0 + DAY)], T0 + DAY, { cap: 3 });
    expect(count).toHaveBeenCalledTimes(1);
    expect(r).toMatchObject({ ok: true, stored: 1, evicted: 3 });
    count.mockRestore();
  });
});

describe('eviction', () => {
  it('evicts the oldest sessions first once a chat is over its cap', async () => {
    const cap = 5;
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0), tw(2, T0 + MIN), tw(3, T0 + 2 * MIN)], T0, { cap });
    await putTweetBatch(db, 'smchat', 'b', [tw(4, T0 + DAY), tw(5, T0 + DAY + MIN)], T0 + DAY, { cap });
    await putTweetBatch(db, 'other', 'o', [tw(1, T0)], T0, { cap });
    expect(await countTweets(db, 'smchat')).toBe(5);
    const r = await putTweetBatch(db, 'smchat', 'c', [tw(6, T0 + 2 * DAY), tw(7, T0 + 2 * DAY + MIN)], T0 + 2 * DAY, { cap });
    expect(r).toMatchObject({ ok: true, stored: 2, evicted: 3 });
    expect(await countTweets(db, 'smchat')).toBe(4);
    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => s.start)).toEqual([T0 + 2 * DAY, T0 + DAY]);
    expect(await db.get('tweets', ['smchat', '1'])).toBeUndefined();
    expect(await db.get('tweets', ['smchat', '4'])).toBeDefined();
    // other chats are untouched
    expect(await countTweets(db, 'other')).toBe(1);
  });

  it('never evicts the current session, even above the cap', async () => {
    const tweets = Array.from({ length: 8 }, (_, i) => tw(i + 1, T0 + i * MIN));
    const r = await putTweetBatch(db, 'smchat', 'a', tweets, T0, { cap: 3 });
    expect(r).toMatchObject({ ok: true, stored: 8, evicted: 0 });
    expect(await countTweets(db, 'smchat')).toBe(8);
  });

  it('does not evict a session being written to when a late tweet lands in an old session', async () => {
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0), tw(2, T0 + MIN)], T0, { cap: 3 });
    await putTweetBatch(db, 'smchat', 'b', [tw(3, T0 + DAY)], T0 + DAY, { cap: 3 });
    const r = await putTweetBatch(db, 'smchat', 'c', [tw(4, T0 + 2 * MIN)], T0 + DAY, { cap: 3 });
    expect(r).toMatchObject({ ok: true, stored: 1, evicted: 0 });
    expect(await countTweets(db, 'smchat')).toBe(4);
  });
});

describe('quota', () => {
  it('returns a clear quota-exceeded error and writes nothing of the batch', async () => {
    await putTweetBatch(db, 'smchat', 'b0', [tw(1, T0)], T0);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'tweets' && (args[0] as { id: string }).id === '3')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const r = await putTweetBatch(db, 'smchat', 'b1', [tw(2, T0 + MIN), tw(3, T0 + 2 * MIN)], T0);
    expect(r).toEqual({ ok: false, error: { code: 'quota-exceeded', message: expect.stringMatching(/Storage is full.*#smchat/) } });
    vi.restoreAllMocks();
    // all or nothing: tweet 2 was rolled back, and the batch id is not recorded so a retry is stored
    expect(await countTweets(db, 'smchat')).toBe(1);
    expect(await db.get('batches', 'b1')).toBeUndefined();
    expect((await listSessions(db, 'smchat'))[0]?.tweetCount).toBe(1);
    expect(await putTweetBatch(db, 'smchat', 'b1', [tw(2, T0 + MIN), tw(3, T0 + 2 * MIN)], T0)).toMatchObject({ ok: true, stored: 2 });
  });

  it('reports a quota error that surfaces as an AbortError with the cause on the transaction', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      // As a browser does when the disk fills during the transaction: the request fails with an
      // AbortError and the transaction holds the real cause.
      Object.defineProperty(this.transaction, 'error', {
        value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
        configurable: true,
      });
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    const r = await putTweetBatch(db, 'smchat', 'b1', [tw(1, T0)], T0);
    expect(r).toEqual({ ok: false, error: { code: 'quota-exceeded', message: expect.stringMatching(/Storage is full.*#smchat/) } });
  });

  it('rethrows other errors (the handler turns them into internal replies)', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('nope', 'DataError');
    });
    await expect(putTweetBatch(db, 'smchat', 'b1', [tw(1, T0)], T0)).rejects.toMatchObject({ name: 'DataError' });
  });
});

describe('times that cannot be true', () => {
  it('stores a tweet dated ahead of now, or unparsable, at the time it was seen', async () => {
    const now = T0 + 10 * MIN;
    await putTweetBatch(
      db,
      'smchat',
      'b1',
      [tw(1, now + HOUR), tw(2, T0, { time: '9999-12-31T23:59:59.000Z' }), tw(3, T0, { time: 'not a date' }), tw(4, now + 4 * MIN)],
      now,
    );
    const stored = await Promise.all(['1', '2', '3', '4'].map((id) => db.get('tweets', ['smchat', id])));
    expect(stored.map((t) => t?.at)).toEqual([now, now, now, now + 4 * MIN]);
    // The record says so too: exports and transcripts show the seen time, not the page's claim.
    expect(stored.map((t) => t?.time)).toEqual([
      new Date(now).toISOString(),
      new Date(now).toISOString(),
      new Date(now).toISOString(),
      new Date(now + 4 * MIN).toISOString(),
    ]);
    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => [s.start, s.end, s.tweetCount])).toEqual([[now, now + 4 * MIN, 4]]);
  });

  it('a tweet dated 9999 does not get tonight’s session evicted', async () => {
    const cap = 3;
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0), tw(2, T0 + MIN)], T0 + MIN, { cap });
    await putTweetBatch(db, 'smchat', 'b', [tw(3, T0, { time: '9999-12-31T23:59:00.000Z' })], T0 + 2 * MIN, { cap });
    await putTweetBatch(db, 'smchat', 'c', [tw(4, T0, { time: '9999-12-31T23:59:30.000Z' })], T0 + 3 * MIN, { cap });
    expect(await countTweets(db, 'smchat')).toBe(4);
    expect(await db.get('tweets', ['smchat', '1'])).toBeDefined();
    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => [s.start, s.end, s.tweetCount])).toEqual([[T0, T0 + 3 * MIN, 4]]);
  });

  it('never evicts the session holding now, even when a stored session ends later (dated before times were bounded)', async () => {
    const cap = 3;
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0 - DAY)], T0 - DAY, { cap });
    await putTweetBatch(db, 'smchat', 'b', [tw(2, T0), tw(3, T0 + MIN)], T0 + MIN, { cap });
    // What an older version stored for a tweet dated 9999: a session of its own, in the future.
    const future = Date.parse('9999-12-31T23:59:00.000Z');
    await db.put('sessions', { id: `smchat:${future}`, tag: 'smchat', start: future, end: future, kind: 'rolling', tweetCount: 1 });
    await db.put('tweets', { ...tw(4, future), tag: 'smchat', sessionId: `smchat:${future}`, firstSeen: T0, at: future });
    // A late tweet of yesterday's session: the batch writes there, and the chat is over its cap.
    const r = await putTweetBatch(db, 'smchat', 'c', [tw(5, T0 - DAY + MIN)], T0 + 2 * MIN, { cap });
    expect(r).toMatchObject({ ok: true, stored: 1, evicted: 1 });
    // Tonight's session (holding now) is kept; the future one is what gets evicted.
    expect(await db.get('tweets', ['smchat', '2'])).toBeDefined();
    expect(await db.get('tweets', ['smchat', '3'])).toBeDefined();
    expect(await db.get('tweets', ['smchat', '4'])).toBeUndefined();
  });

  it('never evicts a session that ended less than a rolling gap ago (the chat a tab is recording ran over)', async () => {
    const cap = 3;
    // The scheduled hour from T0; tweets after it fall into a rolling session.
    const sessionFor = (tag: string, t: number) => (t >= T0 && t < T0 + HOUR ? { id: `${tag}:s${T0}`, start: T0, end: T0 + HOUR } : null);
    await putTweetBatch(db, 'smchat', 'a', [tw(1, T0 + 10 * MIN), tw(2, T0 + 50 * MIN)], T0 + 50 * MIN, { cap, sessionFor });
    const r = await putTweetBatch(db, 'smchat', 'b', [tw(3, T0 + 65 * MIN), tw(4, T0 + 70 * MIN)], T0 + 70 * MIN, { cap, sessionFor });
    expect(r).toMatchObject({ ok: true, stored: 2, evicted: 0 });
    expect((await listSessions(db, 'smchat')).map((s) => [s.kind, s.tweetCount])).toEqual([
      ['rolling', 2],
      ['scheduled', 2],
    ]);
  });
});
