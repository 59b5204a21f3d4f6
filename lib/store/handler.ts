// The background's message handler: checks the sender, validates the message, runs it against the
// store. Never throws and never rejects: every failure is an error reply.
import type { ChatSettings, SyncStatus } from '../protocol/domain';
import { parseRequest } from '../protocol/parse-request';
import {
  errorReply,
  HOST_POSTS_MAX,
  PAGE_ONLY_TYPES,
  TAB_ONLY_TYPES,
  type Request,
  type Response,
  type ResponseMap,
} from '../protocol/requests';
import { isExtensionPageSender, isTrustedSender, senderTabId, type SenderLike } from '../protocol/senders';
import { getChat, importChats, listChats, readChat, updateChat, type LookupChat } from './chats';
import { answerCounts, exportSession, hostPosts } from './export';
import { clearSessions, deleteChat, storeStats } from './maintenance';
import { clearReminder, listReminders, setReminder } from './reminders';
import type { StoreDB } from './schema';
import type { TabSession } from './tab-session';
import { currentOrNext, scheduleOf } from './scheduled-sessions';
import { getSession, listSessions, type SessionFor } from './sessions';
import { countTweets, putTweetBatch, tweetsOfSession } from './tweets';
import { catchUpFromStored } from '../chat/catch-up';

export interface HandlerOptions {
  /** The open store, a promise of it, or an opener called per request (`storeOpener()`). Failing to open gives `internal` replies. */
  db: StoreDB | Promise<StoreDB> | (() => Promise<StoreDB>);
  /** Reported by `ping`, e.g. `browser.runtime.getManifest().version`. */
  version: string;
  /** `browser.runtime.id`. */
  ownId: string;
  /** `browser.runtime.getURL('')`; needed on Firefox, where extension URLs hold an internal UUID. */
  ownOrigin?: string;
  lookupChat: LookupChat;
  sessionFor?: SessionFor;
  now?: () => number;
  /** Most tweets kept per chat (default 20,000). */
  capPerChat?: number;
  /**
   * Called (and awaited) after a successful `chat/update`, `chats/import`, `chat/delete`, `reminders/set`
   * or `reminders/clear`, before the reply: to re-arm the chat's reminder. Its failure is logged, never replied.
   */
  afterWrite?: (request: Request) => void | Promise<void>;
  /** What each tab keeps across reloads (`tab/load`, `tab/write`); without it they reply `internal`. */
  tabSession?: TabSession;
  /** Keeping chats' settings in sync storage (`sync/get`, `sync/set`); without it they reply `internal`. */
  sync?: SyncControl;
}

/** The part of the sync service (lib/sync/service) the extension pages control. */
export interface SyncControl {
  status(): Promise<SyncStatus>;
  setEnabled(enabled: boolean): Promise<SyncStatus>;
}

/** Requests that change a chat's settings or reminder: `afterWrite` is called after them (not after the frequent `tweets/put`). */
const WRITE_TYPES: readonly Request['type'][] = ['chat/update', 'chats/import', 'chat/delete', 'reminders/set', 'reminders/clear'];

export type Handler = (message: unknown, sender: SenderLike) => Promise<Response>;

/**
 * `browser.runtime.onMessage.addListener((m, s) => handler(m, s))`.
 */
