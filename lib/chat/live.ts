// The live aggregate of a chat as the content script reads it: how many tweets are shown and hidden
// (per reason), the host questions with their answer counts, the top participants and the tweets per
// minute. Fed every distinct tweet the page shows (the virtualised timeline shows the same tweet many
// times: `add` dedupes by id) and read by the sidebar through `snapshot()`.
//
// Cost: `add` and `questionKeyOf` are O(1) amortised (plus O(questions) for a question or an answer, and O(topParticipants)
// for a participant's tweet, both small and not growing with the chat). `snapshot` is
// O(questions + topParticipants + minutes), independent of the number of tweets: call it as often as
// the sidebar renders. What did not change since the last snapshot is handed out again, the same
// arrays and objects, so that the sidebar can skip the parts that did not change.
//
// Memory: the ids of every distinct tweet added are kept, so that a tweet scrolled past again is not
// counted twice: one short string per tweet (about 100 bytes with the set's overhead), ~1–2 MB for a
// 10,000–20,000-tweet chat. They are never evicted, since evicting would double count a tweet scrolled
// back to. The question tracker keeps the ids of question and answer tweets (a subset), and the
// participants map one entry per distinct author of a shown tweet. Everything else is fixed-size.
import { answerOf, TOP_ANSWERS, withTopAnswer, type CatchUpAnswer, type CatchUpQuestion } from './catch-up';
import type { FilterDecision, HideReason } from './filter';
import { normalizeHandle } from './handles';
import { hasAnyTag } from './hashtags';
import { createQuestionTracker, type TrackedQuestion } from './question-tracker';
import { tweetTimeMs } from './times';
import type { Handle, Tag, Tweet } from './types';

export interface LiveChatOptions {
  /** The chat's tags: the tweets carrying one are the chat's (questions, answers, activity). */
  tags: Tag[];
  /** Known hosts: only their question-shaped tweets are questions. */
  hosts: Handle[];
  /** Infer the host from the first `Q1` when no host is known (see `addTweet` in question-tracker.ts). */
  inferHosts?: boolean;
  /**
   * Epoch ms; `Date.now` by default. The time of tweets without a believable one (see times.ts),
   * and the end of the activity window.
   */
  now?: () => number;
  /** How many participants the snapshot lists (5). */
  topParticipants?: number;
  /** The activity window in minutes (30). */
  minutes?: number;
}

/** A host question as the sidebar lists it: the tracker's own record. */
export type LiveQuestion = TrackedQuestion;

export interface LiveParticipant {
  handle: Handle;
  /** The display name of the participant's latest tweet. */
  name: string;
  count: number;
}

/** A snapshot's parts are shared with later snapshots: never change them. */
export interface LiveSnapshot {
  /** Distinct tweets shown. */
  shown: number;
  /** Distinct tweets hidden, per reason (every reason present). */
  hidden: Record<HideReason, number>;
  /** Host questions in question order (`1`, `2`, `2a`, `2b`, `3`). */
  questions: LiveQuestion[];
  /** Key of the current (latest asked) question, or null before the first one. */
  current: string | null;
  /** The top participants by number of shown tagged tweets; ties go to the one seen first. */
  participants: LiveParticipant[];
  /** Chat tweets per minute over the last `minutes` minutes, oldest first, zero-filled. */
  perMinute: Array<{ minute: number; count: number }>;
}

export interface LiveChat {
  /** Counts a tweet with the filter's decision; false when its id was already counted (nothing changes). */
  add(tweet: Tweet, decision: FilterDecision): boolean;
  snapshot(): LiveSnapshot;
  /**
   * The key of the host question this tweet is (`'2a'`), or null: what `snapshot().questions` says
   * about it, in O(1) without copying the questions (asked for every cell the page shows).
   */
  questionKeyOf(tweetId: string): string | null;
  /** The key of the question an answer tweet is counted under, or null. O(1). */
  answerKeyOf(tweetId: string): string | null;
  /** Each question with its answer count and most-liked answers so far (O(questions)). */
  catchUp(): CatchUpQuestion[];
  /**
   * Replaces the known hosts (e.g. once the chat's settings load, or when the user edits them). Tweets
   * already added by a new host that look like questions become questions.
   */
  setHosts(hosts: readonly Handle[]): void;
}

