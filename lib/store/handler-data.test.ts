// The handler against the store: chats, settings imports, tweets, sessions and exports.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../protocol/client';
import type { Handler } from './handler';
import { CS, handlerPerTest, PAGE, T0, tw } from './handler-testing';
import { listSessions } from './sessions';

const ctx = handlerPerTest('handler-data');
const handle: Handler = (message, sender) => ctx.handle(message, sender);

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
        filter: { hideRetweets: false, hideMuted: true, hostsOnly: false, foldRepeats: true, pauseWhileScrolling: false },
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
    ctx.clock = Date.parse('2024-05-03T00:30:00Z'); // during it
    expect(await handle({ type: 'chat/get', tag: 'smchat' }, CS)).toMatchObject({ next: { start: Date.parse('2024-05-03T00:00:00Z') } });
  });

  it('updates settings and keeps them', async () => {
    await handle({ type: 'chat/update', tag: 'smchat', patch: { chatMode: true } }, CS);
    ctx.clock = T0 + 1000;
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
  const stored = async () => (await ctx.db.getAll('chats')).sort((a, b) => a.tag.localeCompare(b.tag));
  const weekly = (timeZone: string) => ({ recurrence: { kind: 'weekly', weekday: 4 }, start: '20:00', durationMinutes: 60, timeZone });
  const threeChats = [
    { tag: 'smchat', patch: { title: 'Renamed' } },
    { tag: 'newchat', patch: { extraTags: ['NewChat', 'ed2', 'ED2'], hosts: ['Ann'] } },
    { tag: 'third', patch: { schedule: weekly('america/chicago') } },
  ];
  beforeEach(async () => {
    await handle({ type: 'chat/update', tag: 'smchat', patch: { muted: ['spammer'] } }, PAGE);
    ctx.clock = T0 + 1000;
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
      error: { code: 'invalid-request', message: expect.stringContaining('chats[2].patch.hosts[0]') as string },
    });
    expect(await stored()).toEqual(before);
  });

  it('leaves the store as it was when a write fails midway', async () => {
    const before = await stored();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The real put, unbound: the spy calls it on the store it was called on.
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as IDBObjectStore['put'];
    let writes = 0;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    expect(await handle({ type: 'chats/import', chats: threeChats }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('quota') as string },
    });
    expect(writes).toBe(3);
    failing.mockRestore();
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
    expect(json.ok && 'body' in json ? (JSON.parse(json.body) as { tweets: unknown[] }).tweets.length : 0).toBe(3);
  });

  it('catches up on the latest session: its questions, answer counts and most-liked answers (likes kept as stored)', async () => {
    expect(await handle({ type: 'catch-up', tag: 'quietchat' }, CS)).toEqual({ ok: true, questions: [] });
    const tweets = [
      // the evening before (a chat without a schedule: tweets 2 hours apart are another session)
      tw(1, -24 * 60, { text: 'Q1) Before?', question: '1' }),
      tw(2, -24 * 60 + 1, { answer: '1', likes: 50 }),
      // this evening's, the latest session
      tw(3, 0, { text: 'Q1) Why?', question: '1' }),
      tw(4, 1, { answer: '1', likes: 4 }),
      tw(5, 2, { answer: '1', likes: 9 }),
      tw(6, 3, { answer: '1' }),
      tw(7, 4, { text: 'Reminder: Q1) Why?', question: '1' }),
    ];
    await handle({ type: 'tweets/put', batchId: 'c-1', tag: 'quietchat', tweets }, CS);
    expect(await handle({ type: 'catch-up', tag: 'quietchat' }, CS)).toEqual({
      ok: true,
      questions: [
        {
          key: '1',
          tweetId: '3',
          text: 'Q1) Why?',
          answerCount: 3,
          top: [
            { id: '5', handle: 'u5', name: 'U5', text: 'hello 5', likes: 9 },
            { id: '4', handle: 'u4', name: 'U4', text: 'hello 4', likes: 4 },
            { id: '6', handle: 'u6', name: 'U6', text: 'hello 6', likes: 0 },
          ],
        },
      ],
    });
    expect(await handle({ type: 'tweets/put', batchId: 'c-2', tag: 'quietchat', tweets: [tw(8, 0, { likes: -1 })] }, CS)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('reads the latest session’s posts by the hosts or labelled as questions, and its answer counts, for a content script', async () => {
    expect(await handle({ type: 'host/posts', tag: 'smchat' }, CS)).toEqual({ ok: true, posts: [], answers: {}, sessionStart: null });
    const host = { author: { handle: 'host', name: 'Host' } };
    const tweets = [
      // the evening before (no schedule: tweets 2 hours apart are another session)
      tw(1, -24 * 60, { ...host, text: 'Q1) Before?', question: '1' }),
      tw(2, -24 * 60 + 1, { answer: '1' }),
      // this evening's, the latest session
      tw(3, 0, { ...host, text: 'Welcome!' }),
      tw(4, 5, { ...host, text: 'Q1) Why?', question: '1' }),
      tw(5, 6, { answer: '1' }),
      tw(6, 7, { answer: 'A1' }),
      tw(7, 8, { text: 'Q1a) And?', question: '1a' }), // a co-host the settings don't list: labelled by the tab
      tw(8, 9, { answer: '1a' }),
      tw(9, 10, { text: 'just chatting' }),
    ];
    ctx.clock = T0 + 60 * 60_000; // read after the chat: every tweet's own time believed
    await handle({ type: 'tweets/put', batchId: 'h-1', tag: 'smchat', tweets }, CS);
    expect(await handle({ type: 'host/posts', tag: 'SMChat' }, CS)).toEqual({
      ok: true,
      posts: [
        { id: '3', author: 'host', text: 'Welcome!', at: T0 },
        { id: '4', author: 'host', text: 'Q1) Why?', at: T0 + 5 * 60_000 },
        { id: '7', author: 'u7', text: 'Q1a) And?', at: T0 + 8 * 60_000 },
      ],
      answers: { '1': 2, '1a': 1 },
      sessionStart: T0,
    });
  });

  it('exports a session with the chat’s plan against it', async () => {
    ctx.clock = T0 + 60 * 60_000;
    const host = { author: { handle: 'host', name: 'Host' } };
    const tweets = [tw(1, 0, { ...host, text: 'Q1) Why?', question: '1' }), tw(2, 1, { answer: '1' })];
    await handle({ type: 'tweets/put', batchId: 'p-1', tag: 'smchat', tweets }, CS);
    const got = await handle({ type: 'chat/get', tag: 'smchat' }, CS);
    if (!got.ok || !('chat' in got)) throw new Error('expected a chat');
    const plan = { welcome: '', questions: [{ text: 'Why?', subs: [] }], wrapUp: '', firstAt: 2, every: 6 };
    await ctx.db.put('chats', { ...got.chat, plan });
    const [session] = (await listSessions(ctx.db, 'smchat')).map((s) => s.id);
    const r = await handle({ type: 'export', sessionId: session!, format: 'json' }, PAGE);
    const data = r.ok && 'body' in r ? (JSON.parse(r.body) as { plan: unknown }) : r;
    expect(data).toMatchObject({ plan: [{ key: '1', due: '2024-05-01T18:02:00.000Z', minutesLate: -2, answers: 1 }] });
  });

  it('replies with the newest 300 host posts at most', async () => {
    const many = Array.from({ length: 302 }, (_, i) => tw(i + 1, i / 10, { author: { handle: 'host', name: 'Host' } }));
    ctx.clock = T0 + 60 * 60_000;
    await handle({ type: 'tweets/put', batchId: 'h-2', tag: 'smchat', tweets: many }, CS);
    const r = await handle({ type: 'host/posts', tag: 'smchat' }, CS);
    const ids = r.ok && 'posts' in r ? r.posts.map((p) => p.id) : r;
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 3)));
  });

  it('works through the typed client', async () => {
    const client = createClient((m) => handle(structuredClone(m), CS));
    const r = await client.send({ type: 'tweets/put', batchId: 'x1', tag: 'smchat', tweets: [tw(5, 0)] });
    expect(r).toEqual({ ok: true, batchId: 'x1', stored: 1, duplicates: 0 });
  });
});
