// The background owns the data: it answers the content scripts' and pages' messages from IndexedDB.
// Wiring only; the logic is in lib/store (handler, schema) and lib/chat (directory, schedules).
import { findChat, occurrenceAround } from '@/lib/chat';
import { storeOpener } from '@/lib/store/db';
import { createHandler } from '@/lib/store/handler';

export default defineBackground(() => {
  const handler = createHandler({
    // Opened on first use and reopened if the browser closes the connection.
    db: storeOpener(),
    version: browser.runtime.getManifest().version,
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL('/'),
    lookupChat: findChat,
    // A scheduled chat's tweets belong to the evening they were posted in.
    sessionFor: (tag, time) => {
      const schedule = findChat(tag)?.schedule;
      const occurrence = schedule ? occurrenceAround(schedule, new Date(time)) : null;
      return occurrence
        ? { id: `${tag}:${occurrence.start.toISOString()}`, start: occurrence.start.getTime(), end: occurrence.end.getTime() }
        : null;
    },
  });
  // Registered synchronously at start-up, so a worker woken by a message hears it.
  browser.runtime.onMessage.addListener((message, sender) => handler(message, sender));
});
