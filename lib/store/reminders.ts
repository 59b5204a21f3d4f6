// The user's reminders (IndexedDB `reminders` store, v3): one per chat, keyed by tag. Arming the
// alarms is the background's job (lib/reminders/service.ts); this is storage only.
import type { Tag } from '../chat/types';
import type { Reminder } from '../protocol/domain';
import type { StoreDB } from './schema';

export function listReminders(db: StoreDB): Promise<Reminder[]> {
  return db.getAll('reminders');
}

export function getReminder(db: StoreDB, tag: Tag): Promise<Reminder | undefined> {
  return db.get('reminders', tag);
}

/** Sets (or changes the lead of) the chat's reminder. */
export async function setReminder(db: StoreDB, tag: Tag, leadMinutes: number, now: number): Promise<Reminder> {
  const tx = db.transaction('reminders', 'readwrite');
  const existing = await tx.store.get(tag);
  const reminder: Reminder = {
    tag,
    leadMinutes,
    createdAt: existing?.createdAt ?? now,
    updatedAt: Math.max(now, existing?.updatedAt ?? now),
  };
  await tx.store.put(reminder);
  await tx.done;
  return reminder;
}

/** Removes the chat's reminder; whether there was one. */
export async function clearReminder(db: StoreDB, tag: Tag): Promise<boolean> {
  const tx = db.transaction('reminders', 'readwrite');
  const existed = (await tx.store.getKey(tag)) !== undefined;
  if (existed) await tx.store.delete(tag);
  await tx.done;
  return existed;
}
