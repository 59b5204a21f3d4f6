import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@/lib/protocol/client';
import type { Request } from '@/lib/protocol/requests';
import type { ChatModeDeps, FeatureContext } from '../feature';
import { createTranscriptStatus, type TranscriptStatus } from './transcript-status';

/** Starts the feature for #blogchat with these deps; its reports are recorded (undefined: none yet). */
/** (The transcript status only looks at the outbox's stats.) */
function start(
  deps: Pick<ChatModeDeps, 'client' | 'kept' | 'lastError'> & { outbox: Pick<ChatModeDeps['outbox'], 'stats'> },
  timing: { busyMs: number; idleMs: number },
) {
  const reports: TranscriptStatus[] = [];
  const running = new AbortController();
  const context = { tags: ['blogchat'], deps, signal: running.signal, report: (r: TranscriptStatus) => void reports.push(r) };
  createTranscriptStatus(timing).start(context as unknown as FeatureContext<TranscriptStatus>);
  return { reports, stop: () => running.abort() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('transcript status', () => {
  it('asks the background for the count while tweets are on their way, then only rarely, and reports it', async () => {
    let pending = 0;
    let accepted = 0;
    let saved = 0;
    const requests: Request[] = [];
    const client = { send: ((r: Request) => (requests.push(r), Promise.resolve({ ok: true, count: saved }))) as Client['send'] };
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0, dropped: 0 }) };
    const { reports, stop } = start({ client, outbox, kept: () => true, lastError: () => null }, { busyMs: 1000, idleMs: 30_000 });

    await vi.advanceTimersByTimeAsync(10_000); // idle: the first look, one more, then quiet
    expect(requests).toEqual([{ type: 'tweets/count', tag: 'blogchat' }]);

    pending = 5; // tweets arrive
    accepted = 42;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(requests.length).toBe(4);
    pending = 0;
    saved = 42; // all stored
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reports.at(-1)).toEqual({ saved: 42, pending: 0, error: null, dropped: 0, kept: true });
    const asked = requests.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(requests.length).toBe(asked); // idle again: the worker may sleep
    await vi.advanceTimersByTimeAsync(15_000);
    expect(requests.length).toBe(asked + 1); // …and a look every 30 s

    const said = reports.length;
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests.length).toBe(asked + 1); // stopped: no more looks, no more reports
    expect(reports.length).toBe(said);
  });

  it('says an answer again only when it changed: the sidebar draws each report', async () => {
    const requests: Request[] = [];
    const client = { send: ((r: Request) => (requests.push(r), Promise.resolve({ ok: true, count: 3 }))) as Client['send'] };
    // Tweets stay on their way (a slow worker): a look every tick, each answered with the same count.
    const outbox = { stats: () => ({ pending: 5, accepted: 8, batches: 1, remembered: 8, attempt: 0, dropped: 0 }) };
    const { reports, stop } = start({ client, outbox, kept: () => true, lastError: () => null }, { busyMs: 1000, idleMs: 30_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests.length).toBeGreaterThan(5);
    expect(reports).toEqual([{ saved: 3, pending: 5, error: null, dropped: 0, kept: true }]);
    stop();
  });

  it('says within a tick, without asking the background, that tweets are not kept or were dropped', async () => {
    const requests: Request[] = [];
    const client = { send: ((r: Request) => (requests.push(r), Promise.resolve({ ok: true, count: 7 }))) as Client['send'] };
    let kept = true;
    let dropped = 0;
    const outbox = { stats: () => ({ pending: 0, accepted: 0, batches: 0, remembered: 0, attempt: 0, dropped }) };
    const { reports, stop } = start({ client, outbox, kept: () => kept, lastError: () => null }, { busyMs: 1000, idleMs: 30_000 });
    await vi.advanceTimersByTimeAsync(3_000);
    const asked = requests.length;
    const said = reports.length;
    kept = false;
    dropped = 120;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reports.slice(said)).toEqual([{ saved: 7, pending: 0, error: null, dropped: 120, kept: false }]);
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
    const client = { send: ((r: Request) => (requests.push(r), Promise.resolve({ ok: true, count: saved }))) as Client['send'] };
    const outbox = { stats: () => ({ pending, accepted, batches: 0, remembered: accepted, attempt: 0, dropped: 0 }) };
    const { reports, stop } = start({ client, outbox, kept: () => true, lastError: () => null }, { busyMs: 2000, idleMs: 30_000 });
    await vi.advanceTimersByTimeAsync(10_000); // idle, count known
    expect(reports.at(-1)).toEqual({ saved: 10, pending: 0, error: null, dropped: 0, kept: true });

    // Between two looks a tweet is queued, sent and acknowledged: `pending` is never seen above 0.
    await vi.advanceTimersByTimeAsync(500);
    pending = 1;
    accepted = 11;
    await vi.advanceTimersByTimeAsync(600);
    pending = 0;
    saved = 11;
    await vi.advanceTimersByTimeAsync(2_000); // the next look, not the next idle one 30 s later
    expect(reports.at(-1)).toEqual({ saved: 11, pending: 0, error: null, dropped: 0, kept: true });
    stop();
  });
});