export function createHandler(options: HandlerOptions): Handler {
  const now = options.now ?? Date.now;
  const dbOption = options.db;
  const getDb = typeof dbOption === 'function' ? dbOption : () => Promise.resolve(dbOption);
  // A store that failed to open is reported per request; don't let it surface as an unhandled rejection.
  if (typeof dbOption !== 'function') Promise.resolve(dbOption).catch(() => undefined);

  const nextOf = async (chat: ChatSettings) => currentOrNext(scheduleOf(chat, (await options.lookupChat(chat.tag))?.schedule), now());

  async function run(request: Request, tabId: number | null): Promise<Response> {
    if (request.type === 'ping') return { ok: true, version: options.version } satisfies ResponseMap['ping'];
    if (request.type === 'tab/load' || request.type === 'tab/write') {
      // tabId is checked by the caller for these types; the store is not needed.
      const session = options.tabSession;
      if (!session || tabId === null) return errorReply('internal', 'Tabs cannot keep anything here.');
      if (request.type === 'tab/load') return { ok: true, items: await session.load(tabId) };
      return session.write(tabId, request.set, request.remove);
    }
    if (request.type === 'sync/get' || request.type === 'sync/set') {
      const sync = options.sync;
      if (!sync) return errorReply('internal', 'Sync storage is not available.');
      return { ok: true, sync: request.type === 'sync/get' ? await sync.status() : await sync.setEnabled(request.enabled) };
    }
    const db = await getDb();
    switch (request.type) {
      case 'chat/get': {
        const chat = await readChat(db, request.tag, options.lookupChat, now());
        return { ok: true, chat, next: await nextOf(chat) };
      }
      case 'chat/update': {
        const chat = await updateChat(db, request.tag, request.patch, options.lookupChat, now());
        return { ok: true, chat, next: await nextOf(chat) };
      }
      case 'chats/import':
        return { ok: true, imported: (await importChats(db, request.chats, options.lookupChat, now())).length };
      case 'chat/list':
        return { ok: true, chats: await listChats(db) };
      case 'tweets/put': {
        const result = await putTweetBatch(db, request.tag, request.batchId, request.tweets, now(), {
          sessionFor: options.sessionFor,
          cap: options.capPerChat,
        });
        if (!result.ok) return result;
        return { ok: true, batchId: result.batchId, stored: result.stored, duplicates: result.duplicates };
      }
      case 'tweets/count':
        return { ok: true, count: await countTweets(db, request.tag, request.sessionId) };
      case 'sessions/list':
        return { ok: true, sessions: await listSessions(db, request.tag) };
      case 'catch-up': {
        const [latest] = await listSessions(db, request.tag);
        return { ok: true, questions: latest ? catchUpFromStored(await tweetsOfSession(db, latest.id)) : [] };
      }
      case 'host/posts': {
        const [latest] = await listSessions(db, request.tag);
        if (!latest) return { ok: true, posts: [], answers: {}, sessionStart: null };
        const [tweets, chat] = await Promise.all([tweetsOfSession(db, latest.id), readChat(db, request.tag, options.lookupChat, now())]);
        return {
          ok: true,
          posts: hostPosts(tweets, chat.hosts).slice(-HOST_POSTS_MAX),
          answers: Object.fromEntries(answerCounts(tweets)),
          sessionStart: latest.start,
        };
      }
      case 'export': {
        const session = await getSession(db, request.sessionId);
        if (!session) return errorReply('not-found', `No session "${request.sessionId}" is stored.`);
        const [tweets, chat] = await Promise.all([tweetsOfSession(db, session.id), getChat(db, session.tag)]);
        return { ok: true, ...exportSession(request.format, { session, tweets, chat }) };
      }
      case 'chat/delete':
        return { ok: true, deleted: await deleteChat(db, request.tag) };
      case 'sessions/clear': {
        const cleared = await clearSessions(db, request.before, request.tag);
        return { ok: true, deletedSessions: cleared.sessions, deletedTweets: cleared.tweets };
      }
      case 'storage/stats':
        return { ok: true, stats: await storeStats(db) };
      case 'reminders/list':
        return { ok: true, reminders: await listReminders(db) };
      case 'reminders/set':
        return { ok: true, reminder: await setReminder(db, request.tag, request.leadMinutes, now()) };
      case 'reminders/clear':
        return { ok: true, cleared: await clearReminder(db, request.tag) };
    }
  }

  async function notify(request: Request): Promise<void> {
    if (!options.afterWrite || !WRITE_TYPES.includes(request.type)) return;
    try {
      await options.afterWrite(request);
    } catch (e) {
      console.error('chat-mode: afterWrite failed', e);
    }
  }

  return async (message, sender) => {
    try {
      if (!isTrustedSender(sender ?? {}, options.ownId, options.ownOrigin)) {
        return errorReply('forbidden-sender', 'Messages are accepted only from this extension on x.com and its own pages.');
      }
      const parsed = parseRequest(message);
      if (!parsed.ok) return parsed;
      if (PAGE_ONLY_TYPES.includes(parsed.request.type) && !isExtensionPageSender(sender, options.ownId, options.ownOrigin)) {
        return errorReply('forbidden-sender', `"${parsed.request.type}" is accepted only from the extension's own pages.`);
      }
      const tabId = senderTabId(sender, options.ownId, options.ownOrigin);
      if (TAB_ONLY_TYPES.includes(parsed.request.type) && tabId === null) {
        return errorReply('forbidden-sender', `"${parsed.request.type}" is accepted only from the content script of an x.com tab.`);
      }
      const response = await run(parsed.request, tabId);
      if (response.ok) await notify(parsed.request);
      return response;
    } catch (e) {
      console.error('chat-mode: message handler failed', e);
      return errorReply('internal', `Internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
