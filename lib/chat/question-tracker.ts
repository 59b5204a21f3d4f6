// A small immutable tracker that follows the current host question and groups answers under their
// question (pure `addTweet`, or `createQuestionTracker` for a live chat). What a question or an answer
// looks like is ./questions'.
import { normalizeHandle } from './handles';
import { isHost, parseTweetRef, questionKey, type QuestionRef } from './questions';
import type { Handle, Tweet } from './types';

export interface TrackedQuestion {
  key: string;
  number: number;
  part?: string;
  tweetId: string;
  author: Handle;
  text: string;
  time: string | null;
  answerCount: number;
}

export interface QuestionState {
  /** Known hosts plus inferred ones, normalised. */
  hosts: Handle[];
  /** The subset of `hosts` inferred from the chat itself (see `addTweet`). */
  inferredHosts: Handle[];
  inferHosts: boolean;
  /** Host questions, one per key, ordered by number then part (`1`, `2`, `2a`, `2b`, `3`). */
  questions: TrackedQuestion[];
  /** Key of the latest host question, or null before the first one. */
  current: string | null;
  /** Question key → ids of the answer tweets, in order of arrival. May hold keys of questions not seen yet. */
  answersByQuestion: Record<string, string[]>;
  /**
   * Ids of the tweets already counted as a question or an answer (makes `addTweet` idempotent). A set:
   * asked for each chat tweet, and tweet ids (long digit strings) are slow object keys.
   */
  seen: Set<string>;
  /**
   * Question-shaped tweets by accounts that are not hosts, kept only while a host can still be inferred
   * (x.com loads a timeline newest first, so a host's Q3 often arrives before the Q1 that identifies
   * the host). Cleared once a host is inferred.
   */
  pending: TrackedQuestion[];
}

export function emptyQuestionState(hosts: readonly Handle[], opts: { inferHosts?: boolean } = {}): QuestionState {
  return {
    hosts: [...new Set(hosts.map(normalizeHandle).filter((h) => h !== ''))],
    inferredHosts: [],
    inferHosts: opts.inferHosts ?? false,
    questions: [],
    current: null,
    answersByQuestion: {},
    seen: new Set(),
    pending: [],
  };
}

// The questions' times are compared at every question added (which is the latest, which came first):
// each time is parsed once. Bounded: forgotten past TIME_MEMO_SIZE times (a chat asks a handful).
const TIME_MEMO_SIZE = 200;
const parsedTimes = new Map<string, number | null>();

/** Milliseconds of a tweet's time, or null when it has none (or an unreadable one). */
function timeOf(q: TrackedQuestion): number | null {
  if (q.time === null) return null;
  let ms = parsedTimes.get(q.time);
  if (ms === undefined) {
    const parsed = Date.parse(q.time);
    ms = Number.isNaN(parsed) ? null : parsed;
    if (parsedTimes.size >= TIME_MEMO_SIZE) parsedTimes.clear();
    parsedTimes.set(q.time, ms);
  }
  return ms;
}

/** Orders questions by number, then part (no part first). */
function byKey(a: TrackedQuestion, b: TrackedQuestion): number {
  return a.number - b.number || (a.part ?? '').localeCompare(b.part ?? '');
}

/**
 * Later-asked first: by time, a question without a time ranking below any timed one; equal times go
 * to the higher key. Independent of arrival order, so scrolling back through older tweets never moves
 * the current question backwards.
 */
function askedLater(a: TrackedQuestion, b: TrackedQuestion): boolean {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return tb === null || (ta !== null && ta > tb);
  return byKey(a, b) > 0;
}

function latest(questions: readonly TrackedQuestion[]): TrackedQuestion | null {
  let best: TrackedQuestion | null = null;
  for (const q of questions) if (best === null || askedLater(q, best)) best = q;
  return best;
}

// Cost: `addTweet` is pure, so each call that changes the state copies it (O(size of the state)); a
// long chat fed tweet by tweet through it is quadratic. `addTweets` copies once per batch, and
// `createQuestionTracker` updates one state in place, O(1) amortised per tweet (plus O(questions),
// which is small), for a live chat of thousands of tweets. All three share the rules below.

/**
 * Adds host questions to the list, in place. A key already asked keeps its earliest tweet (a host
 * reposting "Reminder: Q1 …" does not replace Q1, and if the original is loaded after the reminder, it
 * wins).
 */
