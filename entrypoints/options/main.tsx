// The options page: wiring only (components/options holds the views, lib/pages the logic).
import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { t } from '@/lib/i18n';
import { pageClient } from '@/lib/pages/client';
import { STATE_KEY as SYNC_STATE_KEY } from '@/lib/sync/service';
import { downloadText } from '@/lib/pages/download';
import '@/components/options/pages.css';
import '@/components/visually-hidden.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsHeading');
const zones = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

render(
  <Options
    client={pageClient()}
    t={t}
    download={(filename, mime, body) => downloadText(document, filename, mime, body)}
    timeZones={zones}
    estimateStorage={() => navigator.storage?.estimate?.() ?? Promise.resolve(undefined)}
    watchSync={(listener) => {
      const onChanged = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName === 'local' && SYNC_STATE_KEY in changes) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    }}
  />,
  document.getElementById('app')!,
);
