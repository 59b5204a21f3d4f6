// When a tweet was posted, as far as it can be believed. The page's `time[datetime]` is text anyone
// who can write to the page (or a drifted x.com) controls: a year-9999 time once made one tweet the
// "latest" session and the evening's real one was evicted. A time is believed only between the first
// tweet ever posted and a few minutes after the tweet was seen (clocks differ a little); otherwise the
// moment it was seen stands in for it.

/** How far ahead of the seeing clock a tweet's time may be (x.com's clock and ours differ a little). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** No tweet is older than the first one (2006-03-21). */
export const FIRST_TWEET_MS = Date.parse('2006-03-21T00:00:00.000Z');

/** The tweet's time in epoch ms when it is a parseable time no later than `seen` + skew; else null. */
export function believableTime(time: string | null, seen: number): number | null {
  if (time === null) return null;
  const ms = Date.parse(time);
  if (Number.isNaN(ms) || ms < FIRST_TWEET_MS || ms > seen + MAX_CLOCK_SKEW_MS) return null;
  return ms;
}

/** The tweet's time in epoch ms, or `seen` (when it was seen) when it shows none we can believe. */
export function tweetTimeMs(time: string | null, seen: number): number {
  return believableTime(time, seen) ?? seen;
}
