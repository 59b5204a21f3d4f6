// Who sent a message: the extension's own pages, or its content script in an x.com tab. The
// background answers only those, and some requests only one of them (see PAGE_ONLY_TYPES, TAB_ONLY_TYPES).
import { isXTabUrl } from '../x/urls';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** 0: the tab's top frame. */
  frameId?: number;
}

/** Whether the sender is one of the extension's own pages (popup, options), not a content script. */
export function isExtensionPageSender(sender: SenderLike, ownId: string, ownOrigin?: string): boolean {
  if (!ownId || sender.id !== ownId) return false;
  const origin = (ownOrigin ?? `chrome-extension://${ownId}/`).replace(/\/*$/, '/');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/**
 * Accept only our own extension's contexts: `sender.id` must be ours; then either an extension page
 * (its URL under our extension's origin) or a content script in an x.com tab (https://x.com, twitter.com
 * or their mobile sites). `ownOrigin` is `browser.runtime.getURL('')`; pass it on Firefox, where the extension URL holds
 * an internal UUID rather than the id. Without it, `chrome-extension://<ownId>/` is assumed.
 */
export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin?: string): boolean {
  if (!ownId || sender.id !== ownId) return false;
  const origin = (ownOrigin ?? `chrome-extension://${ownId}/`).replace(/\/*$/, '/');
  const url = sender.url ?? sender.tab?.url;
  if (url === undefined) return false;
  if (url.startsWith(origin)) return true; // an extension page (popup, options, even when opened in a tab)
  if (!sender.tab) return false;
  if (!isXTabUrl(url)) return false;
  return sender.tab.url === undefined || isXTabUrl(sender.tab.url);
}

/**
 * The tab whose content script sent the message (top frame of an x.com tab, never an extension page):
 * its id keys what the tab keeps, so a tab reads and writes only its own items. Null: not such a sender.
 */
export function senderTabId(sender: SenderLike, ownId: string, ownOrigin?: string): number | null {
  if (!isTrustedSender(sender, ownId, ownOrigin) || isExtensionPageSender(sender, ownId, ownOrigin)) return null;
  const id = sender.tab?.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  return isXTabUrl(sender.url ?? sender.tab?.url ?? '') ? id : null;
}
