import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@/lib/protocol/client';
import type { Request } from '@/lib/protocol/requests';
import type { FeatureContext, Reports } from '../tab';
import { transcriptFeature } from './transcript';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('transcript status', () => {
  it('asks the background for the count while tweets are on their way, then only rarely, and reports it', async () => {
    let pending = 0;
    let accepted = 0;
    let saved = 0;
    const requests: Request[] = [];
    const client = { send: (async (r: Request) => (requests.push(r), { ok: true, count: saved })) as Client['send'] };
    const reports: Partial<Reports>[] = [];
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0, dropped: 0 }) };
    const feature = transcriptFeature({ client, outbox, kept: () => true, lastError: () => null, busyMs: 1000, idleMs: 30_000 });
    const context: Pick<FeatureContext, 'tags' | 'report'> = { tags: ['blogchat'], report: (r) => void reports.push(r) };
    const stop = feature.start(context as FeatureContext);

    await vi.advanceTimersByTimeAsync(10_000); // idle: the first look, one more, then quiet
    expect(requests).toEqual([{ type: 'tweets/count', tag: 'blogchat' }]);

    pending = 5; // tweets arrive
    accepted = 42;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(requests.length).toBe(4);
    pending = 0;
    saved = 42; // all stored
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reports.at(-1)).toEqual({ transcript: { saved: 42, pending: 0, error: null, dropped: 0, kept: true } });
    const asked = requests.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(requests.length).toBe(asked); // idle again: the worker may sleep
    await vi.advanceTimersByTimeAsync(15_000);
    expect(requests.length).toBe(asked + 1); // …and a look every 30 s

    stop();
    expect(reports.at(-1)).toEqual({ transcript: undefined });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests.length).toBe(asked + 1);
  });

  it('says within a tick, without asking the background, that tweets are not kept or were dropped', async () => {
    const requests: Request[] = [];
    const client = { send: (async (r: Request) => (requests.push(r), { ok: true, count: 7 })) as Client['send'] };
    const reports: Partial<Reports>[] = [];
    let kept = true;
    let dropped = 0;
    const outbox = { stats: () => ({ pending: 0, accepted: 0, batches: 0, remembered: 0, attempt: 0, dropped }) };
    const feature = transcriptFeature({ client, outbox, kept: () => kept, lastError: () => null, busyMs: 1000, idleMs: 30_000 });
    const stop = feature.start({ tags: ['blogchat'], report: (r) => void reports.push(r) } as FeatureContext);
    await vi.advanceTimersByTimeAsync(3_000);
    const asked = requests.length;
    const said = reports.length;
    kept = false;
    dropped = 120;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reports.slice(said)).toEqual([{ transcript: { saved: 7, pending: 0, error: null, dropped: 120, kept: false } }]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reports.length).toBe(said + 1); // said once
    expect(requests.length).toBe(asked);
    stop();
  });

  it('counts a tweet that went through the outbox between two looks (a quiet chat: one tweet, stored within a second)', async () => {
    let pending = 0;
    let accepted = 10;
    let saved = 10;
    const requests: Request[] = [];
    const client = { send: (async (r: Request) => (requests.push(r), { ok: true, count: saved })) as Client['send'] };
    const reports: Partial<Reports>[] = [];
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0, dropped: 0 }) };
    const feature = transcriptFeature({ client, outbox, kept: () => true, lastError: () => null, busyMs: 2000, idleMs: 30_000 });
    const context: Pick<FeatureContext, 'tags' | 'report'> = { tags: ['blogchat'], report: (r) => void reports.push(r) };
    const stop = feature.start(context as FeatureContext);
    await vi.advanceTimersByTimeAsync(10_000); // idle, count known
    expect(reports.at(-1)).toEqual({ transcript: { saved: 10, pending: 0, error: null, dropped: 0, kept: true } });

    // Between two looks a tweet is queued, sent and acknowledged: `pending` is never seen above 0.
    await vi.advanceTimersByTimeAsync(500);
    pending = 1;
    accepted = 11;
    await vi.advanceTimersByTimeAsync(600);
    pending = 0;
    saved = 11;
    await vi.advanceTimersByTimeAsync(2_000); // the next look, not the next idle one 30 s later
    expect(reports.at(-1)).toEqual({ transcript: { saved: 11, pending: 0, error: null, dropped: 0, kept: true } });
    stop();
  });
});
