import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_OPTIONS, type Tweet } from './index';
import { decideTweet, type ChatContext, type FilterDecision } from './filter';
import { createLiveChat } from './live';
import { addTweets, createQuestionTracker, emptyQuestionState } from './questionTracker';
import { tweet } from './testTweets';

const SHOW: FilterDecision = { show: true };
const hide = (reason: Exclude<FilterDecision, { show: true }>['reason']): FilterDecision => ({ show: false, reason });

const T0 = Date.parse('2026-03-09T01:00:00.000Z');
const at = (minute: number, second = 0) => new Date(T0 + minute * 60_000 + second * 1000).toISOString();

function live(opts: { hosts?: string[]; inferHosts?: boolean; nowMinute?: number; topParticipants?: number; minutes?: number } = {}) {
  const clock = { ms: T0 + (opts.nowMinute ?? 0) * 60_000 };
  const chat = createLiveChat({
    tags: ['blogchat'],
    hosts: opts.hosts ?? ['mackcollier'],
    ...(opts.inferHosts === undefined ? {} : { inferHosts: opts.inferHosts }),
    ...(opts.topParticipants === undefined ? {} : { topParticipants: opts.topParticipants }),
    ...(opts.minutes === undefined ? {} : { minutes: opts.minutes }),
    now: () => clock.ms,
  });
  return { chat, clock };
}

