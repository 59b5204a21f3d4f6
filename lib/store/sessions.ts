// Sessions: one occurrence of a chat, so a transcript is one evening's chat, not everything ever seen.
import type { IDBPTransaction } from 'idb';
import type { Tag } from '../chat/types';
import type { ChatSession, ChatSettings } from '../protocol/domain';
import { ROLLING_GAP_MS, rollingSessionId, type ChatModeDB, type StoreDB } from './schema';

/**
 * The chat's scheduled occurrence containing `tweetTime` (epoch ms), or null/undefined when the
 * tweet is outside any (it then falls into a rolling session). Must be synchronous (it runs inside
 * an IndexedDB transaction) and return ids matching /^[\p{L}\p{N}_:.-]{1,200}$/u, e.g. `sm:1714604400000`.
 * `chat` is the chat's stored settings (read in the same transaction), undefined if it has none, so
 * the user's own schedule (`chat.schedule`) can take precedence over the directory's.
 */
export type SessionFor = (
  tag: Tag,
  tweetTime: number,
  chat?: ChatSettings,
) => { id: string; start: number; end: number } | null | undefined;

/** The `tweets/put` transaction; `chats` is only read (the chat's own schedule, for `SessionFor`). */
export type WriteTx = IDBPTransaction<ChatModeDB, ('tweets' | 'sessions' | 'batches' | 'chats')[], 'readwrite'>;

/** Key range over one chat in a `[tag, number]` index. */
export const allOfTag = (tag: string): IDBKeyRange => IDBKeyRange.bound([tag, -Infinity], [tag, Infinity]);

/**
 * Assigns tweets of one chat to sessions within a write transaction; `save()` writes what changed.
 * It starts from all the chat's stored sessions, read by the caller in the same transaction together
 * with its other reads (one request for a chat's few sessions; the cap check needs them all anyway).
 */
export class SessionAssigner {
  private readonly cache = new Map<string, ChatSession>();
  readonly touched = new Set<string>();

  constructor(
    private readonly tx: WriteTx,
    private readonly tag: Tag,
    /** All the chat's stored sessions (`by-tag-start` over `allOfTag(tag)`). */
    stored: readonly ChatSession[],
    private readonly sessionFor?: SessionFor,
    private readonly gapMs: number = ROLLING_GAP_MS,
    /** The chat's stored settings, passed on to `sessionFor`. */
    private readonly chat?: ChatSettings,
  ) {
    // Latest first, as they were once read backwards from the batch's time: of two rolling sessions
    // equally near a tweet, the later one takes it.
    for (let i = stored.length - 1; i >= 0; i--) this.cache.set(stored[i]!.id, stored[i]!);
  }

  /**
   * The session of each tweet time in `times`, in order. The only reads are of scheduled occurrences
   * not among the chat's sessions (new ones, usually absent), all made at once.
   */
  async assignAll(times: readonly number[]): Promise<ChatSession[]> {
    const occurrences = times.map((at) => this.sessionFor?.(this.tag, at, this.chat));
    const store = this.tx.objectStore('sessions');
    const reads: Promise<unknown>[] = [];
    const asked = new Set<string>();
    for (const o of occurrences) {
      if (!o || this.cache.has(o.id) || asked.has(o.id)) continue;
      asked.add(o.id);
      reads.push(
        store.get(o.id).then((s) => {
          if (s) this.cache.set(s.id, s);
        }),
      );
    }
    await Promise.all(reads);
    return times.map((at, i) => this.assignLoaded(at, occurrences[i]));
  }

  /** The chat's sessions as this batch leaves them, in `by-tag-start` order (start, then id). */
  sessionsOfChat(): ChatSession[] {
    return [...this.cache.values()]
      .filter((s) => s.tag === this.tag)
      .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Assigns one tweet time; the sessions it can fall into are in the cache (see `assignAll`). */
  private assignLoaded(at: number, occurrence: ReturnType<SessionFor>): ChatSession {
    if (occurrence) {
      let s = this.cache.get(occurrence.id);
      s ??= { id: occurrence.id, tag: this.tag, start: occurrence.start, end: occurrence.end, kind: 'scheduled', tweetCount: 0 };
      this.cache.set(s.id, s);
      this.touched.add(s.id);
      return s;
    }
    let best: ChatSession | undefined;
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

  /** Writes the sessions that changed; the puts are made at once (a transaction keeps their order). */
  save(): Promise<unknown> {
    const store = this.tx.objectStore('sessions');
    const puts: Promise<unknown>[] = [];
    for (const id of this.touched) {
      const s = this.cache.get(id);
      if (s) puts.push(store.put(s));
    }
    return Promise.all(puts);
  }
}

/** The chat's sessions, newest first. */
export async function listSessions(db: StoreDB, tag: Tag): Promise<ChatSession[]> {
  const sessions = await db.getAllFromIndex('sessions', 'by-tag-start', allOfTag(tag));
  return sessions.reverse();
}

export function getSession(db: StoreDB, id: string): Promise<ChatSession | undefined> {
  return db.get('sessions', id);
}
