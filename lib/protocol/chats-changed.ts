// How the background tells open x.com tabs that chats' settings changed (the options page, the popup,
// an import), so they re-read them at once instead of at their next reload. The bus is an entry of
// `storage.local`: content scripts hear `storage.onChanged` without any further permission (messages
// to tabs would need the `tabs` permission to find them), and it works whether or not the worker
// still runs when the tab reads. The tabs re-read the chat with `chat/get`: the entry names chats, never settings.
import type { Tag } from '../chat/types';
import type { Request } from './requests';
import { isRecord, TAG_RE } from './validation';

const KEY = 'chats-changed';
/** Most tags one announcement names; more is read as a malformed value. */
const MAX_TAGS = 64;

/** The chats whose settings changed; 'all': any chat may have (an import). */
export type ChangedChats = readonly Tag[] | 'all';

/** The chats a successful write request changed; null: no chat's settings (a reminder). */
export function changedBy(request: Request): ChangedChats | null {
  if (request.type === 'chat/update' || request.type === 'chat/delete') return [request.tag];
  if (request.type === 'chats/import') return 'all';
  return null;
}

interface AnnounceArea {
  set(items: Record<string, unknown>): Promise<void>;
}

/** The handler's `afterWrite` part that announces the chats a write request changed; `chats` announces chats changed otherwise (by sync). */
export type ChatsChangedAnnouncer = ((request: Request) => Promise<void>) & { chats(tags: ChangedChats): Promise<void> };

/**
 * Announces changed chats in `area` (`browser.storage.local`). `at` and `seq` make each announcement
 * a new value: storage does not report a write of an equal one. More chats than one announcement
 * names are announced as 'all'.
 */
export function chatsChangedAnnouncer(area: AnnounceArea, now: () => number = Date.now): ChatsChangedAnnouncer {
  let seq = 0;
  const chats = async (tags: ChangedChats) => {
    await area.set({ [KEY]: { tags: tags !== 'all' && tags.length > MAX_TAGS ? 'all' : tags, at: now(), seq: ++seq } });
  };
  const afterWrite = async (request: Request) => {
    const tags = changedBy(request);
    if (tags) await chats(tags);
  };
  return Object.assign(afterWrite, { chats });
}

/** The announced chats in a stored value, or null if it is not an announcement this extension writes. */
export function parseChatsChanged(value: unknown): ChangedChats | null {
  if (!isRecord(value)) return null;
  const { tags } = value;
  if (tags === 'all') return 'all';
  if (!Array.isArray(tags) || tags.length > MAX_TAGS) return null;
  return tags.every((tag) => typeof tag === 'string' && TAG_RE.test(tag)) ? (tags as Tag[]) : null;
}

type StorageChanges = Record<string, { newValue?: unknown }>;

interface StorageEvents {
  onChanged: {
    addListener(listener: (changes: StorageChanges, areaName: string) => void): void;
    removeListener(listener: (changes: StorageChanges, areaName: string) => void): void;
  };
}

/** Calls `listener` with each announcement made in `storage.local` (`browser.storage`) until `signal` aborts. */
export function listenForChatsChanged(storage: StorageEvents, listener: (tags: ChangedChats) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onChanged = (changes: StorageChanges, areaName: string): void => {
    if (areaName !== 'local' || !(KEY in changes)) return;
    const tags = parseChatsChanged(changes[KEY].newValue);
    if (tags) listener(tags);
  };
  storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(onChanged), { once: true });
}
