import { describe, expect, it } from 'vitest';
import { tweetInput, useTestDatabase } from '@/tests/unit/builders';
import type { Schedule } from '../chat/types';
import { updateChat } from './chats';
import { createHandler } from './handler';
import { scheduledSessionFor } from './scheduled-sessions';
import type { StoreDB } from './schema';
import { listSessions } from './sessions';
import { putTweetBatch } from './tweets';

// The directory says Sundays 20:00 Chicago; the user moved their copy to Mondays 15:00 London.
const DIRECTORY: Schedule = {
  recurrence: { kind: 'weekly', weekday: 7 },
  start: '20:00',
  durationMinutes: 60,
  timeZone: 'America/Chicago',
};
const MINE: Schedule = { recurrence: { kind: 'weekly', weekday: 1 }, start: '15:00', durationMinutes: 45, timeZone: 'Europe/London' };
const SUNDAY_EVENING = Date.parse('2026-03-02T02:10:00Z'); // Sun Mar 1, 20:10 CST
const MONDAY_AFTERNOON = Date.parse('2026-03-02T15:10:00Z'); // Mon Mar 2, 15:10 GMT
const sessionFor = scheduledSessionFor((tag) => (tag === 'blogchat' ? DIRECTORY : undefined));
const tw = (id: number, at: number) => tweetInput(id, at);
const lookup = () => undefined;

let db: StoreDB;
useTestDatabase((opened) => (db = opened));

describe('scheduledSessionFor', () => {
  it('uses the directory schedule when the chat has no stored settings', async () => {
    await putTweetBatch(db, 'blogchat', 'b1', [tw(1, SUNDAY_EVENING), tw(2, MONDAY_AFTERNOON)], MONDAY_AFTERNOON, { sessionFor });
    expect((await listSessions(db, 'blogchat')).map((s) => [s.id, s.kind])).toEqual([
      [`blogchat:${MONDAY_AFTERNOON}`, 'rolling'],
      ['blogchat:2026-03-02T02:00:00.000Z', 'scheduled'],
    ]);
  });

  it("follows the user's own schedule when the stored chat has one (read in the write transaction)", async () => {
    await updateChat(db, 'blogchat', { schedule: MINE }, lookup, 0);
    await putTweetBatch(db, 'blogchat', 'b1', [tw(1, SUNDAY_EVENING), tw(2, MONDAY_AFTERNOON)], MONDAY_AFTERNOON, { sessionFor });
    expect((await listSessions(db, 'blogchat')).map((s) => [s.id, s.kind, s.start, s.end])).toEqual([
      ['blogchat:2026-03-02T15:00:00.000Z', 'scheduled', Date.parse('2026-03-02T15:00:00Z'), Date.parse('2026-03-02T15:45:00Z')],
      [`blogchat:${SUNDAY_EVENING}`, 'rolling', SUNDAY_EVENING, SUNDAY_EVENING],
    ]);
  });

  it('a user-scheduled chat unknown to the directory gets scheduled sessions; a null schedule means rolling only', async () => {
    await updateChat(db, 'mine', { schedule: MINE }, lookup, 0);
    await updateChat(db, 'blogchat', { schedule: null }, lookup, 0);
    await putTweetBatch(db, 'mine', 'b1', [tw(1, MONDAY_AFTERNOON)], MONDAY_AFTERNOON, { sessionFor });
    await putTweetBatch(db, 'blogchat', 'b2', [tw(1, SUNDAY_EVENING)], MONDAY_AFTERNOON, { sessionFor });
    expect((await listSessions(db, 'mine')).map((s) => s.kind)).toEqual(['scheduled']);
    expect((await listSessions(db, 'blogchat')).map((s) => s.kind)).toEqual(['rolling']);
  });

  it('through the handler: a schedule set with chat/update applies to the next tweets/put', async () => {
    const OWN = 'own';
    const handle = createHandler({ db, version: '1', ownId: OWN, lookupChat: lookup, sessionFor, now: () => MONDAY_AFTERNOON });
    const page = { id: OWN, url: `chrome-extension://${OWN}/popup.html` };
    expect(await handle({ type: 'chat/update', tag: 'mychat', patch: { schedule: MINE } }, page)).toMatchObject({ ok: true });
    expect(await handle({ type: 'tweets/put', tag: 'mychat', batchId: 'b', tweets: [tw(7, MONDAY_AFTERNOON)] }, page)).toMatchObject({
      ok: true,
      stored: 1,
    });
    expect(await handle({ type: 'sessions/list', tag: 'mychat' }, page)).toMatchObject({
      ok: true,
      sessions: [{ id: 'mychat:2026-03-02T15:00:00.000Z', kind: 'scheduled' }],
    });
  });
});
