// The options page's storage: how much the store holds, clearing old transcripts, and keeping chats' settings in sync.
import { useEffect, useState } from 'preact/hooks';
import type { StoreStats } from '@/lib/protocol/domain';
import type { OptionsProps } from './Options';
import { formatCount } from '../Counters';
import { SectionStatus } from './SectionStatus';
import { SyncSetting } from './SyncSetting';

const DAY = 24 * 60 * 60 * 1000;

function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function StorageSection(props: OptionsProps) {
  const { client, t, now = () => new Date(), estimateStorage } = props;
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [usage, setUsage] = useState<number | undefined>(undefined);
  const [days, setDays] = useState('30');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    const reply = await client.send({ type: 'storage/stats' });
    if (reply.ok) setStats(reply.stats);
    else setError(reply.error.message);
    setUsage((await estimateStorage?.())?.usage);
  };
  useEffect(() => void refresh(), []);

  const clear = async () => {
    setError(null);
    const before = days === 'all' ? Number.MAX_SAFE_INTEGER : now().getTime() - Number(days) * DAY;
    const reply = await client.send({ type: 'sessions/clear', before });
    if (!reply.ok) return setError(reply.error.message);
    setStatus(t('optionsCleared', formatCount(reply.deletedSessions), formatCount(reply.deletedTweets)));
    await refresh();
  };

  return (
    <section id="storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('optionsStorage')}</h2>
      {stats ? (
        <p data-testid="storage-stats">
          {t('optionsStats', formatCount(stats.chats), formatCount(stats.sessions), formatCount(stats.tweets))}
          {usage !== undefined ? ` ${t('optionsUsage', formatBytes(usage))}` : ''}
        </p>
      ) : null}
      <div class="row">
        <label for="clear-days">{t('optionsClearOlder')}</label>
        <select id="clear-days" value={days} onChange={(e) => setDays(e.currentTarget.value)}>
          {['7', '30', '90', '365'].map((d) => (
            <option key={d} value={d}>
              {t('optionsDays', formatCount(Number(d)))}
            </option>
          ))}
          <option value="all">{t('optionsAllTranscripts')}</option>
        </select>
        <button type="button" class="button danger" onClick={() => void clear()}>
          {t('optionsClear')}
        </button>
      </div>
      <SectionStatus status={status} error={error} />
      <SyncSetting {...props} />
    </section>
  );
}
