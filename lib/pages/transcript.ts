// A recorded session as the transcripts view shows it: read from the background's JSON export, grouped
// by host question with the answers under each, searchable over text and authors. Pure.
import type { LiveSnapshot } from '../chat/live';
import type { Handle } from '../chat/types';

export interface TranscriptTweet {
  id: string;
  url: string;
  time: string | null;
  author: { handle: Handle; name: string };
  text: string;
  kind: string;
  retweetedBy?: Handle;
  lang?: string;
  question?: string;
  answer?: string;
  firstSeen: string;
}

export interface Transcript {
  chat: { tag: string; title?: string; hosts?: Handle[] };
  session: { id: string; start: string; end: string; kind: string };
  participants: Array<{ handle: Handle; name: string; count: number }>;
  perMinute: Array<{ minute: string; count: number }>;
  tweets: TranscriptTweet[];
}

/** Reads the `export` reply body in JSON format; null if it isn't one. */
export function parseTranscript(body: string): Transcript | null {
  try {
    const data = JSON.parse(body) as Partial<Transcript> & { format?: unknown };
    if (data.format !== 'chat-mode-transcript' || !Array.isArray(data.tweets) || !data.session || !data.chat) return null;
    return {
      chat: data.chat,
      session: data.session,
      participants: data.participants ?? [],
      perMinute: data.perMinute ?? [],
      tweets: data.tweets,
    };
  } catch {
    return null;
  }
}

export interface QuestionGroup {
  /** The question label, e.g. '2a'. */
  key: string;
  questions: TranscriptTweet[];
  answers: TranscriptTweet[];
}

export interface GroupedTranscript {
  groups: QuestionGroup[];
  /** Tweets that are neither a host question nor an answer, in time order. */
  others: TranscriptTweet[];
}

const questionKey = (s: string) => s.toLowerCase().replace(/^q(?=\d)/, '');
const answerKey = (s: string) => s.toLowerCase().replace(/^a(?=\d)/, '');
const timeOf = (t: TranscriptTweet) => Date.parse(t.time ?? t.firstSeen) || 0;

/** As the Markdown export: host questions in the order asked, answers under them, the rest after. */
export function groupTranscript(transcript: Pick<Transcript, 'tweets' | 'chat'>): GroupedTranscript {
  const hosts = new Set(transcript.chat.hosts ?? []);
  const sorted = [...transcript.tweets].sort((a, b) => timeOf(a) - timeOf(b));
  const groups = new Map<string, QuestionGroup & { firstAt: number }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, questions: [], answers: [], firstAt: Infinity }));
    return g;
  };
  const others: TranscriptTweet[] = [];
  for (const t of sorted) {
    if (t.question !== undefined && (hosts.size === 0 || hosts.has(t.author.handle))) {
      const g = group(questionKey(t.question));
      g.questions.push(t);
      g.firstAt = Math.min(g.firstAt, timeOf(t));
    } else if (t.answer !== undefined) {
      group(answerKey(t.answer)).answers.push(t);
    } else {
      others.push(t);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => a.firstAt - b.firstAt || a.key.localeCompare(b.key, 'en', { numeric: true }));
  return { groups: ordered.map(({ key, questions, answers }) => ({ key, questions, answers })), others };
}

/** Case- and accent-insensitive match of every word of `query` against the tweet's text, author name and handle. */
export function matchesQuery(tweet: TranscriptTweet, query: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(`${tweet.text}\n${tweet.author.name}\n@${tweet.author.handle}\n${tweet.retweetedBy ? `@${tweet.retweetedBy}` : ''}`);
  return words.every((w) => hay.includes(w));
}

/** Only the matching tweets; a group whose question matches keeps all its answers; empty groups go. */
export function filterTranscript(grouped: GroupedTranscript, query: string): GroupedTranscript {
  if (query.trim() === '') return grouped;
  const groups: QuestionGroup[] = [];
  for (const g of grouped.groups) {
    const questions = g.questions.filter((t) => matchesQuery(t, query));
    const answers = questions.length > 0 ? g.answers : g.answers.filter((t) => matchesQuery(t, query));
    if (questions.length > 0 || answers.length > 0) groups.push({ key: g.key, questions, answers });
  }
  return { groups, others: grouped.others.filter((t) => matchesQuery(t, query)) };
}

export function countTweets(grouped: GroupedTranscript): number {
  return grouped.others.length + grouped.groups.reduce((n, g) => n + g.questions.length + g.answers.length, 0);
}

/** The export's per-minute counts in the shape the activity chart takes. */
export function chartMinutes(perMinute: Transcript['perMinute']): LiveSnapshot['perMinute'] {
  return perMinute.map((m) => ({ minute: Date.parse(m.minute), count: m.count }));
}
