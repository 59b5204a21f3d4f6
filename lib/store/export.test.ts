import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type HostPlan } from '../chat/host-plan';
import type { ChatSession } from '../protocol/domain';
import { answerCounts, csvCell, exportSession, hostPosts, participants, perMinute, toCsv, toJson, toMarkdown } from './export';
import type { StoredTweet } from './schema';
import { by, storedTweet } from '@/tests/unit/builders';

const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const MIN = 60_000;
const session: ChatSession = { id: 'smchat:1', tag: 'smchat', start: T0, end: T0 + 10 * MIN, kind: 'rolling', tweetCount: 0 };

const st = (id: string, minute: number, handle: string, text: string, over: Partial<StoredTweet> = {}) =>
  storedTweet(id, T0 + minute * MIN, { ...by(handle), text, sessionId: session.id, ...over });

const tweets: StoredTweet[] = [
  st('10', 0, 'ann', 'Hi all! #smchat'),
  st('11', 1, 'host', 'Q1 What is your favourite tool? #smchat', { question: '1' }),
  st('12', 2, 'ann', 'A1 A pencil #smchat', { answer: '1', kind: 'reply' }),
  st('13', 5, 'host', 'Q2 How do you plan? #smchat', { question: '2' }),
  st('14', 3, 'bob', 'A1 *Markdown* [link](javascript:x) #smchat', { answer: 'A1', kind: 'reply' }),
  st('15', 6, 'bob', 'A2 Calendar\nsecond line', { answer: '2' }),
  st('16', 7, 'cat', 'A3 answer to a question we never saw', { answer: '3' }),
  st('17', 8, 'ann', 'Q9 my own question', { question: '9' }), // not a host: not a host question
];
const chat = { tag: 'smchat', title: 'Social media chat', hosts: ['host'] };

