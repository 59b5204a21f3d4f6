// The page-only requests: chat/delete, sessions/clear, storage/stats, and the schedule setting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTweetInput } from '../protocol/domain';
import { openStore } from './db';
import { createHandler, type Handler } from './handler';
import type { StoreDB } from './schema';

const OWN = 'ownextensionid';
const CS = { id: OWN, url: 'https://x.com/search?q=%23smchat', tab: { id: 1, url: 'https://x.com/search?q=%23smchat' } };
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const HOUR = 3_600_000;

function tw(id: number, at: number): StoredTweetInput {
  return {
    id: String(id),
    author: { handle: `u${id}`, name: `U${id}` },
    time: new Date(at).toISOString(),
    text: `hello ${id}`,
    kind: 'tweet',
  };
}

let db: StoreDB;
let handle: Handler;
let n = 0;
let clock = T0;
beforeEach(async () => {
  db = await openStore(`maintenance-${++n}`);
  clock = T0;
  handle = createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined, now: () => clock });
});
afterEach(() => db.close());

describe('page-only requests', () => {
  it('deletes a chat from an extension page only, keeping its tweets', async () => {
    await handle({ type: 'tweets/put', batchId: 'b1', tag: 'smchat', tweets: [tw(1, T0)] }, CS);
    await handle({ type: 'chat/update', tag: 'smchat', patch: { chatMode: true } }, CS);
    expect(await handle({ type: 'chat/delete', tag: 'smchat' }, CS)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'chat/delete', tag: 'SMChat' }, PAGE)).toEqual({ ok: true, deleted: true });
    expect(await handle({ type: 'chat/delete', tag: 'smchat' }, PAGE)).toEqual({ ok: true, deleted: false });
    expect(await handle({ type: 'chat/list' }, PAGE)).toEqual({ ok: true, chats: [] });
    expect(await handle({ type: 'tweets/count', tag: 'smchat' }, PAGE)).toEqual({ ok: true, count: 1 });
  });

  it('clears sessions that ended before a time, with their tweets, and counts what is stored', async () => {
    // Two rolling sessions a day apart, one in another chat.
    await handle({ type: 'tweets/put', batchId: 'b1', tag: 'smchat', tweets: [tw(1, T0), tw(2, T0 + 60_000)] }, CS);
    clock = T0 + 24 * HOUR;
    await handle({ type: 'tweets/put', batchId: 'b2', tag: 'smchat', tweets: [tw(3, T0 + 24 * HOUR)] }, CS);
    await handle({ type: 'tweets/put', batchId: 'b3', tag: 'other', tweets: [tw(4, T0)] }, CS);
    expect(await handle({ type: 'storage/stats' }, PAGE)).toEqual({ ok: true, stats: { chats: 0, sessions: 3, tweets: 4 } });

    expect(await handle({ type: 'sessions/clear', before: T0 + HOUR }, CS)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await handle({ type: 'sessions/clear', before: T0 + HOUR, tag: 'smchat' }, PAGE)).toEqual({
      ok: true,
      deletedSessions: 1,
      deletedTweets: 2,
    });
    expect(await handle({ type: 'tweets/count', tag: 'smchat' }, PAGE)).toEqual({ ok: true, count: 1 });
    expect(await handle({ type: 'tweets/count', tag: 'other' }, PAGE)).toEqual({ ok: true, count: 1 });
    expect(await handle({ type: 'sessions/clear', before: Number.MAX_SAFE_INTEGER }, PAGE)).toEqual({
      ok: true,
      deletedSessions: 2,
      deletedTweets: 2,
    });
    expect(await handle({ type: 'storage/stats' }, PAGE)).toEqual({ ok: true, stats: { chats: 0, sessions: 0, tweets: 0 } });
    expect(await handle({ type: 'sessions/clear', before: 'yesterday' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('before') },
    });
  });

  it('stores a validated schedule and description on chat/update; null clears the schedule', async () => {
    const schedule = {
      recurrence: { kind: 'monthly', weekday: 3, nth: -1 },
      start: '21:00',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    };
    expect(await handle({ type: 'chat/update', tag: 'mine', patch: { schedule, description: 'Mine' } }, PAGE)).toMatchObject({
      ok: true,
      chat: { schedule, description: 'Mine' },
    });
    expect(await handle({ type: 'chat/update', tag: 'mine', patch: { schedule: null } }, PAGE)).toMatchObject({
      ok: true,
      chat: { schedule: null },
    });
    for (const bad of [
      { ...schedule, timeZone: 'Mars/Olympus' },
      { ...schedule, start: '24:00' },
      { ...schedule, durationMinutes: 0 },
      { ...schedule, durationMinutes: 1.5 },
      { ...schedule, recurrence: { kind: 'weekly', weekday: 8 } },
      { ...schedule, recurrence: { kind: 'monthly', weekday: 1, nth: 5 } },
      { ...schedule, recurrence: { kind: 'daily', weekday: 1 } },
    ]) {
      expect(await handle({ type: 'chat/update', tag: 'mine', patch: { schedule: bad } }, PAGE), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringMatching(/^patch\.schedule/) },
      });
    }
  });
});
