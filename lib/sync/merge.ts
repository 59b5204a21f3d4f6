// Keeping chats' settings in the browser's sync storage: what one item holds, how an item another
// device wrote is read, and how this device's chats and the synced ones are merged. Pure: the
// background's adapter (./service) reads both sides, applies the plan and remembers the base.
//
// One item per chat, `chat:<tag>`: `{ v: 1, at, chat }` with the chat's settings (the settings file's
// fields: not the device's collapsed sidebar, never transcripts), or `{ v: 1, at, deleted: true }`, a
// tombstone, so a deletion reaches the other devices. `at` is when the device that wrote it last
// changed the chat. Merging is three-way against the base, each chat's state when this device and sync
// last agreed: the side that changed since wins; when both did, the later change wins. Clocks only
// decide real conflicts, so a device whose clock is off cannot undo later edits made elsewhere.
import type { Tag } from '../chat/types';
import type { ChatSettings, ImportedChat } from '../protocol/domain';
import { parseRequest } from '../protocol/parse-request';
import { EXPORTED_KEYS } from '../pages/settings-file';
import { isRecord, tag as validTag } from '../protocol/validation';

export const ITEM_PREFIX = 'chat:';
const ITEM_VERSION = 1;
/** The browsers' limit for one item of `storage.sync` (key and JSON value), in bytes: 8 KB in Chrome and Firefox. */
export const MAX_ITEM_BYTES = 8192;
/** Tombstones are forgotten after this long; a device away for longer finds the chat gone anyway (it is not in sync). */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Most tombstones kept (sync holds at most 512 items); the oldest go first. */
export const MAX_TOMBSTONES = 100;
/** An item claiming a change further ahead of this device's clock than this is not believed (garbage, not skew). */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The settings of a chat that sync: as in a settings file. */
export type SyncedSettings = ImportedChat['patch'];

/** A chat on one side: its settings and when they last changed, deleted (a tombstone) at a time, or unknown there. */
export type ChatState = { settings: SyncedSettings; at: number } | { deleted: true; at: number };

/** What a `chat:` item of sync holds, read: a chat's state, or why it cannot be used. */
export type ReadItem = ChatState | { unreadable: 'newer' | 'invalid' };

export function itemKey(tag: Tag): string {
  return ITEM_PREFIX + tag;
}

/** The synced part of a chat's settings. */
export function syncedSettings(chat: ChatSettings): SyncedSettings {
  const out: SyncedSettings = {};
  for (const key of EXPORTED_KEYS) if (chat[key] !== undefined) (out as Record<string, unknown>)[key] = chat[key];
  return out;
}

/** The value stored for a chat's state. */
export function itemValue(state: ChatState): Record<string, unknown> {
  return 'deleted' in state ? { v: ITEM_VERSION, at: state.at, deleted: true } : { v: ITEM_VERSION, at: state.at, chat: state.settings };
}

/** Bytes an item takes against `MAX_ITEM_BYTES`: its key and its value as JSON, in UTF-8. */
function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** A tag as the validator leaves it (a `chat:` key with another is broken). */
function isNormalisedTag(key: string): boolean {
  try {
    return validTag(key, 'key') === key;
  } catch {
    return false;
  }
}

/**
 * Reads an item another device (or another version) wrote: hostile input. The settings go through the
 * validation of a settings import; a newer format is left alone; anything else wrong is 'invalid'.
 */
function readItem(tag: Tag, value: unknown, now: number): ReadItem {
  if (!isRecord(value)) return { unreadable: 'invalid' };
  const { v, at } = value;
  if (typeof v === 'number' && Number.isInteger(v) && v > ITEM_VERSION) return { unreadable: 'newer' };
  if (v !== ITEM_VERSION || typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > now + MAX_CLOCK_AHEAD_MS) {
    return { unreadable: 'invalid' };
  }
  if (value.deleted === true) return { deleted: true, at };
  const parsed = parseRequest({ type: 'chats/import', chats: [{ tag, patch: value.chat }] });
  const chat = parsed.ok && parsed.request.type === 'chats/import' ? parsed.request.chats[0] : undefined;
  return chat ? { settings: chat.patch, at } : { unreadable: 'invalid' };
}

/** JSON with object keys in order, so equal settings give equal text whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a chat's state is, for comparing: deleted and unknown are alike. */
const GONE = '-';

/** A short fingerprint of a chat's settings (two 32-bit FNV-1a hashes), or GONE. */
export function digestOf(state: ChatState | undefined): string {
  if (!state || 'deleted' in state) return GONE;
  const text = canonical(state.settings);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + '.' + (b >>> 0).toString(36);
}

/** A chat as this device and sync last agreed on it: its digest, and the time of the change they agreed on. */
export interface BaseEntry {
  digest: string;
  at: number;
}

export interface MergeInput {
  /** This device's chats and its deletions not yet settled. */
  local: ReadonlyMap<Tag, ChatState>;
  /** Everything sync holds (`storage.sync.get(null)`): only the `chat:` items are read. */
  synced: Readonly<Record<string, unknown>>;
  /** Each chat as both sides last agreed (none: they never did, or the chat was gone on both). */
  base: Readonly<Record<Tag, BaseEntry>>;
  now: number;
}

