// The data that crosses the boundary between the content script, the extension pages and the
// background worker, and that the store keeps: a chat's settings, its sessions, reminders, tweets.
// Types only.
import type { HostPlan } from '../chat/host-plan';
import type { FilterOptions, Handle, Schedule, Tag, Tweet } from '../chat/types';

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
  /** The host's plan for the chat (absent: none yet). */
  plan?: HostPlan;
  /** The user hosts this chat: the sidebar offers the host console, and the signed-in account counts as a host. */
  hosting?: boolean;
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
export interface ChatSession {
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

/** Whether chats' settings are kept in the browser's sync storage, and how the last pass went. */
export interface SyncStatus {
  enabled: boolean;
  /** When this device and sync last agreed (epoch ms); null: not yet. */
  lastSyncedAt: number | null;
  /** Why the last pass failed, in the browser's words (a quota, sync unavailable), or null. */
  error: string | null;
  /** Chats too large for one item of sync: they stay on this device only. */
  tooLarge: Array<{ tag: Tag; bytes: number }>;
}
