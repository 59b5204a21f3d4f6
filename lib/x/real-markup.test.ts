// The tweet reader over real x.com cells (tests/fixtures/x-real, sanitised from saved pages): what each
// cell reads as, and the cases where x.com's real markup differs from what a stand-in would suggest.
import { describe, expect, it } from 'vitest';
import type { Tweet } from '@/lib/chat/types';
import { X } from '@/lib/x/selectors';
import { findTimeline, timelineCells } from '@/lib/x/timeline';
import { getTweetType, readCell, type CellReading } from '@/lib/x/tweet';
import { REAL_PAGES, realPage, type RealPage } from '@/tests/fixtures/x-real';

const id = (n: number) => String(1900000000000000000n + BigInt(n) * 1000n);
const tweet = (t: Tweet): CellReading => ({ kind: 'tweet', tweet: t });
const unreadable = (n: number): CellReading => ({ kind: 'unreadable', id: id(n), reason: 'no tweetText in the tweet' });
const words = (from: string, count: number) => {
  const all =
    'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango'.split(
      ' ',
    );
  const start = all.indexOf(from);
  return Array.from({ length: count }, (_, i) => all[(start + i) % all.length]).join(' ');
};

/** What every timeline cell of each page reads as, in order. */
const READINGS: Record<RealPage, CellReading[]> = {
  home: [
    tweet({
      id: id(1),
      author: { handle: 'user_c', name: 'Person B' },
      time: '2025-11-20T20:21:44.000Z',
      text: words('sierra', 5),
      kind: 'retweet',
      retweetedBy: 'user_b',
      lang: 'en',
      likes: 22,
    }),
    tweet({
      id: id(3),
      author: { handle: 'user_f', name: 'Person D' },
      time: '2024-03-17T21:04:52.000Z',
      text: words('charlie', 14),
      kind: 'retweet',
      retweetedBy: 'user_e',
      truncated: true,
      lang: 'en',
      likes: 69,
    }),
    { kind: 'empty' },
    tweet({
      id: id(4),
      author: { handle: 'user_g', name: 'Person E⚡️🤖' },
      time: '2025-11-20T11:55:22.000Z',
      text: words('mike', 14),
      kind: 'quote',
      lang: 'en',
      likes: 45,
    }),
    tweet({
      id: id(6),
      author: { handle: 'user_i', name: 'Person G' },
      time: '2025-11-20T19:18:09.000Z',
      text: words('november', 14),
      kind: 'tweet',
      truncated: true,
      lang: 'en',
      likes: 3,
    }),
    tweet({
      id: id(7),
      author: { handle: 'user_e', name: 'Person H' },
      time: '2025-11-20T20:39:54.000Z',
      text: words('delta', 14),
      kind: 'quote',
      lang: 'en',
      likes: 4,
    }),
    unreadable(8),
    unreadable(10),
    tweet({
      id: id(11),
      author: { handle: 'user_m', name: 'Person L' },
      time: '2025-11-20T18:10:55.000Z',
      text: words('charlie', 14),
      kind: 'retweet',
      retweetedBy: 'user_e',
      lang: 'en',
      likes: 6,
    }),
    unreadable(12),
  ],
  status: [
    tweet({
      id: id(1),
      author: { handle: 'user_a', name: 'Person A' },
      time: '2025-11-20T20:59:02.000Z',
      text: 'delta',
      kind: 'quote',
      lang: 'und',
      likes: 4,
    }),
    { kind: 'empty' },
  ],
  'status-mentions': [
    tweet({
      id: id(1),
      author: { handle: 'user_a', name: 'Person A' },
      time: '2024-06-03T18:55:52.000Z',
      text: `🚫 @user_b ${words('foxtrot', 4)} @user_c`,
      kind: 'tweet',
      lang: 'en',
      likes: 2325,
    }),
  ],
  profile: [
    tweet({
      id: id(1),
      author: { handle: 'user_a', name: 'Person A' },
      time: '2025-11-02T23:31:49.000Z',
      text: words('golf', 13),
      kind: 'tweet',
      lang: 'en',
      likes: 939,
    }),
    tweet({
      id: id(2),
      author: { handle: 'user_a', name: 'Person A' },
      time: '2025-10-25T18:19:41.000Z',
      text: `${words('romeo', 14)} https://example.com/page/rest`,
      kind: 'quote',
      lang: 'en',
      likes: 2145,
    }),
    tweet({
      id: id(3),
      author: { handle: 'user_a', name: 'Person A' },
      time: '2025-06-01T23:03:11.000Z',
      text: `${words('quebec', 14)} 🧵`,
      kind: 'tweet',
      lang: 'en',
      likes: 993,
    }),
  ],
  'home-promoted': [
    {
      kind: 'promoted',
      tweet: {
        id: id(1),
        author: { handle: 'user_a', name: 'Person A' },
        time: null,
        text: `🌍🖤 ${words('echo', 14)} ⏳ ${words('foxtrot', 9)} 🚨`,
        kind: 'promoted',
        lang: 'en',
        likes: 4,
      },
    },
  ],
  'home-promoted-hashtag': [
    {
      kind: 'promoted',
      tweet: {
        id: id(1),
        author: { handle: 'user_a', name: 'Person A' },
        time: null,
        text: `${words('echo', 8)} #topic ${words('golf', 14)} https://example.com/page/rest lima mike`,
        kind: 'promoted',
        truncated: true,
        lang: 'en',
        likes: 205,
      },
    },
  ],
};

