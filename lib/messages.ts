// The message protocol between the content script / extension pages and the background worker.
// Typed end to end and validated at the receiving side. Dependency-free on purpose: this module is
// bundled into the content script, which must stay small. Only type imports below.
import type { FilterOptions, Handle, Recurrence, Schedule, Tag, Tweet, TweetKind } from './chat/types';
import type { OccurrenceTimes } from './chat/when';

// ---------------------------------------------------------------------------------------------
// Data shapes that cross the boundary
// ---------------------------------------------------------------------------------------------

/** Per-chat settings, owned by the background (IndexedDB `chats` store). */
export interface ChatSettings {
  tag: Tag;
  extraTags: Tag[];
  title: string;
  hosts: Handle[];
  muted: Handle[];
  filter: FilterOptions;
  autoTag: boolean;
  chatMode: boolean;
  sidebar: { collapsed: boolean };
  /**
   * The user's own schedule for the chat. Absent: the directory's (if any) applies; null: the user
   * said the chat has no known schedule. See `effectiveSchedule` in lib/pages.
   */
  schedule?: Schedule | null;
  /** The user's own description of the chat (absent: the directory's). */
  description?: string;
  createdAt: number;
  updatedAt: number;
}

/** The part of ChatSettings a client may change with `chat/update`. */
export type ChatSettingsEditable = Omit<ChatSettings, 'tag' | 'createdAt' | 'updatedAt'>;

/** One chat of a settings import: its editable settings, less the device-local sidebar state. */
export interface ImportedChat {
  tag: Tag;
  patch: Partial<Omit<ChatSettingsEditable, 'sidebar'>>;
}

/** A tweet as the content script sends it: the Tweet plus the question/answer label it computed (e.g. '2a'). */
export interface StoredTweetInput extends Tweet {
  question?: string;
  answer?: string;
}

/** One occurrence of a chat (an evening's chat). Times are epoch milliseconds. */
export interface Session {
  id: string;
  tag: Tag;
  start: number;
  end: number;
  /** 'scheduled': from the chat's schedule; 'rolling': tweets less than 2 hours apart. */
  kind: 'scheduled' | 'rolling';
  tweetCount: number;
}

/** What the store holds, in records. */
export interface StoreStats {
  chats: number;
  sessions: number;
  tweets: number;
}

export type ExportFormat = 'markdown' | 'csv' | 'json';

/** A reminder the user asked for: a notification `leadMinutes` before each occurrence of the chat. */
export interface Reminder {
  tag: Tag;
  leadMinutes: number;
  createdAt: number;
  updatedAt: number;
}

// ---------------------------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------------------------

export type Request =
  | { type: 'ping' }
  | { type: 'chat/get'; tag: Tag }
  | { type: 'chat/update'; tag: Tag; patch: Partial<ChatSettingsEditable> }
  | { type: 'chat/list' }
  | { type: 'tweets/put'; batchId: string; tag: Tag; tweets: StoredTweetInput[] }
  | { type: 'tweets/count'; tag: Tag; sessionId?: string }
  | { type: 'sessions/list'; tag: Tag }
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
  'sessions/list': { ok: true; sessions: Session[] };
  export: { ok: true; filename: string; mime: string; body: string };
  'chat/delete': { ok: true; deleted: boolean };
  'chats/import': { ok: true; imported: number };
  'sessions/clear': { ok: true; deletedSessions: number; deletedTweets: number };
  'storage/stats': { ok: true; stats: StoreStats };
  'reminders/list': { ok: true; reminders: Reminder[] };
  'reminders/set': { ok: true; reminder: Reminder };
  'reminders/clear': { ok: true; cleared: boolean };
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
  'export',
  'chat/delete',
  'chats/import',
  'sessions/clear',
  'storage/stats',
  'reminders/list',
  'reminders/set',
  'reminders/clear',
  'tab/load',
  'tab/write',
];

/** Request types that change or delete stored data wholesale: accepted from the extension's own pages only. */
export const PAGE_ONLY_TYPES: readonly RequestType[] = [
  'chat/delete',
  'chats/import',
  'sessions/clear',
  'reminders/set',
  'reminders/clear',
];

