import { describe, expect, it } from 'vitest';
import {
  dueAt,
  EMPTY_PLAN,
  itemLabel,
  itemPost,
  nextItem,
  planItems,
  postedItems,
  questionsFromText,
  questionsToText,
  type HostPlan,
  type HostPost,
  type PlanItem,
} from './host-plan';

const MINUTE = 60_000;
const START = Date.UTC(2024, 0, 7, 20, 0);

const plan: HostPlan = {
  welcome: '  Welcome to #blogchat! Introduce yourself, tell us where you blog from and what you write about.  ',
  questions: [
    { text: 'What got you blogging?', subs: [] },
    { text: ' How often do you post? ', subs: [] },
    { text: 'Which tools do you use?', subs: ['For writing?', ' For images? '] },
  ],
  wrapUp: 'Thanks everyone for joining tonight, see you next week!',
  firstAt: 5,
  every: 6,
};

const items = planItems(plan);
const item = (key: string): PlanItem => items.find((i) => i.key === key)!;
const post = (id: string, text: string, minutes: number): HostPost => ({ id, author: 'host', text, at: START + minutes * MINUTE });

describe('planItems', () => {
  it('lists the welcome, each question followed by its sub-questions, and the wrap-up, texts trimmed', () => {
    expect(items.map((i) => [i.kind, i.key, i.text])).toEqual([
      ['welcome', 'welcome', 'Welcome to #blogchat! Introduce yourself, tell us where you blog from and what you write about.'],
      ['question', '1', 'What got you blogging?'],
      ['question', '2', 'How often do you post?'],
      ['question', '3', 'Which tools do you use?'],
      ['question', '3a', 'For writing?'],
      ['question', '3b', 'For images?'],
      ['wrap-up', 'wrap-up', 'Thanks everyone for joining tonight, see you next week!'],
    ]);
    expect(item('3b')).toEqual({ kind: 'question', key: '3b', number: 3, part: 'b', text: 'For images?' });
    expect(item('3')).not.toHaveProperty('part');
  });

  it('leaves out an empty or blank welcome and wrap-up', () => {
    expect(planItems({ ...plan, welcome: '', wrapUp: ' \n ' }).map((i) => i.key)).toEqual(['1', '2', '3', '3a', '3b']);
    expect(planItems(EMPTY_PLAN)).toEqual([]);
  });

  it('keeps at most five sub-questions, a to e', () => {
    const many = planItems({ ...EMPTY_PLAN, questions: [{ text: 'Q', subs: ['1', '2', '3', '4', '5', '6'] }] });
    expect(many.map((i) => i.key)).toEqual(['1', '1a', '1b', '1c', '1d', '1e']);
  });
});

describe('itemLabel', () => {
  it('names questions by their key and the others by their kind', () => {
    expect(items.map(itemLabel)).toEqual(['welcome', 'Q1', 'Q2', 'Q3', 'Q3a', 'Q3b', 'wrap-up']);
  });
});

describe('itemPost', () => {
  it('labels a question `Q3)` and appends the tags it does not carry', () => {
    expect(itemPost(item('3'), ['blogchat'])).toEqual({
      text: 'Q3) Which tools do you use? #blogchat',
      weightedLength: 37,
      tooLong: false,
    });
    expect(itemPost(item('3a'), ['blogchat', 'bc2']).text).toBe('Q3a) For writing? #blogchat #bc2');
    expect(itemPost(item('1'), []).text).toBe('Q1) What got you blogging?');
  });

  it('appends no tag the text already carries, in any case, and only the missing ones', () => {
    const tagged: PlanItem = { kind: 'question', key: '2', number: 2, text: 'Your #BlogChat habits?' };
    expect(itemPost(tagged, ['blogchat']).text).toBe('Q2) Your #BlogChat habits?');
    expect(itemPost(tagged, ['blogchat', 'bc2']).text).toBe('Q2) Your #BlogChat habits? #bc2');
    expect(itemPost(item('welcome'), ['blogchat']).text).toBe(
      'Welcome to #blogchat! Introduce yourself, tell us where you blog from and what you write about.',
    );
    expect(itemPost(item('wrap-up'), ['blogchat']).text).toBe('Thanks everyone for joining tonight, see you next week! #blogchat');
  });

  it('counts the weighted length as x.com does (a URL 23, an emoji 2) and is too long only over 280', () => {
    const withUrl: PlanItem = { kind: 'question', key: '1', number: 1, text: `Read https://example.com/${'x'.repeat(300)} 😀` };
    // 'Q1) Read ' 9 + URL 23 + ' ' 1 + emoji 2 + ' #blogchat' 10
    expect(itemPost(withUrl, ['blogchat'])).toMatchObject({ weightedLength: 45, tooLong: false });
    const body = (n: number): PlanItem => ({ kind: 'question', key: '1', number: 1, text: 'x'.repeat(n) });
    // 'Q1) ' 4 + text + ' #blogchat' 10
    expect(itemPost(body(266), ['blogchat'])).toMatchObject({ weightedLength: 280, tooLong: false });
    expect(itemPost(body(267), ['blogchat'])).toMatchObject({ weightedLength: 281, tooLong: true });
  });
});