describe('toMarkdown', () => {
  const md = toMarkdown({ session, tweets, chat });

  it('puts host questions first, in order, with their answers under them, then other tweets', () => {
    const order = [
      '# \\#smchat — \u2068Social media chat\u2069',
      '## Q1',
      'Q1 What is',
      '### Answers (2)',
      'A1 A pencil',
      'A1 \\*Markdown\\*',
      '## Q2',
      'Q2 How do you plan',
      'A2 Calendar',
      '## Q3 (question not captured)',
      'A3 answer',
      '## Other tweets',
      'Hi all!',
      'Q9 my own question',
      '## Participants',
    ];
    let from = 0;
    for (const part of order) {
      const at = md.indexOf(part, from);
      expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + part.length;
    }
  });

  it('links each tweet to x.com and escapes markdown in tweet text', () => {
    expect(md).toContain('**\u2068HOST\u2069** [@host](https://x.com/host) · [18:01](https://x.com/host/status/11)');
    expect(md).toContain('\\[link\\](javascript:x)');
    expect(md).not.toContain('[link](javascript:x)');
    expect(md).toContain('> A2 Calendar\n> second line');
    expect(md).toContain('2024-05-01 18:00–18:10 UTC · 8 tweets · 4 participants');
    expect(md).toContain('- \u2068ANN\u2069 ([@ann](https://x.com/ann)): 3');
  });

  it('isolates names and the title for bidi, so an RLO in one cannot flip the rest of its line', () => {
    const RLO = '\u202E';
    const names = [`${RLO}evil`, `\u2069${RLO}evil`, '\u202Bembedded\u202C\u202C', '\u202Aleft', 'שלום', 'two\nlines # not a heading'];
    const hostile = names.map((name, i) => st(String(100 + i), i, `h${i}`, `text ${i}`, { author: { handle: `h${i}`, name } }));
    const out = toMarkdown({ session, tweets: hostile, chat: { ...chat, title: `${RLO}Title` } });
    const lines = out.split('\n');
    expect(lines[0]).toBe(`# \\#smchat — \u2068${RLO}Title\u2069`);
    for (const [i, name] of names.entries()) {
      const head = lines.find((l) => l.includes(`(https://x.com/h${i}/status/`))!;
      const row = lines.find((l) => l.includes(`([@h${i}](https://x.com/h${i})): 1`))!;
      for (const line of [head, row]) {
        // One isolate around the name, balanced inside; nothing after it is in an embedding.
        const isolated = /\u2068(.*)\u2069/.exec(line)![1]!;
        expect(isolated.replace(/\\/g, '')).toBe(name.replace('\u2069', '').replace('\n', ' '));
        const after = line.slice(line.indexOf(isolated) + isolated.length + 1);
        expect(after).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    }
    expect(out).not.toContain('\n# not a heading');
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  it('neutralises formula injection', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('neutralises formulas behind whitespace, control characters and full-width forms', () => {
    const formulas = [
      '  =HYPERLINK("http://evil","x")',
      '\t=1+1',
      '\r=1+1',
      '\n=1+1',
      '\u00a0=1+1',
      '\u3000=1+1',
      '\u0000=cmd',
      '\u001f+1',
      '\u200b@SUM(A1)',
      '\u202e=1',
      '\ufeff-1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      ' \t ＝1',
      '﹦1',
    ];
    for (const f of formulas) {
      const cell = csvCell(f);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted, JSON.stringify(f)).toBe(`'${f}`);
    }
    for (const plain of [' hello', '\u0000hello', 'a=1', '１=1', 'x＝1', ''])
      expect(csvCell(plain), JSON.stringify(plain)).not.toMatch(/^"?'/);
  });

  it('writes a header and one CRLF-terminated record per tweet, in time order', () => {
    const csv = toCsv([st('2', 1, 'bob', '=cmd|"/c calc"!A0, and more'), st('1', 0, 'ann', 'hello')]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,url,time,author_handle,author_name,kind,question,answer,retweeted_by,lang,text,first_seen');
    expect(lines[1]).toBe('1,https://x.com/ann/status/1,2024-05-01T18:00:00.000Z,ann,ANN,tweet,,,,,hello,2024-05-01T18:00:00.000Z');
    expect(lines[2]).toContain(`,"'=cmd|""/c calc""!A0, and more",`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});

describe('toJson, participants, perMinute', () => {
  it('exports parseable JSON with participants and counts per minute', () => {
    const data = JSON.parse(toJson({ session, tweets, chat })) as {
      chat: unknown;
      session: unknown;
      tweets: { id: string }[];
      participants: unknown[];
    };
    expect(data.chat).toEqual(chat);
    expect(data.session).toMatchObject({ id: 'smchat:1', start: '2024-05-01T18:00:00.000Z' });
    expect(data.tweets.map((t) => t.id)).toEqual(['10', '11', '12', '14', '13', '15', '16', '17']);
    expect(data.tweets[1]).toMatchObject({ url: 'https://x.com/host/status/11', question: '1' });
    expect(data.participants[0]).toEqual({ handle: 'ann', name: 'ANN', count: 3 });
  });

  it('counts participants', () => {
    expect(participants(tweets)).toEqual([
      { handle: 'ann', name: 'ANN', count: 3 },
      { handle: 'bob', name: 'BOB', count: 2 },
      { handle: 'host', name: 'HOST', count: 2 },
      { handle: 'cat', name: 'CAT', count: 1 },
    ]);
  });

  it('counts per minute, including quiet minutes', () => {
    const pm = perMinute([st('1', 0, 'a', ''), st('2', 0.5, 'a', ''), st('3', 3, 'a', '')]);
    expect(pm).toEqual([
      { minute: '2024-05-01T18:00Z', count: 2 },
      { minute: '2024-05-01T18:01Z', count: 0 },
      { minute: '2024-05-01T18:02Z', count: 0 },
      { minute: '2024-05-01T18:03Z', count: 1 },
    ]);
    expect(perMinute([])).toEqual([]);
  });

  it('names files and mime types per format', () => {
    expect(exportSession('markdown', { session, tweets })).toMatchObject({
      filename: 'smchat-2024-05-01-1800Z.md',
      mime: 'text/markdown;charset=utf-8',
    });
    expect(exportSession('csv', { session, tweets })).toMatchObject({
      filename: 'smchat-2024-05-01-1800Z.csv',
      mime: 'text/csv;charset=utf-8',
    });
    expect(exportSession('json', { session, tweets }).mime).toBe('application/json');
  });
});

describe('the host’s plan against what happened', () => {
  const scheduled: ChatSession = { ...session, kind: 'scheduled', end: T0 + 60 * MIN };
  const plan: HostPlan = {
    welcome: 'Welcome to #smchat!',
    questions: [
      { text: 'What is your favourite tool?', subs: ['Why?'] },
      { text: 'How do you plan?', subs: [] },
      { text: '=cmd|"x" <b>\u202Eevil\nnext', subs: [] },
    ],
    wrapUp: 'Thanks all',
    firstAt: 5,
    every: 10,
  };
  const planned = { ...chat, plan };
  const played: StoredTweet[] = [
    st('1', 1, 'host', 'Welcome to #smchat! Glad you are here'),
    st('2', 7, 'host', 'Q1) What is your favourite tool? #smchat', { question: '1' }),
    st('3', 8, 'ann', 'A1 a pencil', { answer: '1' }),
    st('4', 8, 'host', 'Q1a) Why? #smchat', { question: '1a' }),
    st('5', 9, 'bob', 'A1: a pen', { answer: 'A1' }),
    st('6', 10, 'bob', 'A1a because', { answer: '1a' }),
    // A co-host the settings don't list, whose question the tab labelled: posted 2 minutes early.
    st('7', 13, 'cohost', 'Q2) How do you plan?', { question: '2' }),
    st('8', 20, 'ann', 'Q3) my own question'),
    st('9', 21, 'ann', 'Thanks all, bye'),
  ];
  const input = { session: scheduled, tweets: played, chat: planned };

  it('reads the host posts and answer counts of a session', () => {
    expect(hostPosts(played, ['host']).map((p) => p.id)).toEqual(['1', '2', '4', '7']);
    expect(hostPosts(played, ['host'])[1]).toEqual({
      id: '2',
      author: 'host',
      text: 'Q1) What is your favourite tool? #smchat',
      at: T0 + 7 * MIN,
    });
    expect(answerCounts(played)).toEqual(
      new Map([
        ['1', 2],
        ['1a', 1],
      ]),
    );
  });

  it('adds a Markdown table: planned and posted times (UTC), minutes off the plan, answers; the texts escaped and isolated', () => {
    const out = toMarkdown(input);
    const table = out.slice(out.indexOf('## Plan'), out.indexOf('\n\n## Q1'));
    expect(table.split('\n')).toEqual([
      '## Plan',
      '',
      '| Item | Text | Planned | Posted | Off plan | Answers |',
      '| --- | --- | --- | --- | --- | ---: |',
      '| welcome | \u2068Welcome to \\#smchat!\u2069 | 18:00 | [18:01](https://x.com/host/status/1) | 1 min late |  |',
      '| Q1 | \u2068What is your favourite tool?\u2069 | 18:05 | [18:07](https://x.com/host/status/2) | 2 min late | 2 |',
      '| Q1a | \u2068Why?\u2069 | 18:05 | [18:08](https://x.com/host/status/4) | 3 min late | 1 |',
      '| Q2 | \u2068How do you plan?\u2069 | 18:15 | [18:13](https://x.com/cohost/status/7) | 2 min early | 0 |',
      '| Q3 | \u2068=cmd\\|"x" \\<b\\>\u202Eevil next\u2069 | 18:25 | not posted |  | 0 |',
      '| wrap-up | \u2068Thanks all\u2069 | 18:35 | not posted |  |  |',
    ]);
    expect(out.indexOf('2024-05-01 18:00–19:00 UTC')).toBeLessThan(out.indexOf('## Plan'));
  });

  it('adds the plan to the CSV as records of kind "plan" after the tweets, with four columns more for all', () => {
    const lines = toCsv(played, null).split('\r\n');
    const withPlan = exportSession('csv', input).body.split('\r\n');
    expect(withPlan[0]).toBe(`${lines[0]},plan_item,planned_time,minutes_late,answers`);
    expect(withPlan.slice(1, 10)).toEqual(lines.slice(1, 10).map((line) => `${line},,,,`));
    expect(withPlan.slice(10)).toEqual([
      '1,https://x.com/host/status/1,2024-05-01T18:01:00.000Z,host,HOST,plan,,,,,Welcome to #smchat!,,welcome,2024-05-01T18:00:00.000Z,1,',
      '2,https://x.com/host/status/2,2024-05-01T18:07:00.000Z,host,HOST,plan,1,,,,What is your favourite tool?,,Q1,2024-05-01T18:05:00.000Z,2,2',
      '4,https://x.com/host/status/4,2024-05-01T18:08:00.000Z,host,HOST,plan,1a,,,,Why?,,Q1a,2024-05-01T18:05:00.000Z,3,1',
      '7,https://x.com/cohost/status/7,2024-05-01T18:13:00.000Z,cohost,COHOST,plan,2,,,,How do you plan?,,Q2,2024-05-01T18:15:00.000Z,-2,0',
      `,,,,,plan,3,,,,"'=cmd|""x"" <b>\u202Eevil\nnext",,Q3,2024-05-01T18:25:00.000Z,,0`,
      ',,,,,plan,,,,,Thanks all,,wrap-up,2024-05-01T18:35:00.000Z,,',
      '',
    ]);
  });

  it('adds a "plan" array to the JSON, with ISO times', () => {
    const data = JSON.parse(toJson(input)) as { plan: unknown[] };
    expect(Object.keys(data)).toEqual(['format', 'version', 'chat', 'session', 'plan', 'participants', 'perMinute', 'tweets']);
    expect(data.plan).toHaveLength(6);
    expect(data.plan[0]).toEqual({
      key: 'welcome',
      label: 'welcome',
      text: 'Welcome to #smchat!',
      due: '2024-05-01T18:00:00.000Z',
      posted: { tweetId: '1', url: 'https://x.com/host/status/1', at: '2024-05-01T18:01:00.000Z' },
      minutesLate: 1,
    });
    expect(data.plan[3]).toMatchObject({ key: '2', label: 'Q2', minutesLate: -2, answers: 0 });
    expect(data.plan[4]).toEqual({
      key: '3',
      label: 'Q3',
      text: '=cmd|"x" <b>\u202Eevil\nnext',
      due: '2024-05-01T18:25:00.000Z',
      posted: null,
      minutesLate: null,
      answers: 0,
    });
  });

  it('counts the times of a rolling session from its first tweet', () => {
    const rolling: ChatSession = { ...scheduled, kind: 'rolling', start: T0 + MIN };
    const data = JSON.parse(toJson({ ...input, session: rolling })) as { plan: { due: string; minutesLate: number | null }[] };
    expect(data.plan.map((row) => [row.due, row.minutesLate])).toEqual([
      ['2024-05-01T18:01:00.000Z', 0],
      ['2024-05-01T18:06:00.000Z', 1],
      ['2024-05-01T18:06:00.000Z', 2],
      ['2024-05-01T18:16:00.000Z', -3],
      ['2024-05-01T18:26:00.000Z', null],
      ['2024-05-01T18:36:00.000Z', null],
    ]);
    expect(toMarkdown({ ...input, session: rolling })).toContain(
      '| welcome | \u2068Welcome to \\#smchat!\u2069 | 18:01 | [18:01](https://x.com/host/status/1) | on time |  |',
    );
  });

  it('leaves every format as it was for a chat without a plan or with an empty one', () => {
    for (const format of ['markdown', 'csv', 'json'] as const) {
      const without = exportSession(format, { session: scheduled, tweets: played, chat });
      expect(exportSession(format, { ...input, chat: { ...chat, plan: EMPTY_PLAN } })).toEqual(without);
      expect(exportSession(format, { ...input, chat: { ...chat, plan: { ...EMPTY_PLAN, welcome: '  ', wrapUp: '\n' } } })).toEqual(without);
      expect(exportSession(format, input).body).not.toBe(without.body);
    }
  });
});
