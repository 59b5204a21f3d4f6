// The outbox across page reloads: what it keeps in the tab's storage, and what it restores.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from './outbox';
import { memoryStorage } from '@/tests/unit/builders';
import { fakeBackground, newId, range, resetIds, tw } from './outbox-testing';

beforeEach(() => {
  vi.useFakeTimers();
  resetIds();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('outbox across reloads', () => {
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
});
