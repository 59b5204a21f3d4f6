// Exports of a session, built from stored data only (they work after the tab is closed). Pure functions.
import { isolate } from '../bidi';
import { dueAt, itemLabel, planItems, postedItems, type HostPost, type PlanItem } from '../chat/host-plan';
import type { Handle } from '../chat/types';
import type { ChatSession, ChatSettings, ExportFormat } from '../protocol/domain';
import { profileUrl, statusUrl } from '../x/urls';
import type { StoredTweet } from './schema';

export interface ExportInput {
  session: ChatSession;
  /** The session's tweets; any order. */
  tweets: StoredTweet[];
  /** The chat's settings, for its title, hosts and plan. */
  chat?: Pick<ChatSettings, 'tag' | 'title' | 'hosts' | 'plan'>;
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

/** 'Q2a' / '2A' → '2a'; answers may be labelled 'A2a'. */
const questionKey = (s: string) => s.toLowerCase().replace(/^q(?=\d)/, '');
const answerKey = (s: string) => s.toLowerCase().replace(/^a(?=\d)/, '');
const naturalCompare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

// ---------------------------------------------------------------------------------------------
// The host's plan against what happened
// ---------------------------------------------------------------------------------------------

/**
 * The session's tweets a plan item may have been posted as, in time order: those by the chat's hosts,
 * and those stored with a `question` label (the content script labels only host questions).
 */
export function hostPosts(tweets: readonly StoredTweet[], hosts: readonly Handle[]): HostPost[] {
  const isHost = new Set(hosts);
  return tweets
    .filter((t) => t.question !== undefined || isHost.has(t.author.handle))
    .sort(byTime)
    .map((t) => ({ id: t.id, author: t.author.handle, text: t.text, at: t.at }));
}

/** Answers per question key: how many of the session's tweets are labelled as answering it (`A2a` counts to `2a`). */
export function answerCounts(tweets: readonly StoredTweet[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tweets) {
    if (t.answer === undefined) continue;
    const key = answerKey(t.answer);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One plan item against what happened, as the exports write it. */
export interface PlanOutcome {
  kind: PlanItem['kind'];
  key: string;
  label: string;
  text: string;
  due: number;
  /** The tweet it was posted as (the earliest), or null. */
  posted: StoredTweet | null;
  /** Posted minus due, in whole minutes (negative: early); null when not posted. */
  minutesLate: number | null;
  /** Answers counted to a question; null for the welcome and the wrap-up. */
  answers: number | null;
}

/** The chat's plan against the session, or null when the chat has no plan with an item (the exports then leave it out). */
function planOutcomes({ session, tweets, chat }: ExportInput): PlanOutcome[] | null {
  if (!chat?.plan) return null;
  const plan = chat.plan;
  const items = planItems(plan);
  if (items.length === 0) return null;
  const posted = postedItems(items, hostPosts(tweets, chat.hosts));
  const answers = answerCounts(tweets);
  const byId = new Map(tweets.map((t) => [t.id, t]));
  return items.map((item) => {
    // Due times count from the session's start; a rolling session's start is its first tweet.
    const due = dueAt(plan, item, session.start);
    const post = posted.get(item.key);
    return {
      kind: item.kind,
      key: item.key,
      label: itemLabel(item),
      text: item.text,
      due,
      posted: post ? (byId.get(post.tweetId) ?? null) : null,
      minutesLate: post ? Math.round((post.at - due) / MINUTE) : null,
      answers: item.kind === 'question' ? (answers.get(item.key) ?? 0) : null,
    };
  });
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

/** `3 min late`, `2 min early`, `on time`. */
function offPlan(minutesLate: number): string {
  if (minutesLate === 0) return 'on time';
  return minutesLate > 0 ? `${minutesLate} min late` : `${-minutesLate} min early`;
}

/** The plan as a table; its texts are the host's, written like others' names (escaped, one line, isolated). */
function planTable(outcomes: PlanOutcome[]): string[] {
  const rows = outcomes.map((o) => {
    const posted = o.posted ? `[${hhmm(o.posted.at)}](${statusUrl(o.posted.author.handle, o.posted.id)})` : 'not posted';
    const off = o.minutesLate === null ? '' : offPlan(o.minutesLate);
    return `| ${o.label} | ${mdName(o.text)} | ${hhmm(o.due)} | ${posted} | ${off} | ${o.answers ?? ''} |`;
  });
  return ['| Item | Text | Planned | Posted | Off plan | Answers |', '| --- | --- | --- | --- | --- | ---: |', ...rows];
}

function tweetBlock(t: StoredTweet): string {
  const rt = t.retweetedBy ? ` · reposted by ${profile(t.retweetedBy)}` : '';
  const head = `**${mdName(t.author.name || t.author.handle)}** ${profile(t.author.handle)} · [${hhmm(t.at)}](${statusUrl(t.author.handle, t.id)})${rt}`;
  const body = t.text.split(/\r?\n/).map((line) => `> ${md(line)}`.trimEnd());
  return [head, ...body].join('\n');
}

/**
 * The transcript: the host's plan against what happened (when the chat has one), then host questions
 * in the order asked, each with its answers under it, then the other tweets in time order, then the participants.
 */
export function toMarkdown(input: ExportInput): string {
  const { session, tweets, chat } = input;
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
  const plan = planOutcomes(input);
  if (plan) out.push('', '## Plan', '', ...planTable(plan));
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

/**
 * A plan goes in the same table, one header for all: its items are records of kind `plan` after the
 * tweets, and four columns are added at the end (`plan_item`, `planned_time`, `minutes_late`,
 * `answers`; empty on tweets). Rather than a second table after a blank line, which CSV readers take
 * for more records of the first header (short rows, wrong names); and at the end, so every existing
 * column keeps its place. A plan record carries the tweet it was posted as (id, url, time, author),
 * its question key and the planned text.
 */
const PLAN_CSV_COLUMNS = ['plan_item', 'planned_time', 'minutes_late', 'answers'] as const;

function csvRecord(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(tweets: StoredTweet[], plan: PlanOutcome[] | null = null): string {
  const planCells = plan ? PLAN_CSV_COLUMNS.map(() => '') : [];
  const rows = [...tweets]
    .sort(byTime)
    .map((t) =>
      csvRecord([
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
        ...planCells,
      ]),
    );
  const planRows = (plan ?? []).map((o) => {
    const p = o.posted;
    const cells = [
      p?.id,
      p && statusUrl(p.author.handle, p.id),
      p && new Date(p.at).toISOString(),
      p?.author.handle,
      p?.author.name,
      'plan',
      o.kind === 'question' ? o.key : '',
      '',
      '',
      '',
      o.text,
      '',
      o.label,
      new Date(o.due).toISOString(),
    ];
    // Our own whole numbers, written as they are: csvCell would mark a negative one as a formula (`'-2`).
    return [csvRecord(cells), o.minutesLate ?? '', o.answers ?? ''].join(',');
  });
  const header = plan ? [...CSV_COLUMNS, ...PLAN_CSV_COLUMNS] : CSV_COLUMNS;
  return [header.join(','), ...rows, ...planRows].join('\r\n') + '\r\n';
}

export function toJson(input: ExportInput): string {
  const { session, tweets, chat } = input;
  const sorted = [...tweets].sort(byTime);
  const plan = planOutcomes(input);
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
      ...(plan
        ? {
            plan: plan.map((o) => ({
              key: o.key,
              label: o.label,
              text: o.text,
              due: new Date(o.due).toISOString(),
              posted: o.posted
                ? { tweetId: o.posted.id, url: statusUrl(o.posted.author.handle, o.posted.id), at: new Date(o.posted.at).toISOString() }
                : null,
              minutesLate: o.minutesLate,
              ...(o.answers === null ? {} : { answers: o.answers }),
            })),
          }
        : {}),
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
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', build: (i: ExportInput) => toCsv(i.tweets, planOutcomes(i)) },
  json: { ext: 'json', mime: 'application/json', build: toJson },
} satisfies Record<ExportFormat, { ext: string; mime: string; build: (i: ExportInput) => string }>;

export function exportSession(format: ExportFormat, input: ExportInput): { filename: string; mime: string; body: string } {
  const f = FORMATS[format];
  const stamp = new Date(input.session.start).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return { filename: `${input.session.tag}-${stamp}Z.${f.ext}`, mime: f.mime, body: f.build(input) };
}
