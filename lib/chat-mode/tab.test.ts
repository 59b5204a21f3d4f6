import { describe, expect, it, vi } from 'vitest';
import { findChat } from '@/lib/chat';
import type { ChangedChats } from '@/lib/protocol/chats-changed';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings } from '@/lib/protocol/domain';
import type { Request } from '@/lib/protocol/requests';
import { newChatSettings } from '@/lib/store/chats';
import type { ChatModeDeps, Feature, Where } from './feature';
import { memoryStorage } from '@/tests/unit/builders';
import { createChatTab, type ChatTabOptions } from './tab';

/** A chat as the background creates it on first use (from the directory), with changes. */
function settings(tag: string, overrides: Partial<ChatSettings> = {}): ChatSettings {
  return { ...newChatSettings(tag, findChat(tag), 1), ...overrides };
}

/** A background that keeps chats in a Map, and can be made to fail. */
function fakeBackground() {
  const chats = new Map<string, ChatSettings>();
  const requests: Request[] = [];
  let failing: string | null = null;
  const reply = (request: Request) => {
    requests.push(request);
    if (failing) return { ok: false, error: { code: 'unavailable', message: failing } };
    if (request.type === 'chat/get') {
      if (!chats.has(request.tag)) chats.set(request.tag, settings(request.tag));
      return { ok: true, chat: chats.get(request.tag) };
    }
    if (request.type === 'chat/update') {
      const next: ChatSettings = { ...chats.get(request.tag)!, ...request.patch };
      chats.set(request.tag, next);
      return { ok: true, chat: next };
    }
    throw new Error(`unexpected ${request.type}`);
  };
  const client: Client = {
    // Answers as the background does, in a later microtask (a throw rejects).
    send: ((request: Request) => new Promise<unknown>((resolve) => resolve(reply(request)))) as Client['send'],
  };
  return { client, chats, requests, fail: (message: string | null) => (failing = message) };
}

/** Announcements of changed chats, as the background makes them; `held` keeps `chat/update` replies until released. */
function announcements() {
  const listeners = new Set<(tags: ChangedChats) => void>();
  const onChatsChanged: ChatTabOptions['onChatsChanged'] = (listener, signal) => {
    listeners.add(listener);
    signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
  };
  return { onChatsChanged, listeners, announce: (tags: ChangedChats) => listeners.forEach((listener) => listener(tags)) };
}

/** The background's replies to `chat/update` wait until `release()`: the tab's change is on its way meanwhile. */
function holdingUpdates(client: Client) {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Client = {
    send: (async (request: Request) => {
      if (request.type === 'chat/update') await released;
      return client.send(request);
    }) as Client['send'],
  };
  return { client: held, release: () => release() };
}

/** A storage with no room left: every write throws, as a full storage does. */
function fullStorage() {
  const storage = memoryStorage();
  storage.state.full = true;
  return storage;
}

/** A feature that records its starts and stops. */
function recorder(name: string, runsOn: (where: Where) => boolean = () => true) {
  const log: string[] = [];
  const feature: Feature = {
    name,
    runsOn,
    start(context) {
      log.push(`start ${context.tags[0]} ${context.onChatPage ? 'chat-page' : 'elsewhere'}`);
      context.signal.addEventListener('abort', () => log.push('stop'));
    },
  };
  return { feature, log };
}

type TabTestOptions = Omit<ChatTabOptions, 'deps' | 'signal' | 'onChatsChanged'> & Partial<Pick<ChatTabOptions, 'onChatsChanged'>>;

