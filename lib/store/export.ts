// Exports of a session, built from stored data only (they work after the tab is closed). Pure functions.
import { isolate } from '../bidi';
import type { Handle } from '../chat/types';
import type { ChatSession, ChatSettings, ExportFormat } from '../protocol/domain';
import { profileUrl, statusUrl } from '../x/urls';
import type { StoredTweet } from './schema';

export interface ExportInput {
  session: ChatSession;
  /** The session's tweets; any order. */
  tweets: StoredTweet[];
  /** The chat's settings, for its title and hosts. */
  chat?: Pick<ChatSettings, 'tag' | 'title' | 'hosts'>;
}

export interface Participant {
  handle: Handle;
  name: string;
  count: number;
}

const byTime = (a: StoredTweet, b: StoredTweet) => a.at - b.at || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everyone who tweeted, with tweet counts, most active first. Retweets count for the retweeter's author. */
export function participants(tweets: StoredTweet[]): Participant[] {
  const map = new Map<Handle, Participant>();
  for (const t of tweets) {
    const p = map.get(t.author.handle) ?? { handle: t.author.handle, name: t.author.name, count: 0 };
    p.count++;
    map.set(t.author.handle, p);
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.handle.localeCompare(b.handle));
}

const MINUTE = 60_000;

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** Tweets per minute (UTC), in order; minutes without tweets are included when the span is at most a day. */
export function perMinute(tweets: StoredTweet[]): { minute: string; count: number }[] {
  const counts = new Map<number, number>();
  for (const t of tweets) {
    const m = Math.floor(t.at / MINUTE) * MINUTE;
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const minutes = [...counts.keys()].sort((a, b) => a - b);
  if (minutes.length === 0) return [];
  const first = minutes[0]!;
  const last = minutes[minutes.length - 1]!;
  const all =
    last - first <= 24 * 60 * MINUTE ? Array.from({ length: (last - first) / MINUTE + 1 }, (_, i) => first + i * MINUTE) : minutes;
  return all.map((m) => ({ minute: isoMinute(m), count: counts.get(m) ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/** Someone else's name or title on a line of ours: escaped, on one line, in its own bidi isolate. */
function mdName(text: string): string {
  return isolate(md(text));
}

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** `[@handle](https://x.com/handle)`: a link, so renderers don't turn `@handle` into one of their own users. */
function profile(handle: Handle): string {
  return `[@${md(handle)}](${profileUrl(handle)})`;
}

function tweetBlock(t: StoredTweet): string {
  const rt = t.retweetedBy ? ` · reposted by ${profile(t.retweetedBy)}` : '';
  const head = `**${mdName(t.author.name || t.author.handle)}** ${profile(t.author.handle)} · [${hhmm(t.at)}](${statusUrl(t.author.handle, t.id)})${rt}`;
  const body = t.text.split(/\r?\n/).map((line) => `> ${md(line)}`.trimEnd());
  return [head, ...body].join('\n');
}

/** 'Q2a' / '2A' → '2a'; answers may be labelled 'A2a'. */
const questionKey = (s: string) => s.toLowerCase().replace(/^q(?=\d)/, '');
const answerKey = (s: string) => s.toLowerCase().replace(/^a(?=\d)/, '');
const naturalCompare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The transcript: host questions first in the order asked, each with its answers under it, then
 * the other tweets in time order, then the participants.
 */
export function toMarkdown({ session, tweets, chat }: ExportInput): string {
  const sorted = [...tweets].sort(byTime);
  const hosts = new Set(chat?.hosts ?? []);
  const isHostQuestion = (t: StoredTweet) => t.question !== undefined && (hosts.size === 0 || hosts.has(t.author.handle));

  const groups = new Map<string, { title: string; questions: StoredTweet[]; answers: StoredTweet[]; firstAt: number }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { title: key, questions: [], answers: [], firstAt: Infinity }));
    return g;
  };
  const others: StoredTweet[] = [];
  for (const t of sorted) {
    if (isHostQuestion(t)) {
      const g = group(questionKey(t.question!));
      g.questions.push(t);
      g.firstAt = Math.min(g.firstAt, t.at);
    } else if (t.answer !== undefined) {
      group(answerKey(t.answer)).answers.push(t);
    } else {
      others.push(t);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => a.firstAt - b.firstAt || naturalCompare(a.title, b.title));

  const tag = chat?.tag ?? session.tag;
  const title = chat?.title && chat.title !== `#${tag}` ? ` — ${mdName(chat.title)}` : '';
  const day = new Date(session.start).toISOString().slice(0, 10);
  const people = participants(sorted);
  const out: string[] = [
    `# \\#${md(tag)}${title}`,
    '',
    `${day} ${hhmm(session.start)}–${hhmm(session.end)} UTC · ${sorted.length} tweets · ${people.length} participants`,
  ];
  for (const g of ordered) {
    out.push('', `## Q${md(g.title)}${g.questions.length === 0 ? ' (question not captured)' : ''}`);
    for (const q of g.questions) out.push('', tweetBlock(q));
    if (g.answers.length > 0) {
      out.push('', `### Answers (${g.answers.length})`);
      for (const a of g.answers) out.push('', tweetBlock(a));
    }
  }
  if (others.length > 0) {
    out.push('', ordered.length > 0 ? '## Other tweets' : '## Tweets');
    for (const t of others) out.push('', tweetBlock(t));
  }
  if (people.length > 0) {
    out.push('', '## Participants', '');
    for (const p of people) out.push(`- ${mdName(p.name || p.handle)} (${profile(p.handle)}): ${p.count}`);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) and JSON
// ---------------------------------------------------------------------------------------------

/** Whitespace and invisible characters a spreadsheet may skip before it looks for a formula. */
const LEADING_BLANKS = /^[\s\p{Cc}\p{Cf}]*/u;

/**
 * Whether a spreadsheet could read the cell as a formula: it starts with tab or CR, or its first
 * visible character is `=`, `+`, `-` or `@` in any form that normalises to one (full-width `＝`, small `﹦`…).
 */
function looksLikeFormula(s: string): boolean {
  if (/^[\t\r]/.test(s)) return true;
  const first = s.slice(LEADING_BLANKS.exec(s)![0].length).codePointAt(0);
  return first !== undefined && /^[=+\-@]/.test(String.fromCodePoint(first).normalize('NFKC'));
}

/** One CSV field: formula-looking cells get a leading `'` (CSV injection), then RFC 4180 quoting. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  'id',
  'url',
  'time',
  'author_handle',
  'author_name',
  'kind',
  'question',
  'answer',
  'retweeted_by',
  'lang',
  'text',
  'first_seen',
] as const;

export function toCsv(tweets: StoredTweet[]): string {
  const rows = [...tweets]
    .sort(byTime)
    .map((t) =>
      [
        t.id,
        statusUrl(t.author.handle, t.id),
        new Date(t.at).toISOString(),
        t.author.handle,
        t.author.name,
        t.kind,
        t.question,
        t.answer,
        t.retweetedBy,
        t.lang,
        t.text,
        new Date(t.firstSeen).toISOString(),
      ]
        .map(csvCell)
        .join(','),
    );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function toJson({ session, tweets, chat }: ExportInput): string {
  const sorted = [...tweets].sort(byTime);
  return JSON.stringify(
    {
      format: 'chat-mode-transcript',
      version: 1,
      chat: chat ? { tag: chat.tag, title: chat.title, hosts: chat.hosts } : { tag: session.tag },
      session: {
        id: session.id,
        start: new Date(session.start).toISOString(),
        end: new Date(session.end).toISOString(),
        kind: session.kind,
      },
      participants: participants(sorted),
      perMinute: perMinute(sorted),
      tweets: sorted.map((t) => ({
        id: t.id,
        url: statusUrl(t.author.handle, t.id),
        time: t.time,
        author: t.author,
        text: t.text,
        kind: t.kind,
        ...(t.retweetedBy ? { retweetedBy: t.retweetedBy } : {}),
        ...(t.lang ? { lang: t.lang } : {}),
        ...(t.question ? { question: t.question } : {}),
        ...(t.answer ? { answer: t.answer } : {}),
        firstSeen: new Date(t.firstSeen).toISOString(),
      })),
    },
    null,
    2,
  );
}

const FORMATS = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8', build: toMarkdown },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', build: (i: ExportInput) => toCsv(i.tweets) },
  json: { ext: 'json', mime: 'application/json', build: toJson },
} satisfies Record<ExportFormat, { ext: string; mime: string; build: (i: ExportInput) => string }>;

export function exportSession(format: ExportFormat, input: ExportInput): { filename: string; mime: string; body: string } {
  const f = FORMATS[format];
  const stamp = new Date(input.session.start).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return { filename: `${input.session.tag}-${stamp}Z.${f.ext}`, mime: f.mime, body: f.build(input) };
}