const MINUTE = 60_000;
const HANDLE_MEMO_SIZE = 2000;

interface Participant {
  handle: Handle;
  name: string;
  count: number;
  /** Order of first appearance: the tie-break. */
  order: number;
}

/** Ranks `a` before `b`: more tweets first, then seen first. */
function ranksBefore(a: Participant, b: Participant): boolean {
  return a.count !== b.count ? a.count > b.count : a.order < b.order;
}

export function createLiveChat(options: LiveChatOptions): LiveChat {
  const now = options.now ?? Date.now;
  const top = Math.max(0, Math.floor(options.topParticipants ?? 5));
  const minutes = Math.max(1, Math.floor(options.minutes ?? 30));
  const tags = [...options.tags];

  const seen = new Set<string>();
  let shown = 0;
  const hidden: Record<HideReason, number> = { untagged: 0, promoted: 0, retweet: 0, muted: 0, 'not-host': 0 };
  const tracker = createQuestionTracker(options.hosts, { inferHosts: options.inferHosts ?? false });

  const participants = new Map<Handle, Participant>();
  // The top `top` participants, best first. Counts only ever grow by one, for one participant at a
  // time, so the new top is the old one re-sorted, or with its last replaced by that participant.
  const leaders: Participant[] = [];

  // A ring of per-minute buckets: slot `(minute / MINUTE) % minutes` holds the count of its latest
  // minute seen; a stale minute reads as zero.
  const bucketMinute = new Array<number>(minutes).fill(Number.NaN);
  const bucketCount = new Array<number>(minutes).fill(0);

  // What the last snapshot handed out, and what it was made from: reused while that stands.
  let shownParticipants: { of: number; list: LiveParticipant[] } = { of: 0, list: [] };
  let shownQuestions: LiveQuestion[] = [];
  let shownMinutes: { end: number; of: number; list: LiveSnapshot['perMinute'] } | null = null;
  let shownHidden: { of: number; counts: Record<HideReason, number> } | null = null;
  // Bumped by every change of the participants, of the per-minute counts, of the hidden counts.
  let participantsVersion = 0;
  let minutesVersion = 0;
  let hiddenVersion = 0;

  // Each raw handle's normal form: an author's handle comes spelled the same way in each of their tweets,
  // so it is normalised once, not per tweet. Bounded: at most HANDLE_MEMO_SIZE spellings, oldest first out.
  const handles = new Map<string, Handle>();
  function handleOf(raw: string): Handle {
    let handle = handles.get(raw);
    if (handle === undefined) {
      handles.set(raw, (handle = normalizeHandle(raw)));
      if (handles.size > HANDLE_MEMO_SIZE) handles.delete(handles.keys().next().value!);
    }
    return handle;
  }

  function countParticipant(tweet: Tweet): void {
    const handle = handleOf(tweet.author.handle);
    if (handle === '') return;
    participantsVersion++;
    let p = participants.get(handle);
    if (p === undefined) {
      p = { handle, name: tweet.author.name, count: 0, order: participants.size };
      participants.set(handle, p);
    }
    p.count += 1;
    if (tweet.author.name !== '') p.name = tweet.author.name;
    if (top === 0) return;
    if (!leaders.includes(p)) {
      const last = leaders[leaders.length - 1];
      if (leaders.length < top) leaders.push(p);
      else if (last !== undefined && ranksBefore(p, last)) leaders[leaders.length - 1] = p;
      else return;
    }
    // One pass of insertion: only `p` moved, and only up.
    for (let i = leaders.indexOf(p); i > 0; i--) {
      const before = leaders[i - 1];
      if (before === undefined || !ranksBefore(p, before)) break;
      leaders[i - 1] = p;
      leaders[i] = before;
    }
  }

  function countMinute(ms: number): void {
    const minute = Math.floor(ms / MINUTE) * MINUTE;
    const oldest = Math.floor(now() / MINUTE) * MINUTE - (minutes - 1) * MINUTE;
    if (minute < oldest) return; // before the window (e.g. scrolling back through older tweets)
    minutesVersion++;
    const slot = (((minute / MINUTE) % minutes) + minutes) % minutes;
    const stored = bucketMinute[slot] ?? Number.NaN;
    if (stored === minute) bucketCount[slot] = (bucketCount[slot] ?? 0) + 1;
    else if (Number.isNaN(stored) || stored < minute) {
      bucketMinute[slot] = minute;
      bucketCount[slot] = 1;
    }
    // else: the slot holds a later minute, so this one is outside the window.
  }

  // Question tweet id → key, for `questionKeyOf`. Rebuilt when the tracker's question list is replaced:
  // every change of which tweets are questions (a new question, an earlier-asked one taking a key, a
  // host's set-aside questions promoted by `setHosts`) assigns a new `questions` array, while an answer
  // only replaces an entry in place with the same tweet and key (see question-tracker.ts).
  let questionIndex: { of: readonly TrackedQuestion[]; keys: Map<string, string> } | null = null;

  // Each question's most-liked answers, by the key the tracker counted them under.
  const topAnswers = new Map<string, CatchUpAnswer[]>();
  function noteAnswer(tweet: Tweet): void {
    const key = tracker.answerKeyOf(tweet.id);
    if (key === null) return;
    const top = topAnswers.get(key) ?? [];
    // Most answers are not among the most liked: nothing to make for them.
    if (top.length === TOP_ANSWERS && (tweet.likes ?? 0) <= top[TOP_ANSWERS - 1]!.likes) return;
    topAnswers.set(key, withTopAnswer(top, answerOf(tweet)));
  }

  return {
    add(tweet, decision) {
      if (seen.has(tweet.id)) return false;
      seen.add(tweet.id);
      if (decision.show) shown += 1;
      else {
        hidden[decision.reason] += 1;
        hiddenVersion++;
      }
      if (tweet.kind === 'promoted' || (!decision.show && decision.reason === 'promoted')) return true;
      // The chat's tweets, whether shown or hidden by the user's choices (muted, retweets, hosts only):
      // questions and answers are the chat's, and so is its activity.
      if (!hasAnyTag(tweet.text, tags)) return true;
      if (tracker.add(tweet)) noteAnswer(tweet);
      countMinute(tweetTimeMs(tweet.time, now()));
      if (decision.show) countParticipant(tweet);
      return true;
    },

    snapshot() {
      const state = tracker.state;
      const end = Math.floor(now() / MINUTE) * MINUTE;
      if (shownMinutes?.end !== end || shownMinutes.of !== minutesVersion) {
        const list: LiveSnapshot['perMinute'] = [];
        for (let i = minutes - 1; i >= 0; i--) {
          const minute = end - i * MINUTE;
          const slot = (((minute / MINUTE) % minutes) + minutes) % minutes;
          list.push({ minute, count: bucketMinute[slot] === minute ? (bucketCount[slot] ?? 0) : 0 });
        }
        shownMinutes = { end, of: minutesVersion, list };
      }
      if (shownHidden?.of !== hiddenVersion) shownHidden = { of: hiddenVersion, counts: { ...hidden } };
      // The tracker replaces a question's record when it changes, and its list when one is added: a
      // copy of the list whose records are all still the tracker's is the same list.
      const questions = state.questions;
      if (!sameItems(questions, shownQuestions)) shownQuestions = [...questions];
      if (shownParticipants.of !== participantsVersion) {
        const before = shownParticipants.list;
        const list = leaders.map((p) => {
          const was = before.find((q) => q.handle === p.handle);
          return was?.count === p.count && was.name === p.name ? was : { handle: p.handle, name: p.name, count: p.count };
        });
        shownParticipants = { of: participantsVersion, list: sameItems(list, before) ? before : list };
      }
      return {
        shown,
        hidden: shownHidden.counts,
        questions: shownQuestions,
        current: state.current,
        participants: shownParticipants.list,
        perMinute: shownMinutes.list,
      };
    },

    questionKeyOf(tweetId) {
      const { questions } = tracker.state;
      if (questionIndex?.of !== questions) questionIndex = { of: questions, keys: new Map(questions.map((q) => [q.tweetId, q.key])) };
      return questionIndex.keys.get(tweetId) ?? null;
    },

    answerKeyOf: (tweetId) => tracker.answerKeyOf(tweetId),

    catchUp() {
      return tracker.state.questions.map((q) => ({
        key: q.key,
        tweetId: q.tweetId,
        text: q.text,
        answerCount: q.answerCount,
        top: topAnswers.get(q.key) ?? [],
      }));
    },

    setHosts(hosts) {
      tracker.setHosts(hosts);
    },
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
