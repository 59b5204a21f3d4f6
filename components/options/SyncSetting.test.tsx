import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { createClient } from '@/lib/protocol/client';
import { createHandler } from '@/lib/store/handler';
import { newChatSettings } from '@/lib/store/chats';
import type { StoreDB } from '@/lib/store/schema';
import { createSyncService } from '@/lib/sync/service';
import { useTestDatabase } from '@/tests/unit/builders';
import { useRoot } from '@/tests/unit/render';
import { Options } from './Options';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const OWN = 'ownextensionid';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
const T0 = Date.parse('2026-12-03T16:40:00Z');

let db: StoreDB;
let root: HTMLElement;
/** What sync storage holds, and the error its next write fails with. */
let synced: Map<string, unknown>;
let failure: Error | null;
/** The options page's listener for status changes. */
let statusChanged: (() => void) | undefined;
useTestDatabase((opened) => (db = opened));
useRoot((created) => (root = created));
beforeEach(async () => {
  await db.put('chats', { ...newChatSettings('blogchat', undefined, T0), hosts: ['ann'] });
  await db.put('chats', { ...newChatSettings('big', undefined, T0), muted: Array.from({ length: 1000 }, (_, i) => `muted_account_${i}`) });
  synced = new Map();
  failure = null;
  const local = new Map<string, unknown>();
  const sync = createSyncService({
    db: () => Promise.resolve(db),
    sync: {
      get: async () => Object.fromEntries(synced),
      set: async (items) => {
        if (failure) throw failure;
        for (const [k, v] of Object.entries(items)) synced.set(k, v);
      },
      remove: async (keys) => keys.forEach((k) => synced.delete(k)),
    },
    local: {
      get: async (key) => (local.has(key) ? { [key]: local.get(key) } : {}),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
        statusChanged?.();
      },
    },
    lookupChat: () => undefined,
    changed: async () => undefined,
    now: () => T0,
    timing: { debounceMs: 0, minGapMs: 0, retryMs: 60_000 },
  });
  const handle = createHandler({
    db,
    version: '1',
    ownId: OWN,
    lookupChat: () => undefined,
    now: () => T0,
    afterWrite: sync.afterWrite,
    sync,
  });
  const client = createClient((message) => handle(structuredClone(message), PAGE));
  const watchSync = (listener: () => void) => {
    statusChanged = listener;
    return () => (statusChanged = undefined);
  };
  await act(() => render(<Options client={client} t={t} download={() => undefined} timeZone="UTC" watchSync={watchSync} />, root));
});

const box = () => root.querySelector<HTMLInputElement>('#sync-enabled')!;
const text = (selector: string) => root.querySelector(`[data-testid="sync"] ${selector}`)?.textContent ?? '';

describe('Options: keeping chats in sync', () => {
  it('is off at first; turned on, it syncs, says when, and names the chat too large to sync', async () => {
    await vi.waitFor(() => expect(box().disabled).toBe(false));
    expect(box().checked).toBe(false);
    expect(box().getAttribute('aria-describedby')).toBe('sync-help');
    expect(text('[role="status"]')).toBe('');

    await act(() => box().click());
    await vi.waitFor(() => expect(text('[role="status"]')).toMatch(/^optionsSyncLastSynced\(.*2026.*\)$/));
    expect(box().checked).toBe(true);
    expect([...synced.keys()]).toEqual(['chat:blogchat']);
    expect(text('.sync-too-large')).toMatch(/^optionsSyncTooLarge\(#big\|\d+\.\d\|8\)$/);
    expect(root.querySelector('[data-testid="sync"] [role="alert"]')).toBeNull();
  });

  it('says a failure as the background reports it, and clears it when a later pass succeeds', async () => {
    await vi.waitFor(() => expect(box().disabled).toBe(false));
    failure = new Error('QUOTA_BYTES quota exceeded');
    await act(() => box().click());
    await vi.waitFor(() => expect(text('[role="alert"]')).toBe('optionsSyncFailed(QUOTA_BYTES quota exceeded)'));
    expect(text('[role="status"]')).toBe('optionsSyncNotYet');

    failure = null;
    await act(() => box().click()); // off
    await act(() => box().click()); // on again
    await vi.waitFor(() => expect(root.querySelector('[data-testid="sync"] [role="alert"]')).toBeNull());
    expect(synced.has('chat:blogchat')).toBe(true);
  });

  it('turned off, the chats stay', async () => {
    await vi.waitFor(() => expect(box().disabled).toBe(false));
    await act(() => box().click());
    await vi.waitFor(() => expect(box().checked).toBe(true));
    await act(() => box().click());
    await vi.waitFor(() => expect(box().checked).toBe(false));
    expect(text('[role="status"]')).toBe('');
    expect((await db.getAll('chats')).map((c) => c.tag)).toEqual(['big', 'blogchat']);
    expect(synced.has('chat:blogchat')).toBe(true);
  });
});
