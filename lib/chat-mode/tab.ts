// Chat mode in one x.com tab: which chat the tab is in, that chat's settings (owned by the
// background), and which features run. Chat mode is switched on for a chat on its hashtag page; it
// then stays on in this tab — on a tweet's page, in the compose modal — until switched off, so every
// post the user writes during the chat gets the tag. A reload keeps it (the setting is stored per
// chat; the tab remembers its chat in the tab's extension-only storage, lib/tab-storage).
import { normalizeTag, type Tag } from '@/lib/chat';
import { chatTagsFromUrl } from '@/lib/x/urls';
import type { OccurrenceTimes } from '@/lib/chat/when';
import type { ChangedChats } from '@/lib/protocol/chats-changed';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, ChatSettingsEditable } from '@/lib/protocol/domain';
import { TAG_RE } from '@/lib/protocol/validation';
import type { KeyValueStorage } from '@/lib/tab-storage';
import type { ChatModeDeps, Feature } from './feature';
import { createFeatureManager } from './feature-manager';
import type { Reports } from './features';
import { observable, type Observable } from './observable';

/** Where a request to the background stands. */
export type Load = { state: 'idle' | 'loading' | 'ready' } | { state: 'failed'; message: string };

export interface TabState {
  /** The chat shown in the sidebar (main tag first), or null: no sidebar. */
  tags: Tag[] | null;
  /** The current page is this chat's hashtag search or hashtag page. */
  onChatPage: boolean;
  load: Load;
  chat: ChatSettings | null;
  /** The chat's occurrence running now, else its next one (from the background; null: no schedule). */
  next: OccurrenceTimes | null;
  saving: boolean;
  saveError: string | null;
  /** What the running features report for the sidebar, one slot per feature (by its name). */
  reports: Reports;
}

const ACTIVE_CHAT_KEY = 'active-chat';

export interface ChatTab {
  state: Observable<TabState>;
  /** Tells the tab the page's URL (at start and after every SPA navigation). */
  setUrl(href: string): void;
  setChatMode(on: boolean): Promise<void>;
  update(patch: Partial<ChatSettingsEditable>): Promise<void>;
  retry(): void;
}

export interface ChatTabOptions {
  client: Client;
  storage: KeyValueStorage;
  features: readonly Feature[];
  deps: ChatModeDeps;
  /** Calls `listener` when chats' settings changed elsewhere (the options page, the popup), until `signal` aborts. */
  onChatsChanged(listener: (tags: ChangedChats) => void, signal: AbortSignal): void;
  /** Aborts when the content script is invalidated: every feature stops. */
  signal: AbortSignal;
}

