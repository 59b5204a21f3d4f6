import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatDefinition } from '../chat/types';
import { createClient } from '../protocol/client';
import type { StoredTweetInput } from '../protocol/domain';
import { openStore } from './db';
import { createHandler, type Handler } from './handler';
import type { StoreDB } from './schema';
import { createTabSession } from './tab-session';

const OWN = 'ownextensionid';
const CS = { id: OWN, url: 'https://x.com/search?q=%23smchat', tab: { id: 1, url: 'https://x.com/search?q=%23smchat' } };
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
const T0 = Date.parse('2024-05-01T18:00:00.000Z');

const directory: ChatDefinition[] = [
  { tag: 'smchat', extraTags: ['sm49'], title: 'Social media chat', hosts: ['Host'], schedule: undefined },
];

function tw(id: number, minute: number, over: Partial<StoredTweetInput> = {}): StoredTweetInput {
  return {
    id: String(id),
    author: { handle: `u${id}`, name: `U${id}` },
    time: new Date(T0 + minute * 60_000).toISOString(),
    text: `hello ${id}`,
    kind: 'tweet',
    ...over,
  };
}

let db: StoreDB;
let handle: Handler;
let clock = T0;
let n = 0;
beforeEach(async () => {
  db = await openStore(`handler-${++n}`);
  clock = T0;
  handle = createHandler({ db, version: '9.9.9', ownId: OWN, lookupChat: (tag) => directory.find((d) => d.tag === tag), now: () => clock });
});
afterEach(() => db.close());

