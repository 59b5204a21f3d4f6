// The action popup: wiring only (components/popup/Popup.tsx holds the view, lib/pages the logic).
import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { t } from '@/lib/i18n';
import { pageClient } from '@/lib/pages/client';
import '@/components/options/pages.css';
import '@/components/switch.css';
import '@/components/visually-hidden.css';

async function main(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('extName');
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  render(
    <Popup
      client={pageClient()}
      t={t}
      activeTabUrl={tab?.url}
      openTab={async (url) => {
        await browser.tabs.create({ url });
        window.close();
      }}
      reloadActiveTab={async () => {
        if (tab?.id !== undefined) await browser.tabs.reload(tab.id);
      }}
      openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    document.getElementById('app')!,
  );
}

void main();
