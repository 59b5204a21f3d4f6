// The background owns the data: it answers the content scripts' and pages' messages from IndexedDB,
// arms the reminders' alarms, answers the chat-mode shortcut, opens the welcome page on install and,
// when the user turns it on, keeps chats' settings in sync storage. Wiring only; the logic is in
// lib/store (handler, schema, sessions), lib/chat (directory, schedules), lib/reminders, lib/commands,
// lib/welcome and lib/sync.
import { findChat } from '@/lib/chat';
import { listenForToggleChatMode } from '@/lib/commands/toggle-chat-mode';
import { createClient } from '@/lib/protocol/client';
import { chatsChangedAnnouncer } from '@/lib/protocol/chats-changed';
import { t } from '@/lib/i18n';
import { createReminderService, listenForReminders } from '@/lib/reminders/service';
import { REMINDER_PERMISSIONS } from '@/lib/reminders/schedule';
import { storeOpener } from '@/lib/store/db';
import { createHandler } from '@/lib/store/handler';
import { scheduledSessionFor } from '@/lib/store/scheduled-sessions';
import { createTabSession } from '@/lib/store/tab-session';
import { createSyncService } from '@/lib/sync/service';
import { openWelcomeOnInstall, WELCOME_PAGE } from '@/lib/welcome';

export default defineBackground(() => {
  // Opened on first use and reopened if the browser closes the connection.
  const db = storeOpener();
  const directorySchedule = (tag: string) => findChat(tag)?.schedule;
  const reminders = createReminderService({
    db,
    directorySchedule,
    // alarms and notifications are optional permissions: looked up per use, missing until granted.
    hasPermission: () => browser.permissions.contains({ permissions: [...REMINDER_PERMISSIONS] }).catch(() => false),
    alarms: () => browser.alarms,
    notifications: () => browser.notifications,
    openTab: (url) => browser.tabs.create({ url }),
    t,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    userZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: browser.i18n.getUILanguage(),
  });
  const announceChatsChanged = chatsChangedAnnouncer(browser.storage.local);
  const sync = createSyncService({
    db,
    sync: browser.storage.sync,
    local: browser.storage.local,
    lookupChat: findChat,
    // Chats changed by another device: open x.com tabs re-read them, their reminders follow their schedules.
    changed: async (tags) => {
      await Promise.all([announceChatsChanged.chats(tags), ...tags.map((tag) => reminders.arm(tag))]);
    },
  });
  const handler = createHandler({
    db,
    version: browser.runtime.getManifest().version,
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL('/'),
    lookupChat: findChat,
    // A scheduled chat's tweets belong to the evening they were posted in: the user's schedule, else the directory's.
    sessionFor: scheduledSessionFor(directorySchedule),
    // A changed schedule or reminder re-arms the chat's alarm; open x.com tabs hear of changed settings; sync follows.
    afterWrite: async (request) => {
      await Promise.all([reminders.afterWrite(request), announceChatsChanged(request), sync.afterWrite(request)]);
    },
    sync,
    // Each x.com tab's chat and unsent tweets, out of the page's reach. storage.session is not open to
    // content scripts (Firefox cannot open it to them), so the tabs go through this worker.
    tabSession: createTabSession({
      area: browser.storage.session,
      openTabs: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    }),
  });
  // Registered synchronously at start-up, so a worker woken by a message, an alarm or a click hears it.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the polyfill answers with the promise a listener returns
  browser.runtime.onMessage.addListener((message, sender) => handler(message, sender));
  listenForReminders(browser, reminders);
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') sync.syncChanged(Object.keys(changes));
  });
  void sync.start();
  listenForToggleChatMode(browser.commands, {
    // The background's own context is one of the extension's pages to the handler, as the popup is.
    client: createClient((message) => handler(message, { id: browser.runtime.id, url: globalThis.location.href })),
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
    reloadTab: (tabId) => browser.tabs.reload(tabId),
  });
  openWelcomeOnInstall(browser.runtime.onInstalled, () => browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }));
});
