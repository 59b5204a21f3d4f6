// The extension's own data, read and filled from one of its pages: the background's database and
// the extension's session storage.
import { openExtensionPage, type ExtBrowser } from './fixtures.ts';

export interface StoredRow {
  tag: string;
  id: string;
  handle: string;
  time: string | null;
  question?: string;
}

/** Runs `fn` in one of the extension's pages and closes it. */
export async function inExtension<R, A>(browser: ExtBrowser, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const page = await openExtensionPage(browser);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** The background's database (once it has made it): every stored tweet, or (clear) emptied of tweets. */
export function storedTweets(clear: boolean): Promise<StoredRow[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('chat-mode');
    // Not made yet: never made here, where it would lack the background's stores.
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onerror = () => reject(open.error ?? new Error('The extension has no database yet.'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['tweets', 'batches', 'sessions'], clear ? 'readwrite' : 'readonly');
      const rows: StoredRow[] = [];
      if (clear) for (const name of ['tweets', 'batches', 'sessions']) tx.objectStore(name).clear();
      else {
        const all = tx.objectStore('tweets').getAll();
        all.onsuccess = () => {
          for (const t of all.result as { tag: string; id: string; author: { handle: string }; time: string | null; question?: string }[]) {
            rows.push({ tag: t.tag, id: t.id, handle: t.author.handle, time: t.time, ...(t.question ? { question: t.question } : {}) });
          }
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(rows);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Fills the extension's session storage until not even a tweet fits (or empties what it filled),
 * once no tab has tweets on their way there: their removal would make room again. Chromium keeps
 * accepting values of a few bytes past its quota, so the filling stops at 256.
 */
export async function fillSessionArea(fill: boolean): Promise<number> {
  interface Area {
    get(keys: null): Promise<Record<string, unknown>>;
    set(items: Record<string, string>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  }
  // `browser` in Firefox, `chrome` in Chromium: the extension's own page reaches its storage directly.
  const g = globalThis as unknown as { browser?: { storage: { session: Area } }; chrome: { storage: { session: Area } } };
  const area = (g.browser ?? g.chrome).storage.session;
  if (!fill) {
    await area.remove(Object.keys(await area.get(null)).filter((key) => key.startsWith('fill:')));
    return 0;
  }
  for (let waited = 0; Object.keys(await area.get(null)).some((key) => key.includes(':outbox:')); waited += 100) {
    if (waited > 20_000) throw new Error('Tweets are still on their way.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let n = 0;
  for (let size = 1 << 20; size >= 256; size /= 2) {
    for (let tries = 0; tries < 100; tries++) {
      try {
        await area.set({ [`fill:${n}`]: 'x'.repeat(size) });
        n++;
      } catch {
        break;
      }
    }
  }
  return n;
}
