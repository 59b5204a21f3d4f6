// The options page's switch for keeping chats' settings in the browser's own sync storage, with what
// it does and how the last sync went (when, what failed, which chats are too large to sync).
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '@/lib/protocol/domain';
import type { OptionsProps } from './Options';
import { SectionStatus } from './SectionStatus';

/** The browsers' limit for one chat in sync storage, as the user reads it. */
const ITEM_LIMIT_KB = '8';
/** A size in kB as the browser's language writes it (9.3, 9,3). */
const kilobytes = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function SyncSetting({ client, t, timeZone, watchSync }: OptionsProps) {
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);

  const apply = (reply: { ok: true; sync: SyncStatus } | { ok: false; error: { message: string } }) => {
    if (reply.ok) {
      setSync(reply.sync);
      setRequestError(null);
    } else setRequestError(reply.error.message);
  };
  const refresh = async () => apply(await client.send({ type: 'sync/get' }));
  // The background syncs on its own (another device's change, a retry): the status follows.
  useEffect(() => {
    void refresh();
    return watchSync?.(() => void refresh());
  }, []);

  const toggle = async (enabled: boolean) => apply(await client.send({ type: 'sync/set', enabled }));

  const when = (at: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  const status = !sync?.enabled
    ? null
    : sync.lastSyncedAt === null
      ? t('optionsSyncNotYet')
      : t('optionsSyncLastSynced', when(sync.lastSyncedAt));
  const failure = requestError ?? sync?.error ?? null;
  return (
    <div class="sync" data-testid="sync">
      <label>
        <input
          type="checkbox"
          id="sync-enabled"
          checked={sync?.enabled ?? false}
          disabled={sync === null}
          aria-describedby="sync-help"
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        {t('optionsSync')}
      </label>
      <p class="hint" id="sync-help">
        {t('optionsSyncHelp', ITEM_LIMIT_KB)}
      </p>
      {sync?.enabled && sync.tooLarge.length > 0 ? (
        <ul class="sync-too-large">
          {sync.tooLarge.map(({ tag, bytes }) => (
            <li key={tag}>{t('optionsSyncTooLarge', `#${tag}`, kilobytes.format(bytes / 1024), ITEM_LIMIT_KB)}</li>
          ))}
        </ul>
      ) : null}
      <SectionStatus status={status} error={failure === null ? null : t('optionsSyncFailed', failure)} />
    </div>
  );
}