function putQuestions(state: QuestionState, added: readonly TrackedQuestion[]): void {
  const byKeyMap = new Map(state.questions.map((q) => [q.key, q]));
  for (const q of added) {
    const existing = byKeyMap.get(q.key);
    const existingTime = existing === undefined ? null : timeOf(existing);
    const newTime = timeOf(q);
    if (existing === undefined || (newTime !== null && (existingTime === null || newTime < existingTime))) {
      byKeyMap.set(q.key, { ...q, answerCount: state.answersByQuestion[q.key]?.length ?? 0 });
    }
  }
  state.questions = [...byKeyMap.values()].sort(byKey);
  state.current = latest(state.questions)?.key ?? null;
}

/**
 * The key an answer is grouped under: its own key (`A2b` → `2b`). A bare `A2` while the host asked
 * only `Q2a`/`Q2b` (no plain `Q2`) goes to the latest of those asked so far, since participants answer
 * the part on screen. An answer to a question not seen yet stays under its own key and is counted when
 * the question arrives.
 */
function answerKey(state: QuestionState, ref: QuestionRef): string {
  const own = questionKey(ref);
  if (ref.part !== undefined || state.questions.some((q) => q.key === own)) return own;
  return latest(state.questions.filter((q) => q.number === ref.number))?.key ?? own;
}

/**
 * What a tweet does to the state: a host question, the Q1 that makes its author the inferred host, a
 * question kept pending until a host is inferred, a question-shaped tweet of a non-host (ignored), or
 * an answer. null: nothing (already counted, promoted, or neither question nor answer).
 */
type Step = { kind: 'question'; tracked: TrackedQuestion; as: 'host' | 'infer' | 'pending' | 'ignored' } | { kind: 'answer'; key: string };

function classify(state: QuestionState, tweet: Tweet): Step | null {
  if (tweet.kind === 'promoted' || state.seen.has(tweet.id)) return null;
  const { question, answer } = parseTweetRef(tweet.text);
  if (question !== null) {
    const author = normalizeHandle(tweet.author.handle);
    const tracked: TrackedQuestion = {
      key: questionKey(question),
      number: question.number,
      ...(question.part === undefined ? {} : { part: question.part }),
      tweetId: tweet.id,
      author,
      text: tweet.text,
      time: tweet.time,
      answerCount: 0,
    };
    if (isHost(author, state.hosts)) return { kind: 'question', tracked, as: 'host' };
    const canInfer = state.inferHosts && state.hosts.length === 0;
    if (!canInfer) return { kind: 'question', tracked, as: 'ignored' };
    return { kind: 'question', tracked, as: question.number === 1 ? 'infer' : 'pending' };
  }
  return answer === null ? null : { kind: 'answer', key: answerKey(state, answer) };
}

/**
 * Applies a step (other than `ignored`) to a state the caller owns, in place. `ownedAnswers`: the keys
 * of `answersByQuestion` whose arrays the caller owns too ('all', or a set this call adds to); another
 * key's array is shared with an older state, so it is copied before it grows.
 */
function apply(state: QuestionState, id: string, step: Step, ownedAnswers: Set<string> | 'all'): void {
  state.seen.add(id);
  if (step.kind === 'answer') {
    const ids = state.answersByQuestion[step.key];
    if (ids !== undefined && (ownedAnswers === 'all' || ownedAnswers.has(step.key))) ids.push(id);
    else {
      state.answersByQuestion[step.key] = [...(ids ?? []), id];
      if (ownedAnswers !== 'all') ownedAnswers.add(step.key);
    }
    const i = state.questions.findIndex((q) => q.key === step.key);
    const q = state.questions[i];
    if (q !== undefined) state.questions[i] = { ...q, answerCount: state.answersByQuestion[step.key]?.length ?? 0 };
    return;
  }
  const { tracked } = step;
  if (step.as === 'host') {
    putQuestions(state, [tracked]);
  } else if (step.as === 'infer') {
    const promoted = state.pending.filter((q) => q.author === tracked.author);
    state.hosts = [tracked.author];
    state.inferredHosts = [tracked.author];
    state.pending = [];
    putQuestions(state, [...promoted, tracked]);
  } else if (step.as === 'pending') {
    state.pending.push(tracked);
  }
}

/**
 * A copy of a state that `apply` may change without touching the original, as long as it is told that
 * the answer arrays are still shared.
 */
function copyState(state: QuestionState): QuestionState {
  return {
    ...state,
    hosts: [...state.hosts],
    inferredHosts: [...state.inferredHosts],
    questions: [...state.questions],
    answersByQuestion: { ...state.answersByQuestion },
    seen: new Set(state.seen),
    pending: [...state.pending],
  };
}

/** Whether the step changes the state (a non-host's question-shaped tweet does not). */
function changes(step: Step | null): step is Step {
  return step !== null && !(step.kind === 'question' && step.as === 'ignored');
}

