// Two "devices" — each its own store, `storage.local` and clock — sharing one sync storage, as two
// browsers signed in to the same account would (the real cross-device sync cannot be run in a test).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tag } from '../chat/types';
import type { ChatSettingsEditable, SyncStatus } from '../protocol/domain';
import type { Response } from '../protocol/requests';
import { chatFromSync, replaceChatIf } from '../store/chats';
import { openStore } from '../store/db';
import { createHandler } from '../store/handler';
import type { StoreDB } from '../store/schema';
import { MAX_ITEM_BYTES } from './merge';
import { createSyncService, STATE_KEY, type SyncTiming } from './service';

const OWN = 'own';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
const T0 = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;
const FAST: SyncTiming = { debounceMs: 0, minGapMs: 0, retryMs: 60 * MIN };

/** The browser's sync storage, shared by the devices: it tells every device of each change, and its quotas can be made to fail. */
function sharedSync() {
  const data = new Map<string, unknown>();
  const listeners: Array<(keys: string[]) => void> = [];
  const shared = { data, listeners, writes: 0, failure: null as Error | null };
  const write = (keys: string[], apply: () => void) => {
    shared.writes++;
    if (shared.failure) throw shared.failure;
    apply();
    for (const listener of listeners) listener(keys);
  };
  return {
    ...shared,
    shared,
    /** The area as one device sees it; `offline()` says whether that device is cut off. */
    areaFor: (offline: () => boolean) => ({
      get: async () => {
        if (offline()) throw new Error('Sync is unavailable');
        return Object.fromEntries([...data].map(([k, v]) => [k, structuredClone(v)]));
      },
      set: async (items: Record<string, unknown>) => {
        if (offline()) throw new Error('Sync is unavailable');
        for (const [key, value] of Object.entries(items)) {
          if (key.length + JSON.stringify(value).length > MAX_ITEM_BYTES) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        write(Object.keys(items), () => Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))));
      },
      remove: async (keys: string[]) => {
        if (offline()) throw new Error('Sync is unavailable');
        write(keys, () => keys.forEach((k) => data.delete(k)));
      },
    }),
  };
}
type SharedSync = ReturnType<typeof sharedSync>;

const opened: StoreDB[] = [];
let databases = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function device(sync: SharedSync, timing: SyncTiming = FAST) {
  const db = await openStore(`sync-device-${++databases}`);
  opened.push(db);
  const local = new Map<string, unknown>();
  const d = { db, local, clock: T0, offline: false, changed: [] as Tag[][] };
  const service = createSyncService({
    db: () => Promise.resolve(db),
    sync: sync.areaFor(() => d.offline),
    local: {
      get: async (key) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
      set: async (items) => Object.entries(items).forEach(([k, v]) => local.set(k, structuredClone(v))),
    },
    lookupChat: () => undefined,
    changed: async (tags) => void d.changed.push(tags),
    now: () => d.clock,
    timing,
  });
  sync.listeners.push((keys) => service.syncChanged(keys));
  const handle = createHandler({
    db,
    version: '1',
    ownId: OWN,
    lookupChat: () => undefined,
    now: () => d.clock,
    afterWrite: (request) => service.afterWrite(request),
    sync: service,
  });
  const send = async (message: unknown): Promise<Response> => {
    const reply = await handle(message, PAGE);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply;
  };
  return {
    ...d,
    state: d,
    service,
    send,
    setSync: async (enabled: boolean) => ((await send({ type: 'sync/set', enabled })) as { sync: SyncStatus }).sync,
    edit: (tag: Tag, patch: Partial<ChatSettingsEditable>) => send({ type: 'chat/update', tag, patch }),
    hosts: async (tag: Tag) => (await db.get('chats', tag))?.hosts,
  };
}

