// A host's plan for a chat (pure): a welcome post, numbered questions with optional sub-questions, a
// wrap-up post, and the spacing of the questions from the chat's start. From it: the items to post in
// order, each one's text as the chat writes it (`Q3) …` plus the tags), when each is due, which were
// posted (from the host's tweets the tab or the store read), and the plan against the actual times.
import { formatTag, missingTags } from './hashtags';
import { nfkc } from './nfkc';
import { parseQuestion, questionKey } from './questions';
import { TWEET_LIMIT, weightedLength } from './tag-plan';
import type { Handle, Tag } from './types';

export interface PlanQuestion {
  text: string;
  /** Sub-questions, posted right after the question as `Q3a)`, `Q3b)`… */
  subs: string[];
}

export interface HostPlan {
  /** Posted at the start (empty: none). */
  welcome: string;
  questions: PlanQuestion[];
  /** Posted after the last question (empty: none). */
  wrapUp: string;
  /** Minutes from the chat's start to Q1. */
  firstAt: number;
  /** Minutes between two questions. */
  every: number;
}

/** What a plan may hold (checked where a plan crosses a boundary). */
export const PLAN_LIMITS = { questions: 30, subs: 5, text: 1_000, minutes: 24 * 60 } as const;

/** Sub-question parts, in order: at most `PLAN_LIMITS.subs`. */
const PARTS = 'abcde';

export const EMPTY_PLAN: HostPlan = { welcome: '', questions: [], wrapUp: '', firstAt: 5, every: 6 };

export type PlanItem =
  | { kind: 'welcome'; key: 'welcome'; text: string }
  | { kind: 'question'; key: string; number: number; part?: string; text: string }
  | { kind: 'wrap-up'; key: 'wrap-up'; text: string };

/** The plan's posts in order: the welcome, each question followed by its sub-questions, the wrap-up (empty texts left out). */
export function planItems(plan: HostPlan): PlanItem[] {
  const items: PlanItem[] = [];
  if (plan.welcome.trim()) items.push({ kind: 'welcome', key: 'welcome', text: plan.welcome.trim() });
  plan.questions.forEach((question, i) => {
    const number = i + 1;
    items.push({ kind: 'question', key: String(number), number, text: question.text.trim() });
    question.subs.slice(0, PARTS.length).forEach((sub, j) => {
      const part = PARTS[j]!;
      items.push({ kind: 'question', key: `${number}${part}`, number, part, text: sub.trim() });
    });
  });
  if (plan.wrapUp.trim()) items.push({ kind: 'wrap-up', key: 'wrap-up', text: plan.wrapUp.trim() });
  return items;
}

/** A question label the host may have typed before the text (`Q3)`, `Q3a:`), which the post adds itself. */
const TYPED_LABEL = /^q\d{1,2}[a-e]?\s*[):.]\s*/i;
/** What marks a line as a sub-question of the question above it: a leading '-' or whitespace. */
const SUB_MARK = /^(?:\s+-?|-)\s*/;

/** The questions as one text to edit: a question per line, each sub-question below it on a line of its own starting with "- ". */
export function questionsToText(questions: readonly PlanQuestion[]): string {
  const line = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  return questions.flatMap((question) => [line(question.text), ...question.subs.map((sub) => `- ${line(sub)}`)]).join('\n');
}

/**
 * The questions of an edited text (see `questionsToText`): blank lines are skipped; a line starting with
 * '-' or whitespace is a sub-question of the question above it (the first line is a question whatever it
 * starts with); a `Q3)` label the host typed is dropped, since the post adds its own.
 */
export function questionsFromText(text: string): PlanQuestion[] {
  const questions: PlanQuestion[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const mark = SUB_MARK.exec(raw);
    const body = raw
      .slice(mark?.[0].length ?? 0)
      .trim()
      .replace(TYPED_LABEL, '')
      .trim();
    if (body === '') continue;
    const above = questions.at(-1);
    if (mark && above) above.subs.push(body);
    else questions.push({ text: body, subs: [] });
  }
  return questions;
}

/** How an item is named to the host: `Q3`, `Q3a`, or the kind. */
export function itemLabel(item: PlanItem): string {
  return item.kind === 'question' ? `Q${item.key}` : item.kind;
}