/**
 * Adds one tweet and returns the new state (the input is never changed; a tweet already counted, a
 * promoted tweet or a tweet that is neither question nor answer returns the same state object).
 *
 * - Host questions only come from hosts: a participant typing `Q9)` is not a question.
 * - Host inference (only with `inferHosts` and while no host is known): the first account whose tweet
 *   is a `Q1` (any part) becomes an inferred host; its earlier-loaded pending questions are promoted and
 *   the other pending ones are dropped. After that, hosts are fixed: only one account is inferred.
 * - Any other tweet that starts with an answer (`A1 …`) is an answer, whoever wrote it.
 *
 * Copies the state when it changes: for a long stream of tweets use `addTweets` or
 * `createQuestionTracker`.
 */
export function addTweet(state: QuestionState, tweet: Tweet): QuestionState {
  const step = classify(state, tweet);
  if (!changes(step)) return state;
  const next = copyState(state);
  apply(next, tweet.id, step, new Set());
  return next;
}

/** Adds tweets in order (copying the state at most once). */
export function addTweets(state: QuestionState, tweets: Iterable<Tweet>): QuestionState {
  let next: QuestionState | null = null;
  const owned = new Set<string>();
  for (const tweet of tweets) {
    const step = classify(next ?? state, tweet);
    if (!changes(step)) continue;
    next ??= copyState(state);
    apply(next, tweet.id, step, owned);
  }
  return next ?? state;
}

/** The latest host question, or null before the first one. */
export function currentQuestion(state: QuestionState): TrackedQuestion | null {
  return state.questions.find((q) => q.key === state.current) ?? null;
}

/** A question tracker that updates one state in place: for a live chat of thousands of tweets. */
export interface QuestionTracker {
  /** Adds one tweet, with the rules of `addTweet`; true when it changed the state. O(1) amortised. */
  add(tweet: Tweet): boolean;
  /**
   * Replaces the known hosts (an inferred host stays a host). Question-shaped tweets already added
   * whose author is now a host become questions (the tracker keeps up to `MAX_SET_ASIDE` of them).
   * Questions already accepted stay, even if their author is no longer a host.
   */
  setHosts(hosts: readonly Handle[]): void;
  /** The key of the question an answer tweet was counted under, or null (not an answer). O(1). */
  answerKeyOf(tweetId: string): string | null;
  /**
   * The tracker's state, changed in place by `add` and `setHosts` (its `questions` entries are replaced,
   * never changed): read it, never change it, copy what must outlive the next `add`.
   */
  readonly state: QuestionState;
}

/** How many question-shaped tweets of non-hosts a tracker sets aside for `setHosts`. */
const MAX_SET_ASIDE = 500;

export function createQuestionTracker(hosts: readonly Handle[], opts: { inferHosts?: boolean } = {}): QuestionTracker {
  const state = emptyQuestionState(hosts, opts);
  // Question-shaped tweets of accounts that were not hosts when added, earliest added first, so that
  // hosts learnt later (e.g. once the chat's settings load) still get their questions.
  let setAside: TrackedQuestion[] = [];
  const setAsideIds = new Set<string>();
  // Answer tweet id → the key it was counted under (the reverse of `answersByQuestion`).
  const answerKeys = new Map<string, string>();
  return {
    state,
    add(tweet) {
      const step = classify(state, tweet);
      if (step === null) return false;
      if (step.kind === 'question' && step.as === 'ignored') {
        if (setAside.length < MAX_SET_ASIDE && !setAsideIds.has(tweet.id)) {
          setAside.push(step.tracked);
          setAsideIds.add(tweet.id);
        }
        return false;
      }
      apply(state, tweet.id, step, 'all');
      if (step.kind === 'answer') answerKeys.set(tweet.id, step.key);
      return true;
    },
    answerKeyOf: (tweetId) => answerKeys.get(tweetId) ?? null,
    setHosts(next) {
      const known = next.map(normalizeHandle).filter((h) => h !== '');
      state.hosts = [...new Set([...known, ...state.inferredHosts])];
      if (state.hosts.length === 0) return;
      const candidates = [...state.pending, ...setAside];
      state.pending = [];
      const promoted = candidates.filter((q) => isHost(q.author, state.hosts));
      setAside = candidates.filter((q) => !isHost(q.author, state.hosts)).slice(0, MAX_SET_ASIDE);
      setAsideIds.clear();
      for (const q of setAside) setAsideIds.add(q.tweetId);
      if (promoted.length === 0) return;
      for (const q of promoted) state.seen.add(q.tweetId);
      putQuestions(state, promoted);
    },
  };
}
