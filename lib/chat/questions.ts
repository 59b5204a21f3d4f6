// Host questions (`Q1) …`) and participant answers (`A1 …`): how a tweet says it is one. Which of them
// count, and under which question an answer goes, is ./question-tracker's.
import { handleIn } from './handles';
import { nfkc } from './nfkc';

/** A question or answer number with its optional sub-part: `Q2a` → `{ number: 2, part: 'a' }`. */
export interface QuestionRef {
  readonly number: number;
  readonly part?: string;
}

/** What the start of a tweet says it is: a question, an answer (never both), or neither. */
export interface TweetRef {
  readonly question: QuestionRef | null;
  readonly answer: QuestionRef | null;
}

// What may come before `Q1`/`A1`: whitespace, the @mentions x.com puts at the start of a reply, and
// hashtags (hosts often lead with the chat tag: `#blogchat Q1: …`). NFKC has already turned '＠'/'＃'
// into '@'/'#'.
const LEADING = /^(?:\s+|@[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_])[:,]?|#[\p{L}\p{M}\p{N}_]+)*/u;

// What must follow the number (and part) so that `Q1)`, `Q1:`, `Q1.`, `Q1 -`, `Q1 –`, `Q1` alone
// match while `Q1000000`, `A1B2C3` and `A1.5` do not.
const END = String.raw`(?=$|[\s):,;/!?\]\-–—]|\.(?!\d))`;
// Numbers 1–99: chats ask a handful of questions; a longer number is something else (`Q1000000`).
// A sub-part is one letter a–e (chats split a question in two or three); any other letter is a unit
// or a word, not a part (`Q10k followers`, `Q4s`, `A10x faster`). Shape alone cannot tell `Q2b` from
// "2 billion" or `A1 steak sauce` from an answer: only a host's question counts (see `addTweet` in ./question-tracker), and
// answers are only read in a tag-filtered chat.
const NUM = String.raw`([1-9]\d?)([a-eA-E])?`;

/**
 * Builds the two matchers of one kind. The spelled-out word (`Question 1:`) matches in any case. The
 * letter form matches `Q1`/`q1`; a space after the letter (`A 1`) is accepted only for a capital, because
 * lower-case `a 1` is ordinary English ("a 1 hour chat"), not an answer.
 */
function matchers(letter: 'Q' | 'A', word: string): [RegExp, RegExp] {
  return [
    new RegExp(String.raw`^${word}\s*${NUM}${END}`, 'i'),
    new RegExp(String.raw`^(?:${letter} ?|${letter.toLowerCase()})${NUM}${END}`),
  ];
}

const QUESTION_FORMS = matchers('Q', 'question');
const ANSWER_FORMS = matchers('A', 'answer');

function refIn(rest: string, forms: readonly RegExp[]): QuestionRef | null {
  for (const form of forms) {
    const m = form.exec(rest);
    if (m?.[1] === undefined) continue;
    const number = Number(m[1]);
    return Object.freeze(m[2] === undefined ? { number } : { number, part: m[2].toLowerCase() });
  }
  return null;
}

const NEITHER: TweetRef = Object.freeze({ question: null, answer: null });

function readRef(text: string): TweetRef {
  const normalized = nfkc(text);
  const rest = normalized.slice(LEADING.exec(normalized)?.[0].length ?? 0);
  const question = refIn(rest, QUESTION_FORMS);
  if (question !== null) return Object.freeze({ question, answer: null });
  const answer = refIn(rest, ANSWER_FORMS);
  return answer === null ? NEITHER : Object.freeze({ question: null, answer });
}

// A new tweet is parsed by the question tracker (through the live counts) and then by the live filter,
// for each tweet of a batch once the whole batch is counted: the last texts' parses are remembered, so
// the second asks only the memo. Bounded: at most REF_MEMO_SIZE texts (more than a batch of cells),
// oldest first out. The parses are frozen, since they are shared.
const REF_MEMO_SIZE = 256;
const refMemo = new Map<string, TweetRef>();

/**
 * The question or answer a tweet starts with (see `parseQuestion` and `parseAnswer`), read once for
 * both: for a caller that needs to know whether a tweet is either.
 */
export function parseTweetRef(text: string): TweetRef {
  const known = refMemo.get(text);
  if (known !== undefined) return known;
  const ref = readRef(text);
  refMemo.set(text, ref);
  if (refMemo.size > REF_MEMO_SIZE) refMemo.delete(refMemo.keys().next().value!);
  return ref;
}

/**
 * A question number at the start of a tweet, in the forms chats use: `Q1)`, `Q1:`, `Q1.`, `Q1 -`,
 * `Q1 –`, `Q1 …`, `Question 1:`, with a sub-part (`Q2a`), after leading mentions, hashtags or
 * whitespace, in any case. Whether it is a host question depends on the author (see `addTweet` in ./question-tracker).
 */
export function parseQuestion(text: string): QuestionRef | null {
  return parseTweetRef(text).question;
}

/**
 * An answer number at the start of a tweet: `A1`, `A1)`, `A1:`, `A 1`, `a1`, `Answer 1:`, `A2b`,
 * including after the @mentions of a reply (`@host @guest A1 …`). `Apple`, `A1B2C3` and `a 1` are not
 * answers.
 */
export function parseAnswer(text: string): QuestionRef | null {
  return parseTweetRef(text).answer;
}

/** `{ number: 2, part: 'a' }` → `'2a'`: the key questions and answers are grouped by. */
export function questionKey(ref: QuestionRef): string {
  return `${ref.number}${ref.part ?? ''}`;
}

/** Whether the account is one of the hosts (case-insensitive, with or without '@'). */
export function isHost(handle: string, hosts: readonly string[]): boolean {
  return handleIn(handle, hosts);
}
