// What the host console shows (pure): the plan's items with what happened to each (posted when, answers
// so far and in the last minute), the next item to post, and when it is due — by the plan's spacing after
// the last question posted, or by the chat's start before the first.
import {
  MINUTE,
  dueAt,
  itemLabel,
  itemPost,
  nextItem,
  planItems,
  postedItems,
  type HostPlan,
  type HostPost,
  type ItemPost,
  type PlanItem,
  type Posted,
} from './host-plan';
import type { Tag } from './types';

export interface ConsoleInput {
  plan: HostPlan;
  tags: readonly Tag[];
  /** The start of the chat's occurrence when it is near (epoch ms), else null. */
  start: number | null;
  /**
   * Without an occurrence, the plan counts from the welcome's post, else from this: the start of the
   * chat's latest saved session (its first tweet; not when it is older than a chat's last hours), or null.
   */
  sessionStart: number | null;
  /** The hosts' tweets the tab and the store read (a tweet may be in both). */
  posts: Iterable<HostPost>;
  /** Answers per question key. */
  answers: ReadonlyMap<string, number>;
  /** The latest answers counted, with their times (epoch ms). */
  recentAnswers: readonly { key: string; at: number }[];
  now: number;
}

export interface ConsoleItem {
  item: PlanItem;
  label: string;
  post: ItemPost;
  /** When the plan has it (epoch ms), or null without a start. */
  due: number | null;
  posted: Posted | null;
  answers: number;
  answersLastMinute: number;
}

export interface ConsoleState {
  items: ConsoleItem[];
  /** The item to post next (see `nextItem`), or null once all were. */
  next: ConsoleItem | null;
  /** When the next item is due (epoch ms): one spacing after the last question posted, else the plan's time; null when unknown. */
  nextDue: number | null;
  /** The latest question (or sub-question) posted, or null before the first. */
  lastQuestion: ConsoleItem | null;
  /** What the plan counts from (epoch ms): the occurrence's start, else the welcome's post, else the saved session's start; or null. */
  origin: number | null;
}

/**
 * How far back a host's posts belong to this chat: from an hour before its occurrence, or without one,
 * the last hours (a chat's Latest tab shows last week's chat when this week's has not begun: its Q1 is
 * not tonight's).
 */
const BEFORE_START = 60 * MINUTE;
const WITHOUT_START = 3 * 60 * MINUTE;

export function consoleState({ plan, tags, start, sessionStart, posts, answers, recentAnswers, now }: ConsoleInput): ConsoleState {
  const planned = planItems(plan);
  const since = start !== null ? start - BEFORE_START : now - WITHOUT_START;
  const posted = postedItems(
    planned,
    [...posts].filter((post) => post.at >= since),
  );
  const origin = start ?? posted.get('welcome')?.at ?? (sessionStart !== null && sessionStart >= since ? sessionStart : null);
  const lastMinute = new Map<string, number>();
  for (const { key, at } of recentAnswers) if (at > now - MINUTE && at <= now) lastMinute.set(key, (lastMinute.get(key) ?? 0) + 1);
  const items = planned.map((item): ConsoleItem => ({
    item,
    label: itemLabel(item),
    post: itemPost(item, tags),
    due: origin === null ? null : dueAt(plan, item, origin),
    posted: posted.get(item.key) ?? null,
    answers: item.kind === 'question' ? (answers.get(item.key) ?? 0) : 0,
    answersLastMinute: item.kind === 'question' ? (lastMinute.get(item.key) ?? 0) : 0,
  }));
  const following = nextItem(planned, posted);
  const next = following === null ? null : items[planned.indexOf(following)]!;
  const latest = (main: boolean): Asked | null => {
    let found: Asked | null = null;
    for (const entry of items) {
      const { item, posted } = entry;
      if (item.kind === 'question' && posted && (!main || item.part === undefined) && (!found || posted.at >= found.posted.at))
        found = { ...entry, item, posted };
    }
    return found;
  };
  return { items, next, nextDue: next === null ? null : dueOf(next, latest(true), plan), lastQuestion: latest(false), origin };
}

/** A question item that was posted. */
type Asked = ConsoleItem & { item: Extract<PlanItem, { kind: 'question' }>; posted: Posted };

/**
 * A sub-question follows its question at once; a question, or the wrap-up, comes one spacing per
 * question after the last question posted (`lastAsked`, never a sub-question). Before any, the plan's time.
 */
function dueOf(next: ConsoleItem, lastAsked: Asked | null, plan: HostPlan): number | null {
  if (lastAsked === null || next.item.kind === 'welcome') return next.due;
  if (next.item.kind === 'question' && next.item.part !== undefined) return lastAsked.posted.at;
  const following = next.item.kind === 'question' ? next.item.number : plan.questions.length + 1;
  return lastAsked.posted.at + Math.max(1, following - lastAsked.item.number) * plan.every * MINUTE;
}

/** `m:ss` (or `h:mm:ss`) of a span, for the console's timers. */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
