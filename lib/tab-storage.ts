// The content script's side of `tab/load` / `tab/write`: what this tab keeps across page reloads (its
// chat, its unsent tweets) as a synchronous key-value store. Loaded once from the background, which
// keeps it in extension-only storage under the tab's id; written through to it in order, only what
// changed, coalesced per task (or held `writeDelayMs`) and retried until the background has it. The
// page's own storage is never used: x.com's scripts (and anything injected into x.com) can read and
// write that.
import type { Client } from './protocol/client';
import { LIMITS } from './protocol/requests';
import { backoffMs, PERMANENT_ERRORS, type RetryOptions } from './retry';

/** A value, or how to make it: made once, when first read or sent (never, for one removed before that). */
export type StoredValue = string | (() => string);

export interface KeyValueStorage {
  keys(): string[];
  getItem(key: string): string | null;
  /** May throw (a full storage); callers keep working without it. */
  setItem(key: string, value: StoredValue): void;
  removeItem(key: string): void;
}

export interface TabStorage extends KeyValueStorage {
  /**
   * False while the background refuses to keep this tab's writes (its storage is full): while the
   * latest value written to some group of items (the part of their keys before ':') was refused.
   */
  kept(): boolean;
  /** The page is being hidden (reload, navigation): sends everything not yet written at once, and every later write as it is made. */
  unload(): void;
  /** The page is shown again from the back/forward cache. */
  resume(): void;
}

export interface TabStorageOptions {
  send: Client['send'];
  retry?: RetryOptions;
  /** Jitter source for the retry backoff, in [0, 1). */
  random?: () => number;
  /** How often `tab/load` is tried before starting with nothing (the worker may be restarting). */
  loadAttempts?: number;
  /**
   * How long a write waits before it is sent (0: at the end of the task). Items that live shorter than
   * this (the outbox's tweets, kept only until the background acknowledges them) then cost no message
   * at all: a key set and removed again before its write went out was never the background's. A
   * group's write still goes at once when none of the group's went out for PROBE_EVERY_MS, or its last
   * was refused: so a full storage is known (`kept()`) within seconds, and room again as soon as there is.
   */
  writeDelayMs?: number;
}

