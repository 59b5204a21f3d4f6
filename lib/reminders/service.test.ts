import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/tests/unit/builders';
import type { Schedule } from '../chat/types';
import type { Translate } from '../i18n';
import { createHandler, type Handler } from '../store/handler';
import type { StoreDB } from '../store/schema';
import { alarmName } from './schedule';
import { createReminderService, listenForReminders, type ReminderService } from './service';

// #blogchat: Sundays 20:00 America/Chicago (directory). The user is in London. 2024: US DST from Mar 10.
const BLOGCHAT: Schedule = { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' };
const OWN = 'own';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/popup.html` };
const at = (iso: string) => Date.parse(iso);
const t: Translate = (key, ...subs) => `${key}(${subs.join('|')})`;
const plain = (s: string) => s.replace(/\s/g, ' ');
/** Whether a fake event has listeners (the fake has `hasListeners`; the polyfill's types don't). */
const heard = (event: object) => (event as { hasListeners(): boolean }).hasListeners();

let db: StoreDB;
let clock: number;
let granted: boolean;
let opened: string[];
let service: ReminderService;
let handle: Handler;

useTestDatabase((opened) => (db = opened));
beforeEach(() => {
  clock = at('2024-03-03T12:00:00Z');
  granted = true;
  opened = [];
  service = createReminderService({
    db: () => Promise.resolve(db),
    directorySchedule: (tag) => (tag === 'blogchat' ? BLOGCHAT : undefined),
    hasPermission: async () => granted,
    alarms: () => (granted ? fakeBrowser.alarms : undefined),
    notifications: () => (granted ? fakeBrowser.notifications : undefined),
    openTab: async (url) => void opened.push(url),
    t,
    iconUrl: 'chrome-extension://own/icon/128.png',
    userZone: () => 'Europe/London',
    locale: 'en-US',
    now: () => clock,
  });
  handle = createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined, now: () => clock, afterWrite: service.afterWrite });
});

const alarms = async () => (await fakeBrowser.alarms.getAll()).map((a) => [a.name, new Date(a.scheduledTime).toISOString()]);

describe('reminder service', () => {
  it('reminders/set arms an alarm 15 minutes before the next start; it fires a notification and re-arms across the DST change', async () => {
    expect(await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE)).toMatchObject({
      ok: true,
      reminder: { tag: 'blogchat', leadMinutes: 15 },
    });
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T01:45:00.000Z']]); // Sun Mar 3, 19:45 CST

    clock = at('2024-03-04T01:45:00Z');
    await service.onAlarm({ name: alarmName('blogchat'), scheduledTime: clock });
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([alarmName('blogchat')]);
    const n1 = shown[alarmName('blogchat')] as { title: string; message: string; type: string; iconUrl: string };
    expect(n1.type).toBe('basic');
    expect(n1.title).toBe('reminderNotificationTitle(#blogchat)');
    expect(plain(n1.message)).toBe('reminderNotificationSoon(#blogchat|15|2:00 AM)'); // 20:00 CST is 02:00 in London
    // The next one, the US now on summer time: 20:00 CDT = 01:00 UTC.
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-11T00:45:00.000Z']]);

    clock = at('2024-03-11T00:45:00Z');
    await service.onAlarm({ name: alarmName('blogchat'), scheduledTime: clock });
    expect(plain((await fakeBrowser.notifications.getAll())[alarmName('blogchat')]!.message)).toBe(
      'reminderNotificationSoon(#blogchat|15|1:00 AM)',
    );
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-18T00:45:00.000Z']]);
  });

  it('an alarm firing early is not re-armed for the same occurrence; a late one after the chat ended shows nothing', async () => {
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE);
    const scheduled = at('2024-03-04T01:45:00Z');
    clock = scheduled - 50;
    await service.onAlarm({ name: alarmName('blogchat'), scheduledTime: scheduled });
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-11T00:45:00.000Z']]);
    await fakeBrowser.notifications.clear(alarmName('blogchat'));
    clock = at('2024-03-11T03:00:00Z'); // the browser slept through the chat
    await service.onAlarm({ name: alarmName('blogchat'), scheduledTime: at('2024-03-11T00:45:00Z') });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-18T00:45:00.000Z']]);
  });

  it("follows the user's own schedule, re-arms when it changes, and clears the alarm when there is none", async () => {
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 30 }, PAGE);
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T01:30:00.000Z']]);
    const mondays: Schedule = {
      recurrence: { kind: 'weekly', weekday: 1 },
      start: '15:00',
      durationMinutes: 45,
      timeZone: 'Europe/London',
    };
    await handle({ type: 'chat/update', tag: 'blogchat', patch: { schedule: mondays } }, PAGE);
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T14:30:00.000Z']]);
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 5 }, PAGE);
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T14:55:00.000Z']]);
    await handle({ type: 'chat/update', tag: 'blogchat', patch: { schedule: null } }, PAGE);
    expect(await alarms()).toEqual([]);
    await handle({ type: 'chat/delete', tag: 'blogchat' }, PAGE); // back to the directory's schedule
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T01:55:00.000Z']]);
    expect(await handle({ type: 'reminders/clear', tag: 'blogchat' }, PAGE)).toEqual({ ok: true, cleared: true });
    expect(await alarms()).toEqual([]);
    expect(await handle({ type: 'reminders/clear', tag: 'blogchat' }, PAGE)).toEqual({ ok: true, cleared: false });
  });

  it('re-arms after a settings import that brings a schedule', async () => {
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 30 }, PAGE);
    const mondays: Schedule = {
      recurrence: { kind: 'weekly', weekday: 1 },
      start: '15:00',
      durationMinutes: 45,
      timeZone: 'Europe/London',
    };
    expect(
      await handle(
        {
          type: 'chats/import',
          chats: [
            { tag: 'other', patch: {} },
            { tag: 'blogchat', patch: { schedule: mondays } },
          ],
        },
        PAGE,
      ),
    ).toEqual({ ok: true, imported: 2 });
    expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T14:30:00.000Z']]);
  });

  it('without the permissions nothing is armed or shown and nothing throws; granting them arms every reminder', async () => {
    granted = false;
    const errors = vi.spyOn(console, 'error');
    expect(await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE)).toMatchObject({ ok: true });
    await service.armAll();
    await service.onAlarm({ name: alarmName('blogchat'), scheduledTime: clock });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(errors).not.toHaveBeenCalled();

    // The background's listeners: namespaces missing at start-up are listened to once granted.
    const onAdded: (() => void)[] = [];
    const api = {
      get alarms() {
        return granted ? fakeBrowser.alarms : undefined;
      },
      get notifications() {
        return granted ? fakeBrowser.notifications : undefined;
      },
      runtime: fakeBrowser.runtime,
      permissions: { onAdded: { addListener: (cb: () => void) => void onAdded.push(cb) } },
    };
    listenForReminders(api, service);
    expect(heard(fakeBrowser.alarms.onAlarm)).toBe(false);
    granted = true;
    onAdded.forEach((cb) => cb());
    expect(heard(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(heard(fakeBrowser.notifications.onClicked)).toBe(true);
    await vi.waitFor(async () => expect(await alarms()).toEqual([[alarmName('blogchat'), '2024-03-04T01:45:00.000Z']]));

    // An alarm and a click, through the browser's events.
    clock = at('2024-03-04T01:45:00Z');
    await fakeBrowser.alarms.onAlarm.trigger({ name: alarmName('blogchat'), scheduledTime: clock });
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([alarmName('blogchat')]));
    await fakeBrowser.notifications.onClicked.trigger(alarmName('blogchat'));
    await vi.waitFor(() => expect(opened).toEqual(['https://x.com/search?q=%23blogchat&f=live']));
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-elses-alarm', scheduledTime: clock });
  });

  it('on start-up re-arms every reminder and clears alarms of reminders that are gone', async () => {
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE);
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.alarms.create(alarmName('gone'), { when: clock + 1000 });
    await fakeBrowser.alarms.create('not-ours', { when: clock + 1000 });
    listenForReminders({ alarms: fakeBrowser.alarms, notifications: fakeBrowser.notifications, runtime: fakeBrowser.runtime }, service);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect((await alarms()).sort()).toEqual([
        [alarmName('blogchat'), '2024-03-04T01:45:00.000Z'],
        ['not-ours', new Date(clock + 1000).toISOString()],
      ]),
    );
  });
});
