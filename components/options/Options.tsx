// The options page: the user's chats (add, edit, remove), import/export of all settings, storage and
// clearing old transcripts, and the transcripts of past sessions. Through the message protocol only.
import { useEffect, useState } from 'preact/hooks';
import type { ChatDefinition } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings } from '@/lib/protocol/domain';
import { ChatsSection } from './ChatsSection';
import { StorageSection } from './StorageSection';
import { TransferSection } from './TransferSection';
import { Transcripts } from './Transcripts';

export interface OptionsProps {
  client: Client;
  t: Translate;
  download: (filename: string, mime: string, body: string) => void;
  now?: () => Date;
  timeZone?: string;
  timeZones?: readonly string[];
  lookup?: (tag: string) => ChatDefinition | undefined;
  /** The browser's storage estimate, if it has one. */
  estimateStorage?: () => Promise<{ usage?: number; quota?: number } | undefined>;
  /** Calls `listener` when the background's sync status changes; returns how to stop. */
  watchSync?: (listener: () => void) => () => void;
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