/** A chat tab on this background and storage; `page` aborts when the content script would be invalidated. */
function chatTab(options: TabTestOptions, page = new AbortController()) {
  const deps = { document } as ChatModeDeps; // these features use none of the tab's deps
  return createChatTab({ onChatsChanged: () => undefined, ...options, deps, signal: page.signal });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const SEARCH = 'https://x.com/search?q=%23blogchat&f=live';
const STATUS = 'https://x.com/MackCollier/status/1';

describe('chat tab', () => {
  it('shows a chat page’s chat, and nothing on other pages while chat mode is off', async () => {
    const bg = fakeBackground();
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [] });
    tab.setUrl(SEARCH);
    expect(tab.state.get()).toMatchObject({ tags: ['blogchat'], onChatPage: true, load: { state: 'loading' } });
    await settle();
    expect(tab.state.get()).toMatchObject({ load: { state: 'ready' }, chat: { tag: 'blogchat', chatMode: false } });
    tab.setUrl(STATUS);
    expect(tab.state.get()).toMatchObject({ tags: null, chat: null });
  });

  it('runs features only while chat mode is on, keeps the chat on other pages, and stops them when switched off', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    const everywhere = recorder('everywhere');
    const chatPageOnly = recorder('filter', (c) => c.onChatPage);
    const tab = chatTab({ client: bg.client, storage, features: [everywhere.feature, chatPageOnly.feature] });
    tab.setUrl(SEARCH);
    await settle();
    expect(everywhere.log).toEqual([]);

    await tab.setChatMode(true);
    expect(bg.chats.get('blogchat')?.chatMode).toBe(true);
    expect(everywhere.log).toEqual(['start blogchat chat-page']);
    expect(chatPageOnly.log).toEqual(['start blogchat chat-page']);

    tab.setUrl(STATUS); // a tweet's page: the chat stays, the filter stops
    expect(tab.state.get()).toMatchObject({ tags: ['blogchat'], onChatPage: false, chat: { chatMode: true } });
    expect(chatPageOnly.log).toEqual(['start blogchat chat-page', 'stop']);
    expect(everywhere.log).toEqual(['start blogchat chat-page', 'stop', 'start blogchat elsewhere']);

    tab.setUrl(SEARCH);
    await tab.setChatMode(false);
    expect(everywhere.log.at(-1)).toBe('stop');
    expect(chatPageOnly.log.at(-1)).toBe('stop');
    expect(storage.data.size).toBe(0);
    tab.setUrl(STATUS);
    expect(tab.state.get().tags).toBeNull();
  });

  it('comes back on after a reload: the chat’s stored setting and the tab’s remembered chat', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    const firstPage = new AbortController();
    const before = recorder('everywhere');
    const first = chatTab({ client: bg.client, storage, features: [before.feature] }, firstPage);
    first.setUrl(SEARCH);
    await settle();
    await first.setChatMode(true);
    firstPage.abort(); // the page goes: its content script's signal stops every feature
    expect(before.log).toEqual(['start blogchat chat-page', 'stop']);

    // A reload on a tweet's page: a new content script, same sessionStorage and background.
    const feature = recorder('everywhere');
    const second = chatTab({ client: bg.client, storage, features: [feature.feature] });
    second.setUrl(STATUS);
    await settle();
    expect(second.state.get()).toMatchObject({ tags: ['blogchat'], chat: { chatMode: true } });
    expect(feature.log).toEqual(['start blogchat elsewhere']);
  });

  it('turns chat mode on and off, and runs its features, when the storage is full', async () => {
    const bg = fakeBackground();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const feature = recorder('filter', (c) => c.onChatPage);
    const tab = chatTab({ client: bg.client, storage: fullStorage(), features: [feature.feature] });
    tab.setUrl(SEARCH);
    await settle();
    await tab.setChatMode(true);
    expect(bg.chats.get('blogchat')?.chatMode).toBe(true);
    expect(tab.state.get()).toMatchObject({ chat: { chatMode: true }, saveError: null });
    expect(feature.log).toEqual(['start blogchat chat-page']);
    await tab.setChatMode(false);
    expect(bg.chats.get('blogchat')?.chatMode).toBe(false);
    expect(feature.log).toEqual(['start blogchat chat-page', 'stop']);
    warn.mockRestore();
  });

  it('ignores a remembered chat that is not a tag', async () => {
    const bg = fakeBackground();
    const storage = memoryStorage();
    storage.data.set('active-chat', '<img src=x>');
    const tab = chatTab({ client: bg.client, storage, features: [] });
    tab.setUrl(STATUS);
    await settle();
    expect(tab.state.get().tags).toBeNull();
    expect(bg.requests).toEqual([]);
  });

  it('switches to another chat page’s chat and ignores a late reply for the previous one', async () => {
    const bg = fakeBackground();
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [] });
    tab.setUrl(SEARCH);
    tab.setUrl('https://x.com/hashtag/socialmedia');
    await settle();
    expect(tab.state.get()).toMatchObject({ tags: ['socialmedia'], chat: { tag: 'socialmedia', extraTags: ['sm49'] } });
  });

  it('stops the previous chat’s features as soon as another chat’s page opens, before its settings arrive', async () => {
    const bg = fakeBackground();
    const feature = recorder('filter', (c) => c.onChatPage);
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [feature.feature] });
    tab.setUrl(SEARCH);
    await settle();
    await tab.setChatMode(true);
    expect(feature.log).toEqual(['start blogchat chat-page']);
    tab.setUrl('https://x.com/hashtag/socialmedia'); // its settings are still on their way
    expect(feature.log).toEqual(['start blogchat chat-page', 'stop']);
    await settle();
    expect(feature.log).toEqual(['start blogchat chat-page', 'stop']); // #socialmedia's chat mode is off
  });

  it('rolls a change back and says why when the background cannot store it', async () => {
    const bg = fakeBackground();
    const feature = recorder('everywhere');
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [feature.feature] });
    tab.setUrl(SEARCH);
    await settle();
    bg.fail('Storage is full.');
    const pending = tab.setChatMode(true);
    expect(tab.state.get()).toMatchObject({ saving: true, chat: { chatMode: true } }); // answered at once
    await pending;
    expect(tab.state.get()).toMatchObject({ saving: false, saveError: 'Storage is full.', chat: { chatMode: false } });
    expect(feature.log).toEqual(['start blogchat chat-page', 'stop']);
  });

  it('reports a failed load and loads again on retry', async () => {
    const bg = fakeBackground();
    bg.fail('No worker.');
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [] });
    tab.setUrl(SEARCH);
    await settle();
    expect(tab.state.get().load).toEqual({ state: 'failed', message: 'No worker.' });
    bg.fail(null);
    tab.retry();
    await settle();
    expect(tab.state.get()).toMatchObject({ load: { state: 'ready' }, chat: { tag: 'blogchat' } });
  });

  it('passes reports from features to the state, and empties a feature’s slot when it stops', async () => {
    const bg = fakeBackground();
    const reporting: Feature<'reporting', { status: string }> = {
      name: 'reporting',
      runsOn: () => true,
      start(context) {
        context.report({ status: 'ok' });
        // A report after stopping is dropped: the slot stays empty.
        context.signal.addEventListener('abort', () => context.report({ status: 'late' }));
      },
    };
    const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [reporting] });
    tab.setUrl(SEARCH);
    await settle();
    await tab.setChatMode(true);
    expect(tab.state.get().reports).toEqual({ reporting: { status: 'ok' } });
    await tab.setChatMode(false);
    expect(tab.state.get().reports).toEqual({ reporting: undefined });
  });

  describe('settings changed elsewhere', () => {
    /** A tab on #blogchat's page with chat mode on and a feature that restarts when the settings change. */
    async function openTab() {
      const bg = fakeBackground();
      const bus = announcements();
      const feature = recorder('filter', (c) => c.onChatPage);
      const page = new AbortController();
      const tab = chatTab(
        { client: bg.client, storage: memoryStorage(), features: [feature.feature], onChatsChanged: bus.onChatsChanged },
        page,
      );
      tab.setUrl(SEARCH);
      await settle();
      await tab.setChatMode(true);
      await settle();
      bg.requests.length = 0;
      return { bg, bus, feature, tab, page };
    }

    it('re-reads its chat and restarts the features its settings drive', async () => {
      const { bg, bus, feature, tab } = await openTab();
      bg.chats.set('blogchat', { ...bg.chats.get('blogchat')!, muted: ['spam'] });
      bus.announce(['blogchat']);
      await settle();
      expect(tab.state.get().chat?.muted).toEqual(['spam']);
      expect(feature.log).toEqual(['start blogchat chat-page', 'stop', 'start blogchat chat-page']);
      bg.chats.set('blogchat', { ...bg.chats.get('blogchat')!, muted: [] });
      bus.announce('all'); // an import
      await settle();
      expect(tab.state.get().chat?.muted).toEqual([]);
    });

    it('keeps chat mode on other pages when it was switched on elsewhere', async () => {
      const bg = fakeBackground();
      const bus = announcements();
      const feature = recorder('everywhere');
      const tab = chatTab({ client: bg.client, storage: memoryStorage(), features: [feature.feature], onChatsChanged: bus.onChatsChanged });
      tab.setUrl(SEARCH);
      await settle();
      bg.chats.set('blogchat', { ...bg.chats.get('blogchat')!, chatMode: true }); // the popup's switch
      bus.announce(['blogchat']);
      await settle();
      expect(feature.log).toEqual(['start blogchat chat-page']);
      tab.setUrl(STATUS);
      expect(tab.state.get()).toMatchObject({ tags: ['blogchat'], chat: { chatMode: true } });
      expect(feature.log).toEqual(['start blogchat chat-page', 'stop', 'start blogchat elsewhere']);
    });

    it('ignores other chats', async () => {
      const { bg, bus, tab } = await openTab();
      const before = tab.state.get();
      bus.announce(['socialmedia']);
      await settle();
      expect(bg.requests).toEqual([]);
      expect(tab.state.get()).toBe(before);
    });

    it('changes nothing when the chat is as the tab has it: no render, no restart', async () => {
      const { bg, bus, feature, tab } = await openTab();
      const before = tab.state.get();
      bg.chats.set('blogchat', structuredClone(bg.chats.get('blogchat')!)); // a copy, as messages carry it
      bus.announce(['blogchat']);
      await settle();
      expect(bg.requests).toEqual([{ type: 'chat/get', tag: 'blogchat' }]);
      expect(tab.state.get()).toBe(before);
      expect(feature.log).toEqual(['start blogchat chat-page']);
    });

    it('does not undo its own change on its way: re-reads once it is stored', async () => {
      const bg = fakeBackground();
      const bus = announcements();
      const holding = holdingUpdates(bg.client);
      const tab = chatTab({ client: holding.client, storage: memoryStorage(), features: [], onChatsChanged: bus.onChatsChanged });
      tab.setUrl(SEARCH);
      await settle();
      const pending = tab.update({ muted: ['mine'] });
      bg.chats.set('blogchat', { ...bg.chats.get('blogchat')!, hosts: ['elsewhere'] }); // the options page, meanwhile
      bus.announce(['blogchat']);
      await settle();
      expect(tab.state.get().chat).toMatchObject({ muted: ['mine'], hosts: ['mackcollier'] }); // the directory's
      expect(bg.requests.map((r) => r.type)).toEqual(['chat/get']); // the load only
      holding.release();
      await pending;
      await settle();
      expect(tab.state.get().chat).toMatchObject({ muted: ['mine'], hosts: ['elsewhere'] });
    });

    it('stops listening when the content script is invalidated', async () => {
      const { bus, page } = await openTab();
      expect(bus.listeners.size).toBe(1);
      page.abort();
      expect(bus.listeners.size).toBe(0);
    });
  });
});
