// The options page's import and export of all chat settings as one file.
import { useState } from 'preact/hooks';
import type { ChatSettings } from '@/lib/protocol/domain';
import { exportSettings, readSettingsFile, settingsFilename } from '@/lib/pages/settings-file';
import type { OptionsProps } from './Options';
import { formatCount } from '../Counters';
import { SectionStatus } from './SectionStatus';

export function TransferSection({
  client,
  t,
  chats,
  refresh,
  download,
  now = () => new Date(),
}: OptionsProps & { chats: ChatSettings[] | null; refresh: () => Promise<void> }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const doExport = async () => {
    setError(null);
    const reply = await client.send({ type: 'chat/list' });
    if (!reply.ok) return setError(reply.error.message);
    const at = now();
    download(settingsFilename(at), 'application/json', exportSettings(reply.chats, at));
    setStatus(t('optionsExported', formatCount(reply.chats.length)));
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setStatus(null);
    // The whole file is checked here and again by the background, which applies all of it or nothing.
    const parsed = await readSettingsFile(file);
    if (!parsed.ok) return setError(t('optionsImportInvalid', parsed.error));
    const reply = await client.send({ type: 'chats/import', chats: parsed.chats });
    if (!reply.ok) return setError(t('optionsImportFailed', reply.error.message));
    setStatus(t('optionsImported', formatCount(reply.imported)));
    await refresh();
  };

  return (
    <section id="transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('optionsTransfer')}</h2>
      <p class="muted">{t('optionsTransferHelp')}</p>
      <div class="row">
        <button type="button" class="button" id="export-settings" disabled={chats === null} onClick={() => void doExport()}>
          {t('optionsExport')}
        </button>
        <label for="import-settings">{t('optionsImport')}</label>
        <input
          type="file"
          id="import-settings"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            void doImport(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      <SectionStatus status={status} error={error} errorId="import-error" />
    </section>
  );
}
