// Builders for the unit tests' data: each returns a valid value with neutral defaults, so a test
// spells out only what it is about.
import { afterEach, beforeEach } from 'vitest';
import type { Tweet } from '@/lib/chat/types';
import type { ChatSettings, StoredTweetInput } from '@/lib/protocol/domain';
import { openStore } from '@/lib/store/db';
import type { StoreDB, StoredTweet } from '@/lib/store/schema';
import type { KeyValueStorage } from '@/lib/tab-storage';

/** A chat's stored settings as a user who changed nothing has them, with `over` applied. */
export function chatSettings(tag: string, over: Partial<ChatSettings> = {}): ChatSettings {
  return {
    tag,
    extraTags: [],
    title: `#${tag}`,
    hosts: [],
    muted: [],
    filter: { hideRetweets: false, hideMuted: true, hostsOnly: false },
    autoTag: true,
    chatMode: false,
    sidebar: { collapsed: false },
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

let nextTweetId = 1000;

/** A tweet as read from the timeline; `author` may be just a handle. Each call gets a new id. */
export function tweet(partial: Partial<Omit<Tweet, 'author'>> & { author?: string | Tweet['author'] } = {}): Tweet {
  const { author, ...rest } = partial;
  const handle = typeof author === 'string' ? author : (author?.handle ?? 'someone');
  return {
    id: String(nextTweetId++),
    author: typeof author === 'object' ? author : { handle, name: handle },
    time: '2026-03-08T01:00:00.000Z',
    text: '',
    kind: 'tweet',
    ...rest,
  };
}

/** A tweet as the content script sends it to the store: tweet `id` by `@u<id>`, posted at `at` (ms). */
export function tweetInput(id: number | string, at: number, over: Partial<StoredTweetInput> = {}): StoredTweetInput {
  return {
    id: String(id),
    author: { handle: `u${id}`, name: `U ${id}` },
    time: new Date(at).toISOString(),
    text: `t${id}`,
    kind: 'tweet',
    ...over,
  };
}

/** A tweet as the store keeps it: first seen at the time it was posted, in chat `smchat`. */
export function storedTweet(id: number | string, at: number, over: Partial<StoredTweet> = {}): StoredTweet {
  return { ...tweetInput(id, at), tag: 'smchat', sessionId: 'smchat:1', firstSeen: at, at, ...over };
}

/** The author fields of a tweet by `handle`, named as the handle in capitals. */
export const by = (handle: string): Pick<Tweet, 'author'> => ({ author: { handle, name: handle.toUpperCase() } });

let databases = 0;

/**
 * Gives each test of the calling file a fresh store database (a new name each time, so nothing
 * carries over) and closes it after the test. `opened` receives it before the test's own hooks run.
 */
export function useTestDatabase(opened: (db: StoreDB) => void): void {
  let db: StoreDB | undefined;
  beforeEach(async () => {
    db = await openStore(`test-${++databases}`);
    opened(db);
  });
  afterEach(() => db?.close());
}

/** A key-value storage in memory that counts what is written and can be made full. */
export function memoryStorage() {
  const data = new Map<string, string>();
  const state = { written: 0, full: false };
  const storage: KeyValueStorage = {
    keys: () => [...data.keys()],
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, value) => {
      if (state.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const v = typeof value === 'string' ? value : value();
      state.written += k.length + v.length;
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
  return { ...storage, data, state };
}
