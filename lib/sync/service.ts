// The background's side of keeping chats' settings in the browser's sync storage (off by default):
// a pass reads this device's chats and sync's items, merges them (./merge), writes the chats that sync
// changed and the items this device changed, and remembers the base in `storage.local`. Passes run at
// start-up, when turned on, after a chat is changed here and when sync reports a change from another
// device; one at a time, and never closer than `minGapMs`, so the browsers' write quotas hold (each pass
// writes at most twice: one `set`, one `remove`). The storage areas are passed in (the background passes
// `browser.storage`), so this is testable with fakes.
import type { Tag } from '../chat/types';
import type { SyncStatus } from '../protocol/domain';
import { changedBy } from '../protocol/chats-changed';
import type { Request } from '../protocol/requests';
import { isRecord } from '../protocol/validation';
import { chatFromSync, listChats, replaceChatIf, type LookupChat } from '../store/chats';
import type { StoreDB } from '../store/schema';
import { ITEM_PREFIX, merge, syncedSettings, type BaseEntry, type ChatState } from './merge';

/** The entry of `storage.local` holding the status, the base and this device's deletions not yet in sync. */
export const STATE_KEY = 'sync-state';

interface SyncState extends SyncStatus {
  /** Each chat as this device and sync last agreed on it (see ./merge). */
  base: Record<Tag, BaseEntry>;
  /** Chats deleted here, and when, until a pass has put that in sync. */
  deleted: Record<Tag, number>;
}

interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncTiming {
  /** Wait after a change before a pass, so a burst of changes makes one. */
  debounceMs: number;
  /** Least time from one pass to the next. */
  minGapMs: number;
  /** Wait before trying again after a pass failed (a quota, sync unavailable). */
  retryMs: number;
}

// At most one pass every 5 s, each writing at most twice: 24 writes a minute and 1,440 an hour at the
// very most, within Chrome's 120 a minute and 1,800 an hour.
const TIMING: SyncTiming = { debounceMs: 1000, minGapMs: 5000, retryMs: 60_000 };

export interface SyncServiceOptions {
  db: () => Promise<StoreDB>;
  /** `browser.storage.sync`. */
  sync: SyncArea;
  /** `browser.storage.local`, where the state is kept. */
  local: LocalArea;
  lookupChat: LookupChat;
  /** Called with the chats a pass changed on this device: open tabs re-read them, reminders re-arm. */
  changed(tags: Tag[]): Promise<void>;
  now?: () => number;
  timing?: SyncTiming;
}

export interface SyncService {
  status(): Promise<SyncStatus>;
  /** Turns syncing on (a pass runs before this resolves) or off (this device's chats and sync's items stay). */
  setEnabled(enabled: boolean): Promise<SyncStatus>;
  /** The handler's `afterWrite`: a changed, imported or deleted chat is synced soon. */
  afterWrite(request: Request): Promise<void>;
  /** `storage.onChanged` of the sync area: another device (or this one) changed these keys. */
  syncChanged(keys: string[]): void;
  /** Start-up: a pass soon, if syncing is on. */
  start(): Promise<void>;
}

const OFF: SyncState = { enabled: false, lastSyncedAt: null, error: null, tooLarge: [], base: {}, deleted: {} };

/** The stored state; anything malformed reads as off (the store is this extension's own, but was maybe written by another version). */
function readState(value: unknown): SyncState {
  if (!isRecord(value) || typeof value.enabled !== 'boolean') return structuredClone(OFF);
  const entries = <T>(v: unknown, valid: (entry: unknown) => entry is T): Record<Tag, T> =>
    isRecord(v) ? (Object.fromEntries(Object.entries(v).filter(([, entry]) => valid(entry))) as Record<Tag, T>) : {};
  const isBase = (e: unknown): e is BaseEntry => isRecord(e) && typeof e.digest === 'string' && typeof e.at === 'number';
  return {
    enabled: value.enabled,
    lastSyncedAt: typeof value.lastSyncedAt === 'number' ? value.lastSyncedAt : null,
    error: typeof value.error === 'string' ? value.error : null,
    tooLarge: Array.isArray(value.tooLarge)
      ? value.tooLarge.filter(
          (e): e is SyncStatus['tooLarge'][number] => isRecord(e) && typeof e.tag === 'string' && typeof e.bytes === 'number',
        )
      : [],
    base: entries(value.base, isBase),
    deleted: entries(value.deleted, (e): e is number => typeof e === 'number'),
  };
}

