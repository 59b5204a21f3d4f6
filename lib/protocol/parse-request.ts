// Parsing an untrusted message into a `Request`: every field validated (./validation), unknown keys
// dropped, unknown types rejected.
import type { Tag } from '../chat/types';
import type { ChatSettingsEditable, ExportFormat, ImportedChat } from './domain';
import { errorReply, LIMITS, REQUEST_TYPES, type ErrorReply, type Request, type RequestType } from './requests';
import {
  BATCH_ID_RE,
  boolean,
  fail,
  filterOptions,
  handle,
  hostPlan,
  Invalid,
  isRecord,
  list,
  optional,
  record,
  scheduleValue,
  string,
  tag,
  tweetInput,
  uniqueList,
} from './validation';

const SESSION_ID_RE = /^[\p{L}\p{M}\p{N}_:.-]{1,200}$/u;
const TAB_KEY_RE = /^[A-Za-z][A-Za-z0-9_:.-]{0,159}$/;
const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'csv', 'json'];

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
  const plan = optional(p, 'plan', path, hostPlan);
  if (plan) out.plan = plan;
  const hosting = optional(p, 'hosting', path, boolean);
  if (hosting !== undefined) out.hosting = hosting;
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
    case 'sync/get':
      return { type };
    case 'sync/set':
      return { type, enabled: boolean(m.enabled, 'enabled') };
    case 'chat/get':
    case 'chat/delete':
    case 'sessions/list':
    case 'catch-up':
    case 'host/posts':
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