/** Request types about the sender's own tab: accepted from a content script in an x.com tab's top frame only. */
export const TAB_ONLY_TYPES: readonly RequestType[] = ['tab/load', 'tab/write'];

export function errorReply(code: ErrorCode, message: string): ErrorReply {
  return { ok: false, error: { code, message } };
}

// ---------------------------------------------------------------------------------------------
// Validation (hand-written, strict; unknown keys are dropped, unknown types rejected)
// ---------------------------------------------------------------------------------------------

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

/** A hashtag without '#': letters (with their combining marks, as in Hindi or Arabic), digits, '_'. */
export const TAG_RE = /^[\p{L}\p{M}\p{N}_]{1,100}$/u;
const TWEET_ID_RE = /^\d{1,25}$/;
const HANDLE_RE = /^[A-Za-z0-9_]{1,50}$/;
export const BATCH_ID_RE = /^[A-Za-z0-9_:.-]{1,128}$/;
const SESSION_ID_RE = /^[\p{L}\p{M}\p{N}_:.-]{1,200}$/u;
const LABEL_RE = /^[A-Za-z0-9_.-]{1,16}$/;
const TAB_KEY_RE = /^[A-Za-z][A-Za-z0-9_:.-]{0,159}$/;
const LANG_RE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TWEET_KINDS: readonly TweetKind[] = ['tweet', 'reply', 'retweet', 'quote', 'promoted'];
const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'csv', 'json'];

class Invalid extends Error {}

