// What each x.com tab keeps across its page reloads — the chat it is in and its unsent tweets — kept
// by the background in extension-only storage (`storage.session`), under the sender's tab id: the
// page's own scripts can neither read nor write it, and a tab reads only its own items. Like the
// tab's sessionStorage it replaces, it lasts until the browser closes (and survives the MV3 worker).
import { errorReply, type ErrorReply } from '../protocol/requests';

/** The part of `browser.storage.session` used here. */
export interface SessionArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface TabSession {
  /** The tab's items; forgets the items of tabs that are closed. */
  load(tabId: number): Promise<Record<string, string>>;
  /** Removes, then sets: a write that does not fit is refused whole (`quota-exceeded`). */
  write(tabId: number, set: Record<string, string>, remove: readonly string[]): Promise<{ ok: true } | ErrorReply>;
}

const prefixOf = (tabId: number) => `tab:${tabId}:`;
const TAB_KEY = /^tab:(\d+):/;

export function createTabSession(deps: { area: SessionArea; openTabs?: () => Promise<number[]> }): TabSession {
  const { area } = deps;

  /** Tabs closed since their last page load leave items behind: removed here rather than on every tab's close. */
  async function forgetClosedTabs(all: Record<string, unknown>): Promise<void> {
    if (!deps.openTabs) return;
    const open = new Set(await deps.openTabs());
    const stale = Object.keys(all).filter((key) => {
      const id = TAB_KEY.exec(key)?.[1];
      return id !== undefined && !open.has(Number(id));
    });
    if (stale.length > 0) await area.remove(stale);
  }

  return {
    async load(tabId) {
      const all = await area.get(null);
      const prefix = prefixOf(tabId);
      const items: Record<string, string> = {};
      for (const [key, value] of Object.entries(all)) {
        if (key.startsWith(prefix) && typeof value === 'string') items[key.slice(prefix.length)] = value;
      }
      await forgetClosedTabs(all).catch((e: unknown) => console.warn('chat-mode: could not forget closed tabs', e));
      return items;
    },
    async write(tabId, set, remove) {
      const prefix = prefixOf(tabId);
      try {
        if (remove.length > 0) await area.remove(remove.map((key) => prefix + key));
        const entries = Object.entries(set);
        if (entries.length > 0) await area.set(Object.fromEntries(entries.map(([key, value]) => [prefix + key, value])));
        return { ok: true };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/quota/i.test(message)) return errorReply('quota-exceeded', "The extension's temporary storage is full.");
        throw e;
      }
    },
  };
}
