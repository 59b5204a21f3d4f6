// The action popup: the chat that is live or next (directory + the user's chats) with its local start
// and a countdown, a button that opens it in chat mode, the current tab's chat-mode switch, the
// chats after it, each with a "Remind me" switch and lead time, and the chat-mode shortcut. Talks to the background only through
// the message protocol; asks for the reminders' optional permissions itself, in the click.
import { useEffect, useState } from 'preact/hooks';
import { CHAT_DIRECTORY, formatLocalStart, formatTag, type ChatDefinition, type Tag } from '@/lib/chat';
import { chatSearchUrl, chatTagsFromUrl } from '@/lib/x/urls';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings } from '@/lib/protocol/domain';
import { formatCountdown, upcomingChats, type UpcomingChat } from '@/lib/pages/upcoming';
import { ChatModeSwitch } from '../ChatModeSwitch';
import { Isolated } from '../Isolated';
import { askReminderPermission, useReminders } from './reminders';
import { Shortcut, type ShortcutInfo } from './Shortcut';
import './reminders.css';

export interface PopupProps {
  client: Client;
  t: Translate;
  /** The active tab's URL, if the extension may see it (x.com tabs). */
  activeTabUrl?: string;
  /** Opens a URL in a new tab. */
  openTab: (url: string) => void | Promise<void>;
  /** Reloads the active tab so its content script picks up a changed setting. */
  reloadActiveTab: () => void | Promise<void>;
  openOptions: () => void;
  /** The chat-mode shortcut; not shown without it. */
  shortcut?: ShortcutInfo;
  now?: () => Date;
  timeZone?: string;
  directory?: readonly ChatDefinition[];
  /** How many more chats to list after the featured one. */
  laterCount?: number;
  /**
   * Asks for the reminders' optional permissions (alarms, notifications); resolves whether they are
   * granted. Called synchronously in the click on a "Remind me" switch (a user gesture). Default:
   * `browser.permissions.request`, which resolves at once, without a prompt, when already granted.
   */
  requestReminderPermission?: () => Promise<boolean>;
}

type Load = { state: 'loading' } | { state: 'ready'; chats: ChatSettings[] } | { state: 'failed'; message: string };