describe('sync: two devices', () => {
  it('turning on puts the chats in sync, the other device gets them, and later edits follow, with open tabs told', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    const b = await device(sync);
    await a.edit('blogchat', { hosts: ['ann'], sidebar: { collapsed: true } });
    const status = await a.setSync(true);
    expect(status).toEqual({ enabled: true, lastSyncedAt: T0, error: null, tooLarge: [] });
    expect(sync.data.get('chat:blogchat')).toMatchObject({ v: 1, at: T0, chat: { hosts: ['ann'] } });
    expect(sync.data.get('chat:blogchat')).not.toHaveProperty('chat.sidebar');

    await b.setSync(true);
    expect(await b.hosts('blogchat')).toEqual(['ann']);
    expect((await b.db.get('chats', 'blogchat'))?.sidebar).toEqual({ collapsed: false });
    expect(b.changed).toEqual([['blogchat']]);

    a.state.clock = T0 + MIN;
    await a.edit('blogchat', { hosts: ['ann', 'bob'] });
    await vi.waitFor(() => expect(b.changed).toEqual([['blogchat'], ['blogchat']]));
    expect(await b.hosts('blogchat')).toEqual(['ann', 'bob']);
    expect(a.changed).toEqual([]);
  });

  it('conflicting edits made apart: the later one wins on both devices', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    const b = await device(sync);
    await a.edit('blogchat', { hosts: ['ann'] });
    await a.setSync(true);
    await b.setSync(true);
    a.state.offline = b.state.offline = true;
    a.state.clock = T0 + 2 * MIN;
    await a.edit('blogchat', { hosts: ['later'] });
    b.state.clock = T0 + MIN;
    await b.edit('blogchat', { hosts: ['earlier'] });
    // Offline, each device says so.
    await vi.waitFor(async () => expect((await b.service.status()).error).toBe('Sync is unavailable'));

    b.state.offline = false;
    await b.service.start();
    await vi.waitFor(() => expect(sync.data.get('chat:blogchat')).toMatchObject({ chat: { hosts: ['earlier'] } }));
    a.state.offline = false;
    await a.service.start();
    await vi.waitFor(async () => expect(await b.hosts('blogchat')).toEqual(['later']));
    expect(await a.hosts('blogchat')).toEqual(['later']);
    expect((await b.service.status()).error).toBeNull();
  });

  it('delete against edit: a deletion propagates, and the later of the two wins', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    const b = await device(sync);
    await a.edit('blogchat', { hosts: ['ann'] });
    await a.edit('tnl', { hosts: ['ann'] });
    await a.setSync(true);
    await b.setSync(true);

    a.state.clock = T0 + MIN;
    await a.send({ type: 'chat/delete', tag: 'tnl' });
    await vi.waitFor(async () => expect(await b.db.get('chats', 'tnl')).toBeUndefined());
    expect(sync.data.get('chat:tnl')).toEqual({ v: 1, at: T0 + MIN, deleted: true });

    // Offline, B deletes blogchat; A edits it later: the edit comes back to B.
    b.state.offline = true;
    b.state.clock = T0 + 2 * MIN;
    await b.send({ type: 'chat/delete', tag: 'blogchat' });
    a.state.clock = T0 + 3 * MIN;
    await a.edit('blogchat', { hosts: ['bob'] });
    b.state.offline = false;
    await b.service.start();
    await vi.waitFor(async () => expect(await b.hosts('blogchat')).toEqual(['bob']));
  });

  it('a quota error is said and everything is written when the next pass succeeds', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    await a.setSync(true);
    sync.shared.failure = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    await a.edit('blogchat', { hosts: ['ann'] });
    await vi.waitFor(async () => expect((await a.service.status()).error).toBe('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    expect(sync.data.has('chat:blogchat')).toBe(false);

    sync.shared.failure = null;
    a.state.clock = T0 + MIN;
    await a.edit('tnl', { hosts: ['bob'] });
    await vi.waitFor(async () => expect((await a.service.status()).error).toBeNull());
    expect([...sync.data.keys()].sort()).toEqual(['chat:blogchat', 'chat:tnl']);
    expect((await a.service.status()).lastSyncedAt).toBe(T0 + MIN);
  });

  it('a chat too large for an item stays here and is said; the others sync', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    await a.edit('big', { muted: Array.from({ length: 1000 }, (_, i) => `muted_account_${i}`) });
    await a.edit('small', { hosts: ['ann'] });
    const status = await a.setSync(true);
    expect(status.error).toBeNull();
    expect(status.tooLarge).toEqual([{ tag: 'big', bytes: expect.any(Number) as number }]);
    expect([...sync.data.keys()]).toEqual(['chat:small']);
  });

  it('garbage another device wrote does not reach this device, and is replaced by its chat', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    await a.edit('blogchat', { hosts: ['ann'] });
    await a.setSync(true);
    const before = await a.db.get('chats', 'blogchat');
    sync.data.set('chat:blogchat', { v: 1, at: T0 + MIN, chat: { hosts: ['<img src=x>'] } });
    a.service.syncChanged(['chat:blogchat']);
    await vi.waitFor(() => expect(sync.data.get('chat:blogchat')).toMatchObject({ chat: { hosts: ['ann'] } }));
    expect(await a.db.get('chats', 'blogchat')).toEqual(before);
    expect(a.changed).toEqual([]);
  });

  it('turning off keeps this device’s chats and sync’s items, and stops writing', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    await a.edit('blogchat', { hosts: ['ann'] });
    await a.setSync(true);
    expect(await a.setSync(false)).toEqual({ enabled: false, lastSyncedAt: null, error: null, tooLarge: [] });
    expect(a.local.get(STATE_KEY)).toMatchObject({ enabled: false, base: {} });
    const writes = sync.shared.writes;
    await a.edit('blogchat', { hosts: ['bob'] });
    sync.data.set('chat:tnl', { v: 1, at: T0, chat: { hosts: ['carl'] } });
    a.service.syncChanged(['chat:tnl']);
    await a.service.start();
    expect(await a.hosts('blogchat')).toEqual(['bob']);
    expect(await a.db.get('chats', 'tnl')).toBeUndefined();
    expect(sync.data.get('chat:blogchat')).toMatchObject({ chat: { hosts: ['ann'] } });
    expect(sync.shared.writes).toBe(writes);
  });

  it('a burst of edits is written in few passes, never closer than the least gap', async () => {
    const sync = sharedSync();
    const gap = 300;
    const a = await device(sync, { debounceMs: 0, minGapMs: gap, retryMs: 60 * MIN });
    await a.setSync(true);
    const writesBefore = sync.shared.writes;
    const started = Date.now();
    for (let i = 0; i < 20; i++) await a.edit('blogchat', { title: `Edit ${i}` });
    await vi.waitFor(() => expect(sync.data.get('chat:blogchat')).toMatchObject({ chat: { title: 'Edit 19' } }), { timeout: 5000 });
    const passes = Math.ceil((Date.now() - started) / gap) + 1;
    expect(sync.shared.writes - writesBefore).toBeLessThanOrEqual(passes);
    expect(sync.shared.writes - writesBefore).toBeLessThan(20);
  });
});