function fail(path: string, message: string): never {
  throw new Invalid(`${path}: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, 'expected an object');
  return value;
}

function string(value: unknown, path: string, max: number, pattern?: RegExp, hint?: string): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  if (pattern && !pattern.test(value)) fail(path, hint ?? `does not match ${pattern}`);
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

function list<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** Tags are compared NFKC-normalised and lower-cased; the validator returns that form. */
function tag(value: unknown, path: string): Tag {
  const raw = string(value, path, 400);
  const normalised = raw.normalize('NFKC').toLowerCase();
  if (!TAG_RE.test(normalised)) fail(path, 'expected a hashtag without "#": 1-100 letters, digits or "_"');
  return normalised;
}

function handle(value: unknown, path: string): Handle {
  return string(value, path, 50, HANDLE_RE, 'expected a handle without "@": letters, digits or "_"').toLowerCase();
}

function uniqueList<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function optional<T>(obj: Record<string, unknown>, key: string, path: string, read: (v: unknown, p: string) => T): T | undefined {
  return obj[key] === undefined ? undefined : read(obj[key], `${path}.${key}`);
}

function tweetInput(value: unknown, path: string): StoredTweetInput {
  const t = record(value, path);
  const author = record(t.author, `${path}.author`);
  const time = t.time === null ? null : string(t.time, `${path}.time`, 40, ISO_TIME_RE, 'expected an ISO 8601 time or null');
  if (time !== null && Number.isNaN(Date.parse(time))) fail(`${path}.time`, 'not a valid date');
  const kind = string(t.kind, `${path}.kind`, 20) as TweetKind;
  if (!TWEET_KINDS.includes(kind)) fail(`${path}.kind`, `expected one of ${TWEET_KINDS.join(', ')}`);
  const out: StoredTweetInput = {
    id: string(t.id, `${path}.id`, 25, TWEET_ID_RE, 'expected a status id of 1-25 digits'),
    author: {
      handle: handle(author.handle, `${path}.author.handle`),
      name: string(author.name, `${path}.author.name`, LIMITS.maxNameLength),
    },
    time,
    text: string(t.text, `${path}.text`, LIMITS.maxTextLength),
    kind,
  };
  const retweetedBy = optional(t, 'retweetedBy', path, handle);
  if (retweetedBy !== undefined) out.retweetedBy = retweetedBy;
  const lang = optional(t, 'lang', path, (v, p) => string(v, p, 35, LANG_RE, 'expected a BCP 47 language tag'));
  if (lang !== undefined) out.lang = lang;
  const question = optional(t, 'question', path, (v, p) => string(v, p, 16, LABEL_RE, 'expected a short label such as "2a"'));
  if (question !== undefined) out.question = question;
  const answer = optional(t, 'answer', path, (v, p) => string(v, p, 16, LABEL_RE, 'expected a short label such as "2a"'));
  if (answer !== undefined) out.answer = answer;
  return out;
}

/** Validates one tweet as `tweets/put` would; lets the content script drop a bad tweet instead of a whole batch. */
export function checkTweet(value: unknown): { ok: true; tweet: StoredTweetInput } | { ok: false; message: string } {
  try {
    return { ok: true, tweet: tweetInput(value, 'tweet') };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    throw e;
  }
}

function filterOptions(value: unknown, path: string): FilterOptions {
  const f = record(value, path);
  return {
    hideRetweets: boolean(f.hideRetweets, `${path}.hideRetweets`),
    hideMuted: boolean(f.hideMuted, `${path}.hideMuted`),
    hostsOnly: boolean(f.hostsOnly, `${path}.hostsOnly`),
  };
}

const START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NTHS = [1, 2, 3, 4, -1] as const;

/** The runtime's own spelling of an IANA time zone ("america/chicago" → "America/Chicago"), or null if it knows none such. */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,99}$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function oneOf<T extends number>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'number' || !allowed.includes(value as T)) fail(path, `expected one of ${allowed.join(', ')}`);
  return value as T;
}

function recurrence(value: unknown, path: string): Recurrence {
  const r = record(value, path);
  const weekday = oneOf(r.weekday, `${path}.weekday`, WEEKDAYS);
  if (r.kind === 'weekly') return { kind: 'weekly', weekday };
  if (r.kind === 'monthly') return { kind: 'monthly', weekday, nth: oneOf(r.nth, `${path}.nth`, NTHS) };
  fail(`${path}.kind`, 'expected "weekly" or "monthly"');
}

/** A chat's schedule, or null for "no schedule". */
export function scheduleValue(value: unknown, path: string): Schedule | null {
  if (value === null) return null;
  const s = record(value, path);
  const duration = s.durationMinutes;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > LIMITS.maxDurationMinutes) {
    fail(`${path}.durationMinutes`, `expected a whole number of minutes from 1 to ${LIMITS.maxDurationMinutes}`);
  }
  const timeZone = canonicalTimeZone(string(s.timeZone, `${path}.timeZone`, 100));
  if (timeZone === null) fail(`${path}.timeZone`, 'expected an IANA time zone such as "America/Chicago"');
  return {
    recurrence: recurrence(s.recurrence, `${path}.recurrence`),
    start: string(s.start, `${path}.start`, 5, START_RE, 'expected a 24-hour time "HH:MM"'),
    durationMinutes: duration,
    timeZone,
  };
}

/** A patch of chat `mainTag`'s settings; its extra tags come without duplicates and without the main tag. */
function chatPatch(value: unknown, path: string, mainTag: Tag): Partial<ChatSettingsEditable> {
  const p = record(value, path);
  const out: Partial<ChatSettingsEditable> = {};
  const extraTags = optional(p, 'extraTags', path, (v, q) => list(v, q, LIMITS.maxExtraTags, tag));
  if (extraTags) out.extraTags = uniqueList(extraTags).filter((extra) => extra !== mainTag);
  const title = optional(p, 'title', path, (v, q) => string(v, q, LIMITS.maxTitleLength));
  if (title !== undefined) out.title = title;
  const hosts = optional(p, 'hosts', path, (v, q) => list(v, q, LIMITS.maxHosts, handle));
  if (hosts) out.hosts = uniqueList(hosts);
  const muted = optional(p, 'muted', path, (v, q) => list(v, q, LIMITS.maxMuted, handle));
  if (muted) out.muted = uniqueList(muted);
  const filter = optional(p, 'filter', path, filterOptions);
  if (filter) out.filter = filter;
  const autoTag = optional(p, 'autoTag', path, boolean);
  if (autoTag !== undefined) out.autoTag = autoTag;
  const chatMode = optional(p, 'chatMode', path, boolean);
  if (chatMode !== undefined) out.chatMode = chatMode;
  const sidebar = optional(p, 'sidebar', path, (v, q) => ({ collapsed: boolean(record(v, q).collapsed, `${q}.collapsed`) }));
  if (sidebar) out.sidebar = sidebar;
  const schedule = optional(p, 'schedule', path, scheduleValue);
  if (schedule !== undefined) out.schedule = schedule;
  const description = optional(p, 'description', path, (v, q) => string(v, q, LIMITS.maxDescriptionLength));
  if (description !== undefined) out.description = description;
  return out;
}

/** A settings import: every chat valid, none twice. */
function importedChats(value: unknown, path: string): ImportedChat[] {
  const seen = new Set<Tag>();
  return list(value, path, LIMITS.maxImportedChats, (v, p) => {
    const entry = record(v, p);
    const main = tag(entry.tag, `${p}.tag`);
    if (seen.has(main)) fail(`${p}.tag`, `#${main} appears twice`);
    seen.add(main);
    const patch = chatPatch(entry.patch, `${p}.patch`, main);
    delete patch.sidebar; // device-local: each browser keeps its own
    return { tag: main, patch };
  });
}

