// IndexedDB schema of the background store, versioned. Each version's upgrade step is kept forever so
// any older database upgrades step by step to the current one, keeping its data.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { tweetTimeMs } from '../chat/times';
import type { Handle, Tag } from '../chat/types';
import type { ChatSession, ChatSettings, Reminder, StoredTweetInput } from '../protocol/domain';

export const DB_NAME = 'chat-mode';
export const DB_VERSION = 3;

/** Tweets less than this far apart share a rolling session. */
export const ROLLING_GAP_MS = 2 * 60 * 60 * 1000;

/** A tweet as stored (v2): the tweet as read, its chat, its session and when we first saw it. */
export interface StoredTweet extends StoredTweetInput {
  tag: Tag;
  sessionId: string;
  firstSeen: number;
  /** Effective time in epoch ms: the tweet's own time, or `firstSeen` when the page shows none we can believe. */
  at: number;
}

/** A processed `tweets/put` batch, so a re-sent batch is a no-op. */
export interface BatchRecord {
  id: string;
  tag: Tag;
  at: number;
  stored: number;
  duplicates: number;
}

export interface ChatModeDB extends DBSchema {
  chats: { key: Tag; value: ChatSettings };
  tweets: {
    key: [Tag, string];
    value: StoredTweet;
    indexes: { 'by-tag-at': [Tag, number]; 'by-session-at': [string, number] };
  };
  sessions: { key: string; value: ChatSession; indexes: { 'by-tag-start': [Tag, number] } };
  batches: { key: string; value: BatchRecord; indexes: { 'by-at': number } };
  /** v3: the user's reminders, one per chat. */
  reminders: { key: Tag; value: Reminder };
}

export type StoreDB = IDBPDatabase<ChatModeDB>;

// ---------------------------------------------------------------------------------------------
// Version 1 (the first release): chats + tweets, no sessions. Record shapes frozen here for the migration.
// ---------------------------------------------------------------------------------------------

export interface V1Chat {
  tag: Tag;
  extraTags: Tag[];
  title: string;
  hosts: Handle[];
  muted: Handle[];
  filter: ChatSettings['filter'];
  chatMode: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface V1Tweet extends StoredTweetInput {
  tag: Tag;
  firstSeen: number;
}

// The upgrade transaction is untyped across versions: older versions had other stores and indexes.
type AnyDB = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

function upgradeToV1(db: AnyDB): void {
  db.createObjectStore('chats', { keyPath: 'tag' });
  const tweets = db.createObjectStore('tweets', { keyPath: ['tag', 'id'] });
  tweets.createIndex('by-tag', 'tag');
}

/**
 * Effective time of a tweet in epoch ms: its own time, or when it was first seen when it has none or
 * one that cannot be true (unparsable, before the first tweet, or ahead of when it was seen).
 */
function effectiveTime(time: string | null, firstSeen: number): number {
  return tweetTimeMs(time, firstSeen);
}

export function rollingSessionId(tag: Tag, start: number): string {
  return `${tag}:${start}`;
}

/**
 * v2: sessions, processed batches, tweets indexed by chat+time and session+time. Existing tweets get
 * `at` and are grouped into rolling sessions; existing chats get the new settings `autoTag` and `sidebar`.
 */
function upgradeToV2(db: AnyDB, tx: AnyTx): Promise<void> {
  const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
  sessions.createIndex('by-tag-start', ['tag', 'start']);
  const batches = db.createObjectStore('batches', { keyPath: 'id' });
  batches.createIndex('by-at', 'at');
  const tweets = tx.objectStore('tweets');
  tweets.deleteIndex('by-tag');
  tweets.createIndex('by-tag-at', ['tag', 'at']);
  tweets.createIndex('by-session-at', ['sessionId', 'at']);

  const migrateChats = async () => {
    let cursor = await tx.objectStore('chats').openCursor();
    while (cursor) {
      const old = cursor.value as V1Chat & Partial<ChatSettings>;
      const chat: ChatSettings = { ...old, autoTag: old.autoTag ?? true, sidebar: old.sidebar ?? { collapsed: false } };
      await cursor.update(chat);
      cursor = await cursor.continue();
    }
  };

  const migrateTweets = async () => {
    const byTag = new Map<Tag, StoredTweet[]>();
    let cursor = await tweets.openCursor();
    while (cursor) {
      const old = cursor.value as V1Tweet;
      const t: StoredTweet = { ...old, sessionId: '', at: effectiveTime(old.time, old.firstSeen) };
      const list = byTag.get(t.tag) ?? [];
      list.push(t);
      byTag.set(t.tag, list);
      cursor = await cursor.continue();
    }
    for (const [tag, list] of byTag) {
      list.sort((a, b) => a.at - b.at);
      let current: ChatSession | undefined;
      for (const t of list) {
        if (!current || t.at - current.end > ROLLING_GAP_MS) {
          if (current) await tx.objectStore('sessions').put(current);
          current = { id: rollingSessionId(tag, t.at), tag, start: t.at, end: t.at, kind: 'rolling', tweetCount: 0 };
        }
        current.end = t.at;
        current.tweetCount++;
        t.sessionId = current.id;
        await tweets.put(t);
      }
      if (current) await tx.objectStore('sessions').put(current);
    }
  };

  return migrateChats().then(migrateTweets);
}

/** v3: reminders (a new, empty store; nothing to migrate). */
function upgradeToV3(db: AnyDB): void {
  db.createObjectStore('reminders', { keyPath: 'tag' });
}

/** idb `upgrade` callback: runs every step from `oldVersion` to the current version. */
export function upgrade(
  database: IDBPDatabase<ChatModeDB>,
  oldVersion: number,
  newVersion: number | null,
  transaction: IDBPTransaction<ChatModeDB, StoreNames<ChatModeDB>[], 'versionchange'>,
): void {
  const db = database as unknown as AnyDB;
  const tx = transaction as unknown as AnyTx;
  // Up to the version asked for (the current one in the extension; an older one in the upgrade tests).
  const target = newVersion ?? DB_VERSION;
  let migration = Promise.resolve();
  if (oldVersion < 1 && target >= 1) upgradeToV1(db);
  if (oldVersion < 2 && target >= 2) migration = upgradeToV2(db, tx);
  if (oldVersion < 3 && target >= 3) upgradeToV3(db);
  // A failed data migration must abort the upgrade (the old database stays as it was), not half-apply.
  migration.catch((e: unknown) => {
    console.error('chat-mode: database upgrade failed', e);
    try {
      tx.abort();
    } catch {
      // already finished
    }
  });
}
