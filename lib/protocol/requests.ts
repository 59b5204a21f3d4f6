// The message protocol between the content script / extension pages and the background worker:
// each request, its reply, who may send it, and the limits the receiving side enforces (see
// ./parse-request). Dependency-free on purpose: it is bundled into the content script, which must stay
// small. Only type imports below.
import type { Tag } from '../chat/types';
import type { CatchUpQuestion } from '../chat/catch-up';
import type { HostPost } from '../chat/host-plan';
import type { OccurrenceTimes } from '../chat/when';
import type {
  ChatSession,
  ChatSettings,
  ChatSettingsEditable,
  ExportFormat,
  ImportedChat,
  Reminder,
  StoreStats,
  StoredTweetInput,
  SyncStatus,
} from './domain';

export type Request =
  | { type: 'ping' }
  | { type: 'chat/get'; tag: Tag }
  | { type: 'chat/update'; tag: Tag; patch: Partial<ChatSettingsEditable> }
  | { type: 'chat/list' }
  | { type: 'tweets/put'; batchId: string; tag: Tag; tweets: StoredTweetInput[] }
  | { type: 'tweets/count'; tag: Tag; sessionId?: string }
  | { type: 'sessions/list'; tag: Tag }
  /** The chat's latest stored session as a catch-up: its questions, answer counts and most-liked answers. */
  | { type: 'catch-up'; tag: Tag }
  /**
   * What the chat's latest stored session holds for a host's plan: its tweets by the chat's hosts or
   * labelled as questions (the newest `HOST_POSTS_MAX`), and its answer counts per question key.
   */
  | { type: 'host/posts'; tag: Tag }
  | { type: 'export'; sessionId: string; format: ExportFormat }
  /** Extension pages only: forget a chat's settings (its stored transcripts stay). */
  | { type: 'chat/delete'; tag: Tag }
  /** Extension pages only: apply a settings file's chats, all of them or (on any failure) none. */
  | { type: 'chats/import'; chats: ImportedChat[] }
  /** Extension pages only: delete sessions (and their tweets) that ended before `before` (epoch ms), of one chat or all. */
  | { type: 'sessions/clear'; before: number; tag?: Tag }
  /** How much the store holds. */
  | { type: 'storage/stats' }
  /** The reminders the user set. */
  | { type: 'reminders/list' }
  /** Extension pages only: remind `leadMinutes` before each occurrence of the chat (replaces its reminder). */
  | { type: 'reminders/set'; tag: Tag; leadMinutes: number }
  /** Extension pages only: no more reminders for the chat. */
  | { type: 'reminders/clear'; tag: Tag }
  /** Extension pages only: whether chats' settings are kept in the browser's sync storage, and how it went. */
  | { type: 'sync/get' }
  /** Extension pages only: keep chats' settings in sync storage or stop (this device keeps its chats either way). */
  | { type: 'sync/set'; enabled: boolean }
  /**
   * Content scripts only: what the sender's tab keeps across page reloads (its chat, its unsent
   * tweets), in extension-only storage keyed by the sender's tab id — never the page's own storage.
   */
  | { type: 'tab/load' }
  /** Content scripts only: sets and removes items of the sender's tab (see `tab/load`). */
  | { type: 'tab/write'; set: Record<string, string>; remove: string[] };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Successful reply per request type. */
export interface ResponseMap {
  ping: { ok: true; version: string };
  /** `next`: the chat's occurrence running now, else its next one (null: no schedule). */
  'chat/get': { ok: true; chat: ChatSettings; next: OccurrenceTimes | null };
  'chat/update': { ok: true; chat: ChatSettings; next: OccurrenceTimes | null };
  'chat/list': { ok: true; chats: ChatSettings[] };
  'tweets/put': { ok: true; batchId: string; stored: number; duplicates: number };
  'tweets/count': { ok: true; count: number };
  'sessions/list': { ok: true; sessions: ChatSession[] };
  'catch-up': { ok: true; questions: CatchUpQuestion[] };
  /** `posts` in time order; `sessionStart`: the session's start (epoch ms), null when none is stored. */
  'host/posts': { ok: true; posts: HostPost[]; answers: Record<string, number>; sessionStart: number | null };
  export: { ok: true; filename: string; mime: string; body: string };
  'chat/delete': { ok: true; deleted: boolean };
  'chats/import': { ok: true; imported: number };
  'sessions/clear': { ok: true; deletedSessions: number; deletedTweets: number };
  'storage/stats': { ok: true; stats: StoreStats };
  'reminders/list': { ok: true; reminders: Reminder[] };
  'reminders/set': { ok: true; reminder: Reminder };
  'reminders/clear': { ok: true; cleared: boolean };
  'sync/get': { ok: true; sync: SyncStatus };
  'sync/set': { ok: true; sync: SyncStatus };
  'tab/load': { ok: true; items: Record<string, string> };
  'tab/write': { ok: true };
}

export type ErrorCode =
  | 'invalid-request'
  | 'unknown-type'
  | 'forbidden-sender'
  | 'quota-exceeded'
  | 'not-found'
  | 'internal'
  /** Client side only: the worker could not be reached (restarting, extension reloaded…). */
  | 'unavailable';

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string };
}

export type ResponseOf<T extends RequestType> = ResponseMap[T] | ErrorReply;
export type Response = ResponseOf<RequestType>;

export const REQUEST_TYPES: readonly RequestType[] = [
  'ping',
  'chat/get',
  'chat/update',
  'chat/list',
  'tweets/put',
  'tweets/count',
  'sessions/list',
  'catch-up',
  'host/posts',
  'export',
  'chat/delete',
  'chats/import',
  'sessions/clear',
  'storage/stats',
  'reminders/list',
  'reminders/set',
  'reminders/clear',
  'sync/get',
  'sync/set',
  'tab/load',
  'tab/write',
];

/** Request types that change or delete stored data wholesale, or where it is kept: accepted from the extension's own pages only. */
export const PAGE_ONLY_TYPES: readonly RequestType[] = [
  'chat/delete',
  'chats/import',
  'sessions/clear',
  'reminders/set',
  'reminders/clear',
  'sync/get',
  'sync/set',
];

/** Request types about the sender's own tab: accepted from a content script in an x.com tab's top frame only. */
export const TAB_ONLY_TYPES: readonly RequestType[] = ['tab/load', 'tab/write'];

/** Most posts a `host/posts` reply holds: a plan has at most 30 questions with 5 sub-questions each, plus what the hosts say between them. */
export const HOST_POSTS_MAX = 300;

export function errorReply(code: ErrorCode, message: string): ErrorReply {
  return { ok: false, error: { code, message } };
}

/** What one message may hold, checked by ./parse-request. */
export const LIMITS = {
  maxBatch: 500,
  maxTextLength: 30_000,
  maxNameLength: 200,
  maxTitleLength: 200,
  maxExtraTags: 20,
  maxHosts: 50,
  maxMuted: 5_000,
  maxDescriptionLength: 2_000,
  /** A chat lasts at most a day. */
  maxDurationMinutes: 24 * 60,
  /** A reminder comes at most a day before the chat. */
  maxLeadMinutes: 24 * 60,
  /** Chats in one settings import. */
  maxImportedChats: 1_000,
  /** Items set or removed by one `tab/write`. */
  maxTabWriteItems: 500,
  /** One item kept for a tab: a batch of unsent tweets (100 tweets of 30,000 characters at most). */
  maxTabValueLength: 4_000_000,
} as const;
