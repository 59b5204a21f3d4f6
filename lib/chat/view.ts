// What the reader sees of a live chat in this tab, on top of the filter's decisions: a pause that holds
// back the chat tweets arriving while it is on, a question in focus that narrows the timeline to it
// and its answers, repeats (retweets, the same text posted again) folded into the one tweet shown, and
// after time away, where the chat tweets that arrived meanwhile end (the read marker).
// Pure rules, no DOM: the live filter tells the view of each tweet it counts (`arrived`) and asks it of
// each tweet it shows (`hideReason`), both O(1).
//
// Memory: folding keeps, per tweet shown, its group's first tweet (the group is the status id, shared
// with the tweet's own string, or the text of a long tweet), and a count and the repeats' identities
// only for groups that have repeats.
import type { Tweet } from './types';

/** Why the view keeps a tweet the filter shows out of sight. */
export type ViewHideReason = 'paused' | 'focus' | 'folded';

/** A tweet as the view sees it, made once per tweet read (`viewItemOf`). */
export interface ViewItem {
  id: string;
  /** What makes this cell's tweet itself: the status id, and who reposted it for a repost. */
  identity: string;
  /** What its repeats share: the status id, or the text of a tweet long enough to be copied. */
  group: string;
}

export interface ViewSnapshot {
  paused: boolean;
  /** How many chat tweets the pause holds back. */
  held: number;
  /** The key of the question in focus, or null. */
  focus: string | null;
  /** How many repeats are folded into the tweet they repeat. */
  folded: number;
  /**
   * After the reader came back from time away with chat tweets arrived meanwhile: how many, and the
   * newest tweet they had seen (the unread ones are the newer ones; null when none was counted yet).
   */
  unread: { count: number; after: string | null } | null;
}

export interface ChatView {
  /** Holds back the chat tweets newer than any counted so far, until `resume`. */
  pause(): void;
  /** Ends the pause: the tweets it held are shown again. */
  resume(): void;
  /** Narrows the view to a question (its sub-questions and their answers); null shows all again. */
  focusOn(key: string | null): void;
  /** Whether repeats are folded (the chat's filter option). */
  setFolding(on: boolean): void;
  /** A tweet counted for the first time, which the filter shows. */
  arrived(id: string): void;
  /** The reader stopped looking (the tab was hidden): chat tweets arriving from now on are unread. */
  leave(): void;
  /**
   * The reader looks again after `awayMs`: when that is `minAwayMs` or more and chat tweets arrived,
   * they are the unread ones (replacing the last); after a shorter glance away, nothing changes.
   */
  returned(awayMs: number, minAwayMs: number): void;
  /**
   * Why a tweet the filter shows is out of the view, or null. `question`: the key of the question the
   * tweet is, if any; `answerOf` gives the key of the question it answers (asked only under a focus).
   * The first tweet of a group asked about is the one shown; the group's others are repeats.
   */
  hideReason(item: ViewItem, question: string | null, answerOf: (id: string) => string | null): ViewHideReason | null;
  /** How many times the chat shows this tweet (itself and its repeats) when it is the one shown; else 0. */
  repeatsOf(item: ViewItem): number;
  /** The groups that got a repeat since the last call: their shown tweet's count changed. */
  takeGrown(): string[];
  snapshot(): ViewSnapshot;
}

/** A text this long or longer (without its tags, mentions and links) is a copy when posted again. */
const COPY_MIN_CHARS = 24;

