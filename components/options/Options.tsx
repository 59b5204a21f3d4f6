// The options page: the user's chats (add, edit, remove), import/export of all settings, storage and
// clearing old transcripts, and the transcripts of past sessions. Through the message protocol only.
import { useEffect, useState } from 'preact/hooks';
import { findChat, formatLocalStart, formatTag, nextOccurrence, type ChatDefinition } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, ChatSettingsEditable, StoreStats } from '@/lib/protocol/domain';
import { emptyForm, formFromChat, type ChatForm } from '@/lib/pages/chat-form';
import { exportSettings, readSettingsFile, settingsFilename } from '@/lib/pages/settings-file';
import { effectiveSchedule } from '@/lib/pages/upcoming';
import { ChatEditor, weekdayName } from './ChatEditor';
import { Transcripts } from './Transcripts';

export interface OptionsProps {
  client: Client;
  t: Translate;
  download(filename: string, mime: string, body: string): void;
  now?: () => Date;
  timeZone?: string;
  timeZones?: readonly string[];
  lookup?: (tag: string) => ChatDefinition | undefined;
  /** The browser's storage estimate, if it has one. */
  estimateStorage?: () => Promise<{ usage?: number; quota?: number } | undefined>;
}

export function Options(props: OptionsProps) {
  const { client, t } = props;
  const [chats, setChats] = useState<ChatSettings[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = async () => {
    const reply = await client.send({ type: 'chat/list' });
    if (reply.ok) {
      setChats([...reply.chats].sort((a, b) => a.tag.localeCompare(b.tag)));
      setLoadError(null);
    } else setLoadError(reply.error.message);
  };
  useEffect(() => void refresh(), []);

  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <nav aria-label={t('optionsSections')}>
        <ul>
          <li>
            <a href="#chats">{t('optionsChats')}</a>
          </li>
          <li>
            <a href="#transcripts">{t('transcriptsHeading')}</a>
          </li>
          <li>
            <a href="#transfer">{t('optionsTransfer')}</a>
          </li>
          <li>
            <a href="#storage">{t('optionsStorage')}</a>
          </li>
        </ul>
      </nav>
      {loadError ? (
        <div class="error" role="alert">
          <p>{t('popupUnavailable', loadError)}</p>
          <button type="button" class="button" onClick={() => void refresh()}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      <ChatsSection {...props} chats={chats} refresh={refresh} />
      <Transcripts client={client} t={t} chats={chats ?? []} download={props.download} timeZone={props.timeZone} />
      <TransferSection {...props} chats={chats} refresh={refresh} />
      <StorageSection {...props} />
    </main>
  );
}

type Editing = { form: ChatForm; existing: boolean; definition?: ChatDefinition } | null;

function ChatsSection({
  client,
  t,
  chats,
  refresh,
  now = () => new Date(),
  timeZone,
  timeZones = [],
  lookup = findChat,
}: OptionsProps & { chats: ChatSettings[] | null; refresh(): Promise<void> }) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (tag: string, patch: Partial<ChatSettingsEditable>): Promise<string | null> => {
    const reply = await client.send({ type: 'chat/update', tag, patch });
    if (!reply.ok) return reply.error.message;
    setEditing(null);
    setStatus(t('optionsSaved', formatTag(reply.chat.tag)));
    await refresh();
    return null;
  };
  const remove = async (chat: ChatSettings) => {
    setError(null);
    const reply = await client.send({ type: 'chat/delete', tag: chat.tag });
    if (!reply.ok) return setError(reply.error.message);
    setStatus(t('optionsRemoved', formatTag(chat.tag)));
    await refresh();
  };

  return (
    <section id="chats" aria-labelledby="chats-heading">
      <h2 id="chats-heading">{t('optionsChats')}</h2>
      <p class="status" role="status">
        {status ?? ''}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {chats === null ? <p class="muted">{t('loading')}</p> : null}
      {chats && chats.length === 0 ? <p class="muted">{t('optionsNoChats')}</p> : null}
      {chats && chats.length > 0 ? (
        <table class="chat-table">
          <thead>
            <tr>
              <th scope="col">{t('optionsTag')}</th>
              <th scope="col">{t('optionsSchedule')}</th>
              <th scope="col">{t('hosts')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('optionsActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chats.map((chat) => {
              const definition = lookup(chat.tag);
              const schedule = effectiveSchedule(chat, definition);
              let when = t('noSchedule');
              if (schedule) {
                try {
                  when = `${weekdayName(schedule.recurrence.weekday)} ${schedule.start} (${schedule.timeZone}) · ${t('nextChat', formatLocalStart(nextOccurrence(schedule, now()).start, zone))}`;
                } catch {
                  when = t('noSchedule');
                }
              }
              return (
                <tr key={chat.tag} data-tag={chat.tag}>
                  <th scope="row">
                    {formatTag(chat.tag)}
                    {chat.title !== `#${chat.tag}` ? (
                      <div class="muted" dir="auto">
                        {chat.title}
                      </div>
                    ) : null}
                  </th>
                  <td class="chat-when">{when}</td>
                  <td>{chat.hosts.map((h) => `@${h}`).join(' ')}</td>
                  <td class="row">
                    <button
                      type="button"
                      class="button"
                      aria-label={t('optionsEditChat', formatTag(chat.tag))}
                      onClick={() => setEditing({ form: formFromChat(chat, definition, zone), existing: true, definition })}
                    >
                      {t('optionsEdit')}
                    </button>
                    <button
                      type="button"
                      class="button danger"
                      aria-label={t('optionsRemoveChat', formatTag(chat.tag))}
                      onClick={() => void remove(chat)}
                    >
                      {t('optionsRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ChatEditor
          key={editing.form.tag || 'new'}
          initial={editing.form}
          existing={editing.existing}
          definition={editing.definition}
          t={t}
          timeZones={timeZones}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button type="button" class="button primary" id="add-chat" onClick={() => setEditing({ form: emptyForm(zone), existing: false })}>
            {t('optionsAddChat')}
          </button>
        </p>
      )}
    </section>
  );
}

function TransferSection({
  client,
  t,
  chats,
  refresh,
  download,
  now = () => new Date(),
}: OptionsProps & { chats: ChatSettings[] | null; refresh(): Promise<void> }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const doExport = async () => {
    setError(null);
    const reply = await client.send({ type: 'chat/list' });
    if (!reply.ok) return setError(reply.error.message);
    const at = now();
    download(settingsFilename(at), 'application/json', exportSettings(reply.chats, at));
    setStatus(t('optionsExported', String(reply.chats.length)));
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
    setStatus(t('optionsImported', String(reply.imported)));
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
      <p class="status" role="status">
        {status ?? ''}
      </p>
      {error ? (
        <p class="error" role="alert" id="import-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

const DAY = 24 * 60 * 60 * 1000;

export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

function StorageSection({ client, t, now = () => new Date(), estimateStorage }: OptionsProps) {
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
    setStatus(t('optionsCleared', String(reply.deletedSessions), String(reply.deletedTweets)));
    await refresh();
  };

  return (
    <section id="storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('optionsStorage')}</h2>
      {stats ? (
        <p data-testid="storage-stats">
          {t('optionsStats', String(stats.chats), String(stats.sessions), String(stats.tweets))}
          {usage !== undefined ? ` ${t('optionsUsage', formatBytes(usage))}` : ''}
        </p>
      ) : null}
      <div class="row">
        <label for="clear-days">{t('optionsClearOlder')}</label>
        <select id="clear-days" value={days} onChange={(e) => setDays(e.currentTarget.value)}>
          {['7', '30', '90', '365'].map((d) => (
            <option key={d} value={d}>
              {t('optionsDays', d)}
            </option>
          ))}
          <option value="all">{t('optionsAllTranscripts')}</option>
        </select>
        <button type="button" class="button danger" onClick={() => void clear()}>
          {t('optionsClear')}
        </button>
      </div>
      <p class="status" role="status">
        {status ?? ''}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
