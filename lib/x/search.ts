// The search page: chat mode reads the Latest tab, where a chat's tweets arrive live in order (which
// URLs are that tab: `isLatestSearch` in ./urls).
import { X } from './selectors';

/**
 * Switches a search to its Latest tab the way the user would, by clicking x.com's own tab link, so
 * x.com's router does the navigation. Returns false when the tab is not on the page.
 */
export function switchToLatest(doc: Document): boolean {
  const tab = doc.querySelector<HTMLElement>(X.latestTab);
  if (!tab) return false;
  tab.click();
  return true;
}
