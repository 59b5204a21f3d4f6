// The action popup: the chat that is live or next (directory + the user's chats) with its local start
// and a countdown, a button that opens it in chat mode, the current tab's chat-mode switch, and the
// chats after it, each with a "Remind me" switch and lead time. Talks to the background only through
// the message protocol; asks for the reminders' optional permissions itself, in the click.
import { useEffect, useId, useState } from 'preact/hooks';
import { CHAT_DIRECTORY, formatLocalStart, formatTag, type ChatDefinition, type Tag } from '@/lib/chat';
import { chatSearchUrl, chatTagsFromUrl } from '@/lib/x/urls';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, Reminder } from '@/lib/protocol/domain';
import { formatCountdown, upcomingChats, type UpcomingChat } from '@/lib/pages/upcoming';
import {
  DEFAULT_LEAD_MINUTES,
  LEAD_MINUTES,
  nextAlarm,
  REMINDER_PERMISSIONS,
  reminderPermissionsToRequest,
} from '@/lib/reminders/schedule';
import { ChatModeSwitch } from '../ChatModeSwitch';
import { Isolated } from '../Isolated';
import './reminders.css';

export interface PopupProps {
  client: Client;
  t: Translate;
  /** The active tab's URL, if the extension may see it (x.com tabs). */
  activeTabUrl?: string;
  /** Opens a URL in a new tab. */
  openTab(url: string): void | Promise<void>;
  /** Reloads the active tab so its content script picks up a changed setting. */
  reloadActiveTab(): void | Promise<void>;
  openOptions(): void;
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

/** What the last reminder action of a chat gave, shown beside its switch. */
type ReminderNotice = { tag: Tag; kind: 'set' | 'cleared' | 'denied'; text: string };

const askReminderPermission = (): Promise<boolean> => {
  const optional = reminderPermissionsToRequest(browser.runtime.getManifest().optional_permissions);
  // Called first thing in the click: `request` must run within the user gesture (Firefox is strict).
  return optional.length > 0
    ? browser.permissions.request({ permissions: optional })
    : browser.permissions.contains({ permissions: [...REMINDER_PERMISSIONS] });
};

type Load = { state: 'loading' } | { state: 'ready'; chats: ChatSettings[] } | { state: 'failed'; message: string };

export function Popup({
  client,
  t,
  activeTabUrl,
  openTab,
  reloadActiveTab,
  openOptions,
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
  const [reminders, setReminders] = useState<ReadonlyMap<Tag, Reminder>>(new Map());
  /** Lead times chosen while a chat's reminder is off. */
  const [leads, setLeads] = useState<Readonly<Record<Tag, number>>>({});
  const [notice, setNotice] = useState<ReminderNotice | null>(null);

  const refresh = async () => {
    const [reply, stored] = await Promise.all([client.send({ type: 'chat/list' }), client.send({ type: 'reminders/list' })]);
    setLoad(reply.ok ? { state: 'ready', chats: reply.chats } : { state: 'failed', message: reply.error.message });
    // Without them the chats still show, with every reminder off.
    if (stored.ok) setReminders(new Map(stored.reminders.map((r) => [r.tag, r])));
  };

  const leadOf = (tag: Tag) => reminders.get(tag)?.leadMinutes ?? leads[tag] ?? DEFAULT_LEAD_MINUTES;

  const saveReminder = async (chat: UpcomingChat, leadMinutes: number) => {
    setBusy(true);
    const reply = await client.send({ type: 'reminders/set', tag: chat.tag, leadMinutes });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setReminders((m) => new Map(m).set(chat.tag, reply.reminder));
    const when = nextAlarm(chat.schedule, leadMinutes, now().getTime());
    setNotice({ tag: chat.tag, kind: 'set', text: when === null ? '' : t('reminderSet', formatLocalStart(new Date(when), zone)) });
  };

  const removeReminder = async (chat: UpcomingChat) => {
    setBusy(true);
    const reply = await client.send({ type: 'reminders/clear', tag: chat.tag });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setReminders((m) => {
      const next = new Map(m);
      next.delete(chat.tag);
      return next;
    });
    setNotice({ tag: chat.tag, kind: 'cleared', text: t('reminderCleared') });
  };

  // A click handler: the permission request must start in it, before anything is awaited.
  const toggleReminder = (chat: UpcomingChat, on: boolean) => {
    setError(null);
    setNotice(null);
    if (!on) return void removeReminder(chat);
    const lead = leadOf(chat.tag);
    let asking: Promise<boolean>;
    try {
      asking = requestReminderPermission();
    } catch {
      asking = Promise.resolve(false);
    }
    void asking
      .catch(() => false)
      .then((granted) => (granted ? saveReminder(chat, lead) : setNotice({ tag: chat.tag, kind: 'denied', text: t('reminderDenied') })));
  };

  const changeLead = (chat: UpcomingChat, leadMinutes: number) => {
    setLeads((l) => ({ ...l, [chat.tag]: leadMinutes }));
    if (reminders.has(chat.tag)) void saveReminder(chat, leadMinutes);
  };

  const reminderControl = (chat: UpcomingChat, compact: boolean) => (
    <ReminderControl
      tag={chat.tag}
      on={reminders.has(chat.tag)}
      lead={leadOf(chat.tag)}
      disabled={busy}
      compact={compact}
      notice={notice?.tag === chat.tag ? notice : null}
      t={t}
      onToggle={(on) => toggleReminder(chat, on)}
      onLead={(m) => changeLead(chat, m)}
    />
  );

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
          reminder={reminderControl(featured, false)}
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
                {reminderControl(c, true)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
  onOpen(): void;
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

interface ReminderControlProps {
  tag: Tag;
  on: boolean;
  lead: number;
  disabled: boolean;
  /** In the list of later chats: the label is for screen readers only, the lead shows when on. */
  compact: boolean;
  notice: ReminderNotice | null;
  t: Translate;
  onToggle(on: boolean): void;
  onLead(minutes: number): void;
}

/** "Remind me before #tag": a switch and the lead time. */
function ReminderControl({ tag, on, lead, disabled, compact, notice, t, onToggle, onLead }: ReminderControlProps) {
  const id = `reminder-${useId()}`;
  const leads: readonly number[] = LEAD_MINUTES.includes(lead as (typeof LEAD_MINUTES)[number])
    ? LEAD_MINUTES
    : [...LEAD_MINUTES, lead].sort((a, b) => a - b);
  const label = t('reminderLabel', formatTag(tag));
  return (
    <div class={compact ? 'reminder compact' : 'reminder'} data-reminder={on ? 'on' : 'off'}>
      <div class="reminder-row">
        <button
          type="button"
          role="switch"
          class="switch reminder-switch"
          aria-checked={on ? 'true' : 'false'}
          aria-label={compact ? label : undefined}
          title={compact ? label : undefined}
          disabled={disabled}
          onClick={() => onToggle(!on)}
        >
          {compact ? <span aria-hidden="true">{on ? '🔔' : '🔕'}</span> : <span class="switch-label">{label}</span>}
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
        </button>
        {!compact || on ? (
          <select
            id={id}
            class="reminder-lead"
            aria-label={t('remindersHeading')}
            value={String(lead)}
            disabled={disabled}
            onChange={(e) => onLead(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {leads.map((m) => (
              <option key={m} value={String(m)}>
                {t('reminderBefore', String(m))}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {notice && notice.text ? (
        <p
          class={notice.kind === 'denied' ? 'error reminder-notice' : 'status reminder-notice'}
          role={notice.kind === 'denied' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
