import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/tests/unit/builders';
import { createClient } from '../protocol/client';
import { createHandler } from '../store/handler';
import type { StoreDB } from '../store/schema';
import { listenForToggleChatMode, toggleChatModeInActiveTab, TOGGLE_CHAT_MODE_COMMAND, type ToggleChatModeDeps } from './toggle-chat-mode';

const OWN = 'own';
const CHAT_TAB = { id: 7, url: 'https://x.com/search?q=%23blogchat&f=live' };

let db: StoreDB;
useTestDatabase((opened) => (db = opened));

/** The background's wiring: its own client of the real handler, as its service worker's URL. */
function deps(tab: { id?: number; url?: string } | undefined) {
  const handler = createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined });
  const reloaded: number[] = [];
  const wired: ToggleChatModeDeps = {
    client: createClient((message) => handler(message, { id: OWN, url: `chrome-extension://${OWN}/background.js` })),
    activeTab: () => Promise.resolve(tab),
    reloadTab: (id) => {
      reloaded.push(id);
      return Promise.resolve();
    },
  };
  return {
    wired,
    reloaded,
    chatMode: async () =>
      ((await wired.client.send({ type: 'chat/get', tag: 'blogchat' })) as { chat: { chatMode: boolean } }).chat.chatMode,
  };
}

describe('toggleChatModeInActiveTab', () => {
  it('turns the active tab’s chat mode on, then off, saving it and reloading the tab each time', async () => {
    const { wired, reloaded, chatMode } = deps(CHAT_TAB);
    expect(await chatMode()).toBe(false);
    expect(await toggleChatModeInActiveTab(wired)).toEqual({ toggled: true, tag: 'blogchat', chatMode: true });
    expect(await chatMode()).toBe(true);
    expect(await toggleChatModeInActiveTab(wired)).toEqual({ toggled: true, tag: 'blogchat', chatMode: false });
    expect(await chatMode()).toBe(false);
    expect(reloaded).toEqual([7, 7]);
  });

  it('leaves tabs that are not an x.com chat alone', async () => {
    for (const tab of [
      undefined,
      { id: 3 },
      { id: 3, url: 'https://x.com/home' },
      { id: 3, url: 'https://example.com/search?q=%23blogchat' },
    ]) {
      const { wired, reloaded } = deps(tab);
      expect(await toggleChatModeInActiveTab(wired)).toEqual({ toggled: false, reason: 'not-a-chat-tab' });
      expect(reloaded).toEqual([]);
    }
  });

  it('reports a failed save and does not reload', async () => {
    const { wired, reloaded } = deps(CHAT_TAB);
    const failing: ToggleChatModeDeps = { ...wired, client: createClient(() => Promise.reject(new Error('gone'))) };
    expect(await toggleChatModeInActiveTab(failing)).toMatchObject({ toggled: false, reason: 'failed' });
    expect(reloaded).toEqual([]);
  });
});

describe('listenForToggleChatMode', () => {
  it('answers its own command only', async () => {
    let listener: ((command: string) => void) | undefined;
    const { wired, reloaded } = deps(CHAT_TAB);
    const reload = vi.fn(wired.reloadTab);
    listenForToggleChatMode({ onCommand: { addListener: (l) => (listener = l) } }, { ...wired, reloadTab: reload });
    listener!('_execute_action');
    listener!(TOGGLE_CHAT_MODE_COMMAND);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(reloaded).toEqual([7]);
  });
});
