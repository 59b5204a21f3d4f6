// Sessions: one occurrence of a chat, so a transcript is one evening's chat, not everything ever seen.
import type { IDBPTransaction } from 'idb';
import type { Tag } from '../chat/types';
import type { ChatSettings, Session } from '../messages';
import { ROLLING_GAP_MS, rollingSessionId, type ChatModeDB, type StoreDB } from './schema';

/**
 * The chat's scheduled occurrence containing `tweetTime` (epoch ms), or null/undefined when the
 * tweet is outside any (it then falls into a rolling session). Must be synchronous (it runs inside
 * an IndexedDB transaction) and return ids matching /^[\p{L}\p{N}_:.-]{1,200}$/u, e.g. `sm:1714604400000`.
 * `chat` is the chat's stored settings (read in the same transaction), undefined if it has none, so
 * the user's own schedule (`chat.schedule`) can take precedence over the directory's.
 */
export type SessionFor = (tag: Tag, tweetTime: number, chat?: ChatSettings) => { id: string; start: number; end: number } | null | undefined;

/** The `tweets/put` transaction; `chats` is only read (the chat's own schedule, for `SessionFor`). */
export type WriteTx = IDBPTransaction<ChatModeDB, ('tweets' | 'sessions' | 'batches' | 'chats')[], 'readwrite'>;

/** Key range over one chat in a `[tag, number]` index. */
export const allOfTag = (tag: string): IDBKeyRange => IDBKeyRange.bound([tag, -Infinity], [tag, Infinity]);

/** Assigns tweets of one chat to sessions within a write transaction; `save()` writes what changed. */
export class SessionAssigner {
  private readonly cache = new Map<string, Session>();
  private loaded = false;
  readonly touched = new Set<string>();

  constructor(
    private readonly tx: WriteTx,
    private readonly tag: Tag,
    /** Earliest and latest tweet time of the batch, to load only the sessions that can matter. */
    private readonly range: { min: number; max: number },
    private readonly sessionFor?: SessionFor,
    private readonly gapMs: number = ROLLING_GAP_MS,
    /** The chat's stored settings, passed on to `sessionFor`. */
    private readonly chat?: ChatSettings,
  ) {}

  private async loadRolling(): Promise<void> {
    this.loaded = true;
    const index = this.tx.objectStore('sessions').index('by-tag-start');
    const upper = IDBKeyRange.bound([this.tag, -Infinity], [this.tag, this.range.max + this.gapMs]);
    let cursor = await index.openCursor(upper, 'prev');
    while (cursor) {
      const s = cursor.value;
      if (!this.cache.has(s.id)) this.cache.set(s.id, s);
      // Rolling sessions don't overlap: once one ends before the batch's window, older ones do too.
      if (s.kind === 'rolling' && s.end < this.range.min - this.gapMs) break;
      cursor = await cursor.continue();
    }
  }

  async assign(at: number): Promise<Session> {
    const occurrence = this.sessionFor?.(this.tag, at, this.chat);
    if (occurrence) {
      let s = this.cache.get(occurrence.id) ?? (await this.tx.objectStore('sessions').get(occurrence.id));
      s ??= { id: occurrence.id, tag: this.tag, start: occurrence.start, end: occurrence.end, kind: 'scheduled', tweetCount: 0 };
      this.cache.set(s.id, s);
      this.touched.add(s.id);
      return s;
    }
    if (!this.loaded) await this.loadRolling();
    let best: Session | undefined;
    let bestDistance = Infinity;
    for (const s of this.cache.values()) {
      if (s.kind !== 'rolling' || s.tag !== this.tag) continue;
      const distance = at < s.start ? s.start - at : at > s.end ? at - s.end : 0;
      if (distance <= this.gapMs && distance < bestDistance) {
        best = s;
        bestDistance = distance;
      }
    }
    if (!best) {
      best = { id: rollingSessionId(this.tag, at), tag: this.tag, start: at, end: at, kind: 'rolling', tweetCount: 0 };
      this.cache.set(best.id, best);
    }
    best.start = Math.min(best.start, at);
    best.end = Math.max(best.end, at);
    this.touched.add(best.id);
    return best;
  }

  async save(): Promise<void> {
    const store = this.tx.objectStore('sessions');
    for (const id of this.touched) {
      const s = this.cache.get(id);
      if (s) await store.put(s);
    }
  }
}

/** The chat's sessions, newest first. */
export async function listSessions(db: StoreDB, tag: Tag): Promise<Session[]> {
  const sessions = await db.getAllFromIndex('sessions', 'by-tag-start', allOfTag(tag));
  return sessions.reverse();
}

export function getSession(db: StoreDB, id: string): Promise<Session | undefined> {
  return db.get('sessions', id);
}
