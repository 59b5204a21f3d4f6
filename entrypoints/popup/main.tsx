// The action popup: wiring only (components/popup/Popup.tsx holds the view, lib/pages the logic).
import { render } from 'preact';
import type { Commands } from 'webextension-polyfill';
import { Popup } from '@/components/popup/Popup';
import { TOGGLE_CHAT_MODE_COMMAND } from '@/lib/commands/toggle-chat-mode';
import { t } from '@/lib/i18n';
import { pageClient } from '@/lib/pages/client';
import '@/components/options/pages.css';
import '@/components/switch.css';
import '@/components/visually-hidden.css';

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('extName');
  const [[tab], commands] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }).catch(() => []),
    browser.commands.getAll().catch(() => []),
  ]);
  const openTab = async (url: string) => {
    await browser.tabs.create({ url });
    window.close();
  };
  render(
    <Popup
      client={pageClient()}
      t={t}
      activeTabUrl={tab?.url}
      openTab={openTab}
      reloadActiveTab={async () => {
        if (tab?.id !== undefined) await browser.tabs.reload(tab.id);
      }}
      openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      shortcut={{
        keys: commands.find((command) => command.name === TOGGLE_CHAT_MODE_COMMAND)?.shortcut ?? '',
        // Firefox opens its own (about:addons, which extensions may not open as a tab; missing from the
        // types this build's `browser` has, which are Chrome's); Chrome's is a page to open.
        openSettings: import.meta.env.FIREFOX
          ? () => void (browser.commands as unknown as Commands.Static).openShortcutSettings().then(() => window.close())
          : () => void openTab('chrome://extensions/shortcuts'),
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
