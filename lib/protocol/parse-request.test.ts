import { describe, expect, it } from 'vitest';
import type { StoredTweetInput } from './domain';
import { parseRequest } from './parse-request';

const tweet = (over: Partial<StoredTweetInput> & Record<string, unknown> = {}): StoredTweetInput => ({
  id: '1790000000000000001',
  author: { handle: 'alice', name: 'Alice' },
  time: '2024-05-01T18:02:03.000Z',
  text: 'A1 hello #sm49',
  kind: 'reply',
  ...over,
});

const put = (over: Record<string, unknown> = {}) => ({ type: 'tweets/put', batchId: 'b-1', tag: 'smchat', tweets: [tweet()], ...over });

function code(value: unknown): string {
  const r = parseRequest(value);
  return r.ok ? 'ok' : r.error.code;
}

describe('parseRequest: valid messages', () => {
  it('accepts each request type', () => {
    const valid: unknown[] = [
      { type: 'ping' },
      { type: 'chat/get', tag: 'smchat' },
      {
        type: 'chat/update',
        tag: 'smchat',
        patch: { autoTag: false, hosts: ['Bob'], filter: { hideRetweets: true, hideMuted: true, hostsOnly: false } },
      },
      // Folding is on unless said otherwise: settings from before the option existed still read.
      {
        type: 'chat/update',
        tag: 'smchat',
        patch: { filter: { hideRetweets: true, hideMuted: true, hostsOnly: false, foldRepeats: false } },
      },
      { type: 'chat/list' },
      put(),
      { type: 'tweets/count', tag: 'smchat' },
      { type: 'tweets/count', tag: 'smchat', sessionId: 'smchat:1714586523000' },
      { type: 'sessions/list', tag: 'smchat' },
      { type: 'catch-up', tag: 'smchat' },
      { type: 'host/posts', tag: 'smchat' },
      { type: 'export', sessionId: 'smchat:1714586523000', format: 'csv' },
      {
        type: 'chats/import',
        chats: [
          { tag: 'smchat', patch: { hosts: ['Bob'] } },
          { tag: 'other', patch: {} },
        ],
      },
    ];
    for (const v of valid) expect(parseRequest(v), JSON.stringify(v)).toMatchObject({ ok: true });
  });

  it('normalises tags and handles and drops unknown keys', () => {
    const r = parseRequest({
      type: 'tweets/put',
      batchId: 'b1',
      tag: 'ＳＭChat',
      extra: 'x',
      tweets: [{ ...tweet({ retweetedBy: 'CAROL' }), author: { handle: 'Alice', name: 'A', evil: 1 }, html: '<b>' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok || r.request.type !== 'tweets/put') throw new Error('expected tweets/put');
    expect(r.request.tag).toBe('smchat');
    expect(r.request).not.toHaveProperty('extra');
    expect(r.request.tweets[0]).toEqual({
      id: '1790000000000000001',
      author: { handle: 'alice', name: 'A' },
      time: '2024-05-01T18:02:03.000Z',
      text: 'A1 hello #sm49',
      kind: 'reply',
      retweetedBy: 'carol',
    });
  });

  it('de-duplicates extra tags and leaves out the chat’s own tag, for an update and an import', () => {
    const extraTags = ['SM49', 'sm49', 'SMChat', 'ｓｍｃｈａｔ', 'other', 'Other'];
    expect(parseRequest({ type: 'chat/update', tag: 'SMChat', patch: { extraTags } })).toMatchObject({
      ok: true,
      request: { tag: 'smchat', patch: { extraTags: ['sm49', 'other'] } },
    });
    expect(parseRequest({ type: 'chats/import', chats: [{ tag: 'SMChat', patch: { extraTags } }] })).toMatchObject({
      ok: true,
      request: { chats: [{ tag: 'smchat', patch: { extraTags: ['sm49', 'other'] } }] },
    });
  });

  it('stores time zones in their canonical spelling', () => {
    const schedule = (timeZone: string) => ({ recurrence: { kind: 'weekly', weekday: 1 }, start: '20:00', durationMinutes: 60, timeZone });
    for (const [typed, canonical] of [
      ['america/chicago', 'America/Chicago'],
      ['AMERICA/NEW_YORK', 'America/New_York'],
      ['utc', 'UTC'],
      ['Europe/Berlin', 'Europe/Berlin'],
    ]) {
      expect(parseRequest({ type: 'chat/update', tag: 'a', patch: { schedule: schedule(typed!) } }), typed).toMatchObject({
        ok: true,
        request: { patch: { schedule: { timeZone: canonical } } },
      });
      expect(parseRequest({ type: 'chats/import', chats: [{ tag: 'a', patch: { schedule: schedule(typed!) } }] }), typed).toMatchObject({
        ok: true,
        request: { chats: [{ patch: { schedule: { timeZone: canonical } } }] },
      });
    }
  });

  it('keeps an import to known settings: no device-local sidebar state, no unknown keys', () => {
    const r = parseRequest({
      type: 'chats/import',
      chats: [{ tag: 'a', patch: { sidebar: { collapsed: true }, evil: 1, title: 'A' }, extra: 1 }],
    });
    expect(r).toEqual({ ok: true, request: { type: 'chats/import', chats: [{ tag: 'a', patch: { title: 'A' } }] } });
  });

  it('accepts unicode hashtags, null times, labels and a full batch of 500', () => {
    expect(code({ type: 'chat/get', tag: '中文_チャット' })).toBe('ok');
    // Scripts whose letters carry combining marks (Hindi, Bengali, vowelled Arabic), as twitter-text allows.
    for (const tag of ['हिंदी', 'বাংলা', 'تَعْلِيم']) expect(code({ type: 'chat/get', tag }), tag).toBe('ok');
    expect(code(put({ tweets: [tweet({ time: null, kind: 'promoted', question: '2a', answer: 'A1', lang: 'en-GB' })] }))).toBe('ok');
    const many = Array.from({ length: 500 }, (_, i) => tweet({ id: String(i + 1) }));
    expect(code(put({ tweets: many }))).toBe('ok');
  });
});

describe('parseRequest: bad messages', () => {
  it('rejects what is not a message', () => {
    for (const v of [null, undefined, 42, 'ping', [], [{ type: 'ping' }], {}, { type: 7 }, { type: null }]) {
      expect(code(v), String(JSON.stringify(v))).toBe('invalid-request');
    }
  });

  it('rejects unknown types with unknown-type', () => {
    expect(code({ type: 'tweets/delete' })).toBe('unknown-type');
    expect(code({ type: '__proto__' })).toBe('unknown-type');
    expect(code({ type: 'PING' })).toBe('unknown-type');
  });

  it.each([
    ['missing tag', { type: 'chat/get' }],
    ['tag with #', { type: 'chat/get', tag: '#smchat' }],
    ['tag with space', { type: 'chat/get', tag: 'sm chat' }],
    ['empty tag', { type: 'chat/get', tag: '' }],
    ['tag too long', { type: 'chat/get', tag: 'a'.repeat(101) }],
    ['tag not a string', { type: 'sessions/list', tag: ['smchat'] }],
    ['host posts without a tag', { type: 'host/posts' }],
    ['host posts tag with #', { type: 'host/posts', tag: '#smchat' }],
    ['patch missing', { type: 'chat/update', tag: 'smchat' }],
    [
      'patch bad filter',
      { type: 'chat/update', tag: 'smchat', patch: { filter: { hideRetweets: 'yes', hideMuted: true, hostsOnly: false } } },
    ],
    [
      'patch bad fold option',
      {
        type: 'chat/update',
        tag: 'smchat',
        patch: { filter: { hideRetweets: true, hideMuted: true, hostsOnly: false, foldRepeats: 'no' } },
      },
    ],
    ['patch bad handle', { type: 'chat/update', tag: 'smchat', patch: { hosts: ['@bob'] } }],
    ['patch bad bool', { type: 'chat/update', tag: 'smchat', patch: { chatMode: 1 } }],
    ['patch title too long', { type: 'chat/update', tag: 'smchat', patch: { title: 'x'.repeat(201) } }],
    [
      'patch too many extra tags',
      { type: 'chat/update', tag: 'smchat', patch: { extraTags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
    ],
    ['no batchId', put({ batchId: undefined })],
    ['bad batchId', put({ batchId: 'a b' })],
    ['tweets not an array', put({ tweets: { 0: tweet() } })],
    ['empty batch', put({ tweets: [] })],
    ['batch too big', put({ tweets: Array.from({ length: 501 }, (_, i) => tweet({ id: String(i + 1) })) })],
    ['id with letters', put({ tweets: [tweet({ id: '12a' })] })],
    ['id too long', put({ tweets: [tweet({ id: '1'.repeat(26) })] })],
    ['id a number', put({ tweets: [tweet({ id: 12 as unknown as string })] })],
    ['bad kind', put({ tweets: [tweet({ kind: 'like' as never })] })],
    ['bad time', put({ tweets: [tweet({ time: 'yesterday' })] })],
    ['impossible date', put({ tweets: [tweet({ time: '2024-13-45T99:99:00Z' })] })],
    ['missing time', put({ tweets: [tweet({ time: undefined as never })] })],
    ['author missing', put({ tweets: [tweet({ author: undefined as never })] })],
    ['bad handle', put({ tweets: [tweet({ author: { handle: 'a-b', name: 'x' } })] })],
    ['text not a string', put({ tweets: [tweet({ text: null as never })] })],
    ['text too long', put({ tweets: [tweet({ text: 'x'.repeat(30_001) })] })],
    ['bad label', put({ tweets: [tweet({ question: 'Q 1' })] })],
    ['bad lang', put({ tweets: [tweet({ lang: '<script>' })] })],
    ['count bad session', { type: 'tweets/count', tag: 'smchat', sessionId: 'a/b' }],
    ['export bad format', { type: 'export', sessionId: 's:1', format: 'pdf' }],
    ['export no session', { type: 'export', format: 'csv' }],
    ['import without chats', { type: 'chats/import' }],
    ['import chats not an array', { type: 'chats/import', chats: { tag: 'a', patch: {} } }],
    ['import a chat without a patch', { type: 'chats/import', chats: [{ tag: 'a' }] }],
    [
      'import a chat twice',
      {
        type: 'chats/import',
        chats: [
          { tag: 'a', patch: {} },
          { tag: 'A', patch: {} },
        ],
      },
    ],
    [
      'import a bad 3rd chat',
      {
        type: 'chats/import',
        chats: [
          { tag: 'a', patch: {} },
          { tag: 'b', patch: {} },
          { tag: 'c', patch: { hosts: ['no way'] } },
        ],
      },
    ],
    ['import too many chats', { type: 'chats/import', chats: Array.from({ length: 1001 }, (_, i) => ({ tag: `t${i}`, patch: {} })) }],
    [
      'unknown time zone',
      {
        type: 'chat/update',
        tag: 'a',
        patch: { schedule: { recurrence: { kind: 'weekly', weekday: 1 }, start: '20:00', durationMinutes: 60, timeZone: 'Mars/Base' } },
      },
    ],
  ])('rejects %s with invalid-request', (_name, message) => {
    const r = parseRequest(message);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-request');
      expect(r.error.message.length).toBeGreaterThan(5);
    }
  });

  it('points at the offending field', () => {
    const r = parseRequest(put({ tweets: [tweet(), tweet({ id: 'x' })] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('tweets[1].id') as string } });
  });

  it('never throws, even on hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
      },
    );
    expect(parseRequest(hostile)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const getter = {
      type: 'chat/get',
      get tag(): string {
        throw new Error('boom');
      },
    };
    expect(parseRequest(getter)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('parseRequest: a host plan and hosting', () => {
  const plan = {
    welcome: ' Welcome to #smchat! ',
    questions: [
      { text: 'First?', subs: [] },
      { text: ' Second? ', subs: [' a ', '', 'b'] },
    ],
    wrapUp: 'Thanks!',
    firstAt: 0,
    every: 6,
  };
  const normalised = {
    welcome: 'Welcome to #smchat!',
    questions: [
      { text: 'First?', subs: [] },
      { text: 'Second?', subs: ['a', 'b'] },
    ],
    wrapUp: 'Thanks!',
    firstAt: 0,
    every: 6,
  };
  const update = (patch: Record<string, unknown>) => parseRequest({ type: 'chat/update', tag: 'smchat', patch });
  const message = (r: ReturnType<typeof parseRequest>) => (r.ok ? 'ok' : r.error.message);

  it('takes a plan and hosting in an update and an import: trimmed, empty sub-questions and unknown keys left out', () => {
    const extra = { ...plan, evil: 1, questions: [{ ...plan.questions[0], html: '<b>' }, plan.questions[1]] };
    expect(update({ plan: extra, hosting: true })).toEqual({
      ok: true,
      request: { type: 'chat/update', tag: 'smchat', patch: { plan: normalised, hosting: true } },
    });
    expect(parseRequest({ type: 'chats/import', chats: [{ tag: 'smchat', patch: { plan, hosting: false } }] })).toEqual({
      ok: true,
      request: { type: 'chats/import', chats: [{ tag: 'smchat', patch: { plan: normalised, hosting: false } }] },
    });
  });

  it('returns a fresh plan, not the one it was given', () => {
    const r = update({ plan });
    if (!r.ok || r.request.type !== 'chat/update') throw new Error('expected an update');
    expect(r.request.patch.plan).not.toBe(plan);
    expect(r.request.patch.plan?.questions[0]).not.toBe(plan.questions[0]);
  });

  it('takes every limit itself', () => {
    const full = {
      welcome: 'w'.repeat(1000),
      questions: Array.from({ length: 30 }, () => ({ text: 'q'.repeat(1000), subs: ['1', '2', '3', '4', '5'] })),
      wrapUp: '',
      firstAt: 1440,
      every: 1440,
    };
    expect(update({ plan: full })).toMatchObject({ ok: true, request: { patch: { plan: full } } });
    expect(update({ plan: { ...full, every: 1 } })).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'plan', 'patch.plan: expected an object'],
    ['an array', [], 'patch.plan: expected an object'],
    ['a welcome too long', { ...plan, welcome: 'w'.repeat(1001) }, 'patch.plan.welcome: longer than 1000 characters'],
    ['a wrap-up not a string', { ...plan, wrapUp: 5 }, 'patch.plan.wrapUp: expected a string'],
    ['a missing welcome', { ...plan, welcome: undefined }, 'patch.plan.welcome: expected a string'],
    ['questions not a list', { ...plan, questions: { text: 'x', subs: [] } }, 'patch.plan.questions: expected an array'],
    [
      '31 questions',
      { ...plan, questions: Array.from({ length: 31 }, () => ({ text: 'x', subs: [] })) },
      'patch.plan.questions: more than 30 items',
    ],
    ['a question not an object', { ...plan, questions: ['x'] }, 'patch.plan.questions[0]: expected an object'],
    [
      'a question too long',
      { ...plan, questions: [{ text: 'x'.repeat(1001), subs: [] }] },
      'patch.plan.questions[0].text: longer than 1000 characters',
    ],
    [
      'an empty question',
      { ...plan, questions: [plan.questions[0], { text: '  ', subs: ['a'] }] },
      'patch.plan.questions[1].text: expected the text of the question',
    ],
    ['a question without subs', { ...plan, questions: [{ text: 'x' }] }, 'patch.plan.questions[0].subs: expected an array'],
    [
      '6 sub-questions',
      { ...plan, questions: [{ text: 'x', subs: ['1', '2', '3', '4', '5', '6'] }] },
      'patch.plan.questions[0].subs: more than 5 items',
    ],
    [
      'a sub-question not a string',
      { ...plan, questions: [{ text: 'x', subs: [null] }] },
      'patch.plan.questions[0].subs[0]: expected a string',
    ],
    [
      'a sub-question too long',
      { ...plan, questions: [{ text: 'x', subs: ['s'.repeat(1001)] }] },
      'patch.plan.questions[0].subs[0]: longer than 1000 characters',
    ],
    ['a negative start', { ...plan, firstAt: -1 }, 'patch.plan.firstAt: expected a whole number of minutes from 0 to 1440'],
    ['a start over a day', { ...plan, firstAt: 1441 }, 'patch.plan.firstAt: expected a whole number of minutes from 0 to 1440'],
    ['a fractional start', { ...plan, firstAt: 2.5 }, 'patch.plan.firstAt: expected a whole number of minutes from 0 to 1440'],
    ['a start as text', { ...plan, firstAt: '5' }, 'patch.plan.firstAt: expected a whole number of minutes from 0 to 1440'],
    ['no spacing', { ...plan, every: 0 }, 'patch.plan.every: expected a whole number of minutes from 1 to 1440'],
    ['a NaN spacing', { ...plan, every: NaN }, 'patch.plan.every: expected a whole number of minutes from 1 to 1440'],
    ['an infinite spacing', { ...plan, every: Infinity }, 'patch.plan.every: expected a whole number of minutes from 1 to 1440'],
  ])('refuses a plan that is %s', (_name, value, expected) => {
    expect(message(update({ plan: value }))).toBe(expected);
    expect(message(parseRequest({ type: 'chats/import', chats: [{ tag: 'a', patch: { plan: value } }] }))).toBe(
      expected.replace(/^patch/, 'chats[0].patch'),
    );
  });

  it('refuses hosting that is not a boolean', () => {
    expect(message(update({ hosting: 'yes' }))).toBe('patch.hosting: expected a boolean');
    expect(message(update({ hosting: null }))).toBe('patch.hosting: expected a boolean');
  });
});
