// The background's side of reminders: arms one alarm per reminder for the chat's next occurrence,
// shows the notification when it fires and arms the next one, opens the chat when the notification is
// clicked. The extension APIs are passed in (the background passes `browser`), so this is testable
// with fakes. `alarms` and `notifications` are optional permissions: without them the namespaces are
// missing, so every use looks them up afresh and is guarded by `hasPermission()`; nothing here throws.
import type { Schedule, Tag } from '../chat/types';
import type { Translate } from '../i18n';
import type { ChatSettings } from '../protocol/domain';
import type { Request } from '../protocol/requests';
import { chatSearchUrl } from '../x/urls';
import { getChat } from '../store/chats';
import { getReminder, listReminders } from '../store/reminders';
import type { StoreDB } from '../store/schema';
import { alarmName, dueReminder, formatClockTime, minutesUntil, nextAlarm, parseAlarmName } from './schedule';

export interface AlarmLike {
  name: string;
  scheduledTime: number;
}

export interface AlarmsApi {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<AlarmLike[]>;
}

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ReminderServiceOptions {
  db: () => Promise<StoreDB>;
  /** The directory's schedule of a chat (`findChat(tag)?.schedule`). */
  directorySchedule(tag: Tag): Schedule | undefined;
  /** `browser.permissions.contains({ permissions: ['alarms', 'notifications'] })`. */
  hasPermission(): Promise<boolean>;
  /** `browser.alarms` / `browser.notifications`, looked up per use: undefined without the permission. */
  alarms(): AlarmsApi | undefined;
  notifications(): NotificationsApi | undefined;
  openTab(url: string): Promise<unknown>;
  t: Translate;
  iconUrl: string;
  /** The user's IANA zone, for the time in the notification. */
  userZone(): string;
  locale?: string;
  now?: () => number;
}

export interface ReminderService {
  /** Arms (or clears) the chat's alarm from its stored reminder and current schedule. `after`: arm for an alarm later than this. */
  arm(tag: Tag, after?: number): Promise<void>;
  /** Arms every stored reminder and clears our alarms that have none (start-up, install, permission granted). */
  armAll(): Promise<void>;
  onAlarm(alarm: AlarmLike): Promise<void>;
  onNotificationClicked(id: string): Promise<void>;
  /** The handler's `afterWrite`: re-arms after a chat's schedule or reminder changed. */
  afterWrite(request: Request): Promise<void>;
}

/** The schedule that applies: the user's own, none if they said so (null), else the directory's. */
function reminderSchedule(chat: Pick<ChatSettings, 'schedule'> | undefined, directory: Schedule | undefined): Schedule | undefined {
  if (chat?.schedule === null) return undefined;
  return chat?.schedule ?? directory;
}

function logged<A extends unknown[]>(what: string, fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      console.error(`chat-mode: reminders: ${what} failed`, e);
    }
  };
}