/** White space other than one plain space: what the copy key's spacing rule changes. */
const ODD_SPACE = /[^\S ]| {2}/;
/** What is not counted as the text's words: links, tags and mentions. */
const NOT_WORDS = /https?:\/\/\S+|[#@＃][\p{L}\p{N}_]+/gu;

/** The group of a tweet's copies: its text, case and spacing aside, when long enough to be a copy, else null. */
export function copyKeyOf(text: string): string | null {
  // Asked for every new tweet shown: the words are counted, not copied out, and most texts are spaced
  // plainly already (a replace would copy them for nothing).
  const lower = text.toLowerCase();
  const plain = (ODD_SPACE.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
  if (plain.length < COPY_MIN_CHARS) return null;
  let words = plain.length;
  for (let at = plain.indexOf(' '); at !== -1; at = plain.indexOf(' ', at + 1)) words--;
  // No link, tag or mention holds a space, so none was counted twice.
  NOT_WORDS.lastIndex = 0;
  for (let m = NOT_WORDS.exec(plain); m !== null; m = NOT_WORDS.exec(plain)) words -= m[0].length;
  return words >= COPY_MIN_CHARS ? `text:${plain}` : null;
}

export function viewItemOf(tweet: Tweet): ViewItem {
  return {
    id: tweet.id,
    identity: tweet.retweetedBy === undefined ? tweet.id : `${tweet.id}>${tweet.retweetedBy}`,
    group: copyKeyOf(tweet.text) ?? tweet.id,
  };
}

/** Whether status id `a` is newer than `b`: ids are snowflakes, increasing with time (as numbers). */
export function isNewerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** The question number of a key (`'3a'` → 3). */
function numberOf(key: string): number {
  return Number.parseInt(key, 10);
}

/**
 * Whether `key` (a question or an answer's question) belongs under the question in focus: the same
 * key, or any part of the focused number when the focus is a whole question (Q3 gathers Q3a and A3b).
 */
export function inFocus(focus: string, key: string): boolean {
  return key === focus || (String(numberOf(focus)) === focus && numberOf(key) === numberOf(focus));
}

export function createChatView(): ChatView {
  let paused = false;
  let focus: string | null = null;
  let folding = true;
  // The newest chat tweet counted so far, and the newest when the pause began: only tweets newer
  // than that are held (older ones load as the reader scrolls down, under the reading position).
  let newest: string | null = null;
  let holdAfter: string | null = null;
  let held = new Set<string>();
  // Folding: each group's first identity; for groups with repeats, their count and identities.
  const firsts = new Map<string, string>();
  const sizes = new Map<string, number>();
  const repeats = new Set<string>();
  let grown: string[] = [];
  // Time away: the newest tweet seen when the reader left and how many arrived since; what they found.
  let away: { after: string | null; count: number } | null = null;
  let unread: ViewSnapshot['unread'] = null;
  let shown: ViewSnapshot = { paused, held: 0, focus, folded: 0, unread };
  const update = (): void => {
    const folded = folding ? repeats.size : 0;
    if (shown.paused !== paused || shown.held !== held.size || shown.focus !== focus || shown.folded !== folded || shown.unread !== unread)
      shown = { paused, held: held.size, focus, folded, unread };
  };
  /** Whether the item is a repeat of its group's first; counts it the first time. */
  const isRepeat = (item: ViewItem): boolean => {
    const first = firsts.get(item.group);
    if (first === undefined) firsts.set(item.group, item.identity);
    if (first === undefined || first === item.identity) return false;
    if (!repeats.has(item.identity)) {
      repeats.add(item.identity);
      sizes.set(item.group, (sizes.get(item.group) ?? 1) + 1);
      grown.push(item.group);
      update();
    }
    return true;
  };
  return {
    pause() {
      if (paused) return;
      paused = true;
      holdAfter = newest;
      update();
    },
    resume() {
      paused = false;
      held = new Set();
      update();
    },
    focusOn(key) {
      focus = key;
      update();
    },
    setFolding(on) {
      folding = on;
      update();
    },
    arrived(id) {
      if (paused && (holdAfter === null || isNewerId(id, holdAfter))) {
        held.add(id);
        update();
      }
      if (away !== null && (away.after === null || isNewerId(id, away.after))) away.count += 1;
      if (newest === null || isNewerId(id, newest)) newest = id;
    },
    leave() {
      away = { after: newest, count: 0 };
    },
    returned(awayMs, minAwayMs) {
      if (away !== null && awayMs >= minAwayMs && away.count > 0) {
        unread = { count: away.count, after: away.after };
        update();
      }
      away = null;
    },
    hideReason(item, question, answerOf) {
      // A tweet counted before this view began (chat mode turned off and on again) is seen here first.
      if (newest === null || isNewerId(item.id, newest)) newest = item.id;
      // Every tweet shown is registered, held or out of focus: its repeats fold into it all the same.
      const repeat = folding && isRepeat(item);
      if (held.size > 0 && held.has(item.id)) return 'paused';
      if (focus !== null && !(question !== null && inFocus(focus, question))) {
        const answer = answerOf(item.id);
        if (answer === null || !inFocus(focus, answer)) return 'focus';
      }
      return repeat ? 'folded' : null;
    },
    repeatsOf(item) {
      return folding && firsts.get(item.group) === item.identity ? (sizes.get(item.group) ?? 1) : 0;
    },
    takeGrown() {
      const groups = grown;
      grown = [];
      return groups;
    },
    snapshot: () => shown,
  };
}
