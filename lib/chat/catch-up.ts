// "Catch up": each host question with its answer count and its most-liked answers so far, for a reader
// who arrives late. Made twice — by the tab from what it read (`createTopAnswers`, fed live) and by the
// background from the stored session (`catchUpFromStored`) — and merged (`mergeCatchUp`): the store
// holds what the tab read before a reload, the tab what is not stored yet.
import { normalizeHandle } from './handles';
import type { Handle, Tweet } from './types';

/** How many answers a question lists. */
export const TOP_ANSWERS = 3;

export interface CatchUpAnswer {
  id: string;
  handle: Handle;
  name: string;
  text: string;
  likes: number;
}

export interface CatchUpQuestion {
  key: string;
  tweetId: string;
  text: string;
  answerCount: number;
  /** The most-liked answers, most liked first (ties: the earlier read first). */
  top: CatchUpAnswer[];
}

/** `list` with `answer` in its place among the `TOP_ANSWERS` most liked (an answer already listed is updated). */
export function withTopAnswer(list: readonly CatchUpAnswer[], answer: CatchUpAnswer): CatchUpAnswer[] {
  const others = list.filter((a) => a.id !== answer.id);
  const at = others.findIndex((a) => a.likes < answer.likes);
  others.splice(at === -1 ? others.length : at, 0, answer);
  return others.slice(0, TOP_ANSWERS);
}

export function answerOf(tweet: Tweet): CatchUpAnswer {
  return { id: tweet.id, handle: normalizeHandle(tweet.author.handle), name: tweet.author.name, text: tweet.text, likes: tweet.likes ?? 0 };
}

/** Orders question keys as the sidebar lists them: by number, then part (`2`, `2a`, `2b`, `10`). */
function byKey(a: { key: string }, b: { key: string }): number {
  return Number.parseInt(a.key, 10) - Number.parseInt(b.key, 10) || a.key.replace(/^\d+/, '').localeCompare(b.key.replace(/^\d+/, ''));
}

/** A stored tweet as the background keeps it: the question it is, or the question it answers. */
type StoredTweet = Tweet & { question?: string; answer?: string };

/** The catch-up of a stored session: its questions (the first tweet of each key), answer counts and top answers. */
export function catchUpFromStored(tweets: Iterable<StoredTweet>): CatchUpQuestion[] {
  const questions = new Map<string, CatchUpQuestion>();
  const answers = new Map<string, { count: number; top: CatchUpAnswer[] }>();
  for (const tweet of tweets) {
    if (tweet.question !== undefined) {
      if (!questions.has(tweet.question))
        questions.set(tweet.question, { key: tweet.question, tweetId: tweet.id, text: tweet.text, answerCount: 0, top: [] });
    } else if (tweet.answer !== undefined) {
      const group = answers.get(tweet.answer) ?? { count: 0, top: [] };
      group.count += 1;
      group.top = withTopAnswer(group.top, answerOf(tweet));
      answers.set(tweet.answer, group);
    }
  }
  return [...questions.values()]
    .map((q) => ({ ...q, answerCount: answers.get(q.key)?.count ?? 0, top: answers.get(q.key)?.top ?? [] }))
    .sort(byKey);
}

/**
 * The tab's and the store's catch-up as one: every question of either; the larger answer count (each
 * holds a part of the other's, the store lagging, the tab forgetting on reload); the top answers of both.
 */
export function mergeCatchUp(tab: readonly CatchUpQuestion[], stored: readonly CatchUpQuestion[]): CatchUpQuestion[] {
  const merged = new Map<string, CatchUpQuestion>();
  for (const q of stored) merged.set(q.key, q);
  for (const q of tab) {
    const other = merged.get(q.key);
    if (!other) merged.set(q.key, q);
    else {
      let top = other.top;
      for (const answer of q.top) top = withTopAnswer(top, answer);
      merged.set(q.key, { ...q, answerCount: Math.max(q.answerCount, other.answerCount), top });
    }
  }
  return [...merged.values()].sort(byKey);
}
