// The keyboard shortcut (the manifest's `commands`): toggles chat mode in the active x.com tab the way
// the popup's switch does: the tab's chat saved with `chatMode` flipped through the message protocol,
// then the tab reloaded so its content script starts or stops.
import type { Tag } from '../chat';
import type { Client } from '../protocol/client';
import { chatTagsFromUrl } from '../x/urls';

/** The command's name in the manifest and in `commands.onCommand`. */
export const TOGGLE_CHAT_MODE_COMMAND = 'toggle-chat-mode';

/**
 * Its default key, H for hashtag. Chromium keeps Alt+Shift+A, B, C, N, P, R, T, W, X and Z for itself
 * (it leaves a suggested key that is one of its own shortcuts unassigned; tried on Chromium 156 for every
 * letter); Firefox's browser window binds no Alt+Shift+letter; x.com's own shortcuts are single keys and
 * g+key, none with Alt. On macOS Option+Shift+letter types a character, so Control+Shift+H there
 * (browsers on macOS use Command, not Control, for their shortcuts).
 */
export const TOGGLE_CHAT_MODE_KEYS = { default: 'Alt+Shift+H', mac: 'MacCtrl+Shift+H' } as const;

export interface ToggleChatModeDeps {
  /** The background's own client of its message handler (the popup's switch sends the same requests). */
  client: Client;
  /** The focused window's active tab; its URL is known for x.com tabs (host permission). */
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  reloadTab: (tabId: number) => Promise<void>;
}

export type ToggleOutcome =
  | { toggled: true; tag: Tag; chatMode: boolean }
  | { toggled: false; reason: 'not-a-chat-tab' }
  | { toggled: false; reason: 'failed'; message: string };

/** Flips chat mode for the active tab's chat; does nothing outside an x.com chat page. */
export async function toggleChatModeInActiveTab({ client, activeTab, reloadTab }: ToggleChatModeDeps): Promise<ToggleOutcome> {
  const tab = await activeTab();
  const tag = tab?.url ? chatTagsFromUrl(tab.url)?.[0] : undefined;
  if (tab?.id === undefined || !tag) return { toggled: false, reason: 'not-a-chat-tab' };
  const current = await client.send({ type: 'chat/get', tag });
  if (!current.ok) return { toggled: false, reason: 'failed', message: current.error.message };
  const updated = await client.send({ type: 'chat/update', tag, patch: { chatMode: !current.chat.chatMode } });
  if (!updated.ok) return { toggled: false, reason: 'failed', message: updated.error.message };
  await reloadTab(tab.id);
  return { toggled: true, tag, chatMode: updated.chat.chatMode };
}

export interface CommandsApi {
  onCommand: { addListener(listener: (command: string) => void): void };
}

/** Listens for the shortcut; a failure is logged (the shortcut has no page to show it on). */
export function listenForToggleChatMode(commands: CommandsApi, deps: ToggleChatModeDeps): void {
  commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_CHAT_MODE_COMMAND) return;
    void toggleChatModeInActiveTab(deps).then(
      (outcome) => {
        if (!outcome.toggled && outcome.reason === 'failed') console.error('chat-mode: the shortcut failed', outcome.message);
      },
      (e: unknown) => console.error('chat-mode: the shortcut failed', e),
    );
  });
}