export function Popup({
  client,
  t,
  activeTabUrl,
  openTab,
  reloadActiveTab,
  openOptions,
  shortcut,
  now = () => new Date(),
  timeZone,
  directory = CHAT_DIRECTORY,
  laterCount = 5,
  requestReminderPermission = askReminderPermission,
}: PopupProps) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [clock, setClock] = useState(() => now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tabTag: Tag | null = activeTabUrl ? (chatTagsFromUrl(activeTabUrl)?.[0] ?? null) : null;
  const [tabChat, setTabChat] = useState<ChatSettings | null>(null);

  const refresh = async () => {
    const [reply, stored] = await Promise.all([client.send({ type: 'chat/list' }), client.send({ type: 'reminders/list' })]);
    setLoad(reply.ok ? { state: 'ready', chats: reply.chats } : { state: 'failed', message: reply.error.message });
    // Without them the chats still show, with every reminder off.
    if (stored.ok) reminders.loaded(stored.reminders);
  };

  const reminders = useReminders({ client, t, now, zone, requestReminderPermission, busy, setBusy, setError });

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => setClock(now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!tabTag) return;
    void client.send({ type: 'chat/get', tag: tabTag }).then((reply) => {
      if (reply.ok) setTabChat(reply.chat);
      else setError(reply.error.message);
    });
  }, [tabTag]);

  const openChat = async (chat: UpcomingChat) => {
    setBusy(true);
    setError(null);
    const reply = await client.send({ type: 'chat/update', tag: chat.tag, patch: { chatMode: true } });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    await openTab(chatSearchUrl(chat.tag));
  };

  const setTabChatMode = async (on: boolean) => {
    if (!tabTag) return;
    setBusy(true);
    setError(null);
    const reply = await client.send({ type: 'chat/update', tag: tabTag, patch: { chatMode: on } });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setTabChat(reply.chat);
    await reloadActiveTab();
  };

  const upcoming = load.state === 'ready' ? upcomingChats(load.chats, directory, clock) : [];
  const featured = upcoming[0];
  const later = upcoming.slice(1, 1 + laterCount);

  return (
    <main class="popup" aria-busy={load.state === 'loading' || busy}>
      <h1 class="visually-hidden">{t('extName')}</h1>
      {tabTag ? (
        <section class="tab-chat" aria-labelledby="tab-chat-heading">
          <h2 id="tab-chat-heading">{t('popupThisTab', formatTag(tabTag))}</h2>
          {tabChat ? (
            <ChatModeSwitch on={tabChat.chatMode} disabled={busy} onChange={(on) => void setTabChatMode(on)} t={t} />
          ) : (
            <p class="muted">{t('loading')}</p>
          )}
        </section>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {t('saveFailed', error)}
        </p>
      ) : null}
      {load.state === 'loading' ? (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      ) : null}
      {load.state === 'failed' ? (
        <div class="error" role="alert">
          <p>{t('popupUnavailable', load.message)}</p>
          <button type="button" class="button" onClick={() => void refresh()}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {load.state === 'ready' && !featured ? <p class="muted">{t('popupNoUpcoming')}</p> : null}
      {featured ? (
        <Featured
          chat={featured}
          now={clock}
          zone={zone}
          t={t}
          busy={busy}
          onOpen={() => void openChat(featured)}
          reminder={reminders.control(featured, false)}
        />
      ) : null}
      {later.length > 0 ? (
        <section aria-labelledby="later-heading">
          <h2 id="later-heading">{t('popupLater')}</h2>
          <ul class="later">
            {later.map((c) => (
              <li key={c.tag} data-tag={c.tag} data-start={c.start.toISOString()}>
                <span>
                  <strong>{formatTag(c.tag)}</strong> {c.title !== `#${c.tag}` ? <Isolated class="muted" text={c.title} /> : null}
                </span>
                <span class="when">{c.live ? t('popupLive') : formatLocalStart(c.start, zone)}</span>
                {reminders.control(c, true)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {shortcut ? <Shortcut {...shortcut} t={t} /> : null}
      <div class="footer">
        <button type="button" class="button" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </div>
    </main>
  );
}

function Featured({
  chat,
  now,
  zone,
  t,
  busy,
  onOpen,
  reminder,
}: {
  chat: UpcomingChat;
  now: Date;
  zone: string;
  t: Translate;
  busy: boolean;
  onOpen: () => void;
  reminder: preact.ComponentChildren;
}) {
  const countdown = formatCountdown((chat.live ? chat.end : chat.start).getTime() - now.getTime());
  return (
    <section
      class="featured"
      aria-labelledby="featured-heading"
      data-tag={chat.tag}
      data-start={chat.start.toISOString()}
      data-live={chat.live ? 'true' : 'false'}
    >
      <p class="muted">{chat.live ? <span class="badge">{t('popupLive')}</span> : t('popupNext')}</p>
      <h2 id="featured-heading">{formatTag(chat.tag)}</h2>
      {chat.title !== `#${chat.tag}` ? (
        <p class="title" dir="auto">
          {chat.title}
        </p>
      ) : null}
      <p class="when" data-testid="featured-when">
        {chat.live ? t('liveNow', formatLocalStart(chat.end, zone)) : t('nextChat', formatLocalStart(chat.start, zone))}
      </p>
      <p class="countdown num" data-testid="countdown">
        {chat.live ? t('popupEndsIn', countdown) : t('popupStartsIn', countdown)}
      </p>
      <div class="actions">
        <button type="button" class="button primary" disabled={busy} onClick={onOpen}>
          {t('popupOpenChat', formatTag(chat.tag))}
        </button>
      </div>
      {reminder}
    </section>
  );
}
