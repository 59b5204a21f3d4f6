import { describe, expect, it } from 'vitest';
import { createClient, isTrustedSender, parseRequest, type StoredTweetInput } from './messages';

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
      { type: 'chat/list' },
      put(),
      { type: 'tweets/count', tag: 'smchat' },
      { type: 'tweets/count', tag: 'smchat', sessionId: 'smchat:1714586523000' },
      { type: 'sessions/list', tag: 'smchat' },
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
    ['patch missing', { type: 'chat/update', tag: 'smchat' }],
    [
      'patch bad filter',
      { type: 'chat/update', tag: 'smchat', patch: { filter: { hideRetweets: 'yes', hideMuted: true, hostsOnly: false } } },
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
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('tweets[1].id') } });
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

describe('isTrustedSender', () => {
  const own = 'abcdefghijklmnopabcdefghijklmnop';
  it.each([
    [
      'content script on x.com',
      { id: own, url: 'https://x.com/search?q=%23smchat', tab: { url: 'https://x.com/search?q=%23smchat' } },
      true,
    ],
    ['content script on twitter.com', { id: own, url: 'https://twitter.com/home', tab: { url: 'https://twitter.com/home' } }, true],
    ['content script, tab url hidden', { id: own, url: 'https://x.com/home', tab: {} }, true],
    ['popup', { id: own, url: `chrome-extension://${own}/popup.html` }, true],
    [
      'options page in a tab',
      { id: own, url: `chrome-extension://${own}/options.html`, tab: { url: `chrome-extension://${own}/options.html` } },
      true,
    ],
    ['another extension', { id: 'zzzz', url: 'https://x.com/home', tab: { url: 'https://x.com/home' } }, false],
    ['no id', { url: 'https://x.com/home', tab: { url: 'https://x.com/home' } }, false],
    ['our content script on another site', { id: own, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } }, false],
    ['look-alike host', { id: own, url: 'https://x.com.evil.example/', tab: { url: 'https://x.com.evil.example/' } }, false],
    ['http', { id: own, url: 'http://x.com/home', tab: { url: 'http://x.com/home' } }, false],
    ['x.com frame in another tab', { id: own, url: 'https://x.com/home', tab: { url: 'https://evil.example/' } }, false],
    ['another extension page URL', { id: own, url: 'chrome-extension://other/popup.html' }, false],
    ['no url at all', { id: own }, false],
    ['web page without tab', { id: own, url: 'https://x.com/home' }, false],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isTrustedSender(sender, own)).toBe(expected);
  });

  it('uses the given origin for Firefox extension pages', () => {
    const origin = 'moz-extension://1234-uuid/';
    expect(isTrustedSender({ id: 'chat@example', url: `${origin}popup.html` }, 'chat@example', origin)).toBe(true);
    expect(isTrustedSender({ id: 'chat@example', url: 'moz-extension://other-uuid/popup.html' }, 'chat@example', origin)).toBe(false);
  });

  it('rejects everything when our own id is unknown', () => {
    expect(isTrustedSender({ id: '', url: 'https://x.com/', tab: {} }, '')).toBe(false);
  });
});

describe('createClient', () => {
  it('returns the reply', async () => {
    const client = createClient(async (m) => ({ ok: true, version: '1.2.3', echo: m }));
    const r = await client.send({ type: 'ping' });
    expect(r).toMatchObject({ ok: true, version: '1.2.3', echo: { type: 'ping' } });
  });

  it('turns a rejected sendMessage into unavailable instead of throwing', async () => {
    const client = createClient(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    const r = await client.send({ type: 'chat/get', tag: 'smchat' });
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('Could not establish connection') } });
  });

  it('treats no reply as unavailable and a malformed reply as internal', async () => {
    expect(await createClient(async () => undefined).send({ type: 'ping' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await createClient(async () => 'yes').send({ type: 'ping' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await createClient(async () => ({ ok: false })).send({ type: 'ping' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes error replies through', async () => {
    const reply = { ok: false, error: { code: 'quota-exceeded', message: 'full' } };
    expect(await createClient(async () => reply).send({ type: 'ping' })).toEqual(reply);
  });
});