describe('createLiveChat', () => {
  it('starts empty, with every hide reason and a zero-filled window of 30 minutes', () => {
    const { chat } = live({ nowMinute: 40 });
    const s = chat.snapshot();
    expect(s).toMatchObject({
      shown: 0,
      hidden: { untagged: 0, promoted: 0, retweet: 0, muted: 0, 'not-host': 0 },
      questions: [],
      current: null,
      participants: [],
    });
    expect(s.perMinute).toHaveLength(30);
    expect(s.perMinute[0]?.minute).toBe(T0 + 11 * 60_000);
    expect(s.perMinute[29]?.minute).toBe(T0 + 40 * 60_000);
    expect(s.perMinute.every((m) => m.count === 0)).toBe(true);
  });

  it('counts shown and hidden tweets per reason, once per id', () => {
    const { chat } = live();
    const a = tweet({ author: 'fan', text: 'hello #blogchat' });
    const b = tweet({ author: 'spam', text: 'buy now', kind: 'promoted', time: null });
    const c = tweet({ author: 'x', text: 'no tag' });
    expect(chat.add(a, SHOW)).toBe(true);
    expect(chat.add(b, hide('promoted'))).toBe(true);
    expect(chat.add(c, hide('untagged'))).toBe(true);
    // The virtualised timeline shows the same tweets again; a retweet of `a` has a's status id.
    expect(chat.add(a, SHOW)).toBe(false);
    expect(chat.add({ ...a, kind: 'retweet', retweetedBy: 'y' }, SHOW)).toBe(false);
    expect(chat.add(c, hide('untagged'))).toBe(false);
    const s = chat.snapshot();
    expect(s.shown).toBe(1);
    expect(s.hidden).toEqual({ untagged: 1, promoted: 1, retweet: 0, muted: 0, 'not-host': 0 });
    expect(s.participants).toEqual([{ handle: 'fan', name: 'fan', count: 1 }]);
  });

  it('tracks host questions with answer counts, in question order, and the current one', () => {
    const { chat } = live({ nowMinute: 20 });
    const q2 = tweet({ author: 'MackCollier', text: 'Q2) How often? #blogchat', time: at(10) });
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) Why blog? #blogchat', time: at(0) });
    const a1 = tweet({ author: 'fan', text: 'A1 to think #blogchat', time: at(1) });
    const a2 = tweet({ author: 'fan', text: 'A2 weekly #blogchat', time: at(11) });
    const fakeQ = tweet({ author: 'fan', text: 'Q9) me? #blogchat', time: at(12) });
    for (const tw of [q2, q1, a1, a2, a2, fakeQ]) chat.add(tw, SHOW);
    const s = chat.snapshot();
    expect(s.questions).toEqual([
      { key: '1', number: 1, tweetId: q1.id, author: 'mackcollier', text: q1.text, time: at(0), answerCount: 1 },
      { key: '2', number: 2, tweetId: q2.id, author: 'mackcollier', text: q2.text, time: at(10), answerCount: 1 },
    ]);
    expect(s.current).toBe('2');
  });

  it('counts answers hidden by the user (muted, hosts only) but not untagged ones', () => {
    const { chat } = live();
    chat.add(tweet({ author: 'mackcollier', text: 'Q1) Why? #blogchat', time: at(0) }), SHOW);
    chat.add(tweet({ author: 'muted', text: 'A1 yes #blogchat', time: at(1) }), hide('muted'));
    chat.add(tweet({ author: 'fan', text: 'A1 yes #blogchat', time: at(1) }), hide('not-host'));
    chat.add(tweet({ author: 'other', text: 'A1 yes, no tag', time: at(1) }), hide('untagged'));
    const s = chat.snapshot();
    expect(s.questions[0]?.answerCount).toBe(2);
    // Participants are counted from shown tweets only.
    expect(s.participants.map((p) => p.handle)).toEqual(['mackcollier']);
  });

  it('keeps question parts and their keys', () => {
    const { chat } = live();
    chat.add(tweet({ author: 'mackcollier', text: 'Q2a) first #blogchat', time: at(0) }), SHOW);
    chat.add(tweet({ author: 'mackcollier', text: 'Q2b) second #blogchat', time: at(1) }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'A2 both #blogchat', time: at(2) }), SHOW);
    const s = chat.snapshot();
    expect(s.questions.map((q) => [q.key, q.number, q.part, q.answerCount])).toEqual([
      ['2a', 2, 'a', 0],
      ['2b', 2, 'b', 1],
    ]);
    expect(s.current).toBe('2b');
  });

  it('infers the host when asked to', () => {
    const { chat } = live({ hosts: [], inferHosts: true });
    chat.add(tweet({ author: 'host', text: 'Q2) second #blogchat', time: at(10) }), SHOW);
    chat.add(tweet({ author: 'host', text: 'Q1) first #blogchat', time: at(0) }), SHOW);
    expect(chat.snapshot().questions.map((q) => q.key)).toEqual(['1', '2']);
  });

  it('setHosts turns the earlier question-shaped tweets of a new host into questions', () => {
    const { chat } = live({ hosts: [] });
    const q1 = tweet({ author: 'Host', text: 'Q1) first #blogchat', time: at(0) });
    chat.add(q1, SHOW);
    chat.add(tweet({ author: 'fan', text: 'A1 yes #blogchat', time: at(1) }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'Q7) not a host #blogchat', time: at(2) }), SHOW);
    expect(chat.snapshot().questions).toEqual([]);
    chat.setHosts(['@host']);
    expect(chat.snapshot().questions.map((q) => [q.key, q.tweetId, q.answerCount])).toEqual([['1', q1.id, 1]]);
    chat.add(tweet({ author: 'host', text: 'Q2) next #blogchat', time: at(5) }), SHOW);
    expect(chat.snapshot().current).toBe('2');
  });

  it('questionKeyOf says what the snapshot says about each tweet, as questions come, move and get promoted', () => {
    const { chat } = live({ hosts: [] });
    const agrees = (ids: string[]) => {
      const byId = new Map(chat.snapshot().questions.map((q) => [q.tweetId, q.key]));
      for (const id of ids) expect(chat.questionKeyOf(id)).toBe(byId.get(id) ?? null);
    };
    const q1 = tweet({ author: 'host', text: 'Q1) first #blogchat', time: at(5) });
    const a1 = tweet({ author: 'fan', text: 'A1 yes #blogchat', time: at(6) });
    const q2 = tweet({ author: 'host', text: 'Q2) second #blogchat', time: at(10) });
    const q1earlier = tweet({ author: 'host', text: 'Q1) asked before #blogchat', time: at(0) });
    const ids = [q1, a1, q2, q1earlier].map((t) => t.id);
    chat.add(q1, SHOW);
    chat.add(a1, SHOW);
    agrees(ids);
    expect(chat.questionKeyOf(q1.id)).toBeNull();
    // The host becomes known: the set-aside Q1 is promoted.
    chat.setHosts(['host']);
    agrees(ids);
    expect(chat.questionKeyOf(q1.id)).toBe('1');
    chat.add(q2, SHOW);
    agrees(ids);
    expect(chat.questionKeyOf(q2.id)).toBe('2');
    // An earlier-asked Q1 takes the key over.
    chat.add(q1earlier, SHOW);
    agrees(ids);
    expect(chat.questionKeyOf(q1earlier.id)).toBe('1');
    expect(chat.questionKeyOf(q1.id)).toBeNull();
    expect(chat.questionKeyOf(a1.id)).toBeNull();
    expect(chat.questionKeyOf('no such tweet')).toBeNull();
  });

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

  it('keeps per-tweet cost flat over 10,000 tweets and never double counts', () => {
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
    const feed = ({ chat, clock }: ReturnType<typeof live>, tweets: Tweet[], from: number, to: number): number => {
      const start = performance.now();
      for (let i = from; i < to; i++) {
        const tw = tweets[i]!;
        clock.ms = Date.parse(tw.time!);
        chat.add(tw, decideTweet(tw, ctx));
        // The timeline re-shows recent tweets as the list recycles its cells.
        const again = tweets[i - 3];
        if (again !== undefined) chat.add(again, decideTweet(again, ctx));
      }
      return performance.now() - start;
    };
    // The median time of 100-tweet chunks, robust to a garbage collection landing in one of them.
    const median = (target: ReturnType<typeof live>, tweets: Tweet[], from: number, to: number): number => {
      const times: number[] = [];
      for (let i = from; i < to; i += 100) times.push(feed(target, tweets, i, i + 100));
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    };
    // Warm the JIT up on another chat, so that the first thousand of the measured one is not slowed by it.
    feed(live({ hosts: ['host'] }), makeTweets(2e15), 0, 3000);

    const measured = live({ hosts: ['host'] });
    const { chat } = measured;
    const tweets = makeTweets(1e15);
    const first = median(measured, tweets, 0, 1000);
    feed(measured, tweets, 1000, 9000);
    const last = median(measured, tweets, 9000, 10_000);
    // Generous: a per-tweet cost growing with the chat would make the last thousand >10x slower.
    expect(last).toBeLessThan(first * 3);

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

describe('createQuestionTracker', () => {
  it('reaches the same state as addTweets', () => {
    const tweets = [
      tweet({ author: 'host', text: 'Q3) third', time: at(30) }),
      tweet({ author: 'fan', text: 'A3 yes', time: at(31) }),
      tweet({ author: 'fan', text: 'Q7) mine', time: at(31) }),
      tweet({ author: 'host', text: 'Q2a) second', time: at(20) }),
      tweet({ author: 'fan2', text: 'A2 ok', time: at(21) }),
      tweet({ author: 'host', text: 'Q1) first', time: at(10) }),
      tweet({ author: 'fan3', text: 'A1 sure', time: at(11) }),
      tweet({ author: 'fan3', text: 'a1 again', time: at(12) }),
    ];
    for (const inferHosts of [true, false]) {
      const hosts = inferHosts ? [] : ['host'];
      const tracker = createQuestionTracker(hosts, { inferHosts });
      for (const tw of [...tweets, ...tweets]) tracker.add(tw);
      expect(structuredClone(tracker.state)).toEqual(addTweets(emptyQuestionState(hosts, { inferHosts }), tweets));
    }
  });
});
