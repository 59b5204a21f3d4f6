import { describe, expect, it } from 'vitest';
import { tweet } from '@/tests/unit/builders';
import { catchUpFromStored, mergeCatchUp, withTopAnswer, type CatchUpAnswer } from './catch-up';
import { createLiveChat } from './live';

const answer = (id: string, likes: number): CatchUpAnswer => ({ id, handle: `u${id}`, name: `U ${id}`, text: `A1 answer ${id}`, likes });
const ids = (list: readonly CatchUpAnswer[]) => list.map((a) => a.id);

describe('withTopAnswer', () => {
  it('keeps the three most liked, most liked first, the earlier first on a tie, each once', () => {
    let top: CatchUpAnswer[] = [];
    for (const [id, likes] of [
      ['a', 5],
      ['b', 9],
      ['c', 5],
      ['d', 1],
      ['e', 7],
    ] as const)
      top = withTopAnswer(top, answer(id, likes));
    expect(ids(top)).toEqual(['b', 'e', 'a']);
    // An answer listed again with more likes moves up, not in twice.
    top = withTopAnswer(top, answer('a', 20));
    expect(top.map((a) => [a.id, a.likes])).toEqual([
      ['a', 20],
      ['b', 9],
      ['e', 7],
    ]);
  });
});

describe('catchUpFromStored', () => {
  it('lists each question once (its first tweet), in key order, with its answer count and most-liked answers', () => {
    const stored = [
      { ...tweet({ id: '1', author: 'host', text: 'Q2) Second?' }), question: '2' },
      { ...tweet({ id: '2', author: 'host', text: 'Q1) First?' }), question: '1' },
      { ...tweet({ id: '3', author: 'Fan', text: 'A1 yes', likes: 3 }), answer: '1' },
      { ...tweet({ id: '4', author: 'other', text: 'A1 no', likes: 10 }), answer: '1' },
      { ...tweet({ id: '5', author: 'host', text: 'Reminder: Q1) First?' }), question: '1' },
      { ...tweet({ id: '6', author: 'late', text: 'A9 to a question not stored' }), answer: '9' },
      tweet({ id: '7', author: 'chatty', text: 'hello' }),
    ];
    expect(catchUpFromStored(stored)).toEqual([
      {
        key: '1',
        tweetId: '2',
        text: 'Q1) First?',
        answerCount: 2,
        top: [
          { id: '4', handle: 'other', name: 'other', text: 'A1 no', likes: 10 },
          { id: '3', handle: 'fan', name: 'Fan', text: 'A1 yes', likes: 3 },
        ],
      },
      { key: '2', tweetId: '1', text: 'Q2) Second?', answerCount: 0, top: [] },
    ]);
  });
});

describe('mergeCatchUp', () => {
  it('keeps every question of either, the larger count, and the most liked answers of both', () => {
    const q = (key: string, answerCount: number, top: CatchUpAnswer[]) => ({ key, tweetId: `q${key}`, text: `Q${key}`, answerCount, top });
    const merged = mergeCatchUp(
      [q('2', 4, [answer('x', 8), answer('y', 2)]), q('10', 1, [])],
      [q('1', 3, []), q('2', 6, [answer('y', 2), answer('z', 5)])],
    );
    expect(merged.map((m) => [m.key, m.answerCount, ids(m.top)])).toEqual([
      ['1', 3, []],
      ['2', 6, ['x', 'z', 'y']],
      ['10', 1, []],
    ]);
  });
});

describe('LiveChat.catchUp', () => {
  it('gives the tab’s questions with their answers’ count and the most liked, as they are counted', () => {
    const chat = createLiveChat({ tags: ['blogchat'], hosts: ['host'] });
    const show = { show: true } as const;
    chat.add(tweet({ id: '1', author: 'host', text: 'Q1) Why? #blogchat' }), show);
    for (const [id, likes] of [
      ['2', 4],
      ['3', 40],
      ['4', 0],
      ['5', 12],
      ['6', 12],
    ] as const)
      chat.add(tweet({ id, author: `fan${id}`, text: `A1 answer ${id} #blogchat`, likes }), show);
    chat.add(tweet({ id: '7', author: 'nolikes', text: 'A1 read without a like button #blogchat' }), show);
    const [q1] = chat.catchUp();
    expect(q1).toMatchObject({ key: '1', tweetId: '1', answerCount: 6 });
    expect(q1!.top.map((a) => [a.id, a.handle, a.likes])).toEqual([
      ['3', 'fan3', 40],
      ['5', 'fan5', 12],
      ['6', 'fan6', 12],
    ]);
  });
});