function sessionId(value: unknown, path: string): string {
  return string(value, path, 200, SESSION_ID_RE, 'expected a session id');
}

function validate(m: Record<string, unknown>, type: RequestType): Request {
  switch (type) {
    case 'ping':
    case 'chat/list':
    case 'storage/stats':
    case 'reminders/list':
      return { type };
    case 'chat/get':
    case 'chat/delete':
    case 'sessions/list':
    case 'reminders/clear':
      return { type, tag: tag(m.tag, 'tag') };
    case 'reminders/set': {
      const lead = m.leadMinutes;
      if (typeof lead !== 'number' || !Number.isInteger(lead) || lead < 1 || lead > LIMITS.maxLeadMinutes) {
        fail('leadMinutes', `expected a whole number of minutes from 1 to ${LIMITS.maxLeadMinutes}`);
      }
      return { type, tag: tag(m.tag, 'tag'), leadMinutes: lead };
    }
    case 'chat/update': {
      const main = tag(m.tag, 'tag');
      return { type, tag: main, patch: chatPatch(m.patch, 'patch', main) };
    }
    case 'chats/import':
      return { type, chats: importedChats(m.chats, 'chats') };
    case 'tweets/put': {
      const tweets = list(m.tweets, 'tweets', LIMITS.maxBatch, tweetInput);
      if (tweets.length === 0) fail('tweets', 'a batch must hold at least one tweet');
      return {
        type,
        batchId: string(m.batchId, 'batchId', 128, BATCH_ID_RE, 'expected 1-128 of A-Z a-z 0-9 _ : . -'),
        tag: tag(m.tag, 'tag'),
        tweets,
      };
    }
    case 'tweets/count': {
      const id = optional(m, 'sessionId', '', sessionId);
      return id === undefined ? { type, tag: tag(m.tag, 'tag') } : { type, tag: tag(m.tag, 'tag'), sessionId: id };
    }
    case 'export': {
      const format = string(m.format, 'format', 10) as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) fail('format', `expected one of ${EXPORT_FORMATS.join(', ')}`);
      return { type, sessionId: sessionId(m.sessionId, 'sessionId'), format };
    }
    case 'tab/load':
      return { type };
    case 'tab/write': {
      const set = record(m.set, 'set');
      const keys = Object.keys(set);
      if (keys.length > LIMITS.maxTabWriteItems) fail('set', `more than ${LIMITS.maxTabWriteItems} items`);
      const tabKey = (v: unknown, p: string) => string(v, p, 160, TAB_KEY_RE, 'expected a letter, then up to 159 of A-Z a-z 0-9 _ : . -');
      const values = Object.fromEntries(keys.map((key) => [tabKey(key, 'set'), string(set[key], `set.${key}`, LIMITS.maxTabValueLength)]));
      return { type, set: values, remove: list(m.remove, 'remove', LIMITS.maxTabWriteItems, tabKey) };
    }
    case 'sessions/clear': {
      const before = m.before;
      if (typeof before !== 'number' || !Number.isFinite(before)) fail('before', 'expected a time in epoch milliseconds');
      const which = optional(m, 'tag', '', tag);
      return which === undefined ? { type, before } : { type, before, tag: which };
    }
  }
}

