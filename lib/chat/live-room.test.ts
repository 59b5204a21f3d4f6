// The live chat's room as a host sees it: host posts, the answers' times, newcomers and asks.
import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from './live';
import { tweet } from '@/tests/unit/builders';
import { at, hide, live, SHOW, T0 } from '@/tests/unit/live-chat';

const ms = (minute: number, second = 0) => T0 + minute * 60_000 + second * 1000;

describe('createLiveChat: room', () => {
  it('starts empty', () => {
    expect(live().chat.snapshot().room).toEqual({ hostPosts: [], recentAnswers: [], newcomers: [], asks: [] });
  });

  it('lists the hosts’ chat tweets in order of arrival, shown or hidden, whatever the spelling of the handle', () => {
    const { chat } = live({ nowMinute: 30 });
    const q2 = tweet({ author: 'MackCollier', text: 'Q2) How often? #blogchat', time: at(10) });
    const welcome = tweet({ author: '@mackcollier', text: 'Welcome to #blogchat', time: at(0) });
    const hidden = tweet({ author: 'mackcollier', text: 'RT this #blogchat', time: at(12) });
    chat.add(q2, SHOW);
    chat.add(tweet({ author: 'fan', text: 'A2 weekly #blogchat', time: at(11) }), SHOW);
    chat.add(tweet({ author: 'mackcollier', text: 'no tag here', time: at(11) }), hide('untagged'));
    chat.add(tweet({ author: 'mackcollier', text: 'ad #blogchat', time: null, kind: 'promoted' }), hide('promoted'));
    chat.add(welcome, SHOW);
    chat.add(hidden, hide('retweet'));
    expect(chat.snapshot().room.hostPosts).toEqual([
      { id: q2.id, author: 'mackcollier', text: q2.text, at: ms(10) },
      { id: welcome.id, author: 'mackcollier', text: welcome.text, at: ms(0) },
      { id: hidden.id, author: 'mackcollier', text: hidden.text, at: ms(12) },
    ]);
  });

  it('takes the latest tweets of a host learnt late for host posts and asks, in order of arrival', () => {
    const { chat } = live({ hosts: [], inferHosts: true, nowMinute: 30 });
    const q3 = tweet({ author: 'Host', text: 'Q3) third #blogchat', time: at(20) });
    const ask = tweet({ author: 'fan', text: '@host will there be a Q4? #blogchat', time: at(21) });
    const hi = tweet({ author: 'host', text: 'hi all #blogchat', time: at(1) });
    const q1 = tweet({ author: 'host', text: 'Q1) first #blogchat', time: at(5) });
    const muted = tweet({ author: 'troll', text: '@host why?? #blogchat', time: at(22) });
    for (const t of [q3, ask, hi]) chat.add(t, SHOW);
    chat.add(muted, hide('muted'));
    expect(chat.snapshot().room.hostPosts).toEqual([]);
    expect(chat.snapshot().room.asks).toEqual([]);
    chat.add(q1, SHOW); // makes @host the inferred host
    const { room } = chat.snapshot();
    expect(room.hostPosts.map((p) => p.id)).toEqual([q3.id, hi.id, q1.id]);
    expect(room.asks.map((a) => a.id)).toEqual([ask.id]);

    // a host set later: the same
    const other = live({ hosts: [], nowMinute: 30 }).chat;
    for (const t of [q3, ask, hi]) other.add(t, SHOW);
    other.add(muted, hide('muted'));
    other.setHosts(['@HOST']);
    expect(other.snapshot().room.hostPosts.map((p) => p.id)).toEqual([q3.id, hi.id]);
    expect(other.snapshot().room.asks.map((a) => a.id)).toEqual([ask.id]);
  });

  it(`looks again at the latest ${ROOM_LIMITS.replayed} chat tweets, not all, when the hosts change`, () => {
    const { chat } = live({ hosts: [], nowMinute: 30 });
    const post = (author: string) => {
      const t = tweet({ author, text: 'hi #blogchat', time: at(1) });
      chat.add(t, SHOW);
      return t;
    };
    post('host'); // one too early
    const edge = post('host');
    for (let i = 0; i < ROOM_LIMITS.replayed - 2; i++) post(`fan${i}`);
    const latest = post('host');
    chat.setHosts(['host']);
    expect(chat.snapshot().room.hostPosts.map((p) => p.id)).toEqual([edge.id, latest.id]);
  });

  it(`keeps the newest ${ROOM_LIMITS.hostPosts} host posts`, () => {
    const { chat } = live({ nowMinute: 30 });
    const posts = Array.from({ length: 2.5 * ROOM_LIMITS.hostPosts + 1 }, (_, i) =>
      tweet({ author: 'mackcollier', text: `post ${i} #blogchat`, time: at(1) }),
    );
    for (const t of posts) chat.add(t, SHOW);
    expect(chat.snapshot().room.hostPosts.map((p) => p.id)).toEqual(posts.slice(-ROOM_LIMITS.hostPosts).map((t) => t.id));
  });

  it(`lists the answers counted with their key and time, the newest ${ROOM_LIMITS.answers}`, () => {
    const { chat } = live({ nowMinute: 30 });
    chat.add(tweet({ author: 'mackcollier', text: 'Q1) Why? #blogchat', time: at(0) }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'A1 because #blogchat', time: at(1, 30) }), SHOW);
    chat.add(tweet({ author: 'muted', text: 'A1 meh #blogchat', time: at(2) }), hide('muted'));
    chat.add(tweet({ author: 'fan', text: 'A2 early #blogchat', time: null }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'A1 but no tag', time: at(2) }), hide('untagged'));
    chat.add(tweet({ author: 'fan', text: 'not an answer #blogchat', time: at(2) }), SHOW);
    expect(chat.snapshot().room.recentAnswers).toEqual([
      { key: '1', at: ms(1, 30) },
      { key: '1', at: ms(2) },
      { key: '2', at: ms(30) }, // without a time: when it was seen
    ]);
    for (let i = 0; i < 2 * ROOM_LIMITS.answers; i++) chat.add(tweet({ author: 'fan', text: 'A3 more #blogchat', time: at(3) }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'A4 last #blogchat', time: at(4) }), SHOW);
    const answers = chat.snapshot().room.recentAnswers;
    expect(answers).toHaveLength(ROOM_LIMITS.answers);
    expect(answers.at(-1)).toEqual({ key: '4', at: ms(4) });
    expect(answers.slice(0, -1).every((a) => a.key === '3')).toBe(true);
  });

  it(`lists the participants as first seen, newest first, the newest ${ROOM_LIMITS.newcomers}`, () => {
    const { chat } = live({ nowMinute: 30 });
    const first = tweet({ author: { handle: 'Fan', name: 'A Fan' }, text: 'hi #blogchat', time: at(3) });
    chat.add(first, SHOW);
    chat.add(tweet({ author: 'fan', text: 'again #blogchat', time: at(1) }), SHOW);
    chat.add(tweet({ author: 'muted', text: 'hi #blogchat', time: at(4) }), hide('muted'));
    chat.add(tweet({ author: 'quiet', text: 'hi, no tag', time: at(4) }), hide('untagged'));
    const second = tweet({ author: 'mackcollier', text: 'Welcome #blogchat', time: at(5) });
    chat.add(second, SHOW);
    expect(chat.snapshot().room.newcomers).toEqual([
      { handle: 'mackcollier', name: 'mackcollier', at: ms(5), tweetId: second.id },
      { handle: 'fan', name: 'A Fan', at: ms(3), tweetId: first.id },
    ]);
    for (let i = 0; i < 3 * ROOM_LIMITS.newcomers; i++) chat.add(tweet({ author: `p${i}`, text: 'hi #blogchat', time: at(6) }), SHOW);
    expect(chat.snapshot().room.newcomers.map((n) => n.handle)).toEqual(
      Array.from({ length: ROOM_LIMITS.newcomers }, (_, i) => `p${3 * ROOM_LIMITS.newcomers - 1 - i}`),
    );
  });

  it('lists participants’ tweets that mention a host and ask something, newest first', () => {
    const { chat } = live({ hosts: ['mackcollier', 'cohost'], nowMinute: 30 });
    const asks = [
      tweet({ author: { handle: 'Fan', name: 'A Fan' }, text: '@MackCollier is Q2 about video? #blogchat', time: at(1) }),
      tweet({ author: 'fan2', text: 'Hey @cohost, when is the next one? #blogchat', time: at(2) }),
      tweet({ author: 'fan3', text: '＠mackcollier, how?#blogchat', time: at(3) }),
      tweet({ author: 'fan4', text: 'not a host? #blogchat', time: at(3) }),
    ];
    const not = [
      tweet({ author: 'fan', text: '@mackcollier thanks! #blogchat', time: at(4) }), // no question
      tweet({ author: 'fan', text: '@mackcollierfan who? #blogchat', time: at(4) }), // another account
      tweet({ author: 'fan', text: 'mail me@mackcollier? #blogchat', time: at(4) }), // not a mention
      tweet({ author: 'fan', text: 'what about mackcollier? #blogchat', time: at(4) }), // no '@'
      tweet({ author: 'cohost', text: '@mackcollier ready? #blogchat', time: at(4) }), // a host
      tweet({ author: 'fan', text: '@mackcollier why? no tag', time: at(4) }), // not the chat's
    ];
    for (const t of [...asks, ...not]) chat.add(t, SHOW);
    chat.add(tweet({ author: 'troll', text: '@mackcollier why?? #blogchat', time: at(5) }), hide('muted'));
    chat.add(tweet({ author: 'fan5', text: '@mackcollier hosts only? #blogchat', time: at(5) }), hide('not-host'));
    const { room } = chat.snapshot();
    expect(room.asks.map((a) => [a.handle, a.text])).toEqual([
      ['fan5', '@mackcollier hosts only? #blogchat'],
      ['fan3', asks[2]!.text],
      ['fan2', asks[1]!.text],
      ['fan', asks[0]!.text],
    ]);
    expect(room.asks.at(-1)).toEqual({ id: asks[0]!.id, handle: 'fan', name: 'A Fan', text: asks[0]!.text, at: ms(1), answered: false });
  });

  it(`keeps the newest ${ROOM_LIMITS.asks} asks`, () => {
    const { chat } = live({ nowMinute: 30 });
    for (let i = 0; i < 3 * ROOM_LIMITS.asks; i++)
      chat.add(tweet({ author: `p${i}`, text: '@mackcollier why? #blogchat', time: at(1) }), SHOW);
    expect(chat.snapshot().room.asks.map((a) => a.handle)).toEqual(
      Array.from({ length: ROOM_LIMITS.asks }, (_, i) => `p${3 * ROOM_LIMITS.asks - 1 - i}`),
    );
  });

  it('marks an ask answered by a host tweet at or after it that mentions the asker, in any order of arrival', () => {
    const { chat } = live({ nowMinute: 30 });
    chat.add(tweet({ author: 'mackcollier', text: 'Hi @fan, @other! #blogchat', time: at(1) }), SHOW); // before the asks
    chat.add(tweet({ author: 'fan', text: '@mackcollier how? #blogchat', time: at(2) }), SHOW);
    chat.add(tweet({ author: 'other', text: '@mackcollier when? #blogchat', time: at(2) }), SHOW);
    chat.add(tweet({ author: 'third', text: '@mackcollier who? #blogchat', time: at(3) }), SHOW);
    const before = chat.snapshot().room.asks;
    expect(before.map((a) => [a.handle, a.answered])).toEqual([
      ['third', false],
      ['other', false],
      ['fan', false],
    ]);
    chat.add(tweet({ author: 'MackCollier', text: '@FAN like this #blogchat', time: at(4) }), SHOW);
    const after = chat.snapshot().room.asks;
    expect(after.map((a) => [a.handle, a.answered])).toEqual([
      ['third', false],
      ['other', false],
      ['fan', true],
    ]);
    // the others are the same objects
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(before[2]!.answered).toBe(false);
    // Opened late, the timeline loads the host's reply before the ask it answers.
    chat.add(tweet({ author: 'mackcollier', text: '@late soon! #blogchat', time: at(9) }), SHOW);
    chat.add(tweet({ author: 'late', text: '@mackcollier when is Q2? #blogchat', time: at(8) }), SHOW);
    expect(chat.snapshot().room.asks[0]).toMatchObject({ handle: 'late', answered: true });
  });

  it('takes a reply to a host (mentions in the "Replying to" line, not the text) with a question for an ask', () => {
    const { chat } = live({ hosts: ['mackcollier', 'cohost'], nowMinute: 30 });
    const asked = tweet({ author: 'fan', text: 'is it weekly? #blogchat', kind: 'reply', replyTo: ['someone', 'cohost'], time: at(1) });
    chat.add(asked, SHOW);
    chat.add(tweet({ author: 'fan2', text: 'so true #blogchat', kind: 'reply', replyTo: ['mackcollier'], time: at(2) }), SHOW); // no '?'
    chat.add(tweet({ author: 'fan3', text: 'why? #blogchat', kind: 'reply', replyTo: ['fan'], time: at(2) }), SHOW); // not a host
    chat.add(tweet({ author: 'cohost', text: 'ready? #blogchat', kind: 'reply', replyTo: ['mackcollier'], time: at(2) }), SHOW); // a host
    expect(chat.snapshot().room.asks.map((a) => [a.id, a.handle])).toEqual([[asked.id, 'fan']]);
  });

  it('marks an ask answered by a host reply to the asker (the "Replying to" line), in any order of arrival', () => {
    const { chat } = live({ nowMinute: 30 });
    chat.add(tweet({ author: 'fan', text: '@mackcollier how? #blogchat', time: at(2) }), SHOW);
    chat.add(tweet({ author: 'other', text: '@mackcollier when? #blogchat', time: at(2) }), SHOW);
    chat.add(tweet({ author: 'mackcollier', text: 'like this #blogchat', kind: 'reply', replyTo: ['fan'], time: at(3) }), SHOW);
    expect(chat.snapshot().room.asks.map((a) => [a.handle, a.answered])).toEqual([
      ['other', false],
      ['fan', true],
    ]);
    // a host reply before the ask (in time) answers none; one loaded before the ask it answers does
    chat.add(tweet({ author: 'mackcollier', text: 'hi #blogchat', kind: 'reply', replyTo: ['early'], time: at(4) }), SHOW);
    chat.add(tweet({ author: 'early', text: '@mackcollier and now? #blogchat', time: at(5) }), SHOW);
    chat.add(tweet({ author: 'mackcollier', text: 'soon! #blogchat', kind: 'reply', replyTo: ['late'], time: at(9) }), SHOW);
    chat.add(tweet({ author: 'late', text: '@mackcollier when is Q2? #blogchat', time: at(8) }), SHOW);
    expect(chat.snapshot().room.asks.map((a) => [a.handle, a.answered])).toEqual([
      ['late', true],
      ['early', false],
      ['other', false],
      ['fan', true],
    ]);
  });

  it('takes an ask back when its author turns out to be a host, and makes it a host post', () => {
    const { chat } = live({ hosts: ['mackcollier'], nowMinute: 30 });
    const cohostAsk = tweet({ author: 'cohost', text: '@mackcollier ready? #blogchat', time: at(1) });
    const fanAsk = tweet({ author: 'fan', text: '@mackcollier how? #blogchat', time: at(2) });
    chat.add(cohostAsk, SHOW);
    chat.add(fanAsk, SHOW);
    const before = chat.snapshot().room;
    expect(before.asks.map((a) => a.id)).toEqual([fanAsk.id, cohostAsk.id]);
    chat.setHosts(['mackcollier', 'cohost']);
    const after = chat.snapshot().room;
    expect(after.asks.map((a) => a.id)).toEqual([fanAsk.id]);
    expect(after.asks[0]).toBe(before.asks[0]);
    expect(after.hostPosts.map((p) => p.id)).toEqual([cohostAsk.id]);
    // and it stays out of the asks when the hosts change again
    chat.setHosts(['mackcollier']);
    expect(chat.snapshot().room.asks.map((a) => a.id)).toEqual([fanAsk.id]);
  });

  it('hands out the same room, and the same lists, as long as they did not change', () => {
    const { chat, clock } = live({ nowMinute: 5 });
    chat.add(tweet({ author: 'mackcollier', text: 'Q1) Why blog? #blogchat', time: at(1) }), SHOW);
    const ask = tweet({ author: 'fan', text: '@mackcollier why not? #blogchat', time: at(2) });
    chat.add(ask, SHOW);
    const a = chat.snapshot().room;
    expect(chat.snapshot().room).toBe(a);

    // the same tweet again, an untagged or promoted tweet, time passing: nothing changes
    expect(chat.add(ask, SHOW)).toBe(false);
    chat.add(tweet({ author: 'other', text: '@mackcollier no tag?', time: at(3) }), hide('untagged'));
    chat.add(tweet({ author: 'ad', text: '@mackcollier #blogchat?', time: null, kind: 'promoted' }), hide('promoted'));
    chat.setHosts(['mackcollier']);
    clock.ms += 60_000;
    expect(chat.snapshot().room).toBe(a);

    // an answer by the fan: only the answers change
    chat.add(tweet({ author: 'fan', text: 'A1 because #blogchat', time: at(3) }), SHOW);
    const b = chat.snapshot().room;
    expect(b).not.toBe(a);
    expect(b.recentAnswers).not.toBe(a.recentAnswers);
    expect([b.hostPosts, b.newcomers, b.asks]).toEqual([a.hostPosts, a.newcomers, a.asks]);
    expect(b.hostPosts).toBe(a.hostPosts);
    expect(b.newcomers).toBe(a.newcomers);
    expect(b.asks).toBe(a.asks);

    // a newcomer: only the newcomers change
    chat.add(tweet({ author: 'new', text: 'hello #blogchat', time: at(4) }), SHOW);
    const c = chat.snapshot().room;
    expect(c.newcomers).not.toBe(b.newcomers);
    expect(c.recentAnswers).toBe(b.recentAnswers);
    expect(c.hostPosts).toBe(b.hostPosts);

    // the host answering: the host posts and the asks change
    chat.add(tweet({ author: 'mackcollier', text: '@fan because! #blogchat', time: at(5) }), SHOW);
    const d = chat.snapshot().room;
    expect(d.hostPosts).not.toBe(c.hostPosts);
    expect(d.asks).not.toBe(c.asks);
    expect(d.newcomers).toBe(c.newcomers);
    expect(d.recentAnswers).toBe(c.recentAnswers);
  });
});
