// The popup's reminders: a "Remind me" switch and lead time per chat, what the last change gave, and the
// reminders' optional permissions, asked for in the click.
import { useId, useState } from 'preact/hooks';
import { formatLocalStart, formatTag, type Tag } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { Reminder } from '@/lib/protocol/domain';
import type { UpcomingChat } from '@/lib/pages/upcoming';
import { formatCount } from '../Counters';
import {
  DEFAULT_LEAD_MINUTES,
  LEAD_MINUTES,
  nextAlarm,
  REMINDER_PERMISSIONS,
  reminderPermissionsToRequest,
} from '@/lib/reminders/schedule';

/** What the last reminder action of a chat gave, shown beside its switch. */
type ReminderNotice = { tag: Tag; kind: 'set' | 'cleared' | 'denied'; text: string };

export const askReminderPermission = (): Promise<boolean> => {
  const optional = reminderPermissionsToRequest(browser.runtime.getManifest().optional_permissions);
  // Called first thing in the click: `request` must run within the user gesture (Firefox is strict).
  return optional.length > 0
    ? browser.permissions.request({ permissions: optional })
    : browser.permissions.contains({ permissions: [...REMINDER_PERMISSIONS] });
};

export interface RemindersOptions {
  client: Client;
  t: Translate;
  now: () => Date;
  /** The time zone reminders are shown in. */
  zone: string;
  requestReminderPermission: () => Promise<boolean>;
  /** The popup's: one request at a time, its failure shown once. */
  busy: boolean;
  setBusy: (busy: boolean) => void;
  setError: (message: string | null) => void;
}

/** The reminders' state and their switch for a chat (`control`); `loaded` takes the stored ones. */
export function useReminders({ client, t, now, zone, requestReminderPermission, busy, setBusy, setError }: RemindersOptions) {
  const [reminders, setReminders] = useState<ReadonlyMap<Tag, Reminder>>(new Map());
  /** Lead times chosen while a chat's reminder is off. */
  const [leads, setLeads] = useState<Readonly<Record<Tag, number>>>({});
  const [notice, setNotice] = useState<ReminderNotice | null>(null);

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

  return {
    loaded: (stored: readonly Reminder[]) => setReminders(new Map(stored.map((r) => [r.tag, r]))),
    control: reminderControl,
  };
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
  onToggle: (on: boolean) => void;
  onLead: (minutes: number) => void;
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
          {compact ? <BellIcon on={on} /> : <span class="switch-label">{label}</span>}
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
            onChange={(e) => onLead(Number(e.currentTarget.value))}
          >
            {leads.map((m) => (
              <option key={m} value={String(m)}>
                {t('reminderBefore', formatCount(m))}
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

/**
 * The compact switch's bell, struck through when off: drawn, since the emoji bells render as an empty
 * box where no emoji font is installed. Decorative; the switch's aria-label names it.
 */
function BellIcon({ on }: { on: boolean }) {
  return (
    <svg class="bell" aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
      <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v3L2 11.5h12L12.5 9V6A4.5 4.5 0 0 0 8 1.5Z M6.5 13a1.5 1.5 0 0 0 3 0Z" fill="currentColor" />
      {on ? null : <line x1="2" y1="14" x2="14" y2="2" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />}
    </svg>
  );
}
