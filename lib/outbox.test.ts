import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from './outbox';
import { fakeBackground, newId, range, resetIds, tw } from './outbox-testing';

beforeEach(() => {
  vi.useFakeTimers();
  resetIds();
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
