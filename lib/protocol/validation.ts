// Validators of the values that cross the boundary (hand-written, strict; unknown keys are dropped):
// tags, handles, tweets, schedules, host plans. Each returns a fresh, normalised value or throws `Invalid` with the
// path of what is wrong; ./parse-request turns that into an error reply.
import { PLAN_LIMITS, type HostPlan, type PlanQuestion } from '../chat/host-plan';
import type { FilterOptions, Handle, Recurrence, Schedule, Tag, TweetKind } from '../chat/types';
import type { StoredTweetInput } from './domain';
import { LIMITS } from './requests';

/** A hashtag without '#': letters (with their combining marks, as in Hindi or Arabic), digits, '_'. */
export const TAG_RE = /^[\p{L}\p{M}\p{N}_]{1,100}$/u;
const TWEET_ID_RE = /^\d{1,25}$/;
const HANDLE_RE = /^[A-Za-z0-9_]{1,50}$/;
export const BATCH_ID_RE = /^[A-Za-z0-9_:.-]{1,128}$/;
const LABEL_RE = /^[A-Za-z0-9_.-]{1,16}$/;
const LANG_RE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TWEET_KINDS: readonly TweetKind[] = ['tweet', 'reply', 'retweet', 'quote', 'promoted'];

export class Invalid extends Error {}

