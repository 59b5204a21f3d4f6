// Opening the background's IndexedDB store.
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type ChatModeDB, type StoreDB } from './schema';

function open(name: string, onGone: () => void): Promise<StoreDB> {
  const opening: Promise<StoreDB> = openDB<ChatModeDB>(name, DB_VERSION, {
    upgrade,
    // Another context wants a newer version (after an update): step aside so its upgrade can run.
    blocking() {
      void opening.then((db) => db.close());
      onGone();
    },
    terminated: onGone,
  });
  return opening;
}

/** Opens (creating or upgrading) the store. */
export function openStore(name: string = DB_NAME): Promise<StoreDB> {
  return open(name, () => undefined);
}

/**
 * A lazy, self-healing opener for the background: opens on first use, shares the connection, and
 * opens again after the browser terminated it, a newer version asked for it, or opening failed.
 * Pass it as `db` to `createHandler`.
 */
export function storeOpener(name: string = DB_NAME): () => Promise<StoreDB> {
  let current: Promise<StoreDB> | undefined;
  return () => {
    if (!current) {
      const attempt = open(name, () => {
        if (current === attempt) current = undefined;
      });
      current = attempt;
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
    }
    return current;
  };
}