/**
 * Validates an untrusted message. Returns a fresh request holding only the known keys (tags
 * normalised, handles lower-cased), or an error reply: `unknown-type` for a well-formed message of
 * a type we don't know, `invalid-request` for anything else that's wrong. Never throws.
 */
export function parseRequest(value: unknown): { ok: true; request: Request } | ErrorReply {
  try {
    if (!isRecord(value)) return errorReply('invalid-request', 'message: expected an object');
    const type: unknown = value.type;
    if (typeof type !== 'string') return errorReply('invalid-request', 'type: expected a string');
    if (!REQUEST_TYPES.includes(type as RequestType)) {
      return errorReply('unknown-type', `type: unknown message type "${type.slice(0, 60)}"`);
    }
    return { ok: true, request: validate(value, type as RequestType) };
  } catch (e) {
    if (e instanceof Invalid) return errorReply('invalid-request', e.message.replace(/^\./, ''));
    return errorReply('invalid-request', 'message: could not be read');
  }
}

// ---------------------------------------------------------------------------------------------
// Senders
// ---------------------------------------------------------------------------------------------

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** 0: the tab's top frame. */
  frameId?: number;
}

const CONTENT_HOSTS = new Set(['x.com', 'twitter.com']);

function isXUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && CONTENT_HOSTS.has(u.hostname) && u.port === '';
  } catch {
    return false;
  }
}

/** Whether the sender is one of the extension's own pages (popup, options), not a content script. */
export function isExtensionPageSender(sender: SenderLike, ownId: string, ownOrigin?: string): boolean {
  if (!ownId || sender.id !== ownId) return false;
  const origin = (ownOrigin ?? `chrome-extension://${ownId}/`).replace(/\/*$/, '/');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/**
 * Accept only our own extension's contexts: `sender.id` must be ours; then either an extension page
 * (its URL under our extension's origin) or a content script in an https://x.com / https://twitter.com
 * tab. `ownOrigin` is `browser.runtime.getURL('')`; pass it on Firefox, where the extension URL holds
 * an internal UUID rather than the id. Without it, `chrome-extension://<ownId>/` is assumed.
 */
export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin?: string): boolean {
  if (!ownId || sender.id !== ownId) return false;
  const origin = (ownOrigin ?? `chrome-extension://${ownId}/`).replace(/\/*$/, '/');
  const url = sender.url ?? sender.tab?.url;
  if (url === undefined) return false;
  if (url.startsWith(origin)) return true; // an extension page (popup, options, even when opened in a tab)
  if (!sender.tab) return false;
  if (!isXUrl(url)) return false;
  return sender.tab.url === undefined || isXUrl(sender.tab.url);
}

/**
 * The tab whose content script sent the message (top frame of an x.com tab, never an extension page):
 * its id keys what the tab keeps, so a tab reads and writes only its own items. Null: not such a sender.
 */
export function senderTabId(sender: SenderLike, ownId: string, ownOrigin?: string): number | null {
  if (!isTrustedSender(sender, ownId, ownOrigin) || isExtensionPageSender(sender, ownId, ownOrigin)) return null;
  const id = sender.tab?.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  return isXUrl(sender.url ?? sender.tab?.url ?? '') ? id : null;
}

// ---------------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------------

export interface Client {
  /** Never throws: transport failures become `{ ok: false, error: { code: 'unavailable' } }`. */
  send<T extends RequestType>(request: RequestOf<T> & { type: T }): Promise<ResponseOf<T>>;
}

/** `createClient((msg) => browser.runtime.sendMessage(msg))`. */
export function createClient(sendMessage: (message: unknown) => Promise<unknown>): Client {
  async function send(request: Request): Promise<Response> {
    let reply: unknown;
    try {
      reply = await sendMessage(request);
    } catch (e) {
      return errorReply('unavailable', `The background worker could not be reached: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (reply === undefined) return errorReply('unavailable', 'The background worker did not reply.');
    if (!isRecord(reply) || typeof reply.ok !== 'boolean') return errorReply('internal', 'The background worker sent a malformed reply.');
    if (reply.ok === false && (!isRecord(reply.error) || typeof reply.error.code !== 'string')) {
      return errorReply('internal', 'The background worker sent a malformed error reply.');
    }
    return reply as unknown as Response;
  }
  return { send: send as Client['send'] };
}
