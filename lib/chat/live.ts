// The live aggregate of a chat as the content script reads it: how many tweets are shown and hidden
// (per reason), the host questions with their answer counts, the top participants, the tweets per
// minute, and the room as a host sees it (their posts, the answers' times, newcomers, what they were
// asked). Fed every distinct tweet the page shows (the virtualised timeline shows the same tweet many
// times: `add` dedupes by id) and read by the sidebar through `snapshot()`.
//
// Cost: `add` and `questionKeyOf` are O(1) amortised (plus O(questions) for a question or an answer,
// O(topParticipants) for a participant's tweet, O(its text + ROOM_LIMITS.asks) for a tweet with an '@' or a reply,
// all small and not growing with the chat; a change of the hosts costs O(ROOM_LIMITS.replayed) once).
// `snapshot` is O(questions + topParticipants + minutes), plus the room's bounded lists when the room
// changed, independent of the number of tweets: call it as often as the sidebar renders. What did not
// change since the last snapshot is handed out again, the same arrays and objects, so that the sidebar
// can skip the parts that did not change.
//
// Memory: the ids of every distinct tweet added are kept, so that a tweet scrolled past again is not
// counted twice: one short string per tweet (about 100 bytes with the set's overhead), ~1–2 MB for a
// 10,000–20,000-tweet chat. They are never evicted, since evicting would double count a tweet scrolled
// back to. The question tracker keeps the ids of question and answer tweets (a subset), and the
// participants map one entry per distinct author of a shown tweet. Everything else is fixed-size (the
// room's lists are bounded by ROOM_LIMITS, hosts' mentions by HANDLE_MEMO_SIZE).
import { answerOf, TOP_ANSWERS, withTopAnswer, type CatchUpAnswer, type CatchUpQuestion } from './catch-up';
import type { FilterDecision, HideReason } from './filter';
import { normalizeHandle } from './handles';
import { hasAnyTag } from './hashtags';
import type { HostPost } from './host-plan';
import { createQuestionTracker, type QuestionTracker, type TrackedQuestion } from './question-tracker';
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

/** An answer counted, for the answers per question over the last minutes. */
export interface LiveAnswer {
  /** The question key it was counted under. */
  key: string;
  /** The answer tweet's time (epoch ms). */
  at: number;
}

/** A participant as first seen. */
export interface LiveNewcomer {
  handle: Handle;
  name: string;
  /** The time of their first tweet seen (epoch ms). */
  at: number;
  tweetId: string;
}

/** A participant's tweet that asks a host something: it mentions `@host` (or replies to them) and holds a '?'. */
export interface LiveAsk {
  id: string;
  handle: Handle;
  name: string;
  text: string;
  /** Epoch ms. */
  at: number;
  /** A host tweet posted at or after it mentions the asker or replies to them. */
  answered: boolean;
}

/** The room as its host sees it: from the chat's tweets (tagged, not promoted), shown or hidden. */
export interface LiveRoom {
  /** The tweets of a host (known or inferred), in order of arrival: the newest `ROOM_LIMITS.hostPosts`. */
  hostPosts: HostPost[];
  /** The answers counted, in order of arrival: the newest `ROOM_LIMITS.answers`. */
  recentAnswers: LiveAnswer[];
  /** The participants (authors of shown tweets) in order of first seen, newest first: `ROOM_LIMITS.newcomers`. */
  newcomers: LiveNewcomer[];
  /** Participants' tweets asking a host something, newest first (order of arrival), not muted ones: `ROOM_LIMITS.asks`. */
  asks: LiveAsk[];
}

/**
 * How much of the room a live chat keeps. `replayed`: how many of the latest chat tweets are looked at
 * again when the hosts change (a host learnt late, e.g. inferred from a Q1 loaded after their Q3).
 */
