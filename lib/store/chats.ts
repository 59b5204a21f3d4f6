// Per-chat settings, created from the directory on first use.
import { DEFAULT_FILTER_OPTIONS, type ChatDefinition, type Tag } from '../chat/types';
import type { ChatSettings, ChatSettingsEditable, ImportedChat } from '../protocol/domain';
import type { StoreDB } from './schema';

/** Finds a chat in the directory (by main or extra tag); undefined if unknown. */
export type LookupChat = (tag: Tag) => ChatDefinition | undefined | Promise<ChatDefinition | undefined>;

/** Settings of a chat the user has not changed yet. */
// Chat mode is something the user turns on for a chat; once on, auto-tagging is on unless they turn it off.
const DEFAULT_CHAT_FLAGS = { autoTag: true, chatMode: false, sidebar: { collapsed: false } } as const;

export function newChatSettings(tag: Tag, definition: ChatDefinition | undefined, now: number): ChatSettings {
  const extraTags = new Set(definition?.extraTags.map((t) => t.toLowerCase()) ?? []);
  // Looked up by an edition tag: keep the directory's main tag as an extra tag.
  if (definition && definition.tag.toLowerCase() !== tag) extraTags.add(definition.tag.toLowerCase());
  extraTags.delete(tag);
  return {
    tag,
    extraTags: [...extraTags],
    title: definition?.title ?? `#${tag}`,
    hosts: [...new Set(definition?.hosts.map((h) => h.toLowerCase()) ?? [])],
    muted: [],
    filter: { ...DEFAULT_FILTER_OPTIONS },
    autoTag: DEFAULT_CHAT_FLAGS.autoTag,
    chatMode: DEFAULT_CHAT_FLAGS.chatMode,
    sidebar: { ...DEFAULT_CHAT_FLAGS.sidebar },
    createdAt: now,
    updatedAt: now,
  };
}

export function getChat(db: StoreDB, tag: Tag): Promise<ChatSettings | undefined> {
  return db.get('chats', tag);
}

/** The chat's settings; on first use created from the directory (or defaults when the tag is unknown). */
/**
 * A chat's settings for reading: the stored ones, else the defaults (from the directory) without
 * storing them — visiting a hashtag page must not record it; the first change does.
 */
export async function readChat(db: StoreDB, tag: Tag, lookupChat: LookupChat, now: number): Promise<ChatSettings> {
  return (await db.get('chats', tag)) ?? newChatSettings(tag, await lookupChat(tag), now);
}

async function getOrCreateChat(db: StoreDB, tag: Tag, lookupChat: LookupChat, now: number): Promise<ChatSettings> {
  const existing = await db.get('chats', tag);
  if (existing) return existing;
  // The lookup may not be IndexedDB work, so it runs before the write transaction, which re-checks.
  const created = newChatSettings(tag, await lookupChat(tag), now);
  const tx = db.transaction('chats', 'readwrite');
  const raced = await tx.store.get(tag);
  if (!raced) await tx.store.add(created);
  await tx.done;
  return raced ?? created;
}

export async function updateChat(
  db: StoreDB,
  tag: Tag,
  patch: Partial<ChatSettingsEditable>,
  lookupChat: LookupChat,
  now: number,
): Promise<ChatSettings> {
  await getOrCreateChat(db, tag, lookupChat, now);
  const tx = db.transaction('chats', 'readwrite');
  const current = await tx.store.get(tag);
  if (!current) throw new Error(`chat #${tag} vanished during update`);
  const next = patched(current, patch, now);
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** `current` with `patch` applied: the tag and creation time stay; the update time never goes back. */
function patched(current: ChatSettings, patch: Partial<ChatSettingsEditable>, now: number): ChatSettings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ChatSettingsEditable>;
  return { ...current, ...defined, tag: current.tag, createdAt: current.createdAt, updatedAt: Math.max(now, current.updatedAt) };
}

/**
 * Applies a settings import in one transaction: every chat is written, or — when any write fails —
 * none, and the store is as it was. Chats not stored yet start from the directory's defaults.
 */
export async function importChats(
  db: StoreDB,
  chats: readonly ImportedChat[],
  lookupChat: LookupChat,
  now: number,
): Promise<ChatSettings[]> {
  // The lookups may not be IndexedDB work, so they run before the transaction (which must not wait on anything else).
  const definitions = await Promise.all(chats.map((chat) => lookupChat(chat.tag)));
  const tx = db.transaction('chats', 'readwrite');
  const done = tx.done;
  try {
    const written: ChatSettings[] = [];
    for (const [i, { tag, patch }] of chats.entries()) {
      const current = (await tx.store.get(tag)) ?? newChatSettings(tag, definitions[i], now);
      const next = patched(current, patch, now);
      await tx.store.put(next);
      written.push(next);
    }
    await done;
    return written;
  } catch (e) {
    // A failed request aborts the transaction by itself; anything else must not leave the writes before it.
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    await done.catch(() => undefined);
    throw e;
  }
}

/**
 * A chat as sync has it, on this device: the synced settings over the defaults (a setting sync lacks is
 * not kept from before: the newer side wins whole), this device's sidebar and creation time kept.
 */
export function chatFromSync(
  tag: Tag,
  settings: ImportedChat['patch'],
  at: number,
  current: ChatSettings | undefined,
  definition: ChatDefinition | undefined,
): ChatSettings {
  const defaults = newChatSettings(tag, definition, at);
  return {
    ...defaults,
    ...settings,
    tag,
    sidebar: current?.sidebar ?? defaults.sidebar,
    createdAt: current?.createdAt ?? at,
    updatedAt: Math.max(at, current?.updatedAt ?? at),
  };
}

/**
 * Writes `next` as the chat, or deletes it (undefined), only if the chat is still as it was read
 * (`expected`: its update time then, undefined when it was not stored): a change made meanwhile is
 * kept. Whether it wrote.
 */
export async function replaceChatIf(db: StoreDB, tag: Tag, expected: number | undefined, next: ChatSettings | undefined): Promise<boolean> {
  const tx = db.transaction('chats', 'readwrite');
  const current = await tx.store.get(tag);
  const unchanged = current?.updatedAt === expected;
  if (unchanged && next) await tx.store.put(next);
  else if (unchanged && current) await tx.store.delete(tag);
  await tx.done;
  return unchanged;
}

export async function listChats(db: StoreDB): Promise<ChatSettings[]> {
  return db.getAll('chats');
}
