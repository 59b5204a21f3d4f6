// What a chat-mode feature is: one file (lib/chat-mode/features/*) that says where it runs, what it
// reports and how the sidebar shows it, registered in features/index.ts. It gets what it needs from the
// tab through one typed object (`ChatModeDeps`), and undoes what it did when its signal aborts.
import type { VNode } from 'preact';
import type { Tag } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, ChatSettingsEditable } from '@/lib/protocol/domain';
import type { Outbox } from '@/lib/outbox';
import type { TabState } from './tab';

/** Where chat mode is on: the chat, its settings, and the page. */
export interface Where {
  tags: Tag[];
  chat: ChatSettings;
  onChatPage: boolean;
  href: string;
}

/** What the tab gives every feature (built once per page, in the content script). */
export interface ChatModeDeps {
  document: Document;
  client: Client;
  /** Where seen chat tweets wait until the background has stored them. */
  outbox: Pick<Outbox, 'add' | 'stats'>;
  /** Whether tweets on their way are kept across a reload (false: the tab's storage is full). */
  kept(): boolean;
  /** The outbox's latest error that the user must know about (e.g. storage full), or null. */
  lastError(): string | null;
}

export interface FeatureContext<R> extends Where {
  deps: ChatModeDeps;
  /** Aborts when the feature stops: everything it started stops with it, leaving the page as it was. */
  signal: AbortSignal;
  /** Publishes what the feature has to show in the sidebar; its slot is emptied when it stops. */
  report(value: R): void;
}

/** What a feature's sidebar parts get: its own report, the tab's state, and what they may act on. */
export interface SectionProps<R> {
  report: R;
  state: TabState;
  t: Translate;
  doc: Document;
  update: (patch: Partial<ChatSettingsEditable>) => void;
}

// Methods, not function properties: a feature with its own report type is then a `Feature<string, unknown>`.
export interface Feature<Name extends string = string, R = unknown> {
  name: Name;
  /** Whether it runs on this page while chat mode is on. */
  runsOn(where: Where): boolean;
  /** The feature restarts when this changes (default: any change of chat, settings or page kind). */
  key?(where: Where): string;
  start(context: FeatureContext<R>): void;
  /** Other features whose reports its parts read (from `state.reports`): they are drawn again when those change too. */
  uses?: readonly (keyof TabState['reports'])[];
  /** Shown at the top of the sidebar's chat-mode part (warnings about the page). */
  notice?(props: SectionProps<R>): VNode | null;
  /** Shown below the notices, in the order of the feature list. */
  section?(props: SectionProps<R>): VNode | null;
}

/** The report type a feature declares. */
export type ReportOf<F> = F extends Feature<string, infer R> ? R : never;

/** The tags chat mode filters on and adds to posts: the chat's main tag, then its extra tags. */
export function chatTags({ tags, chat }: Pick<Where, 'tags' | 'chat'>): Tag[] {
  return [...new Set([tags[0]!, ...chat.extraTags])];
}
