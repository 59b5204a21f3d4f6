// Housekeeping for the extension's pages: forgetting a chat, clearing old transcripts, counting what is stored.
import type { Tag } from '../chat/types';
import type { StoreStats } from '../protocol/domain';
import type { StoreDB } from './schema';
import { allOfTag } from './sessions';

/** Forgets a chat's settings; its stored sessions and tweets stay (they can be cleared separately). */
export async function deleteChat(db: StoreDB, tag: Tag): Promise<boolean> {
  const tx = db.transaction('chats', 'readwrite');
  const existed = (await tx.store.getKey(tag)) !== undefined;
  if (existed) await tx.store.delete(tag);
  await tx.done;
  return existed;
}

/** Deletes the sessions that ended before `before` (of one chat, or of all), with their tweets. */
export async function clearSessions(db: StoreDB, before: number, tag?: Tag): Promise<{ sessions: number; tweets: number }> {
  const tx = db.transaction(['sessions', 'tweets'], 'readwrite');
  const sessionStore = tx.objectStore('sessions');
  const all = tag === undefined ? await sessionStore.getAll() : await sessionStore.index('by-tag-start').getAll(allOfTag(tag));
  let sessions = 0;
  let tweets = 0;
  for (const session of all) {
    if (!(session.end < before)) continue;
    let cursor = await tx
      .objectStore('tweets')
      .index('by-session-at')
      .openCursor(IDBKeyRange.bound([session.id, -Infinity], [session.id, Infinity]));
    while (cursor) {
      await cursor.delete();
      tweets++;
      cursor = await cursor.continue();
    }
    await sessionStore.delete(session.id);
    sessions++;
  }
  await tx.done;
  return { sessions, tweets };
}

export async function storeStats(db: StoreDB): Promise<StoreStats> {
  const [chats, sessions, tweets] = await Promise.all([db.count('chats'), db.count('sessions'), db.count('tweets')]);
  return { chats, sessions, tweets };
}
