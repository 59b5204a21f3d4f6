import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openStore } from './db';
import { clearReminder, listReminders, setReminder } from './reminders';
import { DB_VERSION, upgrade, type ChatModeDB, type V1Chat, type V1Tweet } from './schema';
import { listSessions } from './sessions';
import { countTweets, putTweetBatch, tweetsOfSession } from './tweets';

const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function v1Tweet(tag: string, id: string, at: number | null, firstSeen = at ?? T0): V1Tweet {
  return {
    tag,
    id,
    author: { handle: `user${id}`, name: `User ${id}` },
    time: at === null ? null : iso(at),
    text: `text ${id}`,
    kind: 'tweet',
    firstSeen,
  };
}

/** Creates a database exactly as the first release (version 1) did, with raw idb calls. */
async function createV1(name: string, chats: V1Chat[], tweets: V1Tweet[]): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore('chats', { keyPath: 'tag' });
      d.createObjectStore('tweets', { keyPath: ['tag', 'id'] }).createIndex('by-tag', 'tag');
    },
  });
  const tx = db.transaction(['chats', 'tweets'], 'readwrite');
  for (const c of chats) await tx.objectStore('chats').put(c);
  for (const t of tweets) await tx.objectStore('tweets').put(t);
  await tx.done;
  db.close();
}

describe('schema', () => {
  it('creates every store and index on a fresh install', async () => {
    const db = await openStore('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['batches', 'chats', 'reminders', 'sessions', 'tweets']);
    const tx = db.transaction(['tweets', 'sessions']);
    expect([...tx.objectStore('tweets').indexNames].sort()).toEqual(['by-session-at', 'by-tag-at']);
    expect([...tx.objectStore('sessions').indexNames]).toEqual(['by-tag-start']);
    await tx.done;
    db.close();
  });

  it('upgrades a version 1 database to the current version, keeping its data', async () => {
    const chat: V1Chat = {
      tag: 'smchat',
      extraTags: ['sm49'],
      title: 'Social media chat',
      hosts: ['host'],
      muted: ['spammer'],
      filter: { hideRetweets: true, hideMuted: true, hostsOnly: false },
      chatMode: false,
      createdAt: 1,
      updatedAt: 2,
    };
    const day8 = T0 + 7 * 24 * 60 * MIN;
    await createV1(
      'upgrade',
      [chat],
      [
        v1Tweet('smchat', '1', T0),
        v1Tweet('smchat', '3', T0 + 30 * MIN),
        v1Tweet('smchat', '2', T0 + 10 * MIN),
        v1Tweet('smchat', '10', day8),
        v1Tweet('smchat', '11', null, day8 + 5 * MIN), // no time shown: falls back to when it was first seen
        v1Tweet('other', '1', T0),
      ],
    );

    const db = await openStore('upgrade');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['batches', 'chats', 'reminders', 'sessions', 'tweets']);
    expect(await listReminders(db)).toEqual([]);

    expect(await db.get('chats', 'smchat')).toEqual({ ...chat, autoTag: true, sidebar: { collapsed: false } });

    const sessions = await listSessions(db, 'smchat');
    expect(sessions.map((s) => [s.start, s.end, s.tweetCount, s.kind])).toEqual([
      [day8, day8 + 5 * MIN, 2, 'rolling'],
      [T0, T0 + 30 * MIN, 3, 'rolling'],
    ]);
    const first = await tweetsOfSession(db, sessions[1]!.id);
    expect(first.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(first[0]).toMatchObject({ tag: 'smchat', text: 'text 1', author: { handle: 'user1', name: 'User 1' }, firstSeen: T0, at: T0 });
    expect((await tweetsOfSession(db, sessions[0]!.id)).map((t) => [t.id, t.at])).toEqual([
      ['10', day8],
      ['11', day8 + 5 * MIN],
    ]);
    expect(await countTweets(db, 'smchat')).toBe(5);
    expect(await countTweets(db, 'other')).toBe(1);
    expect(await listSessions(db, 'other')).toHaveLength(1);

    // The migrated data works with the current code: a tweet an hour later joins the migrated session.
    const r = await putTweetBatch(
      db,
      'smchat',
      'b1',
      [{ ...v1Tweet('smchat', '12', day8 + 60 * MIN), tag: undefined } as never],
      day8 + 61 * MIN,
    );
    expect(r).toMatchObject({ ok: true, stored: 1 });
    expect((await listSessions(db, 'smchat')).map((s) => s.tweetCount)).toEqual([3, 3]);
    db.close();

    // Re-opening at the current version changes nothing.
    const again = await openStore('upgrade');
    expect(await countTweets(again, 'smchat')).toBe(6);
    again.close();
  });
});

describe('schema v3 (reminders)', () => {
  it('upgrades a version 2 database (itself upgraded from version 1), keeping its data and adding an empty reminders store', async () => {
    const chat: V1Chat = {
      tag: 'smchat',
      extraTags: [],
      title: 'SM',
      hosts: [],
      muted: [],
      filter: { hideRetweets: false, hideMuted: true, hostsOnly: false },
      chatMode: true,
      createdAt: 1,
      updatedAt: 2,
    };
    await createV1('v2-to-v3', [chat], [v1Tweet('smchat', '1', T0)]);
    const v2 = await openDB<ChatModeDB>('v2-to-v3', 2, { upgrade });
    expect([...v2.objectStoreNames].sort()).toEqual(['batches', 'chats', 'sessions', 'tweets']);
    const r = await putTweetBatch(v2, 'smchat', 'b1', [{ ...v1Tweet('smchat', '2', T0 + MIN), tag: undefined } as never], T0 + MIN);
    expect(r).toMatchObject({ ok: true, stored: 1 });
    v2.close();

    const db = await openStore('v2-to-v3');
    expect(db.version).toBe(3);
    expect(await db.get('chats', 'smchat')).toEqual({ ...chat, autoTag: true, sidebar: { collapsed: false } });
    expect(await countTweets(db, 'smchat')).toBe(2);
    expect((await listSessions(db, 'smchat')).map((s) => s.tweetCount)).toEqual([2]);
    expect(await listReminders(db)).toEqual([]);
    expect(await setReminder(db, 'smchat', 15, 5)).toEqual({ tag: 'smchat', leadMinutes: 15, createdAt: 5, updatedAt: 5 });
    expect(await setReminder(db, 'smchat', 30, 9)).toEqual({ tag: 'smchat', leadMinutes: 30, createdAt: 5, updatedAt: 9 });
    expect(await listReminders(db)).toEqual([{ tag: 'smchat', leadMinutes: 30, createdAt: 5, updatedAt: 9 }]);
    expect(await clearReminder(db, 'smchat')).toBe(true);
    expect(await clearReminder(db, 'smchat')).toBe(false);
    db.close();
  });
});

describe('storeOpener', () => {
  it('shares one connection, steps aside for a newer version and retries a failed open', async () => {
    const { storeOpener } = await import('./db');
    const { deleteDB } = await import('idb');
    const get = storeOpener('opener');
    const a = await get();
    expect(await get()).toBe(a);
    // A newer version (an updated extension) opens: our connection closes itself instead of blocking it.
    const newer = await openDB('opener', DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await expect(get()).rejects.toMatchObject({ name: 'VersionError' });
    await deleteDB('opener');
    const b = await get();
    expect(b).not.toBe(a);
    expect(b.version).toBe(DB_VERSION);
    b.close();
  });
});
