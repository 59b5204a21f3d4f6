import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryUntil } from './retry-until';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('retryUntil', () => {
  it('tries now, then every interval, until the attempt succeeds', () => {
    let calls = 0;
    retryUntil(() => ++calls === 3, { tries: 10, everyMs: 250 }, new AbortController().signal);
    expect(calls).toBe(1);
    vi.advanceTimersByTime(250);
    expect(calls).toBe(2);
    vi.advanceTimersByTime(250);
    expect(calls).toBe(3);
    vi.advanceTimersByTime(10_000);
    expect(calls).toBe(3);
  });

  it('gives up after as many tries as allowed', () => {
    let calls = 0;
    retryUntil(() => (calls++, false), { tries: 4, everyMs: 100 }, new AbortController().signal);
    vi.advanceTimersByTime(10_000);
    expect(calls).toBe(4);
  });

  it('stops when its signal aborts', () => {
    let calls = 0;
    const stop = new AbortController();
    retryUntil(() => (calls++, false), { tries: 100, everyMs: 100 }, stop.signal);
    vi.advanceTimersByTime(250);
    stop.abort();
    vi.advanceTimersByTime(10_000);
    expect(calls).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});