export async function openTabStorage(options: TabStorageOptions): Promise<TabStorage> {
  const attempts = options.loadAttempts ?? 4;
  const items = new Map<string, string>();
  for (let attempt = 1; ; attempt++) {
    const reply = await options.send({ type: 'tab/load' });
    if (reply.ok) {
      for (const [key, value] of Object.entries(reply.items)) if (typeof value === 'string') items.set(key, value);
      return createTabStorage(options, items);
    }
    // Without its items the tab starts afresh; they stay with the background for the next page.
    if (attempt >= attempts || PERMANENT_ERRORS.has(reply.error.code)) {
      console.warn(`chat-mode: this tab's kept items could not be read: ${reply.error.message}`);
      return createTabStorage(options, items, false);
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
  }
}

/** A value to set, or null to remove. */
type Op = StoredValue | null;

/** `value` as a string, made at most once however often it is asked for. */
function once(value: StoredValue): StoredValue {
  if (typeof value === 'string') return value;
  let made: string | undefined;
  return () => (made ??= value());
}

const made = (value: StoredValue): string => (typeof value === 'string' ? value : value());

/** At most this long without trying to keep a value of a group (with `writeDelayMs`). */
const PROBE_EVERY_MS = 10_000;

/** The group of an item: the part of its key before ':' (asked for every write: no array made). */
function groupOf(key: string): string {
  const end = key.indexOf(':');
  return end === -1 ? key : key.slice(0, end);
}

/**
 * `loadedItems`: what the background holds for the tab; `loaded` false when that could not be read (then
 * the background may hold any key, and every removal is sent).
 */
export function createTabStorage(options: TabStorageOptions, loadedItems = new Map<string, string>(), loaded = true): TabStorage {
  const items = new Map<string, StoredValue>(loadedItems);
  const writeDelayMs = Math.max(0, options.writeDelayMs ?? 0);
  const baseMs = options.retry?.baseMs ?? 500;
  const maxMs = options.retry?.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  /** Writes not yet sent, in the order made (a key's latest write only), each with when it is due (Date.now() time; 0: at once). */
  let unsent = new Map<string, { op: Op; dueAt: number }>();
  /** Keys the background may hold: loaded from it, or sent to it. */
  const remote = new Set(items.keys());
  let sending: Map<string, Op> | null = null;
  let scheduled = false;
  let delayTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a value of each group was last sent. */
  const groupSentAt = new Map<string, number>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  /** Groups whose latest value written was refused. Per group: a small value that fits (the tab's chat) says nothing of a large one (tweets). */
  const refused = new Set<string>();
  const groupsSet = (ops: Map<string, Op>) => [...ops].flatMap(([key, value]) => (value === null ? [] : [groupOf(key)]));
  let unloading = false;

  const post = (ops: Map<string, Op>) => {
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const [key, value] of ops) {
      if (value === null) remove.push(key);
      else set[key] = made(value);
    }
    return options.send({ type: 'tab/write', set, remove });
  };

  /**
   * Sends at most LIMITS.maxTabWriteItems writes that have waited `writeDelayMs`: one message in flight,
   * so the background applies them in order. Writes still waiting stay behind; the next is timed.
   */
  function pump(): void {
    scheduled = false;
    if (sending || retryTimer !== undefined || unsent.size === 0) return;
    const now = unloading ? Infinity : Date.now();
    const slice = new Map<string, Op>();
    let nextDue = Infinity;
    for (const [key, { op: value, dueAt }] of unsent) {
      if (slice.size >= LIMITS.maxTabWriteItems) break;
      if (dueAt > now) {
        nextDue = Math.min(nextDue, dueAt);
        continue;
      }
      slice.set(key, value);
      unsent.delete(key);
      if (value !== null) {
        remote.add(key);
        groupSentAt.set(groupOf(key), Date.now());
      }
    }
    if (slice.size === 0) {
      if (nextDue !== Infinity && delayTimer === undefined) {
        delayTimer = setTimeout(() => {
          delayTimer = undefined;
          pump();
        }, nextDue - Date.now());
      }
      return;
    }
    sending = slice;
    void post(slice).then((reply) => {
      sending = null;
      if (reply.ok) {
        // Removals succeed in a full storage too: only a value kept shows there is room again.
        for (const group of groupsSet(slice)) refused.delete(group);
        attempt = 0;
        pump();
        return;
      }
      // 'unavailable' is a worker restarting: quiet. Anything else means what changed is not kept.
      if (reply.error.code !== 'unavailable') for (const group of groupsSet(slice)) refused.add(group);
      if (PERMANENT_ERRORS.has(reply.error.code)) {
        console.warn(`chat-mode: the background refused this tab's writes: ${reply.error.message}`);
        pump();
        return;
      }
      // Back in front of later writes, unless a key was written again meanwhile (that write is newer).
      const again = new Map<string, { op: Op; dueAt: number }>();
      for (const [key, op] of slice) if (!unsent.has(key)) again.set(key, { op, dueAt: 0 });
      for (const [key, pending] of unsent) again.set(key, pending);
      unsent = again;
      attempt++;
      retryTimer = setTimeout(
        () => {
          retryTimer = undefined;
          pump();
        },
        backoffMs(attempt, baseMs, maxMs, random),
      );
    });
  }

  function write(key: string, value: Op): void {
    unsent.delete(key);
    // Removing what the background never had (a short-lived item whose write was still waiting) is nothing to send.
    if (value === null && loaded && !remote.has(key)) return;
    const now = Date.now();
    const group = groupOf(key);
    const probe = value !== null && (refused.has(group) || now - (groupSentAt.get(group) ?? -Infinity) >= PROBE_EVERY_MS);
    unsent.set(key, { op: value, dueAt: probe ? 0 : now + writeDelayMs });
    // The page may be gone before a task ends: write now. The batched write below repeats it (idempotent).
    if (unloading) void post(new Map([[key, value]]));
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(pump);
    }
  }

  return {
    keys: () => [...items.keys()],
    getItem(key) {
      const value = items.get(key);
      return value === undefined ? null : made(value);
    },
    setItem(key, raw) {
      const value = once(raw);
      items.set(key, value);
      write(key, value);
    },
    removeItem(key) {
      items.delete(key);
      write(key, null);
    },
    kept: () => refused.size === 0,
    unload() {
      unloading = true;
      const all = new Map<string, Op>(sending ?? []);
      for (const [key, { op }] of unsent) all.set(key, op);
      const entries = [...all];
      for (const [key, value] of entries) if (value !== null) remote.add(key);
      for (let i = 0; i < entries.length; i += LIMITS.maxTabWriteItems) void post(new Map(entries.slice(i, i + LIMITS.maxTabWriteItems)));
    },
    resume() {
      unloading = false;
    },
  };
}