describe('the tweet reader on real x.com cells', () => {
  it.each(REAL_PAGES)('reads every timeline cell of %s', (name) => {
    const timeline = findTimeline(realPage(name));
    expect(timeline).not.toBeNull();
    expect(timelineCells(timeline!).map(readCell)).toEqual(READINGS[name]);
  });

  it('reads the time of a status page’s main post from the time link under its text (not in its User-Name)', () => {
    for (const name of ['status', 'status-mentions'] as const) {
      const article = realPage(name).querySelector(X.tweet)!;
      expect(article.querySelector(X.userName)!.querySelector(X.time)).toBeNull();
      // (status.html quotes a post: the quote card has a time of its own, in its User-Name)
      const own = [...article.querySelectorAll(X.time)].find((t) => !t.closest(X.quotedTweet))!;
      expect(own.closest(X.statusLink)!.compareDocumentPosition(article.querySelector(X.tweetText)!)).toBe(
        Node.DOCUMENT_POSITION_PRECEDING,
      );
      const reading = readCell(article.closest(X.cell)!);
      expect(reading.kind === 'tweet' && reading.tweet.time).toBe(own.getAttribute('datetime'));
    }
  });

  it('does not take a verified-organisation badge (a div[role="link"] inside User-Name) for a quote card', () => {
    const cell = timelineCells(findTimeline(realPage('home'))!)[3]!;
    const article = cell.querySelector(X.tweet)!;
    const cards = [...article.querySelectorAll(X.quotedTweet)];
    const badge = cards.find((c) => c.closest(X.userName));
    expect(badge).toBeDefined();
    expect(getTweetType(article)).toBe('quote');
    for (const card of cards) if (card !== badge) card.remove();
    expect(getTweetType(article)).toBe('tweet');
  });

  it('does not take the placementTracking around a video inside the article for an ad', () => {
    const article = timelineCells(findTimeline(realPage('profile'))!)[2]!.querySelector(X.tweet)!;
    expect(article.querySelector(`${X.promoted} video`)).not.toBeNull();
    expect(article.closest(X.promoted)).toBeNull();
    expect(getTweetType(article)).toBe('tweet');
  });

  it('does not take a pinned post’s "Pinned" socialContext (in no link) for a repost', () => {
    const article = timelineCells(findTimeline(realPage('profile'))!)[0]!.querySelector(X.tweet)!;
    expect(article.querySelector(X.socialContext)?.textContent).toBe('Pinned');
    expect(getTweetType(article)).toBe('tweet');
  });
});
