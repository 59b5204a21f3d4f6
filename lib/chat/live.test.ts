import { describe, expect, it } from 'vitest';
import { addTweets, createQuestionTracker, emptyQuestionState } from './question-tracker';
import { tweet } from '@/tests/unit/builders';
import { at, hide, live, SHOW, T0 } from '@/tests/unit/live-chat';

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
      // Each answer's key is its group in the state (a bare A2 under the Q2a asked, once its host is known).
      for (const [key, ids] of Object.entries(tracker.state.answersByQuestion))
        for (const id of ids) expect(tracker.answerKeyOf(id)).toBe(key);
      expect(tweets.filter((tw) => tracker.answerKeyOf(tw.id) !== null)).toHaveLength(4);
      expect(tracker.answerKeyOf(tweets[4]!.id)).toBe(inferHosts ? '2' : '2a');
      expect(tracker.answerKeyOf(tweets[0]!.id)).toBeNull();
    }
  });
});

describe('snapshot', () => {
  it('hands out again, the same objects, the parts that did not change', () => {
    const { chat, clock } = live({ nowMinute: 5 });
    chat.add(tweet({ author: 'mackcollier', text: 'Q1) Why blog? #blogchat', time: at(1) }), SHOW);
    chat.add(tweet({ author: 'fan', text: 'A1 because #blogchat', time: at(2) }), SHOW);
    const a = chat.snapshot();
    const b = chat.snapshot();
    expect(b.questions).toBe(a.questions);
    expect(b.participants).toBe(a.participants);
    expect(b.perMinute).toBe(a.perMinute);
    expect(b.hidden).toBe(a.hidden);

    // an untagged tweet: only the hidden counts change
    chat.add(tweet({ author: 'other', text: 'no tag', time: at(3) }), hide('untagged'));
    const c = chat.snapshot();
    expect(c.hidden).not.toBe(b.hidden);
    expect(c.hidden.untagged).toBe(1);
    expect([c.questions, c.participants, c.perMinute]).toEqual([b.questions, b.participants, b.perMinute]);
    expect(c.questions).toBe(b.questions);
    expect(c.participants).toBe(b.participants);
    expect(c.perMinute).toBe(b.perMinute);

    // an answer: the question's answer count, the fan's count and the minute change; a participant
    // whose count did not change keeps their entry
    chat.add(tweet({ author: 'fan', text: 'A1 and more #blogchat', time: at(3) }), SHOW);
    const d = chat.snapshot();
    expect(d.questions).not.toBe(c.questions);
    expect(d.questions[0]?.answerCount).toBe(2);
    expect(d.participants).not.toBe(c.participants);
    const host = (s: typeof d) => s.participants.find((p) => p.handle === 'mackcollier');
    expect(host(d)).toBe(host(c));
    expect(d.perMinute).not.toBe(c.perMinute);
    expect(d.hidden).toBe(c.hidden);

    // the clock moving into the next minute moves the activity window, and nothing else
    clock.ms += 60_000;
    const e = chat.snapshot();
    expect(e.perMinute).not.toBe(d.perMinute);
    expect(e.questions).toBe(d.questions);
    expect(e.participants).toBe(d.participants);
  });
});
