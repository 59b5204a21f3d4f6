// The live chat's statistics: top participants, tweets per minute, and the cost of a long chat.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_OPTIONS, type Tweet } from './index';
import { decideTweet, type ChatContext } from './filter';
import { tweet } from '@/tests/unit/builders';
import { at, hide, live, SHOW, T0 } from '@/tests/unit/live-chat';

describe('createLiveChat: statistics', () => {
  it('lists the top participants of shown tagged tweets, ties by first seen, with their latest name', () => {
    const { chat } = live({ topParticipants: 3 });
    const post = (handle: string, name = handle) => chat.add(tweet({ author: { handle, name }, text: 'hi #blogchat' }), SHOW);
    post('a');
    post('b');
    post('c');
    post('d');
    post('d');
    post('B', 'Bee');
    chat.add(tweet({ author: 'e', text: 'no tag' }), SHOW); // not tagged: not a participant
    chat.add(tweet({ author: 'e', text: 'hi #blogchat' }), hide('muted'));
    chat.add(tweet({ author: 'e', text: 'hi #blogchat' }), hide('muted'));
    expect(chat.snapshot().participants).toEqual([
      { handle: 'b', name: 'Bee', count: 2 },
      { handle: 'd', name: 'd', count: 2 },
      { handle: 'a', name: 'a', count: 1 },
    ]);
    post('c');
    post('c');
    expect(chat.snapshot().participants.map((p) => [p.handle, p.count])).toEqual([
      ['c', 3],
      ['b', 2],
      ['d', 2],
    ]);
  });

  it('agrees with a full sort of all participants over a random stream', () => {
    const { chat } = live({ topParticipants: 5 });
    const counts = new Map<string, { count: number; order: number }>();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const handle = `u${Math.floor(rand() * rand() * 40)}`;
      chat.add(tweet({ author: handle, text: 'x #blogchat' }), SHOW);
      const c = counts.get(handle) ?? { count: 0, order: counts.size };
      c.count += 1;
      counts.set(handle, c);
    }
    const expected = [...counts.entries()]
      .sort(([, a], [, b]) => b.count - a.count || a.order - b.order)
      .slice(0, 5)
      .map(([handle, c]) => [handle, c.count]);
    expect(chat.snapshot().participants.map((p) => [p.handle, p.count])).toEqual(expected);
  });

  it('counts one participant whatever the spelling of the handle, also past the bound of remembered spellings', () => {
    const { chat } = live({ topParticipants: 2 });
    const post = (handle: string) => chat.add(tweet({ author: handle, text: 'hi #blogchat' }), SHOW);
    for (const spelling of ['@MackCollier', 'mackcollier', ' MACKCOLLIER ', '＠MackCollier', '@MackCollier']) post(spelling);
    // Thousands of other spellings in between, one tweet each.
    for (let i = 0; i < 5000; i++) post(`@Fan${i}`);
    post('@MackCollier');
    post('@Fan7');
    post('fan7');
    expect(chat.snapshot().participants.map((p) => [p.handle, p.count])).toEqual([
      ['mackcollier', 6],
      ['fan7', 3],
    ]);
  });

  it('counts chat tweets per minute over the window, oldest first, using now for tweets without a time', () => {
    const { chat, clock } = live({ nowMinute: 40, minutes: 5 });
    chat.add(tweet({ text: '#blogchat', time: at(40, 30) }), SHOW);
    chat.add(tweet({ text: '#blogchat', time: at(38) }), SHOW);
    chat.add(tweet({ text: '#blogchat', time: at(38, 59) }), hide('muted'));
    chat.add(tweet({ text: '#blogchat', time: at(35, 59) }), SHOW); // before the window
    chat.add(tweet({ text: '#blogchat', time: at(10) }), SHOW); // long before
    chat.add(tweet({ text: 'untagged', time: at(40) }), hide('untagged'));
    chat.add(tweet({ text: '#blogchat ad', time: null, kind: 'promoted' }), hide('promoted'));
    chat.add(tweet({ text: '#blogchat', time: null }), SHOW); // now: minute 40
    chat.add(tweet({ text: '#blogchat', time: 'garbage' }), SHOW); // unreadable: now
    expect(chat.snapshot().perMinute).toEqual(
      [36, 37, 38, 39, 40].map((m) => ({ minute: T0 + m * 60_000, count: m === 38 ? 2 : m === 40 ? 3 : 0 })),
    );
    // Time passes: old minutes leave the window and their slots are reused.
    clock.ms = T0 + 43 * 60_000;
    chat.add(tweet({ text: '#blogchat', time: at(43) }), SHOW);
    chat.add(tweet({ text: '#blogchat', time: at(38, 10) }), SHOW); // slot of minute 43 now: outside
    expect(chat.snapshot().perMinute.map((m) => m.count)).toEqual([0, 3, 0, 0, 1]);
  });

  it('counts a tweet dated in the future in the minute it was seen, without wiping a minute of the window', () => {
    const { chat } = live({ nowMinute: 40, minutes: 5 });
    chat.add(tweet({ text: '#blogchat', time: at(39) }), SHOW);
    // Counted at their own minute, these would take over a slot of the ring (a later minute wins it).
    chat.add(tweet({ text: '#blogchat', time: '9999-03-09T01:39:00.000Z' }), SHOW);
    chat.add(tweet({ text: '#blogchat', time: at(50) }), SHOW);
    expect(chat.snapshot().perMinute.map((m) => m.count)).toEqual([0, 0, 0, 1, 2]);
  });

  it('counts each of 10,000 tweets once, though the timeline shows recent ones again', () => {
    const ctx: ChatContext = { tags: ['blogchat'], hosts: ['host'], muted: ['troll'], options: DEFAULT_FILTER_OPTIONS };
    const makeTweets = (idBase: number): Tweet[] => {
      const tweets: Tweet[] = [];
      for (let i = 0; i < 10_000; i++) {
        const minute = Math.floor(i / 30); // 30 tweets a minute for 5.5 hours
        const q = 1 + Math.floor(i / 1000);
        let text: string;
        let author = `user${i % 700}`;
        if (i % 1000 === 0) {
          author = 'host';
          text = `Q${q}) question ${q} #blogchat`;
        } else if (i % 5 === 0) text = 'side chat, no tag';
        else if (i % 97 === 0) {
          author = 'troll';
          text = `A${q} nope #blogchat`;
        } else text = `A${q} answer ${i} #blogchat`;
        tweets.push(tweet({ id: String(idBase + i), author, text, time: at(minute, i % 60) }));
      }
      return tweets;
    };
    const feed = ({ chat, clock }: ReturnType<typeof live>, tweets: Tweet[]): void => {
      for (let i = 0; i < tweets.length; i++) {
        const tw = tweets[i]!;
        clock.ms = Date.parse(tw.time!);
        chat.add(tw, decideTweet(tw, ctx));
        // The timeline re-shows recent tweets as the list recycles its cells.
        const again = tweets[i - 3];
        if (again !== undefined) chat.add(again, decideTweet(again, ctx));
      }
    };
    // How the cost per tweet stays flat is measured by `npm run bench`, not by a timed test.
    const measured = live({ hosts: ['host'] });
    const { chat } = measured;
    const tweets = makeTweets(1e15);
    feed(measured, tweets);

    const s = chat.snapshot();
    expect(s.shown + Object.values(s.hidden).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(s.hidden.untagged).toBe(tweets.filter((t) => !t.text.includes('#blogchat')).length);
    expect(s.hidden.muted).toBe(tweets.filter((t) => t.author.handle === 'troll').length);
    expect(s.questions).toHaveLength(10);
    expect(s.current).toBe('10');
    // Every tagged answer (muted ones included) counts once under its question.
    const answers = (q: number) => tweets.filter((t) => t.text.startsWith(`A${q} `)).length;
    expect(s.questions.map((q) => q.answerCount)).toEqual(Array.from({ length: 10 }, (_, i) => answers(i + 1)));
    expect(s.perMinute.reduce((a, m) => a + m.count, 0)).toBeGreaterThan(0);
  });
});
