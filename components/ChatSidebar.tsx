// The chat sidebar: renders one chat's state and turns the user's actions into requests to the
// background. Tweet text and names are rendered as text nodes only (JSX children), never as HTML.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatLocalStart, formatTag, nextOccurrence, findChat, type Tag } from '@/lib/chat';
import type { Client, ChatSettings } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { XTheme } from '@/lib/x/theme';

export interface ChatSidebarProps {
  /** The chat's tags from the page URL, main tag first. */
  tags: Tag[];
  client: Client;
  t: Translate;
  theme: XTheme;
  now?: () => Date;
  /** The user's time zone (the browser's by default). */
  timeZone?: string;
}

type Load = { state: 'loading' } | { state: 'ready'; chat: ChatSettings } | { state: 'failed'; message: string };

export function ChatSidebar({ tags, client, t, theme, now = () => new Date(), timeZone }: ChatSidebarProps) {
  const tag = tags[0] ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const fetchChat = useCallback(async () => {
    setLoad({ state: 'loading' });
    const reply = await client.send({ type: 'chat/get', tag });
    setLoad(reply.ok ? { state: 'ready', chat: reply.chat } : { state: 'failed', message: reply.error.message });
  }, [client, tag]);

  useEffect(() => {
    void fetchChat();
  }, [fetchChat]);

  const collapsed = load.state === 'ready' && load.chat.sidebar.collapsed;

  const toggleCollapsed = async () => {
    if (load.state !== 'ready') return;
    const previous = load.chat;
    const next = { ...previous, sidebar: { ...previous.sidebar, collapsed: !previous.sidebar.collapsed } };
    setLoad({ state: 'ready', chat: next }); // answer the click at once; roll back if the save fails
    setSaving(true);
    const reply = await client.send({ type: 'chat/update', tag, patch: { sidebar: next.sidebar } });
    setSaving(false);
    if (reply.ok) {
      setSaveError(null);
      setLoad({ state: 'ready', chat: reply.chat });
    } else {
      setSaveError(t('saveFailed', reply.error.message));
      setLoad({ state: 'ready', chat: previous });
    }
  };

  const definition = findChat(tag);
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const bodyId = `chat-mode-body-${tag}`;
  const title = load.state === 'ready' ? load.chat.title : definition?.title;

  return (
    <aside
      class="sidebar"
      data-theme={theme.scheme}
      data-collapsed={collapsed ? 'true' : 'false'}
      aria-busy={load.state === 'loading' || saving}
      aria-label={t('sidebarLabel', formatTag(tag))}
      style={{ fontSize: `${theme.fontSize}px` }}
    >
      <header class="header">
        <div class="heading">
          <h2 class="tag">{formatTag(tag)}</h2>
          {title && title.toLowerCase() !== tag ? <p class="title">{title}</p> : null}
        </div>
        <button
          type="button"
          class="icon-button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={collapsed ? t('expand') : t('collapse')}
          title={collapsed ? t('expand') : t('collapse')}
          disabled={load.state !== 'ready'}
          onClick={toggleCollapsed}
        >
          <span aria-hidden="true">{collapsed ? '‹' : '›'}</span>
        </button>
      </header>
      <div id={bodyId} class="body" hidden={collapsed}>
        {load.state === 'loading' ? <p class="muted" role="status">{t('loading')}</p> : null}
        {load.state === 'failed' ? (
          <div class="error" role="alert">
            <p>{t('unavailable', load.message)}</p>
            <button type="button" class="button" onClick={() => void fetchChat()}>
              {t('retry')}
            </button>
          </div>
        ) : null}
        {saveError ? (
          <p class="error" role="alert">
            {saveError}
          </p>
        ) : null}
        {load.state === 'ready' ? <ChatDetails chat={load.chat} t={t} now={now()} zone={zone} /> : null}
      </div>
    </aside>
  );
}

function ChatDetails({ chat, t, now, zone }: { chat: ChatSettings; t: Translate; now: Date; zone: string }) {
  const schedule = findChat(chat.tag)?.schedule;
  let when = t('noSchedule');
  if (schedule) {
    const next = nextOccurrence(schedule, now);
    when = next.start <= now ? t('liveNow', formatLocalStart(next.end, zone)) : t('nextChat', formatLocalStart(next.start, zone));
  }
  return (
    <>
      <p class="when" data-testid="chat-when">
        {when}
      </p>
      {chat.extraTags.length > 0 ? (
        <p class="muted">
          {t('otherTags')}: {chat.extraTags.map(formatTag).join(' ')}
        </p>
      ) : null}
      <h3 class="section">{t('hosts')}</h3>
      {chat.hosts.length > 0 ? (
        <ul class="hosts">
          {chat.hosts.map((handle) => (
            <li key={handle}>
              <a href={`/${handle}`}>@{handle}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noHosts')}</p>
      )}
    </>
  );
}
