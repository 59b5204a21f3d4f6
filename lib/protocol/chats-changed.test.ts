import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { createHandler, type Handler } from '../store/handler';
import type { StoreDB } from '../store/schema';
import { useTestDatabase } from '@/tests/unit/builders';
import { chatsChangedAnnouncer, listenForChatsChanged, parseChatsChanged, type ChangedChats } from './chats-changed';

const OWN = 'own';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
const announced = async () => (await fakeBrowser.storage.local.get('chats-changed'))['chats-changed'];

let db: StoreDB;
useTestDatabase((opened) => (db = opened));

/** A handler that announces in the fake `storage.local`, as the background does. */
function announcingHandler(): Handler {
  return createHandler({
    db,
    version: '1',
    ownId: OWN,
    lookupChat: () => undefined,
    afterWrite: chatsChangedAnnouncer(fakeBrowser.storage.local, () => 1000),
  });
}

describe('chats changed: the background announces', () => {
  it('after a chat is updated, imported or deleted, each time a new value', async () => {
    const handle = announcingHandler();
    expect(await handle({ type: 'chat/update', tag: 'blogchat', patch: { muted: ['spam'] } }, PAGE)).toMatchObject({ ok: true });
    expect(await announced()).toEqual({ tags: ['blogchat'], at: 1000, seq: 1 });
    expect(await handle({ type: 'chats/import', chats: [{ tag: 'smchat', patch: { hosts: ['ann'] } }] }, PAGE)).toMatchObject({ ok: true });
    expect(await announced()).toEqual({ tags: 'all', at: 1000, seq: 2 });
    expect(await handle({ type: 'chat/delete', tag: 'blogchat' }, PAGE)).toMatchObject({ ok: true });
    expect(await announced()).toEqual({ tags: ['blogchat'], at: 1000, seq: 3 });
  });

  it('not after reads, reminders or failed writes', async () => {
    const handle = announcingHandler();
    await handle({ type: 'chat/get', tag: 'blogchat' }, PAGE);
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE);
    await handle({ type: 'chat/update', tag: 'blogchat', patch: { muted: ['not a handle'] } }, PAGE);
    expect(await announced()).toBeUndefined();
  });

  it('what a tab hears', async () => {
    const heard: ChangedChats[] = [];
    listenForChatsChanged(fakeBrowser.storage, (tags) => heard.push(tags), new AbortController().signal);
    await announcingHandler()({ type: 'chat/update', tag: 'blogchat', patch: { muted: ['spam'] } }, PAGE);
    expect(heard).toEqual([['blogchat']]);
  });
});

describe('chats changed: sync announces', () => {
  it('the chats it changed, in the same series as the writes; more than one announcement names, as all', async () => {
    const announce = chatsChangedAnnouncer(fakeBrowser.storage.local, () => 1000);
    await announce({ type: 'chat/delete', tag: 'blogchat' });
    await announce.chats(['tnl', 'sm49']);
    expect(await announced()).toEqual({ tags: ['tnl', 'sm49'], at: 1000, seq: 2 });
    const many = Array.from({ length: 65 }, (_, i) => `chat${i}`);
    await announce.chats(many);
    expect(await announced()).toEqual({ tags: 'all', at: 1000, seq: 3 });
    expect(parseChatsChanged(await announced())).toBe('all');
  });
});

describe('chats changed: a tab listens', () => {
  it('reads only well-formed announcements', () => {
    expect(parseChatsChanged({ tags: ['blogchat', 'sm49'], at: 1, seq: 1 })).toEqual(['blogchat', 'sm49']);
    expect(parseChatsChanged({ tags: 'all' })).toBe('all');
    for (const junk of [
      undefined,
      null,
      'blogchat',
      ['blogchat'],
      {},
      { tags: 'blogchat' },
      { tags: ['<img src=x>'] },
      { tags: ['blogchat', 7] },
      { tags: Array.from({ length: 65 }, (_, i) => `chat${i}`) },
    ]) {
      expect(parseChatsChanged(junk)).toBeNull();
    }
  });

  it('hears this key in storage.local only, nothing malformed, and nothing after its signal aborts', async () => {
    const listener = vi.fn();
    const page = new AbortController();
    listenForChatsChanged(fakeBrowser.storage, listener, page.signal);
    await fakeBrowser.storage.local.set({ other: { tags: ['blogchat'] } });
    await fakeBrowser.storage.session.set({ 'chats-changed': { tags: ['blogchat'] } });
    await fakeBrowser.storage.local.set({ 'chats-changed': { tags: ['<b>'] } });
    expect(listener).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ 'chats-changed': { tags: ['blogchat'], seq: 1 } });
    expect(listener).toHaveBeenCalledWith(['blogchat']);
    page.abort();
    await fakeBrowser.storage.local.set({ 'chats-changed': { tags: ['blogchat'], seq: 2 } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect((fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
  });
});