export const ROOM_LIMITS = { hostPosts: 100, answers: 500, newcomers: 20, asks: 20, replayed: 500 } as const;

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
  /** The same object, its lists too, as long as nothing in it changed. */
  room: LiveRoom;
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

  const room = createRoom(tracker);

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

  function countParticipant(tweet: Tweet, handle: Handle, at: number): void {
    if (handle === '') return;
    participantsVersion++;
    let p = participants.get(handle);
    if (p === undefined) {
      p = { handle, name: tweet.author.name, count: 0, order: participants.size };
      participants.set(handle, p);
      room.newcomer({ handle, name: tweet.author.name, at, tweetId: tweet.id });
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

  /** Counts a tweet of time `ms` seen at `seenAt` (epoch ms: the clock is read once per tweet). */
  function countMinute(ms: number, seenAt: number): void {
    const minute = Math.floor(ms / MINUTE) * MINUTE;
    const oldest = Math.floor(seenAt / MINUTE) * MINUTE - (minutes - 1) * MINUTE;
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
  function noteAnswer(tweet: Tweet, key: string): void {
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
      const seenAt = now();
      const at = tweetTimeMs(tweet.time, seenAt);
      const handle = handleOf(tweet.author.handle);
      if (tracker.add(tweet)) {
        const key = tracker.answerKeyOf(tweet.id);
        if (key !== null) {
          noteAnswer(tweet, key);
          room.answer({ key, at });
        }
      }
      countMinute(at, seenAt);
      if (decision.show) countParticipant(tweet, handle, at);
      room.add(tweet, handle, at, !decision.show && decision.reason === 'muted');
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
        room: room.snapshot(),
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
      room.hostsMayHaveChanged();
    },
  };
}

/** A mention of an account in a tweet's text: `@handle` as a whole (not in `a@b.c`, not the start of `@handles`). */
const MENTION = /(?:^|[^A-Za-z0-9_@＠])[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@＠])/g;

/** The accounts a text mentions, lower-cased (what follows an '@' is a handle, case-insensitive). */
function mentionsOf(text: string): Handle[] {
  return Array.from(text.matchAll(MENTION), (m) => m[1]!.toLowerCase());
}

/** Whether a text may mention someone: the cheap test before `mentionsOf`. */
function hasAt(text: string): boolean {
  return text.includes('@') || text.includes('＠');
}

const NO_HANDLES: readonly Handle[] = [];

/**
 * The accounts a tweet addresses, lower-cased, each once: those it replies to (x.com shows a reply's
 * leading mentions in its "Replying to" line, not in the text) and those its text mentions.
 */
function addressedBy(tweet: Tweet): readonly Handle[] {
  const replyTo = tweet.replyTo ?? NO_HANDLES;
  if (!hasAt(tweet.text)) return replyTo;
  return [...new Set([...replyTo, ...mentionsOf(tweet.text)])];
}

/** The newest `limit` items of a list that grows at its end: trimmed in batches, so a push stays O(1) amortised. */
function keepNewest<T>(items: T[], limit: number): T[] {
  return items.length >= 2 * limit ? items.slice(-limit) : items;
}

/** What a chat tweet in the room's ring is, or was taken for. */
const HOST_POST = 1;
const ASK = 2;
const MUTED = 4;

interface Room {
  add(tweet: Tweet, handle: Handle, at: number, muted: boolean): void;
  answer(answer: LiveAnswer): void;
  newcomer(newcomer: LiveNewcomer): void;
  /** Looks at the latest chat tweets again when the tracker's hosts changed. */
  hostsMayHaveChanged(): void;
  snapshot(): LiveRoom;
}