describe('sync: the requests', () => {
  it('are the extension pages’ only; without the service they say it is not available', async () => {
    const a = await device(sharedSync());
    const handle = createHandler({ db: a.db, version: '1', ownId: OWN, lookupChat: () => undefined, sync: a.service });
    const tab = { id: OWN, url: 'https://x.com/search?q=%23blogchat', tab: { id: 1, url: 'https://x.com/search?q=%23blogchat' } };
    expect(await handle({ type: 'sync/set', enabled: true }, tab)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'sync/get' }, tab)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'sync/set', enabled: 'yes' }, PAGE)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle({ type: 'sync/get' }, PAGE)).toEqual({
      ok: true,
      sync: { enabled: false, lastSyncedAt: null, error: null, tooLarge: [] },
    });
    const without = createHandler({ db: a.db, version: '1', ownId: OWN, lookupChat: () => undefined });
    expect(await without({ type: 'sync/get' }, PAGE)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('sync: its state in storage.local', () => {
  it('reads anything malformed as off, and keeps only well-formed entries', async () => {
    const sync = sharedSync();
    const a = await device(sync);
    a.local.set(STATE_KEY, 'garbage');
    expect(await a.service.status()).toEqual({ enabled: false, lastSyncedAt: null, error: null, tooLarge: [] });
    const b = await device(sync);
    b.local.set(STATE_KEY, {
      enabled: true,
      lastSyncedAt: 'yesterday',
      error: 7,
      tooLarge: [{ tag: 'big', bytes: 9000 }, 'x'],
      base: 'none',
    });
    expect(await b.service.status()).toEqual({ enabled: true, lastSyncedAt: null, error: null, tooLarge: [{ tag: 'big', bytes: 9000 }] });
  });
});

describe('sync: writing a pulled chat', () => {
  it('does not overwrite a change made on this device since the pass read it', async () => {
    const a = await device(sharedSync());
    await a.edit('blogchat', { hosts: ['ann'] });
    const read = (await a.db.get('chats', 'blogchat'))!;
    a.state.clock = T0 + MIN;
    await a.edit('blogchat', { hosts: ['made', 'meanwhile'] });
    const pulled = chatFromSync('blogchat', { hosts: ['from', 'sync'] }, T0 + 2 * MIN, read, undefined);
    expect(await replaceChatIf(a.db, 'blogchat', read.updatedAt, pulled)).toBe(false);
    expect(await a.hosts('blogchat')).toEqual(['made', 'meanwhile']);
    expect(await replaceChatIf(a.db, 'blogchat', T0 + MIN, pulled)).toBe(true);
    expect(await a.hosts('blogchat')).toEqual(['from', 'sync']);
    expect(await replaceChatIf(a.db, 'blogchat', T0 + 2 * MIN, undefined)).toBe(true);
    expect(await a.db.get('chats', 'blogchat')).toBeUndefined();
  });
});