describe('handler: senders and bad messages', () => {
  it('answers ping with the version', async () => {
    expect(await handle({ type: 'ping' }, CS)).toEqual({ ok: true, version: '9.9.9' });
  });

  it('rejects forbidden senders before reading the message', async () => {
    for (const sender of [
      {},
      { id: 'other', url: CS.url, tab: CS.tab },
      { id: OWN, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } },
    ]) {
      expect(await handle({ type: 'ping' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await handle({ type: 'ping' }, undefined as never)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('rejects malformed and unknown messages with the right code', async () => {
    expect(await handle({ type: 'nope' }, CS)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await handle('ping', CS)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle({ type: 'tweets/put', batchId: 'b', tag: 'smchat', tweets: [{ id: 'x' }] }, CS)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await handle({ type: 'export', sessionId: 'smchat:0', format: 'markdown' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('never throws: failures inside become internal replies', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = createHandler({ db: Promise.reject(new Error('disk gone')), version: '1', ownId: OWN, lookupChat: () => undefined });
    expect(await broken({ type: 'chat/list' }, PAGE)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk gone') },
    });
    const failingOpener = createHandler({
      db: () => Promise.reject(new Error('cannot open')),
      version: '1',
      ownId: OWN,
      lookupChat: () => undefined,
    });
    expect(await failingOpener({ type: 'ping' }, PAGE)).toEqual({ ok: true, version: '1' }); // liveness needs no store
    expect(await failingOpener({ type: 'chat/list' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('cannot open') },
    });
    const throwingLookup = createHandler({
      db,
      version: '1',
      ownId: OWN,
      lookupChat: () => {
        throw new Error('directory broken');
      },
    });
    expect(await throwingLookup({ type: 'chat/get', tag: 'new' }, CS)).toMatchObject({ ok: false, error: { code: 'internal' } });
    for (const junk of [
      undefined,
      null,
      0,
      NaN,
      '',
      [],
      () => 1,
      Symbol('x'),
      new Proxy(
        {},
        {
          get() {
            throw new Error('x');
          },
        },
      ),
    ]) {
      await expect(handle(junk, CS)).resolves.toMatchObject({ ok: false });
    }
    expect(logged).toHaveBeenCalledTimes(3);
  });
});

describe('handler: what a tab keeps', () => {
  function tabHandler() {
    const data = new Map<string, unknown>();
    const tabSession = createTabSession({
      area: {
        get: async () => Object.fromEntries(data),
        set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
        remove: async (keys) => void keys.forEach((k) => data.delete(k)),
      },
    });
    return { data, handle: createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined, tabSession }) };
  }

  it('keeps items under the sending tab’s id', async () => {
    const { data, handle } = tabHandler();
    expect(await handle({ type: 'tab/write', set: { 'active-chat': 'smchat' }, remove: [] }, CS)).toEqual({ ok: true });
    expect(await handle({ type: 'tab/load' }, CS)).toEqual({ ok: true, items: { 'active-chat': 'smchat' } });
    const other = { ...CS, tab: { ...CS.tab, id: 2 } };
    expect(await handle({ type: 'tab/load' }, other)).toEqual({ ok: true, items: {} });
    expect([...data.keys()]).toEqual(['tab:1:active-chat']);
  });

  it('accepts them only from a content script in an x.com tab’s top frame', async () => {
    const { data, handle } = tabHandler();
    const write = { type: 'tab/write', set: { a: '1' }, remove: [] };
    for (const sender of [
      PAGE,
      { ...PAGE, tab: { id: 3, url: PAGE.url } },
      { ...CS, tab: { url: CS.tab.url } },
      { ...CS, frameId: 4 },
      { id: 'other', url: CS.url, tab: CS.tab },
    ]) {
      expect(await handle(write, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(await handle({ type: 'tab/load' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await handle(write, { ...CS, frameId: 0 })).toEqual({ ok: true });
    expect(data.size).toBe(1);
  });

  it('validates keys and sizes strictly', async () => {
    const { data, handle } = tabHandler();
    for (const bad of [
      { set: { __proto__x: '1' }, remove: [] },
      { set: { 'a b': '1' }, remove: [] },
      { set: { a: 1 }, remove: [] },
      { set: { a: 'x'.repeat(4_000_001) }, remove: [] },
      { set: {}, remove: ['../x'] },
      { set: {}, remove: 'a' },
      { set: [], remove: [] },
      { set: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, 'v'])), remove: [] },
    ]) {
      expect(await handle({ type: 'tab/write', ...bad }, CS)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(data.size).toBe(0);
  });
});

describe('handler: chats', () => {
  it('reads a chat’s defaults from the directory, or plain defaults for an unknown tag, without storing them', async () => {
    const r = await handle({ type: 'chat/get', tag: 'SMChat' }, CS);
    expect(r).toEqual({
      ok: true,
      chat: {
        tag: 'smchat',
        extraTags: ['sm49'],
        title: 'Social media chat',
        hosts: ['host'],
        muted: [],
        filter: { hideRetweets: false, hideMuted: true, hostsOnly: false },
        autoTag: true,
        chatMode: false,
        sidebar: { collapsed: false },
        createdAt: T0,
        updatedAt: T0,
      },
      next: null, // no schedule known
    });
    expect(await handle({ type: 'chat/get', tag: 'brandnew' }, CS)).toMatchObject({
      ok: true,
      chat: { tag: 'brandnew', title: '#brandnew', hosts: [] },
    });
    // Visiting hashtag pages leaves no trace; the first change stores the chat.
    expect(await handle({ type: 'chat/list' }, PAGE)).toEqual({ ok: true, chats: [] });
    await handle({ type: 'chat/update', tag: 'brandnew', patch: { sidebar: { collapsed: true } } }, CS);
    const list = await handle({ type: 'chat/list' }, PAGE);
    expect(list.ok && 'chats' in list ? list.chats.map((c) => c.tag) : list).toEqual(['brandnew']);
  });

  it('answers with the occurrence running now or next, from the chat’s own schedule', async () => {
    // Thursdays 8pm New York; T0 is Wednesday May 1, 2024, 2pm there.
    const schedule = {
      recurrence: { kind: 'weekly', weekday: 4 },
      start: '20:00',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    } as const;
    const r = await handle({ type: 'chat/update', tag: 'smchat', patch: { schedule } }, PAGE);
    expect(r).toMatchObject({ ok: true, next: { start: Date.parse('2024-05-03T00:00:00Z'), end: Date.parse('2024-05-03T01:00:00Z') } });
    clock = Date.parse('2024-05-03T00:30:00Z'); // during it
    expect(await handle({ type: 'chat/get', tag: 'smchat' }, CS)).toMatchObject({ next: { start: Date.parse('2024-05-03T00:00:00Z') } });
  });

  it('updates settings and keeps them', async () => {
    await handle({ type: 'chat/update', tag: 'smchat', patch: { chatMode: true } }, CS);
    clock = T0 + 1000;
    const r = await handle(
      { type: 'chat/update', tag: 'smchat', patch: { muted: ['Spammer'], chatMode: false, sidebar: { collapsed: true }, createdAt: 0 } },
      PAGE,
    );
    expect(r).toMatchObject({
      ok: true,
      chat: {
        muted: ['spammer'],
        chatMode: false,
        sidebar: { collapsed: true },
        createdAt: T0,
        updatedAt: T0 + 1000,
        title: 'Social media chat',
      },
    });
    expect(await handle({ type: 'chat/get', tag: 'smchat' }, CS)).toMatchObject({
      ok: true,
      chat: { muted: ['spammer'], chatMode: false },
    });
  });
});

describe('handler: settings import', () => {
  const stored = async () => (await db.getAll('chats')).sort((a, b) => a.tag.localeCompare(b.tag));
  const weekly = (timeZone: string) => ({ recurrence: { kind: 'weekly', weekday: 4 }, start: '20:00', durationMinutes: 60, timeZone });
  const threeChats = [
    { tag: 'smchat', patch: { title: 'Renamed' } },
    { tag: 'newchat', patch: { extraTags: ['NewChat', 'ed2', 'ED2'], hosts: ['Ann'] } },
    { tag: 'third', patch: { schedule: weekly('america/chicago') } },
  ];
  beforeEach(async () => {
    await handle({ type: 'chat/update', tag: 'smchat', patch: { muted: ['spammer'] } }, PAGE);
    clock = T0 + 1000;
  });

  it('applies every chat in one request from the extension’s pages, and never from a content script', async () => {
    const before = await stored();
    expect(await handle({ type: 'chats/import', chats: threeChats }, CS)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await stored()).toEqual(before);

    expect(await handle({ type: 'chats/import', chats: threeChats }, PAGE)).toEqual({ ok: true, imported: 3 });
    const after = await stored();
    expect(after.map((c) => c.tag)).toEqual(['newchat', 'smchat', 'third']);
    expect(after[1]).toMatchObject({ title: 'Renamed', muted: ['spammer'], extraTags: ['sm49'], createdAt: T0, updatedAt: T0 + 1000 });
    expect(after[0]).toMatchObject({ extraTags: ['ed2'], hosts: ['ann'], title: '#newchat', createdAt: T0 + 1000 });
    expect(after[2]?.schedule?.timeZone).toBe('America/Chicago');
  });

  it('changes nothing when the 3rd chat is invalid', async () => {
    const before = await stored();
    const bad = [...threeChats.slice(0, 2), { tag: 'third', patch: { hosts: ['not a handle'] } }];
    expect(await handle({ type: 'chats/import', chats: bad }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('chats[2].patch.hosts[0]') },
    });
    expect(await stored()).toEqual(before);
  });

  it('leaves the store as it was when a write fails midway', async () => {
    const before = await stored();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    expect(await handle({ type: 'chats/import', chats: threeChats }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('quota') },
    });
    expect(writes).toBe(3);
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(await stored()).toEqual(before);
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe('handler: tweets, sessions, export', () => {
  it('stores batches idempotently, lists sessions and exports from IndexedDB', async () => {
    const batch = {
      type: 'tweets/put',
      batchId: 'b-1',
      tag: 'smchat',
      tweets: [tw(1, 0), tw(2, 1, { author: { handle: 'host', name: 'Host' }, question: '1' }), tw(3, 2, { answer: '1' })],
    };
    expect(await handle(batch, CS)).toEqual({ ok: true, batchId: 'b-1', stored: 3, duplicates: 0 });
    expect(await handle(batch, CS)).toEqual({ ok: true, batchId: 'b-1', stored: 0, duplicates: 3 });
    expect(await handle({ type: 'tweets/count', tag: 'smchat' }, CS)).toEqual({ ok: true, count: 3 });

    const sessions = await handle({ type: 'sessions/list', tag: 'smchat' }, PAGE);
    if (!sessions.ok || !('sessions' in sessions)) throw new Error('expected sessions');
    expect(sessions.sessions).toHaveLength(1);
    const sessionId = sessions.sessions[0]!.id;
    expect(await handle({ type: 'tweets/count', tag: 'smchat', sessionId }, PAGE)).toEqual({ ok: true, count: 3 });

    await handle({ type: 'chat/get', tag: 'smchat' }, CS); // hosts known: 'host'
    const md = await handle({ type: 'export', sessionId, format: 'markdown' }, PAGE);
    expect(md).toMatchObject({ ok: true, mime: 'text/markdown;charset=utf-8', filename: 'smchat-2024-05-01-1800Z.md' });
    if (!md.ok || !('body' in md)) throw new Error('expected body');
    expect(md.body.indexOf('## Q1')).toBeLessThan(md.body.indexOf('hello 3'));
    expect(md.body.indexOf('hello 3')).toBeLessThan(md.body.indexOf('## Other tweets'));
    expect(md.body).toContain('https://x.com/u1/status/1');

    const csv = await handle({ type: 'export', sessionId, format: 'csv' }, PAGE);
    expect(csv.ok && 'body' in csv ? csv.body.split('\r\n').length : 0).toBe(5);
    const json = await handle({ type: 'export', sessionId, format: 'json' }, PAGE);
    expect(json.ok && 'body' in json ? JSON.parse(json.body).tweets.length : 0).toBe(3);
  });

  it('works through the typed client', async () => {
    const client = createClient((m) => handle(structuredClone(m), CS));
    const r = await client.send({ type: 'tweets/put', batchId: 'x1', tag: 'smchat', tweets: [tw(5, 0)] });
    expect(r).toEqual({ ok: true, batchId: 'x1', stored: 1, duplicates: 0 });
  });
});
