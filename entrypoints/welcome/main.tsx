// The welcome page, opened once on install: wiring only (components/welcome holds the view).
import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';
import { TOGGLE_CHAT_MODE_COMMAND } from '@/lib/commands/toggle-chat-mode';
import { t } from '@/lib/i18n';
import '@/components/options/pages.css';
import '@/components/welcome/welcome.css';

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('welcomeHeading');
  const commands = await browser.commands.getAll().catch(() => []);
  render(
    <Welcome
      t={t}
      browserKind={import.meta.env.FIREFOX ? 'firefox' : 'chrome'}
      shortcut={commands.find((command) => command.name === TOGGLE_CHAT_MODE_COMMAND)?.shortcut ?? ''}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
}

void main();
