// Tag planning (pure): what to add to a composer's text so a tweet carries the chat's tags, and the answer helper.
import { formatTag, missingTags } from './hashtags';
import { questionKey, type QuestionRef } from './questions';
import { parseTweet } from './twitterText';
import type { Tag } from './types';

/** x.com's limit for a tweet of a standard account, in weighted characters. */
export const TWEET_LIMIT = 280;

export type AutoTagPlan =
  | { kind: 'none'; reason: 'already-tagged' }
  | {
      kind: 'insert';
      /** Text to insert at `at`, e.g. `' #blogchat #sm49'`. */
      insert: string;
      /** Where to insert: always `text.length` (the tags are appended, so no word or URL is split). */
      at: number;
      /**
       * Where the user's caret goes after the insertion: the end of their own text, before the tags. A
       * caret elsewhere in the text needs no move (the insertion is after it).
       */
      caret: number;
    }
  | { kind: 'blocked'; reason: 'too-long'; weightedLength: number; limit: number };

/**
 * The length x.com counts against the limit (twitter-text's weighted length): most Latin text weighs 1
 * per character, CJK and emoji 2, and any URL 23 whatever its length.
 */
export function weightedLength(text: string): number {
  return parseTweet(text).weightedLength;
}

/**
 * Plans adding the chat's tags to the composer text.
 *
 * - Only the tags the text does not already carry are added, as x.com reads hashtags (so `#BlogChat`
 *   counts as `#blogchat`, but `#blogchatter` or `https://example.com/#blogchat` do not). Nothing to add
 *   → `none` (also when `tags` is empty).
 * - The tags are appended after a space, always, so they never glue to a word or a URL (a URL followed
 *   directly by `#blogchat` would swallow it as a fragment). The space is there even when the text is
 *   empty or already ends with whitespace: the user's caret stays at the end of their own text, before
 *   that space, so whatever they type next lands before the tags and never turns `#blogchat` into
 *   `word#blogchat` (an empty composer becomes `' #blogchat'` with the caret at 0). The cost is a
 *   doubled space when the text already ended with one.
 * - When the tagged text would exceed the limit (weighted length, default 280), nothing is inserted and
 *   the plan says so, with the length the tagged text would have, so the UI can warn.
 */
export function planAutoTag(text: string, tags: readonly Tag[], opts: { limit?: number } = {}): AutoTagPlan {
  const limit = opts.limit ?? TWEET_LIMIT;
  const missing = missingTags(text, tags);
  if (missing.length === 0) return { kind: 'none', reason: 'already-tagged' };
  const insert = ` ${missing.map(formatTag).join(' ')}`;
  const length = weightedLength(text + insert);
  if (length > limit) return { kind: 'blocked', reason: 'too-long', weightedLength: length, limit };
  return { kind: 'insert', insert, at: text.length, caret: text.length };
}

/** Applies an `insert` plan to the text it was made for. Other plans leave the text as it is. */
export function applyAutoTag(text: string, plan: AutoTagPlan): string {
  return plan.kind === 'insert' ? text.slice(0, plan.at) + plan.insert + text.slice(plan.at) : text;
}

/** `answerPrefix(1)` → `'A1 '`, `answerPrefix(2, 'a')` → `'A2a '`. */
export function answerPrefix(n: number, part?: string): string {
  return `A${questionKey(part === undefined ? { number: n } : { number: n, part })} `;
}

export interface AnswerDraft {
  /** e.g. `'A1  #blogchat'`: the prefix, then the tags after their own separating space. */
  text: string;
  /** Caret position right after the prefix (`'A1 '`), where the user types the answer. */
  caret: number;
}

/**
 * "Answer the current question": a composer text made of `A{n} ` and the chat's tags, with the caret
 * between them, so `A1 ` + what the user types + ` #blogchat` reads `A1 my answer #blogchat`.
 */
export function answerText(question: QuestionRef, tags: readonly Tag[]): AnswerDraft {
  const prefix = answerPrefix(question.number, question.part);
  const plan = planAutoTag(prefix, tags);
  return { text: applyAutoTag(prefix, plan), caret: prefix.length };
}
