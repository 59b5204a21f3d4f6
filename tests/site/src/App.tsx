/**
 * x.com's layout: left nav (header[role=banner]), main[role=main] with primaryColumn + sidebarColumn, #layers.
 * Narrower than 988 px x.com leaves out its right column (sidebarColumn); narrower than 500 px it switches to
 * its mobile layout: no left nav, a bottom tab bar in #layers, and /compose/post as a page instead of a modal.
 */
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { T } from './markup';
import { parseRoute, splitPath } from './routes';
import { store } from './store';
import { Page, titleFor } from './Pages';
import { BottomBar, FloatingPostButton, LeftNav, Sidebar } from './SideColumns';
import { ComposePage, Modal, RetweetMenu } from './Layers';

/** x.com's widths: below NARROW no right column, below PHONE the mobile layout. */
const NARROW = '(max-width: 987px)';
const PHONE = '(max-width: 499px)';

function useMedia(query: string): boolean {
  const media = window.matchMedia(query);
  return useSyncExternalStore(
    (changed) => {
      media.addEventListener('change', changed);
      return () => media.removeEventListener('change', changed);
    },
    () => media.matches,
  );
}

/** x.com's router handles its own links (role=link anchors) without a page load */
function onAppClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.<HTMLAnchorElement>('a[role="link"], a[role="tab"]');
  if (!a || a.target === '_blank') return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  e.preventDefault();
  store.navigate(href);
}

export function App() {
  useSyncExternalStore(store.subscribe, store.getVersion);
  const narrow = useMedia(NARROW);
  const phone = useMedia(PHONE);
  const modal = store.modalState();
  const composePage = phone && modal !== null;
  const bgPath = store.backgroundPath();
  const route = parseRoute(...splitPath(bgPath));
  const title = titleFor(route);
  useEffect(() => {
    document.title = title;
  }, [title]);

  // per-history-entry scroll positions (x.com restores the timeline position on back)
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, store.scrollPositions.get(store.entryKey()) ?? 0);
  }, [bgPath]);
  useEffect(() => {
    const onScroll = () => {
      if (!store.modalState()) store.scrollPositions.set(store.entryKey(), window.scrollY);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  const pageKey = route.kind === 'search' ? `search:${route.tag.toLowerCase()}` : route.path;
  return (
    <div className="css-175oi2r app" onClick={onAppClick}>
      <div className="css-175oi2r r-18u37iz app-row">
        {phone ? null : <LeftNav />}
        <main role="main" className="css-175oi2r main">
          <div className="css-175oi2r r-18u37iz main-row">
            <div className="css-175oi2r primary" data-testid={T.primaryColumn}>
              {composePage ? <ComposePage /> : <Page key={pageKey} route={route} />}
            </div>
            {narrow ? null : <Sidebar />}
          </div>
        </main>
      </div>
      <div id="layers">
        {modal && !composePage ? <Modal state={modal} /> : null}
        {phone && !composePage ? <BottomBar /> : null}
        {phone && !composePage ? <FloatingPostButton /> : null}
        <RetweetMenu />
        {store.toast ? (
          <div className="css-175oi2r toast-wrap">
            <div role="alert" data-testid={T.toast} className="css-175oi2r toast">
              <span className="css-1jxf684">{store.toast.text}</span>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
