import { describe, expect, it } from 'vitest';
import { addTweet, addTweets, currentQuestion, emptyQuestionState, type QuestionState } from './question-tracker';
import { tweet } from '@/tests/unit/builders';

/** Deep-freezes a state so a mutation by addTweet throws. */
function frozen(state: QuestionState): QuestionState {
  const freeze = (v: unknown): void => {
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) freeze(child);
    }
  };
  freeze(state);
  return state;
}

const at = (minute: number) => `2026-03-09T01:${String(minute).padStart(2, '0')}:00.000Z`;

describe('question tracker', () => {
  it('starts empty with normalised hosts', () => {
    const state = emptyQuestionState(['@MackCollier', 'mackcollier', '']);
    expect(state.hosts).toEqual(['mackcollier']);
    expect(state.questions).toEqual([]);
    expect(currentQuestion(state)).toBeNull();
  });

  it('tracks host questions and the current one, grouping answers under their question', () => {
    const q1 = tweet({ author: 'MackCollier', text: 'Q1) Why do you blog? #blogchat', time: at(0) });
    const a1 = tweet({ author: 'fan', kind: 'reply', text: '@MackCollier A1 to think out loud #blogchat', time: at(2) });
    const a1b = tweet({ author: 'other', text: 'A1: for clients #blogchat', time: at(3) });
    const q2 = tweet({ author: 'mackcollier', text: 'Q2: How often? #blogchat', time: at(10) });
    const a2 = tweet({ author: 'fan', text: 'a2 weekly #blogchat', time: at(11) });

    let state = emptyQuestionState(['mackcollier']);
    state = addTweets(state, [q1, a1, a1b]);
    expect(currentQuestion(state)).toMatchObject({ key: '1', number: 1, tweetId: q1.id, author: 'mackcollier', answerCount: 2 });
    state = addTweets(state, [q2, a2]);
    expect(state.current).toBe('2');
    expect(currentQuestion(state)).toMatchObject({ key: '2', tweetId: q2.id, text: q2.text, time: at(10), answerCount: 1 });
    expect(state.questions.map((q) => q.key)).toEqual(['1', '2']);
    expect(state.answersByQuestion).toEqual({ '1': [a1.id, a1b.id], '2': [a2.id] });
  });

  it('ignores a participant typing Q9) when hosts are known', () => {
    const state = emptyQuestionState(['mackcollier'], { inferHosts: true });
    const next = addTweet(state, tweet({ author: 'fan', text: 'Q9) what about me? #blogchat' }));
    expect(next).toBe(state);
    expect(currentQuestion(next)).toBeNull();
  });

  it('ignores question-shaped tweets from everyone when no host is known and inference is off', () => {
    const state = emptyQuestionState([]);
    expect(addTweet(state, tweet({ author: 'fan', text: 'Q1) hello' }))).toBe(state);
  });

  it('is idempotent on tweet id and never mutates its input', () => {
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) Why?', time: at(0) });
    const a1 = tweet({ author: 'fan', text: 'A1 because' });
    const s1 = addTweets(frozen(emptyQuestionState(['mackcollier'])), [q1, a1]);
    frozen(s1);
    expect(addTweet(s1, q1)).toBe(s1);
    expect(addTweet(s1, a1)).toBe(s1);
    // The same answer seen again as a retweet (same status id) is not counted twice.
    expect(addTweet(s1, { ...a1, kind: 'retweet', retweetedBy: 'x' })).toBe(s1);
    expect(currentQuestion(s1)?.answerCount).toBe(1);
  });

  it('returns the same state for tweets that are neither questions nor answers, or promoted', () => {
    const state = emptyQuestionState(['mackcollier']);
    expect(addTweet(state, tweet({ author: 'fan', text: 'great chat! #blogchat' }))).toBe(state);
    expect(addTweet(state, tweet({ author: 'mackcollier', kind: 'promoted', text: 'Q1) buy', time: null }))).toBe(state);
  });

  it('keeps answers to questions not seen yet and counts them when the question arrives', () => {
    // x.com loads newest first: answers to Q3 show up before Q3 itself.
    const a3 = tweet({ author: 'fan', text: 'A3 yes', time: at(31) });
    const a3b = tweet({ author: 'fan2', text: 'A3) no', time: at(32) });
    const q3 = tweet({ author: 'mackcollier', text: 'Q3) Last one', time: at(30) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [a3, a3b, q3]);
    expect(state.answersByQuestion['3']).toEqual([a3.id, a3b.id]);
    expect(currentQuestion(state)).toMatchObject({ key: '3', answerCount: 2 });
  });

  it('picks the current question by time, not by arrival order', () => {
    const q2 = tweet({ author: 'mackcollier', text: 'Q2) later', time: at(10) });
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) earlier', time: at(0) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [q2, q1]);
    expect(state.current).toBe('2');
    expect(state.questions.map((q) => q.key)).toEqual(['1', '2']);
  });

  it('keeps the earliest tweet of a question key (a reminder does not replace it or become current)', () => {
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) Why?', time: at(0) });
    const q2 = tweet({ author: 'mackcollier', text: 'Q2) How?', time: at(10) });
    const reminder = tweet({ author: 'mackcollier', text: 'Q1) reminder: Why?', time: at(12) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [reminder, q2, q1]);
    expect(state.questions.map((q) => [q.key, q.tweetId])).toEqual([
      ['1', q1.id],
      ['2', q2.id],
    ]);
    expect(state.current).toBe('2');
  });

  it('handles sub-parts: A2a goes to Q2a, a bare A2 to the latest part asked so far', () => {
    const q2a = tweet({ author: 'mackcollier', text: 'Q2a) First part', time: at(10) });
    const q2b = tweet({ author: 'mackcollier', text: 'Q2b) Second part', time: at(15) });
    const a2a = tweet({ author: 'fan', text: 'A2a yes', time: at(16) });
    const a2 = tweet({ author: 'fan2', text: 'A2 both', time: at(17) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [q2a, q2b, a2a, a2]);
    expect(state.current).toBe('2b');
    expect(state.answersByQuestion).toEqual({ '2a': [a2a.id], '2b': [a2.id] });
    expect(state.questions.map((q) => [q.key, q.part, q.answerCount])).toEqual([
      ['2a', 'a', 1],
      ['2b', 'b', 1],
    ]);
  });

  it('ranks a question without a time below timed ones', () => {
    const timed = tweet({ author: 'mackcollier', text: 'Q1) timed', time: at(5) });
    const untimed = tweet({ author: 'mackcollier', text: 'Q2) untimed', time: null });
    expect(addTweets(emptyQuestionState(['mackcollier']), [timed, untimed]).current).toBe('1');
    expect(addTweets(emptyQuestionState(['mackcollier']), [untimed]).current).toBe('2');
  });

  it('ranks a question with an unreadable time like one without, each time it is compared', () => {
    const timed = tweet({ author: 'mackcollier', text: 'Q1) timed', time: at(5) });
    const unreadable = tweet({ author: 'mackcollier', text: 'Q2) unreadable', time: 'not a time' });
    const later = tweet({ author: 'mackcollier', text: 'Q3) later', time: at(30) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [timed, unreadable]);
    expect(state.current).toBe('1');
    expect(addTweet(state, later).current).toBe('3');
    expect(addTweets(emptyQuestionState(['mackcollier']), [unreadable, timed]).current).toBe('1');
    // Many questions' times in between: still each question's own.
    for (let n = 0; n < 300; n++)
      addTweet(
        emptyQuestionState(['mackcollier']),
        tweet({
          author: 'mackcollier',
          text: 'Q4) x',
          time: `2026-03-09T02:00:${String(n % 60).padStart(2, '0')}.${String(n).padStart(3, '0')}Z`,
        }),
      );
    expect(addTweets(emptyQuestionState(['mackcollier']), [later, timed, unreadable]).current).toBe('3');
  });

  it('counts answers from anyone, including hosts and replies', () => {
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) Why?', time: at(0) });
    const hostAnswer = tweet({ author: 'mackcollier', text: 'A1 for me, habit', time: at(1) });
    const reply = tweet({ author: 'fan', kind: 'reply', text: '@mackcollier @guest A1 same', time: at(2) });
    const state = addTweets(emptyQuestionState(['mackcollier']), [q1, hostAnswer, reply]);
    expect(state.answersByQuestion['1']).toEqual([hostAnswer.id, reply.id]);
  });

  describe('host inference', () => {
    it('makes the first account posting Q1 an inferred host', () => {
      const q1 = tweet({ author: 'KenBurbary', text: 'Q1) Is it relevant? #sm49', time: at(0) });
      const copycat = tweet({ author: 'fan', text: 'Q1) me too', time: at(1) });
      const q2fan = tweet({ author: 'fan', text: 'Q2) still me', time: at(2) });
      const q2 = tweet({ author: 'kenburbary', text: 'Q2) Social or engagement?', time: at(10) });
      const state = addTweets(emptyQuestionState([], { inferHosts: true }), [q1, copycat, q2fan, q2]);
      expect(state.hosts).toEqual(['kenburbary']);
      expect(state.inferredHosts).toEqual(['kenburbary']);
      expect(state.questions.map((q) => [q.key, q.tweetId])).toEqual([
        ['1', q1.id],
        ['2', q2.id],
      ]);
    });

    it("does not infer from a Q2 and promotes the host's earlier-loaded questions once their Q1 arrives", () => {
      const q3 = tweet({ author: 'host', text: 'Q3) third', time: at(30) });
      const fanQ7 = tweet({ author: 'fan', text: 'Q7) mine', time: at(31) });
      const q2 = tweet({ author: 'host', text: 'Q2) second', time: at(20) });
      let state = addTweets(emptyQuestionState([], { inferHosts: true }), [q3, fanQ7, q2]);
      expect(state.hosts).toEqual([]);
      expect(currentQuestion(state)).toBeNull();
      expect(state.pending.map((q) => q.key)).toEqual(['3', '7', '2']);

      const q1 = tweet({ author: 'host', text: 'Q1) first', time: at(10) });
      state = addTweet(state, q1);
      expect(state.hosts).toEqual(['host']);
      expect(state.questions.map((q) => q.key)).toEqual(['1', '2', '3']);
      expect(state.current).toBe('3');
      expect(state.pending).toEqual([]);
    });

    it('does not infer when hosts are known', () => {
      const state = addTweet(emptyQuestionState(['mackcollier'], { inferHosts: true }), tweet({ author: 'fan', text: 'Q1) hijack' }));
      expect(state.hosts).toEqual(['mackcollier']);
      expect(state.inferredHosts).toEqual([]);
      expect(state.questions).toEqual([]);
    });

    it('treats a Q1a as a Q1 for inference', () => {
      const state = addTweet(emptyQuestionState([], { inferHosts: true }), tweet({ author: 'host', text: 'Q1a) part a' }));
      expect(state.hosts).toEqual(['host']);
      expect(state.current).toBe('1a');
    });
  });

  it('leaves the ids its input counted as they were (a set, which freezing does not guard)', () => {
    const q1 = tweet({ author: 'mackcollier', text: 'Q1) Why?', time: at(0) });
    const a1 = tweet({ author: 'fan', text: 'A1 because' });
    const a2 = tweet({ author: 'fan', text: 'A1 also' });
    const s1 = addTweets(emptyQuestionState(['mackcollier']), [q1, a1]);
    const s2 = addTweet(s1, a2);
    const s3 = addTweets(s1, [a2, tweet({ author: 'fan', text: 'A1 and more' })]);
    expect([...s1.seen]).toEqual([q1.id, a1.id]);
    expect([...s2.seen]).toEqual([q1.id, a1.id, a2.id]);
    expect(s3.seen.size).toBe(4);
    expect(currentQuestion(s1)?.answerCount).toBe(1);
  });

  it('produces structured-clonable state', () => {
    const state = addTweets(emptyQuestionState(['mackcollier']), [
      tweet({ author: 'mackcollier', text: 'Q1) Why?', time: at(0) }),
      tweet({ author: 'fan', text: 'A1 yes' }),
    ]);
    expect(structuredClone(state)).toEqual(state);
  });
});
