import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client, Request } from '@/lib/messages';
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
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0 }) };
    const feature = transcriptFeature({ client, outbox, lastError: () => null, busyMs: 1000, idleMs: 30_000 });
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
    expect(reports.at(-1)).toEqual({ transcript: { saved: 42, pending: 0, error: null } });
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

  it('counts a tweet that went through the outbox between two looks (a quiet chat: one tweet, stored within a second)', async () => {
    let pending = 0;
    let accepted = 10;
    let saved = 10;
    const requests: Request[] = [];
    const client = { send: (async (r: Request) => (requests.push(r), { ok: true, count: saved })) as Client['send'] };
    const reports: Partial<Reports>[] = [];
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0 }) };
    const feature = transcriptFeature({ client, outbox, lastError: () => null, busyMs: 2000, idleMs: 30_000 });
    const context: Pick<FeatureContext, 'tags' | 'report'> = { tags: ['blogchat'], report: (r) => void reports.push(r) };
    const stop = feature.start(context as FeatureContext);
    await vi.advanceTimersByTimeAsync(10_000); // idle, count known
    expect(reports.at(-1)).toEqual({ transcript: { saved: 10, pending: 0, error: null } });

    // Between two looks a tweet is queued, sent and acknowledged: `pending` is never seen above 0.
    await vi.advanceTimersByTimeAsync(500);
    pending = 1;
    accepted = 11;
    await vi.advanceTimersByTimeAsync(600);
    pending = 0;
    saved = 11;
    await vi.advanceTimersByTimeAsync(2_000); // the next look, not the next idle one 30 s later
    expect(reports.at(-1)).toEqual({ transcript: { saved: 11, pending: 0, error: null } });
    stop();
  });
});