/** The room's facts, from the chat tweets as they arrive; who is a host is the tracker's (known or inferred). */
function createRoom(tracker: QuestionTracker): Room {
  let hosts: readonly Handle[] = tracker.state.hosts;
  let hostSet = new Set(hosts);
  // The latest `replayed` chat tweets, for a change of the hosts: tweet number `seq` (in order of arrival)
  // in slot `seq % replayed` of parallel arrays, so that remembering a tweet allocates nothing.
  const size = ROOM_LIMITS.replayed;
  const ringTweets = new Array<Tweet | undefined>(size);
  const ringHandles = new Array<Handle>(size);
  const ringAt = new Float64Array(size);
  const ringFlags = new Uint8Array(size);
  let seq = 0;
  let hostPosts: Array<{ seq: number; post: HostPost }> = [];
  let asks: Array<{ seq: number; ask: LiveAsk }> = [];
  let answers: LiveAnswer[] = [];
  let newcomers: LiveNewcomer[] = [];
  // Each account hosts mentioned → the latest time they did: an ask at or before it was answered.
  const mentionedAt = new Map<Handle, number>();
  // Bumped by every change of each list; what the last snapshot handed out, and what it was made from.
  const versions = { hostPosts: 0, asks: 0, answers: 0, newcomers: 0 };
  let shown: { of: typeof versions; room: LiveRoom } | null = null;

  function noteHostPost(n: number, tweet: Tweet, handle: Handle, at: number): void {
    hostPosts.push({ seq: n, post: { id: tweet.id, author: handle, text: tweet.text, at } });
    versions.hostPosts++;
    for (const mentioned of addressedBy(tweet)) {
      const before = mentionedAt.get(mentioned);
      mentionedAt.delete(mentioned);
      mentionedAt.set(mentioned, Math.max(before ?? at, at));
      if (mentionedAt.size > HANDLE_MEMO_SIZE) mentionedAt.delete(mentionedAt.keys().next().value!);
      for (let i = 0; i < asks.length; i++) {
        const { seq: asked, ask } = asks[i]!;
        if (ask.handle !== mentioned || ask.answered || ask.at > at) continue;
        asks[i] = { seq: asked, ask: { ...ask, answered: true } };
        versions.asks++;
      }
    }
  }

  function noteAsk(n: number, tweet: Tweet, handle: Handle, at: number): void {
    const answered = (mentionedAt.get(handle) ?? -Infinity) >= at;
    asks.push({ seq: n, ask: { id: tweet.id, handle, name: tweet.author.name, text: tweet.text, at, answered } });
    versions.asks++;
  }

  function asksAHost(tweet: Tweet): boolean {
    return tweet.text.includes('?') && addressedBy(tweet).some((handle) => hostSet.has(handle));
  }

  /** Takes tweet number `n` off the asks (if still kept): its author turned out to be a host. */
  function dropAsk(n: number): void {
    const i = asks.findIndex((a) => a.seq === n);
    if (i < 0) return;
    asks.splice(i, 1);
    versions.asks++;
  }

  function trim(): void {
    hostPosts = keepNewest(hostPosts, ROOM_LIMITS.hostPosts);
    asks = keepNewest(asks, ROOM_LIMITS.asks);
  }

  /** Takes tweet number `n` (still in the ring) for a host post or an ask, unless it already was one (the caller trims). */
  function classify(n: number): void {
    const slot = n % size;
    const tweet = ringTweets[slot]!;
    const handle = ringHandles[slot]!;
    const flags = ringFlags[slot]!;
    if (hostSet.has(handle)) {
      if (flags & HOST_POST) return;
      // A host's post, not an ask; ASK stays set, so that it is never taken for one again.
      ringFlags[slot] = flags | HOST_POST;
      if (flags & ASK) dropAsk(n);
      noteHostPost(n, tweet, handle, ringAt[slot]!);
    } else if (!(flags & (ASK | MUTED)) && asksAHost(tweet)) {
      ringFlags[slot] = flags | ASK;
      noteAsk(n, tweet, handle, ringAt[slot]!);
    }
  }

  function learnHosts(): void {
    hosts = tracker.state.hosts;
    hostSet = new Set(hosts);
    const before = { hostPosts: versions.hostPosts, asks: versions.asks };
    for (let n = Math.max(0, seq - size); n < seq; n++) classify(n);
    // Taken late, in between the posts and asks kept so far: back into order of arrival.
    if (versions.hostPosts !== before.hostPosts) hostPosts.sort((a, b) => a.seq - b.seq);
    if (versions.asks !== before.asks) asks.sort((a, b) => a.seq - b.seq);
    trim();
  }

  function hostsMayHaveChanged(): void {
    if (tracker.state.hosts !== hosts && !sameItems(tracker.state.hosts, hosts)) learnHosts();
    else hosts = tracker.state.hosts;
  }

  return {
    add(tweet, handle, at, muted) {
      if (handle === '') return;
      const n = seq++;
      const slot = n % size;
      ringTweets[slot] = tweet;
      ringHandles[slot] = handle;
      ringAt[slot] = at;
      ringFlags[slot] = muted ? MUTED : 0;
      // The tracker infers a host from a Q1: this tweet, or an earlier one set aside.
      if (tracker.state.hosts !== hosts) hostsMayHaveChanged();
      classify(n);
      trim();
    },
    answer(answer) {
      answers.push(answer);
      answers = keepNewest(answers, ROOM_LIMITS.answers);
      versions.answers++;
    },
    newcomer(newcomer) {
      newcomers.push(newcomer);
      newcomers = keepNewest(newcomers, ROOM_LIMITS.newcomers);
      versions.newcomers++;
    },
    hostsMayHaveChanged,
    snapshot() {
      const was = shown;
      const kept = (part: keyof typeof versions): boolean => was?.of[part] === versions[part];
      if (was !== null && kept('hostPosts') && kept('asks') && kept('answers') && kept('newcomers')) return was.room;
      const room: LiveRoom = {
        hostPosts: was && kept('hostPosts') ? was.room.hostPosts : hostPosts.slice(-ROOM_LIMITS.hostPosts).map((p) => p.post),
        recentAnswers: was && kept('answers') ? was.room.recentAnswers : answers.slice(-ROOM_LIMITS.answers),
        newcomers: was && kept('newcomers') ? was.room.newcomers : newcomers.slice(-ROOM_LIMITS.newcomers).reverse(),
        asks:
          was && kept('asks')
            ? was.room.asks
            : asks
                .slice(-ROOM_LIMITS.asks)
                .map((a) => a.ask)
                .reverse(),
      };
      shown = { of: { ...versions }, room };
      return room;
    },
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
