import { describe, expect, it } from 'vitest';
import { isHost, parseAnswer, parseQuestion, parseTweetRef, questionKey, type QuestionRef, type TweetRef } from './questions';

describe('parseQuestion', () => {
  it.each<[string, QuestionRef | null]>([
    ['Q1) Is traditional market segmentation still relevant?', { number: 1 }],
    ['Q1: Why blog?', { number: 1 }],
    ['Q1. Why blog?', { number: 1 }],
    ['Q1 - Why blog?', { number: 1 }],
    ['Q1 – Why blog? (en dash)', { number: 1 }],
    ['Q1 — Why blog? (em dash)', { number: 1 }],
    ['Q1- Why blog?', { number: 1 }],
    ['Q1 Why blog?', { number: 1 }],
    ['Q1', { number: 1 }],
    ['Q1? anyone?', { number: 1 }],
    ['Question 1: Why blog?', { number: 1 }],
    ['QUESTION 3) Why?', { number: 3 }],
    ['question2: lower case', { number: 2 }],
    ['q1) lower case', { number: 1 }],
    ['Q 4) with a space', { number: 4 }],
    ['Q12: two digits', { number: 12 }],
    ['Q99) upper bound', { number: 99 }],
    ['Q2a) sub-part', { number: 2, part: 'a' }],
    ['Q2B: upper-case part', { number: 2, part: 'b' }],
    ['Q2a', { number: 2, part: 'a' }],
    ['  Q3) leading whitespace', { number: 3 }],
    ['\nQ3) leading newline', { number: 3 }],
    ['@MackCollier Q3) after a mention', { number: 3 }],
    ['@a @b_c: Q3) after mentions', { number: 3 }],
    ['#blogchat Q5: after the chat tag', { number: 5 }],
    ['Ｑ１） full-width', { number: 1 }],
    // `Q1 ` is a form the issue names, so ordinary text starting that way parses too; only a host's
    // tweet becomes a question (see the tracker), which keeps this harmless.
    ['Q1 results were great', { number: 1 }],
    ['Q3 2024 earnings', { number: 3 }],
    // Not questions.
    ['Q10k followers!', null], // a unit, not a sub-part: sub-parts are a–e
    ['Q4s are busy', null],
    ['Q2f) past the last sub-part letter', null],
    ['Quarterly results are in', null],
    ['Q&A at noon', null],
    ['Q1000000 is a number', null],
    ['Q100) three digits', null],
    ['Q0) zero', null],
    ['Q01) leading zero', null],
    ['Q1.5 million', null],
    ['Q2ab) two letters', null],
    ['Q1B2C3', null],
    ['q 1) lower case with a space', null],
    ['The Q1 numbers', null],
    ['A1 an answer', null],
    ['x Q1) not at the start', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseAnswer', () => {
  it.each<[string, QuestionRef | null]>([
    ['A1 it is still relevant', { number: 1 }],
    ['A1) yes', { number: 1 }],
    ['A1: yes', { number: 1 }],
    ['A1. yes', { number: 1 }],
    ['A1 - yes', { number: 1 }],
    ['A1 – yes', { number: 1 }],
    ['A 1 yes', { number: 1 }],
    ['a1 lower case', { number: 1 }],
    ['A1', { number: 1 }],
    ['A1, A2 both', { number: 1 }],
    ['Answer 2: yes', { number: 2 }],
    ['A2a) sub-part', { number: 2, part: 'a' }],
    ['A1c yes', { number: 1, part: 'c' }],
    ['A2E) upper-case part', { number: 2, part: 'e' }],
    // Indistinguishable from an answer by its shape; it only counts in a tag-filtered chat.
    ['A1 steak sauce', { number: 1 }],
    ['@host A3 after a reply mention', { number: 3 }],
    ['@a @b A1 after reply mentions', { number: 1 }],
    ['@a, @b: A1 mentions with punctuation', { number: 1 }],
    ['  @a   A1 extra whitespace', { number: 1 }],
    ['＠host Ａ１ full-width', { number: 1 }],
    ['#blogchat A4 tag first', { number: 4 }],
    // Not answers.
    ['Apple pie', null],
    ['A1B2C3 is a code', null],
    ['A1000 units', null],
    ['A10x faster', null],
    ['A4s and letters', null],
    ['a 1 hour chat is short', null],
    ['A1.5 million', null],
    ['Q1) a question', null],
    ['Answering: no number', null],
    ['I think A1 is right', null],
    ['@a hello A1', null],
    ['email@a1.com', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseAnswer(text)).toEqual(expected);
  });
});

describe('parseTweetRef', () => {
  it.each<[string, TweetRef]>([
    ['#blogchat Q1) Why blog?', { question: { number: 1 }, answer: null }],
    ['Ｑ２ａ： full-width', { question: { number: 2, part: 'a' }, answer: null }],
    ['@host @guest A2b yes #blogchat', { question: null, answer: { number: 2, part: 'b' } }],
    ['Answer 3: sure', { question: null, answer: { number: 3 } }],
    ['Apple pie #blogchat', { question: null, answer: null }],
    ['', { question: null, answer: null }],
  ])('%j → %j', (text, expected) => {
    expect(parseTweetRef(text)).toEqual(expected);
    expect(parseQuestion(text)).toEqual(expected.question);
    expect(parseAnswer(text)).toEqual(expected.answer);
  });

  it('reads a text once while it is remembered, and answers the same past the bound', () => {
    const text = '@host A4 remembered #blogchat';
    const first = parseTweetRef(text);
    // The same object: the second ask read the memo, not the text.
    expect(parseTweetRef(text)).toBe(first);
    expect(parseAnswer(text)).toBe(first.answer);
    for (let i = 0; i < 1000; i++) parseTweetRef(`Q${(i % 99) + 1}) filler ${i}`);
    const again = parseTweetRef(text);
    expect(again).not.toBe(first);
    expect(again).toEqual({ question: null, answer: { number: 4 } });
  });

  it('hands out frozen parses, since they are shared', () => {
    const ref = parseTweetRef('Q5) frozen');
    expect(Object.isFrozen(ref)).toBe(true);
    expect(Object.isFrozen(ref.question)).toBe(true);
  });
});

describe('questionKey', () => {
  it.each<[QuestionRef, string]>([
    [{ number: 1 }, '1'],
    [{ number: 2, part: 'a' }, '2a'],
    [{ number: 12 }, '12'],
  ])('%j → %s', (ref, key) => {
    expect(questionKey(ref)).toBe(key);
  });
});

describe('isHost', () => {
  it.each<[string, string[], boolean]>([
    ['mackcollier', ['mackcollier'], true],
    ['MackCollier', ['mackcollier'], true],
    ['@MackCollier', ['MACKCOLLIER'], true],
    ['mackcollier2', ['mackcollier'], false],
    ['fan', [], false],
    ['', [''], false],
  ])('%j in %j → %s', (handle, hosts, expected) => {
    expect(isHost(handle, hosts)).toBe(expected);
  });
});