export interface MergePlan {
  /** Chats to write on this device from sync (a deletion included). */
  pull: Array<{ tag: Tag; state: ChatState }>;
  /** Items to set in sync (key → value). */
  push: Record<string, Record<string, unknown>>;
  /** Keys to remove from sync: expired or surplus tombstones, broken items with no chat to replace them. */
  remove: string[];
  /** The base once the plan is applied (a chat whose pull or push fails keeps its old one). */
  base: Record<Tag, BaseEntry>;
  /** Chats too large for one item: they stay on this device only. */
  tooLarge: Array<{ tag: Tag; bytes: number }>;
}

/**
 * Merges this device's chats with sync's. The time of a change written to sync is never before the
 * change it was made on (at least one more than the base's), so what was changed on top of an item
 * always reads as later than it, whatever the devices' clocks say. Two devices writing at once
 * (sync cannot compare-and-set) show as an item older than the base: that is a conflict, and the
 * later change is written again.
 */
export function merge({ local, synced, base, now }: MergeInput): MergePlan {
  const plan: MergePlan = { pull: [], push: {}, remove: [], base: {}, tooLarge: [] };
  const remote = new Map<Tag, ReadItem>();
  for (const [key, value] of Object.entries(synced)) {
    if (!key.startsWith(ITEM_PREFIX)) continue;
    const tag = key.slice(ITEM_PREFIX.length);
    if (isNormalisedTag(tag)) remote.set(tag, readItem(tag, value, now));
    else plan.remove.push(key);
  }
  const tags = new Set([...local.keys(), ...remote.keys(), ...Object.keys(base)]);
  const keepBase = (tag: Tag) => {
    const entry = base[tag];
    if (entry) plan.base[tag] = entry;
  };
  const pull = (tag: Tag, state: ChatState) => {
    plan.pull.push({ tag, state });
    if (!('deleted' in state)) plan.base[tag] = { digest: digestOf(state), at: state.at };
  };
  const push = (tag: Tag, state: ChatState) => {
    const key = itemKey(tag);
    const value = itemValue(state);
    const bytes = itemBytes(key, value);
    if (bytes > MAX_ITEM_BYTES) {
      plan.tooLarge.push({ tag, bytes });
      keepBase(tag);
      return;
    }
    plan.push[key] = value;
    if (!('deleted' in state)) plan.base[tag] = { digest: digestOf(state), at: state.at };
  };

  for (const tag of tags) {
    const mine = local.get(tag);
    const read = remote.get(tag);
    const agreed = base[tag];
    if (read && 'unreadable' in read) {
      if (read.unreadable === 'newer') {
        keepBase(tag); // left alone: that version reads it, this one cannot
      } else if (!mine || 'deleted' in mine) {
        plan.remove.push(itemKey(tag)); // broken, and nothing here to replace it
      } else {
        push(tag, mine);
      }
      continue;
    }
    const theirs = read;
    const ours = digestOf(mine);
    const remoteDigest = digestOf(theirs);
    const localChanged = ours !== agreed?.digest;
    // A change made here is later than the one it was made on; an unchanged chat is as old as the base.
    const mineNow: ChatState = mine ?? { deleted: true, at: now };
    const localState: ChatState | undefined = !agreed
      ? mine
      : localChanged
        ? { ...mineNow, at: Math.max(mineNow.at, agreed.at + 1) }
        : { ...mineNow, at: agreed.at };
    if (ours === remoteDigest) {
      if (theirs && !('deleted' in theirs)) plan.base[tag] = { digest: remoteDigest, at: theirs.at };
    } else if (agreed && !localChanged && (!theirs || theirs.at > agreed.at)) {
      // Only sync changed (or its item is gone: an expired tombstone): take it.
      pull(tag, theirs ?? { deleted: true, at: now });
    } else if ((agreed && remoteDigest === agreed.digest) || localWins(localState, theirs)) {
      // Only this device changed (a chat deleted here with no tombstone kept counts as deleted now), or it changed last.
      if (localState) push(tag, localState);
    } else {
      pull(tag, theirs ?? { deleted: true, at: now });
    }
  }
  expireTombstones(plan, remote, now);
  return plan;
}

/** Tombstones expire, and only the newest are kept: in what is pushed, and in what sync holds. */
function expireTombstones(plan: MergePlan, remote: ReadonlyMap<Tag, ReadItem>, now: number): void {
  const tombstones = new Map<Tag, number>();
  for (const [tag, read] of remote) if ('deleted' in read) tombstones.set(tag, read.at);
  for (const [key, value] of Object.entries(plan.push)) {
    const tag = key.slice(ITEM_PREFIX.length);
    if (value.deleted === true) tombstones.set(tag, value.at as number);
    else tombstones.delete(tag);
  }
  const newestFirst = [...tombstones].sort(([, a], [, b]) => b - a);
  for (const [i, [tag, at]] of newestFirst.entries()) {
    if (i < MAX_TOMBSTONES && at >= now - TOMBSTONE_TTL_MS) continue;
    delete plan.push[itemKey(tag)];
    if (remote.has(tag)) plan.remove.push(itemKey(tag));
  }
}

/** The time of a side's last change; unknown sides lose every conflict. */
const timeOf = (state: ChatState | undefined): number => state?.at ?? -Infinity;

/** Which side wins a conflict: the later change, and on a tie the larger digest, so every device picks the same. */
function localWins(local: ChatState | undefined, remote: ChatState | undefined): boolean {
  const dt = timeOf(local) - timeOf(remote);
  if (dt !== 0 && !Number.isNaN(dt)) return dt > 0;
  return digestOf(local) > digestOf(remote);
}
