/** A timeline's contents: its items, and which of a search's tweets each tab shows. */
import type { TweetSpec } from './api';
import { hashString } from './random';
import type { ChatGenerator } from './data';
import type { Person } from './corpus';

export type Item =
  | { key: string; kind: 'tweet'; tweet: TweetSpec }
  | { key: string; kind: 'focal'; tweet: TweetSpec }
  | { key: string; kind: 'composer'; replyTo: TweetSpec }
  | { key: string; kind: 'user'; person: Person };

export interface Feed {
  key: string;
  items: Item[];
  loaded: boolean;
  /** new arrivals go to the top (search Latest, home) or after the reply composer (status) */
  mode: 'top' | 'replies' | 'static';
  gen: ChatGenerator;
  /** measured cell heights by item key (kept across remounts, like x.com's cache) */
  heights: Map<string, number>;
  tag: string;
}
export function itemKey(t: TweetSpec): string {
  return t.retweetedBy ? `rt-${t.retweetedBy.handle}-${t.id}` : t.id;
}

/** A timeline holds each entry once (the generator can repost the same tweet twice by one account). */
export function dropDuplicateKeys<T extends { key: string }>(items: T[], taken: Set<string> = new Set()): T[] {
  return items.filter((item) => {
    if (taken.has(item.key)) return false;
    taken.add(item.key);
    return true;
  });
}

/**
 * What search tab `f` shows of a chat's tweets: People (`user`) its accounts, host first; Media every
 * third tweet with a picture; Latest (`live`) all, newest first, taking arrivals; Top by likes.
 */
export function tabItems(f: string, tweets: TweetSpec[], host: Person): { items: Item[]; mode: Feed['mode'] } {
  if (f === 'user') {
    const seen = new Set<string>();
    const people: Person[] = [host];
    for (const t of tweets)
      if (!t.promoted && !seen.has(t.handle)) {
        seen.add(t.handle);
        people.push(t);
      }
    return { items: people.slice(0, 30).map((p) => ({ key: `user-${p.handle}`, kind: 'user' as const, person: p })), mode: 'static' };
  }
  if (f === 'media') {
    const items = tweets
      .filter((_, i) => i % 3 === 0)
      .map((t) => ({
        key: itemKey(t),
        kind: 'tweet' as const,
        tweet: { ...t, mediaHeight: t.mediaHeight ?? 200 + (hashString(t.id) % 160) },
      }));
    return { items, mode: 'static' };
  }
  if (f === 'live') return { items: tweets.map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t })), mode: 'top' };
  const items = [...tweets]
    .sort((a, b) => b.likes - a.likes || (a.id < b.id ? 1 : -1))
    .map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t }));
  return { items, mode: 'static' };
}
