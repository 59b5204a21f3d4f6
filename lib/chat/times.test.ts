import { describe, expect, it } from 'vitest';
import { FIRST_TWEET_MS, MAX_CLOCK_SKEW_MS, believableTime, tweetTimeMs } from './times';

const SEEN = Date.parse('2026-03-09T01:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('tweet times', () => {
  it('believes a time up to a few minutes after the tweet was seen', () => {
    expect(tweetTimeMs(iso(SEEN - 3_600_000), SEEN)).toBe(SEEN - 3_600_000);
    expect(tweetTimeMs(iso(SEEN + MAX_CLOCK_SKEW_MS), SEEN)).toBe(SEEN + MAX_CLOCK_SKEW_MS);
    expect(tweetTimeMs('2026-03-09T02:59:00+02:00', SEEN)).toBe(SEEN - 60_000);
  });

  it('replaces a time further ahead, an unparsable one, one before the first tweet, or none, by when it was seen', () => {
    expect(tweetTimeMs(iso(SEEN + MAX_CLOCK_SKEW_MS + 1), SEEN)).toBe(SEEN);
    expect(tweetTimeMs('9999-12-31T23:59:59.000Z', SEEN)).toBe(SEEN);
    expect(tweetTimeMs('yesterday', SEEN)).toBe(SEEN);
    expect(tweetTimeMs('', SEEN)).toBe(SEEN);
    expect(tweetTimeMs(iso(FIRST_TWEET_MS - 1), SEEN)).toBe(SEEN);
    expect(tweetTimeMs('1970-01-01T00:00:00.000Z', SEEN)).toBe(SEEN);
    expect(tweetTimeMs(null, SEEN)).toBe(SEEN);
    expect(believableTime('9999-12-31T23:59:59.000Z', SEEN)).toBeNull();
    expect(believableTime(iso(FIRST_TWEET_MS), SEEN)).toBe(FIRST_TWEET_MS);
  });
});