export function createChatTab({ client, storage, features, deps, onChatsChanged, signal }: ChatTabOptions): ChatTab {
  const state = observable<TabState>({
    tags: null,
    onChatPage: false,
    load: { state: 'idle' },
    chat: null,
    next: null,
    saving: false,
    saveError: null,
    reports: {},
  });
  // The one place report slots are written by name; each feature's own code sees its slot typed.
  // A report published again unchanged changes nothing (the sidebar does not render).
  const manager = createFeatureManager(features, deps, (name, value) =>
    state.set((s) => (s.reports[name as keyof Reports] === value ? {} : { reports: { ...s.reports, [name]: value } })),
  );
  let href = '';
  let loadSeq = 0;
  /** The tab's own changes on their way, and how many were ever sent: a re-read must not undo one. */
  let updatesPending = 0;
  let updatesSent = 0;
  /** Chats changed while an update was on its way: re-read once it is answered. */
  let rereadWanted = false;
  signal.addEventListener(
    'abort',
    () => {
      loadSeq++;
      manager.stopAll();
    },
    { once: true },
  );

  const activeChat = (): Tag | null => {
    const value = storage.getItem(ACTIVE_CHAT_KEY);
    const tag = value ? normalizeTag(value) : null;
    return tag && TAG_RE.test(tag) ? tag : null;
  };
  /** A storage that cannot keep the tab's chat (full) costs only its return after a reload elsewhere than its page. */
  const rememberChat = (tag: Tag | null): void => {
    try {
      if (tag) storage.setItem(ACTIVE_CHAT_KEY, tag);
      else storage.removeItem(ACTIVE_CHAT_KEY);
    } catch (e) {
      console.warn('chat-mode: this tab could not remember its chat', e);
    }
  };

  /** Starts and stops features so that exactly those that should run do. */
  const reconcile = (): void => {
    const { tags, chat, onChatPage } = state.get();
    manager.reconcile(tags && chat?.chatMode && !signal.aborted ? { tags, chat, onChatPage, href } : null);
  };

  const load = async (tags: Tag[]): Promise<void> => {
    const seq = ++loadSeq;
    state.set({ load: { state: 'loading' }, chat: null, next: null, saveError: null, saving: false });
    // The previous chat's features stop now, not when this chat's settings arrive: they must not
    // filter or tag this chat's page meanwhile.
    reconcile();
    const reply = await client.send({ type: 'chat/get', tag: tags[0]! });
    if (seq !== loadSeq) return; // the tab moved on to another chat meanwhile
    if (reply.ok) state.set({ load: { state: 'ready' }, chat: reply.chat, next: reply.next ?? null });
    else state.set({ load: { state: 'failed', message: reply.error.message } });
    if (reply.ok && reply.chat.chatMode && activeChat() !== tags[0]) rememberChat(tags[0]!);
    reconcile();
  };

  /**
   * Applies the chat's settings as the background now has them. A copy equal to the tab's changes
   * nothing (no render, no restart). Waits for the tab's own updates: one sent meanwhile may not be in the copy.
   */
  const reread = async (): Promise<void> => {
    if (updatesPending > 0) {
      rereadWanted = true;
      return;
    }
    const { tags, load: loaded } = state.get();
    if (!tags || loaded.state !== 'ready') return;
    const seq = loadSeq;
    const sent = updatesSent;
    const reply = await client.send({ type: 'chat/get', tag: tags[0]! });
    if (seq !== loadSeq || !reply.ok) return; // another chat now, or the background is away: the next change tells again
    if (sent !== updatesSent) return void reread();
    const { chat, next } = state.get();
    const nextTimes = reply.next ?? null;
    state.set({
      chat: sameJson(chat, reply.chat) ? chat : reply.chat,
      next: sameJson(next, nextTimes) ? next : nextTimes,
    });
    // Switched on elsewhere (the popup): the tab keeps it on other pages, as after a load.
    if (reply.chat.chatMode && activeChat() !== tags[0]) rememberChat(tags[0]!);
    reconcile();
  };

  onChatsChanged((changed) => {
    const tags = state.get().tags;
    if (!tags || (changed !== 'all' && !changed.includes(tags[0]!))) return;
    // Settings still on their way may be older than this change: ask again.
    if (state.get().load.state === 'loading') void load(tags);
    else void reread();
  }, signal);

  const setUrl = (next: string): void => {
    href = next;
    const pageTags = chatTagsFromUrl(next);
    const active = activeChat();
    // On a chat page the sidebar shows that chat; elsewhere, the chat whose mode is on in this tab.
    const tags = pageTags ?? (active ? [active] : null);
    const current = state.get().tags;
    const sameChat = current !== null && tags !== null && current[0] === tags[0];
    state.set({ tags: sameChat && !pageTags ? current : tags, onChatPage: pageTags !== null });
    if (!tags) {
      loadSeq++;
      state.set({ load: { state: 'idle' }, chat: null });
      reconcile();
    } else if (!sameChat || state.get().load.state === 'failed') {
      void load(tags);
    } else {
      reconcile();
    }
  };

  const update = async (patch: Partial<ChatSettingsEditable>): Promise<void> => {
    const { tags, chat } = state.get();
    if (!tags || !chat) return;
    const previous = chat;
    // Answer the user at once; roll back if the background cannot store it.
    state.set({ chat: { ...chat, ...patch }, saving: true, saveError: null });
    reconcile();
    updatesPending++;
    updatesSent++;
    const reply = await client.send({ type: 'chat/update', tag: tags[0]!, patch }).finally(() => updatesPending--);
    if (updatesPending === 0 && rereadWanted) {
      rereadWanted = false;
      void reread();
    }
    if (state.get().tags?.[0] !== tags[0]) return; // another chat now; its load reset `saving`
    if (reply.ok) {
      // The background's copy is the truth (it normalises, e.g. lower-cases handles): run on it.
      state.set({ chat: reply.chat, next: reply.next ?? null, saving: false });
      reconcile();
    } else {
      state.set({ chat: previous, saving: false, saveError: reply.error.message });
      reconcile();
    }
  };

  return {
    state,
    setUrl,
    async setChatMode(on) {
      const tags = state.get().tags;
      if (!tags) return;
      if (on) rememberChat(tags[0]!);
      else if (activeChat() === tags[0]) rememberChat(null);
      await update({ chatMode: on });
      if (!state.get().chat?.chatMode && activeChat() === tags[0]) rememberChat(null);
    },
    update,
    retry() {
      const tags = state.get().tags;
      if (tags) void load(tags);
    },
  };
}

/** Equal as the background sends them (plain JSON-like values, keys in the same order). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
