// What the tab's features get (ChatModeDeps), built once per page. Seen chat tweets wait in the outbox
// until the background has stored them; the tab's storage keeps them across a reload, and a stopped
// service worker is retried until it answers. The transcript status says what went wrong meanwhile.
import type { Client } from '@/lib/protocol/client';
import { createOutbox } from '@/lib/outbox';
import type { TabStorage } from '@/lib/tab-storage';
import type { ChatModeDeps } from './feature';

export function createChatModeDeps(doc: Document, client: Client, storage: TabStorage, signal: AbortSignal): ChatModeDeps {
  let storeError: string | null = null;
  const outbox = createOutbox({
    send: async (request) => {
      const reply = await client.send(request);
      if (reply.ok) storeError = null;
      return reply;
    },
    storage,
    // A restarting worker is retried quietly; anything else (a full disk) the user must hear about.
    onError: (error) => {
      if (error.code !== 'unavailable') storeError = error.message;
    },
    onDrop: (error) => {
      storeError = error.message;
    },
  });
  // The extension was reloaded or updated: the background is out of reach (and the browser cleared its
  // session storage: tweets on their way then are lost). Closed after this abort's other listeners ran,
  // whatever their order: the features stop on it and hand the outbox their last tweets first.
  signal.addEventListener('abort', () => queueMicrotask(() => outbox.dispose()), { once: true });
  return { document: doc, client, outbox, kept: () => storage.kept(), lastError: () => storeError };
}

/** Where earlier versions kept the tab's chat and unsent tweets: the page's sessionStorage, which its scripts can write. */
const OLD_PAGE_KEYS = ['chat-mode:outbox', 'chat-mode:active-chat'];

/** What the tab keeps across reloads the background now keeps for it: the page's copies are never read again. */
export function forgetOldPageKeys(): void {
  try {
    for (const key of OLD_PAGE_KEYS) sessionStorage.removeItem(key);
  } catch {
    // storage disabled for the page: nothing to forget
  }
}
