import { describe, expect, it } from 'vitest';
import { toJson } from '../store/export';
import type { StoredTweet } from '../store/schema';
import { by, storedTweet } from '@/tests/unit/builders';
import { chartMinutes, countTweets, filterTranscript, groupTranscript, matchesQuery, parseTranscript } from './transcript';

const T0 = Date.parse('2024-05-01T18:00:00Z');
const tw = (id: number, minute: number, handle: string, text: string, over: Partial<StoredTweet> = {}) =>
  storedTweet(id, T0 + minute * 60_000, { ...by(handle), text, tag: 'chat', sessionId: 's', ...over });
const tweets = [
  tw(1, 0, 'host', 'Q1 What is your blog about? #chat', { question: '1' }),
  tw(2, 1, 'ann', 'A1 Cooking with Crème fraîche #chat', { answer: '1' }),
  tw(3, 2, 'bob', 'Hello everyone #chat'),
  tw(4, 3, 'host', 'Q2 How often do you post? #chat', { question: '2' }),
  tw(5, 4, 'bob', 'A2 weekly #chat', { answer: '2' }),
  tw(6, 5, 'eve', 'Q9) not a host question', { question: '9' }),
];
const body = toJson({
  session: { id: 's', tag: 'chat', start: T0, end: T0 + 5 * 60_000, kind: 'rolling', tweetCount: 6 },
  tweets,
  chat: { tag: 'chat', title: 'Chat', hosts: ['host'] },
});

describe('transcript view logic', () => {
  it('reads the JSON export and groups answers under the host questions', () => {
    const transcript = parseTranscript(body)!;
    expect(transcript.participants[0]).toMatchObject({ handle: 'bob', count: 2 });
    const grouped = groupTranscript(transcript);
    expect(grouped.groups.map((g) => [g.key, g.questions.map((t) => t.id), g.answers.map((t) => t.id)])).toEqual([
      ['1', ['1'], ['2']],
      ['2', ['4'], ['5']],
    ]);
    expect(grouped.others.map((t) => t.id)).toEqual(['3', '6']); // a participant's "Q9" is not a question
    expect(countTweets(grouped)).toBe(6);
    expect(chartMinutes(transcript.perMinute)).toHaveLength(6);
    expect(chartMinutes(transcript.perMinute)[0]).toEqual({ minute: T0, count: 1 });
  });

  it('searches text and authors, accent- and case-insensitively', () => {
    const grouped = groupTranscript(parseTranscript(body)!);
    expect(matchesQuery(grouped.groups[0]!.answers[0]!, 'creme FRAICHE')).toBe(true);
    expect(countTweets(filterTranscript(grouped, '@bob'))).toBe(2);
    const byQuestion = filterTranscript(grouped, 'how often');
    expect(byQuestion.groups.map((g) => [g.key, g.answers.length])).toEqual([['2', 1]]); // the question keeps its answers
    expect(filterTranscript(grouped, '  ')).toBe(grouped);
  });

  it('rejects other JSON', () => {
    expect(parseTranscript('{"format":"other"}')).toBeNull();
    expect(parseTranscript('nope')).toBeNull();
  });
});
