// What the reader chose to see of a live chat in this tab, on top of the filter's decisions: a pause
// that holds back the chat tweets arriving while it is on, and a question in focus that narrows the
// timeline to it and its answers. Pure rules, no DOM: the live filter tells the view of each tweet it
// counts (`arrived`) and asks it of each tweet it shows (`hideReason`). Both are O(1), and while the
// view is plain (no pause, no focus) `hideReason` is a field read.

/** Why the view keeps a tweet the filter shows out of sight. */
export type ViewHideReason = 'paused' | 'focus';

export interface ViewSnapshot {
  paused: boolean;
  /** How many chat tweets the pause holds back. */
  held: number;
  /** The key of the question in focus, or null. */
  focus: string | null;
}

export interface ChatView {
  /** Holds back the chat tweets newer than any counted so far, until `resume`. */
  pause(): void;
  /** Ends the pause: the tweets it held are shown again. */
  resume(): void;
  /** Narrows the view to a question (its sub-questions and their answers); null shows all again. */
  focusOn(key: string | null): void;
  /** A tweet counted for the first time, which the filter shows. */
  arrived(id: string): void;
  /**
   * Why a tweet the filter shows is out of the view, or null. `question`: the key of the question the
   * tweet is, if any; `answerOf` gives the key of the question it answers (asked only under a focus).
   */
  hideReason(id: string, question: string | null, answerOf: (id: string) => string | null): ViewHideReason | null;
  snapshot(): ViewSnapshot;
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
  // The newest chat tweet counted so far, and the newest when the pause began: only tweets newer
  // than that are held (older ones load as the reader scrolls down, under the reading position).
  let newest: string | null = null;
  let holdAfter: string | null = null;
  let held = new Set<string>();
  let plain = true;
  let shown: ViewSnapshot = { paused, held: 0, focus };
  const update = (): void => {
    plain = !paused && held.size === 0 && focus === null;
    if (shown.paused !== paused || shown.held !== held.size || shown.focus !== focus) shown = { paused, held: held.size, focus };
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
    arrived(id) {
      if (paused && (holdAfter === null || isNewerId(id, holdAfter))) {
        held.add(id);
        update();
      }
      if (newest === null || isNewerId(id, newest)) newest = id;
    },
    hideReason(id, question, answerOf) {
      if (plain) return null;
      if (held.has(id)) return 'paused';
      if (focus === null || (question !== null && inFocus(focus, question))) return null;
      const answer = answerOf(id);
      return answer !== null && inFocus(focus, answer) ? null : 'focus';
    },
    snapshot: () => shown,
  };
}