export interface ItemPost {
  /** The post as the composer gets it: `Q3) text #tag` (the tags it does not carry yet appended). */
  text: string;
  /** twitter-text's weighted length, as x.com counts it. */
  weightedLength: number;
  /** Longer than a standard account may post: warn, never refuse (longer accounts exist). */
  tooLong: boolean;
}

/** The text of an item's post: a question is `Q{key}) ` + its text; the chat's tags are appended unless it carries them. */
export function itemPost(item: PlanItem, tags: readonly Tag[]): ItemPost {
  const body = item.kind === 'question' ? `Q${item.key}) ${item.text}` : item.text;
  const missing = missingTags(body, tags);
  const text = missing.length === 0 ? body : `${body} ${missing.map(formatTag).join(' ')}`;
  const length = weightedLength(text);
  return { text, weightedLength: length, tooLong: length > TWEET_LIMIT };
}

export const MINUTE = 60_000;

/**
 * When an item is due (epoch ms), for a chat that starts at `start`: the welcome at the start, Q{n} and its
 * sub-questions `firstAt + (n - 1) × every` minutes after it, the wrap-up one spacing after the last question.
 */
export function dueAt(plan: HostPlan, item: PlanItem, start: number): number {
  if (item.kind === 'welcome') return start;
  const slot = item.kind === 'question' ? item.number - 1 : plan.questions.length;
  return start + (plan.firstAt + slot * plan.every) * MINUTE;
}

/** A tweet by one of the chat's hosts, as the tab or the store read it. */
export interface HostPost {
  id: string;
  author: Handle;
  text: string;
  /** Epoch ms. */
  at: number;
}

export interface Posted {
  tweetId: string;
  at: number;
}

/**
 * Text compared loosely: NFKC, lower case, without hashtags, links (x.com shows them shortened) and
 * leading mentions, spaces collapsed. Mentions within stay: "Thanks @newbie for joining" is a reply to
 * someone, not the wrap-up "Thanks for joining".
 */
function loose(text: string): string {
  return nfkc(text)
    .toLowerCase()
    .replace(/https?:\/\/\S+|#[\p{L}\p{M}\p{N}_]+/gu, ' ')
    .replace(/^(?:\s*@[a-z0-9_]+)+/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How much of a welcome or wrap-up text must open a post for it to be that post: x.com may cut it, the host may edit its end. */
const MATCHED_PREFIX = 40;

/**
 * Which items were posted, and when: a question by a host tweet that is that question (`Q3)`, `Q3:`,
 * `Question 3`…), the welcome and the wrap-up by a host tweet that opens with their text (compared
 * loosely). The earliest post of each counts.
 */
export function postedItems(items: readonly PlanItem[], posts: Iterable<HostPost>): Map<string, Posted> {
  const posted = new Map<string, Posted>();
  const note = (key: string, post: HostPost): void => {
    const known = posted.get(key);
    if (!known || post.at < known.at) posted.set(key, { tweetId: post.id, at: post.at });
  };
  const keys = new Set(items.filter((item) => item.kind === 'question').map((item) => item.key));
  const openings = items
    .filter((item) => item.kind !== 'question')
    .map((item) => ({ key: item.key, opening: loose(item.text).slice(0, MATCHED_PREFIX) }))
    .filter(({ opening }) => opening !== '');
  for (const post of posts) {
    const question = parseQuestion(post.text);
    if (question) {
      const key = questionKey(question);
      if (keys.has(key)) note(key, post);
      continue;
    }
    if (openings.length === 0) continue;
    const text = loose(post.text);
    for (const { key, opening } of openings) if (text.startsWith(opening)) note(key, post);
  }
  return posted;
}

/**
 * The item to post next: the first not posted after the last one posted (in the plan's order), so that a
 * welcome the host worded otherwise, or skipped, does not hold the chat back; else the first not posted;
 * null when all were.
 */
export function nextItem(items: readonly PlanItem[], posted: ReadonlyMap<string, Posted>): PlanItem | null {
  const last = items.findLastIndex((item) => posted.has(item.key));
  return items.find((item, i) => i > last && !posted.has(item.key)) ?? items.find((item) => !posted.has(item.key)) ?? null;
}
