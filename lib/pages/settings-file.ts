// Import and export of all chat settings as one JSON file. An imported file is read only when its
// size is within bounds, and checked whole with the validation the background applies to
// `chats/import`, so a file that passes here is one it accepts — all of it, in one transaction.
import type { ChatSettings, ChatSettingsEditable, ImportedChat } from '../protocol/domain';
import { parseRequest } from '../protocol/parse-request';
import { LIMITS } from '../protocol/requests';
import type { Tag } from '../chat/types';

const SETTINGS_FORMAT = 'chat-mode-settings';
const SETTINGS_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_SETTINGS_BYTES = 5_000_000;
const MAX_IMPORTED_CHATS = LIMITS.maxImportedChats;

/** The editable fields written per chat (and kept in sync storage); device-local state (sidebar collapsed) and timestamps are left out. */
export const EXPORTED_KEYS = [
  'extraTags',
  'title',
  'hosts',
  'muted',
  'filter',
  'autoTag',
  'chatMode',
  'schedule',
  'description',
  'plan',
  'hosting',
] as const;

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  exportedAt: string;
  chats: Array<{ tag: Tag } & Partial<ChatSettingsEditable>>;
}

export function exportSettings(chats: readonly ChatSettings[], now: Date): string {
  const file: SettingsFile = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    chats: [...chats]
      .sort((a, b) => a.tag.localeCompare(b.tag))
      .map((chat) => {
        const out: { tag: Tag } & Partial<ChatSettingsEditable> = { tag: chat.tag };
        for (const key of EXPORTED_KEYS) if (chat[key] !== undefined) (out as Record<string, unknown>)[key] = chat[key];
        return out;
      }),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export function settingsFilename(now: Date): string {
  return `chat-mode-settings-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; chats: ImportedChat[] } | { ok: false; error: string };

const TOO_LARGE = `The file is larger than ${MAX_SETTINGS_BYTES / 1_000_000} MB.`;

/** Reads a settings file the user picked: its size is checked before a byte of it is read. */
export async function readSettingsFile(file: Pick<Blob, 'size' | 'text'>): Promise<ImportResult> {
  if (file.size > MAX_SETTINGS_BYTES) return { ok: false, error: TOO_LARGE };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
  return parseSettingsFile(text);
}

/** Reads a settings file's text; on any problem, one clear message naming where it is (e.g. `chats[2].hosts[0]: …`). */
export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_BYTES) return { ok: false, error: TOO_LARGE };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: 'The file does not hold a settings object.' };
  const file = data as Record<string, unknown>;
  if (file.format !== SETTINGS_FORMAT)
    return { ok: false, error: `The file is not a Chat mode settings file (format should be "${SETTINGS_FORMAT}").` };
  if (file.version !== SETTINGS_VERSION)
    return { ok: false, error: `Settings file version ${String(file.version)} is not supported (expected ${SETTINGS_VERSION}).` };
  if (!Array.isArray(file.chats)) return { ok: false, error: 'chats: expected an array.' };
  if (file.chats.length > MAX_IMPORTED_CHATS) return { ok: false, error: `chats: more than ${MAX_IMPORTED_CHATS} chats.` };
  // The file keeps each chat's settings beside its tag; the request keeps them in a patch.
  const chats: unknown[] = [];
  for (const [i, entry] of file.chats.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return { ok: false, error: `chats[${i}]: expected an object.` };
    const { tag, ...patch } = entry as Record<string, unknown>;
    delete patch.sidebar;
    chats.push({ tag, patch });
  }
  const parsed = parseRequest({ type: 'chats/import', chats });
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  if (parsed.request.type !== 'chats/import') return { ok: false, error: 'chats: could not be read.' };
  return { ok: true, chats: parsed.request.chats };
}