const statusOf = ({ enabled, lastSyncedAt, error, tooLarge }: SyncState): SyncStatus => ({ enabled, lastSyncedAt, error, tooLarge });

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createSyncService(o: SyncServiceOptions): SyncService {
  const now = o.now ?? Date.now;
  const timing = o.timing ?? TIMING;
  // The background is the only writer of the state: kept here once read, saved after each change.
  let loaded: Promise<SyncState> | undefined;
  const state = () => (loaded ??= o.local.get(STATE_KEY).then((items) => readState(items[STATE_KEY])));
  const save = async (s: SyncState) => o.local.set({ [STATE_KEY]: s });

  // Passes and switching on or off, one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const queued = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };

  // Scheduling goes by the monotonic clock (`now` may be set by tests, and stamps changes only).
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  let lastPassAt = -Infinity;
  /** A pass in `wait` ms, or at the least gap after the last one; a pass due sooner stays. */
  function schedule(wait = timing.debounceMs): void {
    const at = Math.max(performance.now() + wait, lastPassAt + timing.minGapMs);
    if (timer !== undefined && dueAt <= at) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      void queued(pass);
    }, at - performance.now());
  }

  async function pass(): Promise<void> {
    const s = await state();
    if (!s.enabled) return;
    lastPassAt = performance.now();
    try {
      await passWith(s);
    } catch (e) {
      s.error = messageOf(e);
      console.error('chat-mode: sync failed', e);
    }
    await save(s);
    if (s.error !== null) schedule(timing.retryMs);
  }

  async function passWith(s: SyncState): Promise<void> {
    const db = await o.db();
    const [synced, chats] = await Promise.all([o.sync.get(null), listChats(db)]);
    const deletions = { ...s.deleted };
    const local = new Map<Tag, ChatState>(Object.entries(deletions).map(([tag, at]) => [tag, { deleted: true, at }]));
    for (const chat of chats) local.set(chat.tag, { settings: syncedSettings(chat), at: chat.updatedAt });
    const plan = merge({ local, synced, base: s.base, now: now() });
    // A chat whose write here or there does not happen keeps its old base, so the next pass sees it again.
    const keepOldBase = (tag: Tag) => {
      const old = s.base[tag];
      if (old) plan.base[tag] = old;
      else delete plan.base[tag];
    };

    const byTag = new Map(chats.map((chat) => [chat.tag, chat]));
    const changed: Tag[] = [];
    for (const { tag, state: pulled } of plan.pull) {
      const current = byTag.get(tag);
      const next = 'deleted' in pulled ? undefined : chatFromSync(tag, pulled.settings, pulled.at, current, await o.lookupChat(tag));
      if (await replaceChatIf(db, tag, current?.updatedAt, next)) changed.push(tag);
      else keepOldBase(tag);
    }
    let error: string | null = null;
    try {
      if (Object.keys(plan.push).length > 0) await o.sync.set(plan.push);
      if (plan.remove.length > 0) await o.sync.remove(plan.remove);
    } catch (e) {
      error = messageOf(e);
      for (const key of Object.keys(plan.push)) keepOldBase(key.slice(ITEM_PREFIX.length));
    }
    if (changed.length > 0) await o.changed(changed);

    s.base = plan.base;
    s.tooLarge = plan.tooLarge;
    s.error = error;
    if (error === null) {
      s.lastSyncedAt = now();
      // Deletions made during the pass stay for the next one.
      for (const [tag, at] of Object.entries(deletions)) if (s.deleted[tag] === at) delete s.deleted[tag];
    }
  }

  return {
    status: async () => statusOf(await state()),
    setEnabled: (enabled) =>
      queued(async () => {
        const s = await state();
        // Either way sync starts from no base: turned on, every chat is merged by its last change.
        Object.assign(s, structuredClone(OFF), { enabled });
        if (enabled) await pass();
        else await save(s);
        return statusOf(s);
      }),
    afterWrite: async (request) => {
      if (changedBy(request) === null) return;
      const s = await state();
      if (!s.enabled) return;
      if (request.type === 'chat/delete') {
        s.deleted[request.tag] = now();
        await save(s);
      }
      schedule();
    },
    syncChanged: (keys) => {
      if (!keys.some((key) => key.startsWith(ITEM_PREFIX))) return;
      void state().then((s) => {
        if (s.enabled) schedule();
      });
    },
    start: async () => {
      if ((await state()).enabled) schedule();
    },
  };
}