describe('dueAt', () => {
  it('puts the welcome at the start, Q{n} and its parts at firstAt + (n - 1) × every, the wrap-up one spacing after the last', () => {
    expect(dueAt(plan, item('welcome'), START)).toBe(START);
    expect(dueAt(plan, item('1'), START)).toBe(START + 5 * MINUTE);
    expect(dueAt(plan, item('3'), START)).toBe(START + 17 * MINUTE);
    expect(dueAt(plan, item('3b'), START)).toBe(START + 17 * MINUTE);
    expect(dueAt(plan, item('wrap-up'), START)).toBe(START + 23 * MINUTE);
    expect(dueAt({ ...plan, firstAt: 0, every: 10 }, item('2'), START)).toBe(START + 10 * MINUTE);
  });
});

describe('postedItems', () => {
  it('marks a question by a post that is that question, in the forms chats use; the earliest counts', () => {
    const posted = postedItems(items, [
      post('t2', 'Q2: How often do you post? #blogchat', 12),
      post('t1', '#blogchat Q1) What got you blogging?', 6),
      post('t3a', 'q3a) For writing?', 19),
      post('t2-late', 'Q2) again, How often do you post?', 14),
      post('t2-early', 'Question 2 - how often?', 11),
    ]);
    expect(posted).toEqual(
      new Map([
        ['2', { tweetId: 't2-early', at: START + 11 * MINUTE }],
        ['1', { tweetId: 't1', at: START + 6 * MINUTE }],
        ['3a', { tweetId: 't3a', at: START + 19 * MINUTE }],
      ]),
    );
  });

  it('ignores questions the plan does not hold', () => {
    const posted = postedItems(items, [post('q9', 'Q9) Bonus question!', 40), post('q1c', 'Q1c) A part not planned', 8)]);
    expect(posted.size).toBe(0);
  });

  it('marks the welcome and the wrap-up by a post that opens with their text, compared loosely', () => {
    const posted = postedItems(items, [
      post('w', 'WELCOME to #BlogChat!   Introduce   yourself, tell us where you blog from (edited end)', 0),
      post('u', '@guest Thanks everyone for joining tonight, see you next week! https://t.co/abc #blogchat', 24),
      post('x', 'Welcome back, everyone!', 1),
    ]);
    expect(posted).toEqual(
      new Map([
        ['welcome', { tweetId: 'w', at: START }],
        ['wrap-up', { tweetId: 'u', at: START + 24 * MINUTE }],
      ]),
    );
  });

  it('marks nothing by a post that opens otherwise, nor for a plan without welcome or wrap-up', () => {
    expect(postedItems(items, [post('x', 'Good evening! Welcome to #blogchat', 0)]).size).toBe(0);
    // A mention within is someone thanked, not the wrap-up.
    expect(postedItems(items, [post('r', 'Thanks @newbie everyone for joining tonight, see you next week!', 24)]).size).toBe(0);
    const bare = planItems({ ...plan, welcome: '', wrapUp: '' });
    expect(postedItems(bare, [post('x', 'Welcome to #blogchat! Introduce yourself', 0)]).size).toBe(0);
  });
});

describe('nextItem', () => {
  it('is the first item not posted after the last one posted, else the first not posted, and null once all were', () => {
    const at = { tweetId: 't', at: START };
    expect(nextItem(items, new Map())).toBe(items[0]);
    expect(nextItem(items, new Map([['welcome', at]]))?.key).toBe('1');
    // A welcome worded otherwise (never recognised) does not hold the chat back at the welcome.
    expect(nextItem(items, new Map([['1', at]]))?.key).toBe('2');
    expect(
      nextItem(
        items,
        new Map([
          ['1', at],
          ['3', at],
        ]),
      )?.key,
    ).toBe('3a');
    expect(nextItem(items, new Map(items.filter((i) => i.key !== '2').map((i) => [i.key, at])))?.key).toBe('2');
    expect(nextItem(items, new Map(items.map((i) => [i.key, at])))).toBeNull();
    expect(nextItem([], new Map())).toBeNull();
  });
});

describe('questionsToText and questionsFromText', () => {
  it('write a question per line with its sub-questions below it after "- ", and read that back', () => {
    const text = questionsToText(plan.questions.map((q) => ({ text: q.text.trim(), subs: q.subs.map((s) => s.trim()) })));
    expect(text).toBe('What got you blogging?\nHow often do you post?\nWhich tools do you use?\n- For writing?\n- For images?');
    expect(questionsFromText(text)).toEqual([
      { text: 'What got you blogging?', subs: [] },
      { text: 'How often do you post?', subs: [] },
      { text: 'Which tools do you use?', subs: ['For writing?', 'For images?'] },
    ]);
    expect(questionsToText([])).toBe('');
    expect(questionsFromText('')).toEqual([]);
  });

  it('keeps each question on its line', () => {
    const text = questionsToText([{ text: 'Two\nlines', subs: ['a\r\n b'] }]);
    expect(text).toBe('Two lines\n- a b');
    expect(questionsFromText(text)).toEqual([{ text: 'Two lines', subs: ['a b'] }]);
  });

  it('reads a line starting with "-" or whitespace as a sub-question, skips blank lines and drops typed labels', () => {
    expect(questionsFromText('\n-Lonely start\nQ1) First\n  indented\n\t- tabbed\n-dash\n   \nQ2: Second\r\n - Q2a) part\n-\n')).toEqual([
      { text: 'Lonely start', subs: [] },
      { text: 'First', subs: ['indented', 'tabbed', 'dash'] },
      { text: 'Second', subs: ['part'] },
    ]);
  });
});
