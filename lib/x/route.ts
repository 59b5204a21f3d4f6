// x.com is a single-page app: it navigates with history.pushState, which fires no event a content
// script can hear. It does change the document title on every navigation, so a MutationObserver on
// <title> (plus popstate for back/forward) tells us about every route change without polling.

/** Calls `onChange(href)` whenever the page's URL changes, until `signal` aborts. */
export function watchLocation(doc: Document, onChange: (href: string) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const win = doc.defaultView;
  let last = doc.location.href;
  const check = (): void => {
    const href = doc.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const observer = new MutationObserver(check);
  // Observe the whole <head> subtree: x.com replaces the <title> element as well as its text.
  observer.observe(doc.head, { subtree: true, childList: true, characterData: true });
  win?.addEventListener('popstate', check, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
