import { describe, expect, it } from 'vitest';
import { consoleState, formatSpan, type ConsoleInput } from './host-console';
import type { HostPlan, HostPost } from './host-plan';

const MIN = 60_000;
const START = Date.UTC(2026, 11, 6, 2, 0);
const PLAN: HostPlan = {
  welcome: 'Welcome to #blogchat, tell us who you are',
  questions: [
    { text: 'First?', subs: [] },
    { text: 'Second?', subs: ['Second, part a?'] },
    { text: 'Third?', subs: [] },
  ],
  wrapUp: 'Thanks all',
  firstAt: 5,
  every: 6,
};

const post = (id: string, text: string, at: number): HostPost => ({ id, author: 'host', text, at });

function state(overrides: Partial<ConsoleInput> = {}) {
  return consoleState({
    plan: PLAN,
    tags: ['blogchat'],
    start: START,
    sessionStart: null,
    posts: [],
    answers: new Map(),
    recentAnswers: [],
    now: START,
    ...overrides,
  });
}

describe('consoleState', () => {
  it('lists every item with its post, its planned time and nothing posted, the welcome next, due at the start', () => {
    const s = state();
    expect(s.items.map((i) => [i.label, i.post.text, (i.due! - START) / MIN])).toEqual([
      ['welcome', 'Welcome to #blogchat, tell us who you are', 0],
      ['Q1', 'Q1) First? #blogchat', 5],
      ['Q2', 'Q2) Second? #blogchat', 11],
      ['Q2a', 'Q2a) Second, part a? #blogchat', 11],
      ['Q3', 'Q3) Third? #blogchat', 17],
      ['wrap-up', 'Thanks all #blogchat', 23],
    ]);
    expect(s.next?.label).toBe('welcome');
    expect(s.nextDue).toBe(START);
    expect(s.lastQuestion).toBeNull();
  });

  it('marks what the host posted, and times the next question one spacing after the last question posted', () => {
    const s = state({
      posts: [post('1', 'Welcome to #blogchat, tell us who you are!', START + MIN), post('2', 'Q1) First? #blogchat', START + 7 * MIN)],
      now: START + 9 * MIN,
    });
    expect(s.items.filter((i) => i.posted).map((i) => i.label)).toEqual(['welcome', 'Q1']);
    expect(s.next?.label).toBe('Q2');
    // Q1 came 2 minutes late: Q2 is due 6 minutes after it, not at the plan's 11.
    expect(s.nextDue).toBe(START + 13 * MIN);
    expect(s.lastQuestion?.label).toBe('Q1');
  });

  it('has a sub-question follow its question at once, and the wrap-up one spacing after the last question', () => {
    const q2 = state({
      posts: [
        post('1', 'Welcome to #blogchat, tell us who you are', START),
        post('2', 'Q1: First?', START + 5 * MIN),
        post('3', 'Q2) Second?', START + 12 * MIN),
      ],
    });
    expect(q2.next?.label).toBe('Q2a');
    expect(q2.nextDue).toBe(START + 12 * MIN);
    const wrap = state({
      posts: [
        post('1', 'Welcome to #blogchat, tell us who you are', START),
        post('2', 'Q1 First?', START + 5 * MIN),
        post('3', 'Q2) Second?', START + 11 * MIN),
        post('4', 'Q2a) Second, part a?', START + 12 * MIN),
        post('5', 'Q3) Third?', START + 20 * MIN),
      ],
    });
    expect(wrap.next?.label).toBe('wrap-up');
    expect(wrap.nextDue).toBe(START + 26 * MIN);
    expect(wrap.lastQuestion?.label).toBe('Q3');
  });

  it('counts answers per question, and those of the last minute', () => {
    const s = state({
      posts: [post('2', 'Q1) First?', START + 5 * MIN)],
      answers: new Map([['1', 12]]),
      recentAnswers: [
        { key: '1', at: START + 8 * MIN },
        { key: '1', at: START + 9.5 * MIN },
        { key: '1', at: START + 9.9 * MIN },
        { key: '2', at: START + 9.9 * MIN },
        { key: '1', at: START + 11 * MIN },
      ],
      now: START + 10 * MIN,
    });
    const q1 = s.items.find((i) => i.label === 'Q1')!;
    expect([q1.answers, q1.answersLastMinute]).toEqual([12, 2]);
    expect(s.items.find((i) => i.label === 'welcome')!.answers).toBe(0);
  });

  it('has no due times without a start, until a question was posted', () => {
    expect(state({ start: null }).nextDue).toBeNull();
    expect(state({ start: null, plan: { ...PLAN, welcome: '' }, posts: [post('2', 'Q1) First?', START)] }).nextDue).toBe(START + 6 * MIN);
  });

  it('without an occurrence, counts the plan from the welcome posted, else from the saved session', () => {
    const welcomed = state({
      start: null,
      sessionStart: START - 30 * MIN,
      posts: [post('1', 'Welcome to #blogchat, tell us who you are', START)],
    });
    expect(welcomed.items.map((i) => (i.due! - START) / MIN)).toEqual([0, 5, 11, 11, 17, 23]);
    expect(welcomed.nextDue).toBe(START + 5 * MIN);
    const saved = state({ start: null, sessionStart: START - 30 * MIN });
    expect(saved.items[1]!.due).toBe(START - 25 * MIN);
    expect(state({ start: START, sessionStart: START - 30 * MIN }).items[1]!.due).toBe(START + 5 * MIN);
  });

  it('leaves out what the host posted before the chat: last week’s chat on a quiet tag', () => {
    const WEEK = 7 * 24 * 60 * MIN;
    const lastWeek = [
      post('1', 'Welcome to #blogchat, tell us who you are', START - WEEK),
      post('2', 'Q1) First?', START - WEEK + 5 * MIN),
    ];
    const scheduled = state({ posts: lastWeek, now: START - 10 * MIN });
    expect(scheduled.items.some((i) => i.posted)).toBe(false);
    expect(scheduled.next?.label).toBe('welcome');
    const unscheduled = state({ start: null, sessionStart: START - WEEK, posts: lastWeek });
    expect(unscheduled.items.some((i) => i.posted)).toBe(false);
    expect(unscheduled.origin).toBeNull();
    // An hour before the start is this chat's (a host's early welcome).
    expect(state({ posts: [post('3', 'Welcome to #blogchat, tell us who you are', START - 50 * MIN)] }).items[0]!.posted?.tweetId).toBe(
      '3',
    );
  });

  it('has no next item once all were posted', () => {
    const plan: HostPlan = { welcome: '', questions: [{ text: 'Only?', subs: [] }], wrapUp: '', firstAt: 0, every: 5 };
    const s = state({ plan, posts: [post('1', 'Q1) Only?', START)] });
    expect(s.next).toBeNull();
    expect(s.nextDue).toBeNull();
  });
});

describe('formatSpan', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [-45_000, '0:45'],
    [3_725_000, '1:02:05'],
  ])('%d ms → %s', (ms, text) => expect(formatSpan(ms)).toBe(text));
});
