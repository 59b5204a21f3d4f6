// Chat mode in one x.com tab: which chat the tab is in, that chat's settings (owned by the
// background), and which features run. Chat mode is switched on for a chat on its hashtag page; it
// then stays on in this tab — on a tweet's page, in the compose modal — until switched off, so every
// post the user writes during the chat gets the tag. A reload keeps it (the setting is stored per
// chat; the tab remembers its chat in the tab's extension-only storage, lib/tab-storage).
import { normalizeTag, type Tag } from '@/lib/chat';
import type { LiveSnapshot } from '@/lib/chat/live';
import type { OccurrenceTimes } from '@/lib/chat/when';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, ChatSettingsEditable } from '@/lib/protocol/domain';
import { TAG_RE } from '@/lib/protocol/validation';
import type { KeyValueStorage } from '@/lib/tab-storage';
import { chatTagsFromUrl } from '@/lib/x/urls';
import { createStore, type Store } from './store';

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
  /** What the running features report for the sidebar. */
  reports: Reports;
}

export interface Reports {
  /**
   * The live filter's view of the page: 'unrecognised' means nothing is filtered; `detail` says why, and
   * `tagsMissing` is set when it is because almost none of the latest tweets read carries a chat tag.
   */
  page?: { status: 'waiting' | 'ok' | 'unrecognised'; detail?: string; tagsMissing?: { read: number; tagged: number } };
  /** Auto-tagging could not add the tag without passing the limit. */
  autoTag?: { kind: 'too-long'; weightedLength: number; limit: number } | null;
  /** The live chat's counters, questions, participants and activity. */
  live?: LiveSnapshot;
  /**
   * Tweets stored for the transcript (null: not known yet), still on their way, and a storage error;
   * tweets dropped because too many waited, and whether those on their way would survive a reload.
   */
  transcript?: { saved: number | null; pending: number; error: string | null; dropped: number; kept: boolean };
}

/** A part of chat mode that runs while it is on (the live filter, auto-tagging…). */
export interface Feature {
  name: string;
  /** Whether it runs on this page while chat mode is on. */
  runsOn(context: FeatureContext): boolean;
  /** Starts the feature; returns how to stop it, leaving the page as it was. */
  start(context: FeatureContext): () => void;
  /** The feature restarts when this changes (default: any change of chat, settings or page kind). */
  key?(context: FeatureContext): string;
}

export interface FeatureContext {
  tags: Tag[];
  chat: ChatSettings;
  onChatPage: boolean;
  href: string;
  /** Publishes what the feature has to show in the sidebar. */
  report(patch: Partial<Reports>): void;
}

/** Where the tab remembers its chat across reloads; writing may fail (full), reading may find anything. */
export type TabStorageLike = Pick<KeyValueStorage, 'getItem' | 'setItem' | 'removeItem'>;

const ACTIVE_CHAT_KEY = 'active-chat';

export interface ChatTab {
  state: Store<TabState>;
  /** Tells the tab the page's URL (at start and after every SPA navigation). */
  setUrl(href: string): void;
  setChatMode(on: boolean): Promise<void>;
  update(patch: Partial<ChatSettingsEditable>): Promise<void>;
  retry(): void;
  dispose(): void;
}

export function createChatTab(deps: { client: Client; storage: TabStorageLike; features: Feature[] }): ChatTab {
  const { client, storage, features } = deps;
  const state = createStore<TabState>({
    tags: null,
    onChatPage: false,
    load: { state: 'idle' },
    chat: null,
    next: null,
    saving: false,
    saveError: null,
    reports: {},
  });
  const report = (patch: Partial<Reports>): void => state.set((s) => ({ reports: { ...s.reports, ...patch } }));
  let href = '';
  let running: { key: string; stop: () => void }[] = [];
  let loadSeq = 0;

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
    const context: FeatureContext | null = tags && chat?.chatMode ? { tags, chat, onChatPage, href, report } : null;
    const wanted = new Map<string, Feature>();
    if (context) {
      for (const feature of features) {
        if (feature.runsOn(context)) wanted.set(`${feature.name}|${(feature.key ?? contextKey)(context)}`, feature);
      }
    }
    const keep: typeof running = [];
    for (const item of running) {
      if (wanted.has(item.key)) {
        keep.push(item);
        wanted.delete(item.key);
      } else {
        item.stop();
      }
    }
    for (const [key, feature] of wanted) keep.push({ key, stop: feature.start(context!) });
    running = keep;
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
    const reply = await client.send({ type: 'chat/update', tag: tags[0]!, patch });
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
    dispose() {
      loadSeq++;
      for (const item of running) item.stop();
      running = [];
    },
  };
}

/** The tags chat mode filters on and adds to posts: the chat's main tag, then its extra tags. */
export function chatTags({ tags, chat }: Pick<FeatureContext, 'tags' | 'chat'>): Tag[] {
  return [...new Set([tags[0]!, ...chat.extraTags])];
}

/** Features restart when the chat, its tags, its settings or the page kind change. */
function contextKey({ tags, chat, onChatPage }: FeatureContext): string {
  return JSON.stringify([tags, chat.extraTags, chat.hosts, chat.muted, chat.filter, chat.autoTag, onChatPage]);
}