export function fail(path: string, message: string): never {
  throw new Invalid(`${path}: ${message}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, 'expected an object');
  return value;
}

export function string(value: unknown, path: string, max: number, pattern?: RegExp, hint?: string): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  if (pattern && !pattern.test(value)) fail(path, hint ?? `does not match ${pattern}`);
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

export function list<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** Tags are compared NFKC-normalised and lower-cased; the validator returns that form. */
export function tag(value: unknown, path: string): Tag {
  const raw = string(value, path, 400);
  const normalised = raw.normalize('NFKC').toLowerCase();
  if (!TAG_RE.test(normalised)) fail(path, 'expected a hashtag without "#": 1-100 letters, digits or "_"');
  return normalised;
}

export function handle(value: unknown, path: string): Handle {
  return string(value, path, 50, HANDLE_RE, 'expected a handle without "@": letters, digits or "_"').toLowerCase();
}

export function uniqueList<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function optional<T>(obj: Record<string, unknown>, key: string, path: string, read: (v: unknown, p: string) => T): T | undefined {
  return obj[key] === undefined ? undefined : read(obj[key], `${path}.${key}`);
}

/** A count such as a tweet's likes: a whole number from 0 to a trillion. */
function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1e12) fail(path, 'expected a whole number from 0');
  return value;
}

export function tweetInput(value: unknown, path: string): StoredTweetInput {
  const t = record(value, path);
  const author = record(t.author, `${path}.author`);
  const time = t.time === null ? null : string(t.time, `${path}.time`, 40, ISO_TIME_RE, 'expected an ISO 8601 time or null');
  if (time !== null && Number.isNaN(Date.parse(time))) fail(`${path}.time`, 'not a valid date');
  const kind = string(t.kind, `${path}.kind`, 20) as TweetKind;
  if (!TWEET_KINDS.includes(kind)) fail(`${path}.kind`, `expected one of ${TWEET_KINDS.join(', ')}`);
  const out: StoredTweetInput = {
    id: string(t.id, `${path}.id`, 25, TWEET_ID_RE, 'expected a status id of 1-25 digits'),
    author: {
      handle: handle(author.handle, `${path}.author.handle`),
      name: string(author.name, `${path}.author.name`, LIMITS.maxNameLength),
    },
    time,
    text: string(t.text, `${path}.text`, LIMITS.maxTextLength),
    kind,
  };
  const retweetedBy = optional(t, 'retweetedBy', path, handle);
  if (retweetedBy !== undefined) out.retweetedBy = retweetedBy;
  const lang = optional(t, 'lang', path, (v, p) => string(v, p, 35, LANG_RE, 'expected a BCP 47 language tag'));
  if (lang !== undefined) out.lang = lang;
  const question = optional(t, 'question', path, (v, p) => string(v, p, 16, LABEL_RE, 'expected a short label such as "2a"'));
  if (question !== undefined) out.question = question;
  const answer = optional(t, 'answer', path, (v, p) => string(v, p, 16, LABEL_RE, 'expected a short label such as "2a"'));
  if (answer !== undefined) out.answer = answer;
  const likes = optional(t, 'likes', path, count);
  if (likes !== undefined) out.likes = likes;
  return out;
}

/** Validates one tweet as `tweets/put` would; lets the content script drop a bad tweet instead of a whole batch. */
export function checkTweet(value: unknown): { ok: true; tweet: StoredTweetInput } | { ok: false; message: string } {
  try {
    return { ok: true, tweet: tweetInput(value, 'tweet') };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    throw e;
  }
}

export function filterOptions(value: unknown, path: string): FilterOptions {
  const f = record(value, path);
  return {
    hideRetweets: boolean(f.hideRetweets, `${path}.hideRetweets`),
    hideMuted: boolean(f.hideMuted, `${path}.hideMuted`),
    hostsOnly: boolean(f.hostsOnly, `${path}.hostsOnly`),
    ...(f.foldRepeats === undefined ? {} : { foldRepeats: boolean(f.foldRepeats, `${path}.foldRepeats`) }),
    ...(f.pauseWhileScrolling === undefined ? {} : { pauseWhileScrolling: boolean(f.pauseWhileScrolling, `${path}.pauseWhileScrolling`) }),
  };
}

const START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NTHS = [1, 2, 3, 4, -1] as const;

/** The runtime's own spelling of an IANA time zone ("america/chicago" → "America/Chicago"), or null if it knows none such. */
function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,99}$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function oneOf<T extends number>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'number' || !allowed.includes(value as T)) fail(path, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

function recurrence(value: unknown, path: string): Recurrence {
  const r = record(value, path);
  const weekday = oneOf(r.weekday, `${path}.weekday`, WEEKDAYS);
  if (r.kind === 'weekly') return { kind: 'weekly', weekday };
  if (r.kind === 'monthly') return { kind: 'monthly', weekday, nth: oneOf(r.nth, `${path}.nth`, NTHS) };
  fail(`${path}.kind`, 'expected "weekly" or "monthly"');
}

/** A chat's schedule, or null for "no schedule". */
export function scheduleValue(value: unknown, path: string): Schedule | null {
  if (value === null) return null;
  const s = record(value, path);
  const duration = s.durationMinutes;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > LIMITS.maxDurationMinutes) {
    fail(`${path}.durationMinutes`, `expected a whole number of minutes from 1 to ${LIMITS.maxDurationMinutes}`);
  }
  const timeZone = canonicalTimeZone(string(s.timeZone, `${path}.timeZone`, 100));
  if (timeZone === null) fail(`${path}.timeZone`, 'expected an IANA time zone such as "America/Chicago"');
  return {
    recurrence: recurrence(s.recurrence, `${path}.recurrence`),
    start: string(s.start, `${path}.start`, 5, START_RE, 'expected a 24-hour time "HH:MM"'),
    durationMinutes: duration,
    timeZone,
  };
}

/** A whole number of minutes from `min` to `PLAN_LIMITS.minutes`. */
function planMinutes(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > PLAN_LIMITS.minutes) {
    fail(path, `expected a whole number of minutes from ${min} to ${PLAN_LIMITS.minutes}`);
  }
  return value;
}

/** A post's text of a plan, trimmed. */
function planText(value: unknown, path: string): string {
  return string(value, path, PLAN_LIMITS.text).trim();
}

function planQuestion(value: unknown, path: string): PlanQuestion {
  const q = record(value, path);
  const text = planText(q.text, `${path}.text`);
  if (text === '') fail(`${path}.text`, 'expected the text of the question');
  const subs = list(q.subs, `${path}.subs`, PLAN_LIMITS.subs, planText).filter((sub) => sub !== '');
  return { text, subs };
}

/** A host's plan (see lib/chat/host-plan): texts trimmed, empty sub-questions left out. */
export function hostPlan(value: unknown, path: string): HostPlan {
  const p = record(value, path);
  return {
    welcome: planText(p.welcome, `${path}.welcome`),
    questions: list(p.questions, `${path}.questions`, PLAN_LIMITS.questions, planQuestion),
    wrapUp: planText(p.wrapUp, `${path}.wrapUp`),
    firstAt: planMinutes(p.firstAt, `${path}.firstAt`, 0),
    every: planMinutes(p.every, `${path}.every`, 1),
  };
}

/** Validates a plan as `chat/update` would; lets an editor show what is wrong before sending it. */
export function checkPlan(value: unknown): { ok: true; plan: HostPlan } | { ok: false; message: string } {
  try {
    return { ok: true, plan: hostPlan(value, 'plan') };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    throw e;
  }
}
