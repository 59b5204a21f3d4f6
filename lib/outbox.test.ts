import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './protocol/client';
import type { StoredTweetInput } from './protocol/domain';
import type { RequestOf } from './protocol/requests';
import { createOutbox } from './outbox';
import type { KeyValueStorage } from './tab-storage';

const tw = (id: number): StoredTweetInput => ({
  id: String(id),
  author: { handle: `u${id % 7}`, name: 'U' },
  time: new Date(Date.UTC(2024, 4, 1, 18, 0, id % 60)).toISOString(),
  text: `t${id}`,
  kind: 'tweet',
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => tw(from + i));

/** A stand-in for the background: idempotent by batch id and by [tag, id], can be down, can lose replies. */
function fakeBackground() {
  const stored = new Map<string, number>(); // `${tag}/${id}` → times stored
  const order: string[] = [];
  const batches = new Set<string>();
  const attempts: { batchId: string; size: number; at: number }[] = [];
  const state = { available: true, loseReplies: 0, rejectNext: null as null | 'invalid-request' | 'quota-exceeded' };
  const sendMessage = async (message: unknown) => {
    const req = message as RequestOf<'tweets/put'>;
    attempts.push({ batchId: req.batchId, size: req.tweets.length, at: Date.now() });
    if (!state.available) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (state.rejectNext) {
      const code = state.rejectNext;
      state.rejectNext = null;
      return { ok: false, error: { code, message: code } };
    }
    let storedNow = 0;
    if (!batches.has(req.batchId)) {
      batches.add(req.batchId);
      for (const t of req.tweets) {
        const key = `${req.tag}/${t.id}`;
        if (!stored.has(key)) {
          storedNow++;
          order.push(key);
        }
        stored.set(key, (stored.get(key) ?? 0) + 1);
      }
    }
    if (state.loseReplies > 0) {
      state.loseReplies--;
      throw new Error('The message port closed before a response was received.');
    }
    return { ok: true, batchId: req.batchId, stored: storedNow, duplicates: req.tweets.length - storedNow };
  };
  const client = createClient(sendMessage);
  return { stored, order, batches, attempts, state, send: client.send };
}

/** Counts what is written, and can be full. */
function memoryStorage() {
  const data = new Map<string, string>();
  const state = { written: 0, full: false };
  const storage: KeyValueStorage = {
    keys: () => [...data.keys()],
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (state.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      state.written += k.length + v.length;
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
  return { ...storage, data, state };
}

let ids = 0;
const newId = () => `batch-${++ids}`;

beforeEach(() => {
  vi.useFakeTimers();
  ids = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('outbox', () => {
  it('waits flushDelayMs, then sends one batch per chat, in order', async () => {
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId });
    expect(outbox.add('smchat', range(1, 31))).toBe(30);
    outbox.add('sm49', [tw(1)]);
    await vi.advanceTimersByTimeAsync(499);
    expect(bg.attempts).toHaveLength(0);
    expect(outbox.pending()).toBe(31);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.attempts.map((a) => [a.batchId, a.size])).toEqual([
      ['batch-1', 30],
      ['batch-2', 1],
    ]);
    expect(outbox.pending()).toBe(0);
    expect(bg.order.slice(0, 3)).toEqual(['smchat/1', 'smchat/2', 'smchat/3']);
  });

  it('sends full batches of maxBatch at once', async () => {
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId, maxBatch: 100 });
    outbox.add('smchat', range(1, 251));
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.attempts.map((a) => a.size)).toEqual([100, 100, 50]);
  });

  it('waits for more while tweets keep arriving, never longer than maxDelayMs (1 s) after the first', async () => {
    const t0 = Date.now();
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId });
    // a live chat: 2 tweets every 40 ms, 50 a second, fewer than maxBatch (100) a second
    for (let i = 0; i < 40; i++) {
      outbox.add('smchat', range(2 * i + 1, 2 * i + 3));
      await vi.advanceTimersByTimeAsync(40);
    }
    // first tweet at 0: nothing at 500 ms (still arriving), one batch at 1,000 ms with what came until then
    expect(bg.attempts.map((a) => [a.at - t0, a.size])).toEqual([[1_000, 50]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bg.attempts.map((a) => [a.at - t0, a.size])).toEqual([
      [1_000, 50],
      [2_000, 30],
    ]);
    expect(outbox.pending()).toBe(0);
    expect(bg.order).toEqual(range(1, 81).map((t) => `smchat/${t.id}`));
  });

  it('sends flushDelayMs after the first tweet once arrivals pause', async () => {
    const t0 = Date.now();
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId });
    outbox.add('smchat', range(1, 3));
    await vi.advanceTimersByTimeAsync(200);
    outbox.add('smchat', range(3, 5));
    await vi.advanceTimersByTimeAsync(300); // 500 ms after the first, 300 ms after the last: sent
    expect(bg.attempts.map((a) => [a.at - t0, a.size])).toEqual([[500, 4]]);
  });

  it('still sends at once when maxBatch tweets are queued, however fast they arrive', async () => {
    const t0 = Date.now();
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId, maxBatch: 10 });
    for (let i = 0; i < 6; i++) {
      outbox.add('smchat', range(2 * i + 1, 2 * i + 3));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(bg.attempts.map((a) => [a.at - t0, a.size])).toEqual([[40, 10]]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(bg.attempts.map((a) => a.size)).toEqual([10, 2]);
  });

  it('dedupes tweets already queued or acknowledged', async () => {
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId });
    expect(outbox.add('smchat', [tw(1), tw(2), tw(1)])).toBe(2);
    await outbox.flush();
    expect(outbox.add('smchat', [tw(2), tw(3)])).toBe(1);
    expect(outbox.add('sm49', [tw(2)])).toBe(1); // another chat is another record
    await outbox.flush();
    expect(bg.attempts.map((a) => a.size)).toEqual([2, 1, 1]);
    expect(outbox.stats()).toMatchObject({ pending: 0, accepted: 4 }); // a running total of the new ones
  });

  it('keeps memory flat over 10,000 tweets', async () => {
    const bg = fakeBackground();
    // all 10,000 at once, before any is sent: room for them all
    const outbox = createOutbox({ send: bg.send, newId, rememberIds: 1_000, maxPending: 10_000 });
    for (let i = 0; i < 100; i++) outbox.add('smchat', range(i * 100 + 1, i * 100 + 101));
    await outbox.flush();
    expect(bg.stored.size).toBe(10_000);
    expect(outbox.stats()).toMatchObject({ pending: 0, batches: 0, remembered: 1_000, accepted: 10_000 });
  });

  it('stores every tweet exactly once when the worker is unavailable for a while', async () => {
    const bg = fakeBackground();
    const errors: string[] = [];
    const outbox = createOutbox({ send: bg.send, newId, random: () => 1, onError: (e) => errors.push(e.code) });
    bg.state.available = false;
    let next = 1;
    for (let s = 0; s < 20; s++) {
      // the page keeps scrolling: new tweets plus some seen before
      outbox.add('smchat', [...range(next, next + 25), tw(Math.max(1, next - 3))]);
      next += 25;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(bg.stored.size).toBe(0);
    expect(outbox.pending()).toBe(500);
    expect(errors.every((c) => c === 'unavailable')).toBe(true);
    bg.state.available = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(outbox.pending()).toBe(0);
    expect(bg.stored.size).toBe(500);
    expect([...bg.stored.values()].every((n) => n === 1)).toBe(true);
    expect(bg.order).toEqual(range(1, 501).map((t) => `smchat/${t.id}`));
    // each retried batch kept its id
    const first = bg.attempts.filter((a) => a.batchId === 'batch-1');
    expect(first.length).toBeGreaterThan(3);
    expect(new Set(bg.attempts.map((a) => a.batchId)).size).toBe(bg.batches.size);
  });

  it('resends a batch whose reply was lost with the same batch id; the background adds nothing twice', async () => {
    const bg = fakeBackground();
    const outbox = createOutbox({ send: bg.send, newId, random: () => 1 });
    bg.state.loseReplies = 2;
    outbox.add('smchat', range(1, 11));
    await vi.advanceTimersByTimeAsync(500 + 500 + 1_000);
    expect(bg.attempts.map((a) => a.batchId)).toEqual(['batch-1', 'batch-1', 'batch-1']);
    expect(outbox.pending()).toBe(0);
    expect([...bg.stored.values()]).toEqual(Array(10).fill(1));
  });

  it('backs off exponentially up to maxMs', async () => {
    const bg = fakeBackground();
    bg.state.available = false;
    const outbox = createOutbox({ send: bg.send, newId, random: () => 1, retry: { baseMs: 500, maxMs: 4_000 } });
    outbox.add('smchat', [tw(1)]);
    await vi.advanceTimersByTimeAsync(500 + 500 + 1_000 + 2_000 + 4_000 + 4_000);
    const times = bg.attempts.map((a) => a.at);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    outbox.dispose();
  });

  it('drops a batch the background rejects as invalid and carries on; retries a quota error', async () => {
    const bg = fakeBackground();
    const dropped: string[] = [];
    const errors: string[] = [];
    const outbox = createOutbox({
      send: bg.send,
      newId,
      maxBatch: 2,
      random: () => 1,
      onDrop: (_e, b) => dropped.push(b.batchId),
      onError: (e) => errors.push(e.code),
    });
    bg.state.rejectNext = 'invalid-request';
    outbox.add('smchat', range(1, 5));
    await vi.advanceTimersByTimeAsync(0);
    expect(dropped).toEqual(['batch-1']);
    expect([...bg.stored.keys()]).toEqual(['smchat/3', 'smchat/4']);
    bg.state.rejectNext = 'quota-exceeded';
    outbox.add('smchat', range(5, 7));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(errors).toEqual(['quota-exceeded']);
    expect(bg.stored.has('smchat/6')).toBe(true);
    expect(outbox.pending()).toBe(0);
  });

  it('skips tweets that would not pass validation', async () => {
    const bg = fakeBackground();
    const invalid: string[] = [];
    const outbox = createOutbox({ send: bg.send, newId, onInvalid: (m) => invalid.push(m) });
    expect(outbox.add('smchat', [tw(1), { ...tw(2), id: 'not-digits' }])).toBe(1);
    expect(invalid).toHaveLength(1);
    await outbox.flush();
    expect([...bg.stored.keys()]).toEqual(['smchat/1']);
  });

  it('keeps unacknowledged tweets in storage across a page reload', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    bg.state.available = false;
    const first = createOutbox({ send: bg.send, newId, storage });
    first.add('smchat', range(1, 4));
    await vi.advanceTimersByTimeAsync(600); // batch-1 formed and tried
    first.add('smchat', range(4, 6)); // still queued, not batched
    first.dispose();
    expect(storage.data.size).toBe(2); // the batch, and the tweets added since

    bg.state.available = true;
    const second = createOutbox({ send: bg.send, newId, storage });
    expect(second.pending()).toBe(5);
    expect(second.add('smchat', [tw(1)])).toBe(0); // already pending from the previous page
    await second.flush();
    expect(bg.attempts.at(-2)?.batchId).toBe('batch-1'); // same id as before the reload
    expect(bg.stored.size).toBe(5);
    expect([...bg.stored.values()].every((n) => n === 1)).toBe(true);
    expect(storage.data.size).toBe(0);
  });

  it('keeps what changed only: adding 1 tweet to 40,000 waiting writes that tweet, not the queue', async () => {
    const bg = fakeBackground();
    bg.state.available = false;
    const storage = memoryStorage();
    const outbox = createOutbox({ send: bg.send, newId, storage, maxPending: 50_000 });
    for (let i = 0; i < 40; i++) outbox.add('smchat', range(i * 1_000 + 1, i * 1_000 + 1_001));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outbox.pending()).toBe(40_000);
    const before = storage.state.written;
    outbox.add('smchat', [tw(40_001)]);
    const written = storage.state.written - before;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(2 * JSON.stringify(tw(40_001)).length + 200);
    outbox.dispose();
  });

  it('bounds the queue: past maxPending the oldest tweets are dropped, counted and forgotten', async () => {
    const bg = fakeBackground();
    bg.state.available = false;
    const storage = memoryStorage();
    const outbox = createOutbox({ send: bg.send, newId, storage, random: () => 1, maxPending: 1_000 });
    for (let i = 0; i < 15; i++) {
      outbox.add('smchat', range(i * 100 + 1, i * 100 + 101));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(outbox.pending()).toBe(1_000);
    expect(outbox.stats().dropped).toBe(500);
    // a reload finds what is waiting, not what was dropped
    outbox.dispose();
    const next = createOutbox({ send: bg.send, newId, storage });
    expect(next.pending()).toBe(1_000);
    bg.state.available = true;
    await next.flush();
    expect(bg.order).toEqual(range(501, 1_501).map((t) => `smchat/${t.id}`));
    expect(storage.data.size).toBe(0);
  });

  it('still sends everything once when the storage is full (only a reload would lose them)', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    storage.state.full = true;
    const outbox = createOutbox({ send: bg.send, newId, storage });
    outbox.add('smchat', range(1, 51));
    await vi.advanceTimersByTimeAsync(200);
    outbox.add('smchat', range(51, 101));
    await outbox.flush();
    expect(bg.order).toEqual(range(1, 101).map((t) => `smchat/${t.id}`));
    expect(storage.data.size).toBe(0);
  });

  it('restores only well-formed items of its own: known shapes, valid tweets, sane times, batch ids matching their keys', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    const now = Date.parse('2024-05-01T18:30:00.000Z');
    vi.setSystemTime(now);
    const item = (n: number, tweets: unknown[], extra: object = {}) => JSON.stringify({ v: 2, n, tag: 'smchat', tweets, ...extra });
    storage.data.set('outbox:b:kept-1', item(1, [tw(1), tw(2)], { batchId: 'kept-1' }));
    storage.data.set(
      'outbox:q:p.2',
      item(2, [tw(3), { ...tw(4), time: '2099-01-01T00:00:00.000Z' }, { ...tw(5), time: new Date(now + 60_000).toISOString() }]),
    );
    storage.data.set('outbox:q:p.3', item(3, [{ ...tw(6), author: { handle: 'not a handle', name: 'x' } }, tw(7)]));
    storage.data.set('outbox:q:p.4', item(4, [{ ...tw(8), time: '2001-01-01T00:00:00.000Z' }]));
    storage.data.set('outbox:b:other-id', item(5, [tw(9)], { batchId: 'not-this-key' }));
    storage.data.set('outbox:q:p.6', JSON.stringify({ v: 2, n: 6, tag: 'not a tag!', tweets: [tw(10)] }));
    storage.data.set('outbox:q:p.7', JSON.stringify({ v: 1, batches: [], queue: [{ tag: 'smchat', tweet: tw(11) }] }));
    storage.data.set('outbox:q:p.8', '{not json');
    storage.data.set('active-chat', 'smchat'); // not the outbox's
    const outbox = createOutbox({ send: bg.send, newId, storage });
    expect(outbox.pending()).toBe(5);
    await outbox.flush();
    expect(bg.attempts[0]?.batchId).toBe('kept-1');
    expect(bg.order).toEqual(['smchat/1', 'smchat/2', 'smchat/3', 'smchat/5', 'smchat/7']);
    expect([...storage.data.keys()]).toEqual(['active-chat']);
  });

  it('restores at most maxPending tweets, the newest', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    for (let n = 0; n < 30; n++)
      storage.data.set(`outbox:q:p.${n}`, JSON.stringify({ v: 2, n, tag: 'smchat', tweets: range(n * 100 + 1, n * 100 + 101) }));
    const outbox = createOutbox({ send: bg.send, newId, storage, maxPending: 1_000 });
    expect(outbox.stats()).toMatchObject({ pending: 1_000, dropped: 2_000 });
    await outbox.flush();
    expect(bg.order).toEqual(range(2_001, 3_001).map((t) => `smchat/${t.id}`));
  });

  it('flush() resolves once everything is acknowledged; dispose() stops sending', async () => {
    const bg = fakeBackground();
    bg.state.available = false;
    const outbox = createOutbox({ send: bg.send, newId, random: () => 1 });
    outbox.add('smchat', [tw(1)]);
    let flushed = false;
    void outbox.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(flushed).toBe(false);
    bg.state.available = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(flushed).toBe(true);

    bg.state.available = false;
    outbox.add('smchat', [tw(2)]);
    await vi.advanceTimersByTimeAsync(600);
    const tries = bg.attempts.length;
    outbox.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.attempts.length).toBe(tries);
    expect(outbox.add('smchat', [tw(3)])).toBe(0);
  });
});