export function createReminderService(o: ReminderServiceOptions): ReminderService {
  const now = o.now ?? Date.now;

  /** The alarms API if it may be used now. */
  async function alarmsApi(): Promise<AlarmsApi | undefined> {
    const api = o.alarms();
    return api && (await o.hasPermission()) ? api : undefined;
  }

  async function scheduleOf(db: StoreDB, tag: Tag): Promise<Schedule | undefined> {
    return reminderSchedule(await getChat(db, tag), o.directorySchedule(tag));
  }

  async function armWith(api: AlarmsApi, db: StoreDB, tag: Tag, after: number): Promise<void> {
    const reminder = await getReminder(db, tag);
    const schedule = reminder ? await scheduleOf(db, tag) : undefined;
    const when = reminder && schedule ? nextAlarm(schedule, reminder.leadMinutes, after) : null;
    if (when === null) await api.clear(alarmName(tag));
    else await api.create(alarmName(tag), { when });
  }

  const arm = logged('arm', async (tag: Tag, after?: number) => {
    const api = await alarmsApi();
    if (!api) return;
    await armWith(api, await o.db(), tag, Math.max(now(), after ?? -Infinity));
  });

  const armAll = logged('armAll', async () => {
    const api = await alarmsApi();
    if (!api) return;
    const db = await o.db();
    const reminders = await listReminders(db);
    const wanted = new Set(reminders.map((r) => r.tag));
    for (const alarm of await api.getAll()) {
      const tag = parseAlarmName(alarm.name);
      if (tag !== null && !wanted.has(tag)) await api.clear(alarm.name);
    }
    for (const r of reminders) await armWith(api, db, r.tag, now());
  });

  const onAlarm = logged('alarm', async (alarm: AlarmLike) => {
    const tag = parseAlarmName(alarm.name);
    if (tag === null) return;
    const db = await o.db();
    const reminder = await getReminder(db, tag);
    const schedule = reminder ? await scheduleOf(db, tag) : undefined;
    const notifications = o.notifications();
    if (reminder && schedule && notifications && (await o.hasPermission())) {
      const at = now();
      const due = dueReminder(schedule, reminder.leadMinutes, alarm.scheduledTime, at);
      if (due) {
        const name = `#${tag}`;
        const time = formatClockTime(due.start, o.userZone(), o.locale);
        const minutes = minutesUntil(due.start, at);
        await notifications.create(alarmName(tag), {
          type: 'basic',
          iconUrl: o.iconUrl,
          title: o.t('reminderNotificationTitle', name),
          message:
            minutes > 0 ? o.t('reminderNotificationSoon', name, String(minutes), time) : o.t('reminderNotificationStarted', name, time),
        });
      }
    }
    // The next occurrence, never this one again (an alarm may fire a little early).
    await arm(tag, alarm.scheduledTime);
  });

  const onNotificationClicked = logged('notification click', async (id: string) => {
    const tag = parseAlarmName(id);
    if (tag === null) return;
    await o.openTab(chatSearchUrl(tag));
    await o.notifications()?.clear(id);
  });

  const afterWrite = logged('re-arm', async (request: Request) => {
    switch (request.type) {
      case 'chat/update':
        if ('schedule' in request.patch) await arm(request.tag);
        return;
      case 'chats/import':
        for (const chat of request.chats) if ('schedule' in chat.patch) await arm(chat.tag);
        return;
      case 'chat/delete':
      case 'reminders/set':
      case 'reminders/clear':
        await arm(request.tag);
        return;
      default:
        return;
    }
  });

  return { arm, armAll, onAlarm, onNotificationClicked, afterWrite };
}

/** The extension events reminders listen to; `browser` fits. Namespaces absent without their permission. */
export interface ReminderEventsApi {
  alarms?: { onAlarm: { addListener(cb: (alarm: AlarmLike) => void): void } };
  notifications?: { onClicked: { addListener(cb: (id: string) => void): void } };
  runtime: { onStartup: { addListener(cb: () => void): void }; onInstalled: { addListener(cb: () => void): void } };
  permissions?: { onAdded?: { addListener(cb: () => void): void } };
}

/**
 * Registers the listeners; call synchronously at the top level of the background, so a worker woken
 * by an alarm or a click hears it. Listeners of a namespace granted later are added when it is
 * (`permissions.onAdded`), and then every reminder is armed.
 */
export function listenForReminders(api: ReminderEventsApi, service: ReminderService): void {
  let alarmsHeard = false;
  let clicksHeard = false;
  const attach = () => {
    const alarms = api.alarms;
    if (!alarmsHeard && alarms) {
      alarms.onAlarm.addListener((alarm) => void service.onAlarm(alarm));
      alarmsHeard = true;
    }
    const notifications = api.notifications;
    if (!clicksHeard && notifications) {
      notifications.onClicked.addListener((id) => void service.onNotificationClicked(id));
      clicksHeard = true;
    }
  };
  attach();
  api.runtime.onStartup.addListener(() => void service.armAll());
  api.runtime.onInstalled.addListener(() => void service.armAll());
  api.permissions?.onAdded?.addListener(() => {
    attach();
    void service.armAll();
  });
}
