/** Desktop x.com layout: left nav (header[role=banner]), main[role=main] with primaryColumn + sidebarColumn, #layers. */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { Composer } from './Composer';
import { BROKEN, T } from './markup';
import { Timeline } from './Timeline';
import { Avatar, displayText, Icon, QuoteCard, RichText, Tweet, UserCell } from './Tweet';
import type { TweetSpec } from './api';
import { ME, parseRoute, splitPath, store, type Item, type ModalState, type Route } from './store';

function titleFor(r: Route): string {
  if (r.kind === 'search') return `${r.q} - Search / X`;
  if (r.kind === 'home') return 'Home / X';
  if (r.kind === 'status') {
    const t = store.tweets.get(r.id);
    return t ? `${t.name} on X: "${t.text.replace(/\s+/g, ' ')}" / X` : 'Post / X';
  }
  const seg = r.path.split(/[/?]/)[1] ?? '';
  const named: Record<string, string> = { explore: 'Explore / X', notifications: 'Notifications / X', messages: 'Messages / X' };
  return named[seg] ?? (seg ? `@${seg} / X` : 'X');
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

const vh = 'vh';

function TopBar({ title, back, children }: { title?: string; back?: boolean; children?: ReactNode }) {
  return (
    <div className="css-175oi2r topbar">
      <div className="css-175oi2r r-18u37iz topbar-row">
        {back ? (
          <button
            data-testid="app-bar-back"
            aria-label="Back"
            role="button"
            type="button"
            className="css-175oi2r icon-btn"
            onClick={() => history.back()}
          >
            ←
          </button>
        ) : null}
        {title ? (
          <h2 dir="ltr" role="heading" aria-level={2} className="css-146c3p1 topbar-title">
            <span className="css-1jxf684">{title}</span>
          </h2>
        ) : null}
        {children}
      </div>
    </div>
  );
}

function TimelineSection({ heading, label, feedKey, children }: { heading: string; label: string; feedKey: string; children: ReactNode }) {
  return (
    <section aria-labelledby="accessible-list-1" role="region" className="css-175oi2r">
      <h1 dir="ltr" role="heading" aria-level={1} id="accessible-list-1" className={`css-146c3p1 ${vh}`}>
        {heading}
      </h1>
      <div aria-label={label} key={feedKey}>
        {children}
      </div>
    </section>
  );
}

const Placeholder = () => (
  <div>
    <div className="css-175oi2r spinner-wrap">
      <div role="progressbar" aria-label="Loading" aria-valuemax={1} aria-valuemin={0} className="spinner" />
    </div>
  </div>
);

function renderItem(item: Item): ReactNode {
  switch (item.kind) {
    case 'tweet':
      return <Tweet t={item.tweet} />;
    case 'focal':
      return <Tweet t={item.tweet} focal />;
    case 'user':
      return <UserCell p={item.person} />;
    case 'composer': {
      const to = item.replyTo;
      return (
        <div className="css-175oi2r cell-body">
          <div className="css-175oi2r inline-reply">
            <Composer
              where="inline"
              inline
              placeholder="Post your reply"
              buttonLabel="Reply"
              draftKey={`inline-reply-${to.id}`}
              onPost={(text) => store.post(text, 'inline', to)}
            />
          </div>
        </div>
      );
    }
  }
}

function FeedTimeline({ route }: { route: Route }) {
  const feed = store.feed(route);
  useLayoutEffect(() => {
    if (feed) store.currentFeedKey = feed.key;
  }, [feed]);
  if (!feed) return null;
  return feed.loaded ? (
    <Timeline feed={feed} cellTestId={store.drifted('cellInnerDiv') ? BROKEN.cell : T.cell} render={renderItem} />
  ) : (
    <Placeholder />
  );
}

const TABS: Array<[string, string]> = [
  ['Top', 'top'],
  ['Latest', 'live'],
  ['People', 'user'],
  ['Media', 'media'],
];

function SearchPage({ route }: { route: Extract<Route, { kind: 'search' }> }) {
  const [q, setQ] = useState(route.q);
  useEffect(() => setQ(route.q), [route.q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    store.navigate(`/search?q=${encodeURIComponent(q)}&src=typed_query&f=live`);
  };
  const base = `/search?q=${encodeURIComponent(route.q)}&src=typed_query`;
  const feedKey = store.feedKeyFor(route) ?? '';
  return (
    <>
      <TopBar back>
        <form role="search" aria-label="Search" className="css-175oi2r search-form grow" onSubmit={submit}>
          <input
            aria-label="Search query"
            role="combobox"
            aria-expanded="false"
            data-testid={T.searchInput}
            placeholder="Search"
            type="text"
            className="search-input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </form>
      </TopBar>
      <nav aria-live="polite" role="navigation" className="css-175oi2r tabs-nav">
        <div role="tablist" className="css-175oi2r r-18u37iz tabs">
          {TABS.map(([name, f]) => (
            <div role="presentation" key={f} className="css-175oi2r tab-wrap">
              <a
                href={f === 'top' ? base : `${base}&f=${f}`}
                role="tab"
                aria-selected={route.f === f}
                className={`css-175oi2r tab${route.f === f ? ' selected' : ''}`}
              >
                <div dir="ltr" className="css-146c3p1">
                  <span className="css-1jxf684">{name}</span>
                </div>
              </a>
            </div>
          ))}
        </div>
      </nav>
      <TimelineSection heading="Search timeline" label="Timeline: Search timeline" feedKey={feedKey}>
        <FeedTimeline route={route} />
      </TimelineSection>
    </>
  );
}

function HomePage({ route }: { route: Route }) {
  return (
    <>
      <TopBar>
        <div role="tablist" className="css-175oi2r r-18u37iz tabs grow">
          <div role="presentation" className="css-175oi2r tab-wrap">
            <a href="/home" role="tab" aria-selected="true" className="css-175oi2r tab selected">
              For you
            </a>
          </div>
          <div role="presentation" className="css-175oi2r tab-wrap">
            <a href="/home" role="tab" aria-selected="false" className="css-175oi2r tab">
              Following
            </a>
          </div>
        </div>
      </TopBar>
      <div className="css-175oi2r home-composer">
        <Composer
          where="inline"
          inline
          placeholder="What is happening?!"
          buttonLabel="Post"
          draftKey="home"
          onPost={(text) => store.post(text, 'inline')}
        />
      </div>
      <TimelineSection heading="Your Home Timeline" label="Timeline: Your Home Timeline" feedKey="home">
        <FeedTimeline route={route} />
      </TimelineSection>
    </>
  );
}

function StatusPage({ route }: { route: Extract<Route, { kind: 'status' }> }) {
  return (
    <>
      <TopBar back title="Post" />
      <TimelineSection heading="Conversation" label="Timeline: Conversation" feedKey={route.id}>
        <FeedTimeline route={route} />
      </TimelineSection>
    </>
  );
}

function OtherPage({ route }: { route: Route }) {
  return (
    <>
      <TopBar back title={titleFor(route).replace(/ \/ X$/, '')} />
      <div className="css-175oi2r empty-page">
        <div className="css-146c3p1 muted">This page is not part of the stand-in.</div>
      </div>
    </>
  );
}

function Page({ route }: { route: Route }) {
  if (route.kind === 'search') return <SearchPage route={route} />;
  if (route.kind === 'home') return <HomePage route={route} />;
  if (route.kind === 'status') return <StatusPage route={route} />;
  return <OtherPage route={route} />;
}

const NAV: Array<[string, string, string]> = [
  ['Home', '/home', 'AppTabBar_Home_Link'],
  ['Explore', '/explore', 'AppTabBar_Explore_Link'],
  ['Notifications', '/notifications', 'AppTabBar_Notifications_Link'],
  ['Messages', '/messages', 'AppTabBar_DirectMessage_Link'],
  ['Profile', `/${ME.handle}`, 'AppTabBar_Profile_Link'],
];

function LeftNav() {
  return (
    <header role="banner" className="css-175oi2r banner">
      <div className="css-175oi2r banner-inner">
        <h1 role="heading" className="css-146c3p1 logo-h">
          <a href="/home" aria-label="X" role="link" className="css-175oi2r logo">
            𝕏
          </a>
        </h1>
        <nav aria-label="Primary" role="navigation" className="css-175oi2r nav">
          {NAV.map(([label, href, id]) => (
            <a key={id} href={href} aria-label={label} role="link" data-testid={id} className="css-175oi2r nav-link">
              <div className="css-175oi2r r-18u37iz">
                <span className="nav-dot" />
                <div dir="ltr" className="css-146c3p1">
                  <span className="css-1jxf684">{label}</span>
                </div>
              </div>
            </a>
          ))}
          <button
            aria-label="More menu items"
            role="button"
            data-testid="AppTabBar_More_Menu"
            type="button"
            className="css-175oi2r nav-link"
          >
            <div className="css-175oi2r r-18u37iz">
              <span className="nav-dot" />
              <span>More</span>
            </div>
          </button>
        </nav>
        <a
          href="/compose/post"
          aria-label="Post"
          role="link"
          data-testid={T.newTweet}
          className="css-175oi2r side-post"
          onClick={(e) => {
            e.preventDefault();
            store.openModal('new');
          }}
        >
          <div dir="ltr" className="css-146c3p1">
            <span className="css-1jxf684">
              <span className="css-1jxf684">Post</span>
            </span>
          </div>
        </a>
        <div className="css-175oi2r grow" />
        <button aria-label="Account menu" role="button" data-testid={T.accountSwitcher} type="button" className="css-175oi2r account">
          <Avatar p={ME} />
          <div className="css-175oi2r account-text">
            <span className="name">{ME.name}</span>
            <span className="muted">@{ME.handle}</span>
          </div>
        </button>
      </div>
    </header>
  );
}

const TRENDS = ['#blogchat', '#edchat', '#journchat', 'Draft.js', '#WebExtensions'];

function Sidebar() {
  const [q, setQ] = useState('');
  return (
    <div className="css-175oi2r sidebar" data-testid={T.sidebarColumn}>
      <div className="css-175oi2r sidebar-inner">
        <form
          role="search"
          aria-label="Search"
          className="css-175oi2r search-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) store.navigate(`/search?q=${encodeURIComponent(q)}&src=typed_query`);
          }}
        >
          <input
            aria-label="Search query"
            role="combobox"
            aria-expanded="false"
            data-testid={T.searchInput}
            placeholder="Search"
            type="text"
            className="search-input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </form>
        <div className="css-175oi2r box">
          <section aria-labelledby="accessible-list-9" role="region" className="css-175oi2r">
            <h1 dir="ltr" role="heading" aria-level={1} id="accessible-list-9" className={`css-146c3p1 ${vh}`}>
              Timeline: Trending now
            </h1>
            <div aria-label="Timeline: Trending now">
              <div className="css-175oi2r">
                <h2 dir="ltr" role="heading" aria-level={2} className="css-146c3p1 box-title">
                  <span className="css-1jxf684">What’s happening</span>
                </h2>
                {TRENDS.map((t, i) => (
                  <div
                    key={t}
                    role="link"
                    tabIndex={0}
                    data-testid={T.trend}
                    className="css-175oi2r trend"
                    onClick={() => store.navigate(`/search?q=${encodeURIComponent(t)}&src=trend_click&vertical=trends`)}
                  >
                    <div className="css-146c3p1 muted small">{i + 1} · Trending</div>
                    <div className="css-146c3p1 trend-name">{t}</div>
                    <div className="css-146c3p1 muted small">{(12 - i * 2).toFixed(1)}K posts</div>
                  </div>
                ))}
              </div>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}

function ReplyContext({ t }: { t: TweetSpec }) {
  return (
    <div className="css-175oi2r reply-context">
      <div className="css-175oi2r r-18u37iz">
        <div className="css-175oi2r context-col">
          <Avatar p={t} />
          <div className="thread-line" />
        </div>
        <div className="css-175oi2r grow">
          <div className="css-175oi2r r-18u37iz" data-testid={T.userName}>
            <span className="css-1jxf684 name">{t.name}</span>&nbsp;<span className="css-1jxf684 muted">@{t.handle}</span>
          </div>
          <div dir="auto" lang={t.lang} className="css-146c3p1 tweet-text" data-testid={T.tweetText}>
            {RichText({ text: displayText(t) })}
          </div>
          <div className="css-146c3p1 muted replying">
            Replying to <span className="link">@{t.handle}</span>
          </div>
        </div>
      </div>
    </div>
  );
}

function Modal({ state }: { state: ModalState }) {
  const t = state.tweetId ? store.tweets.get(state.tweetId) : undefined;
  const kind = t ? state.modal : 'new';
  const close = () => store.closeModal();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onPost = (text: string) => {
    if (kind === 'reply') store.post(text, 'reply', t);
    else if (kind === 'quote') store.post(text, 'quote', undefined, t);
    else store.post(text, 'modal');
    store.closeModal();
  };
  return (
    <div className="css-175oi2r layer">
      <div className="css-175oi2r mask" data-testid={T.mask} onClick={close} />
      <div aria-labelledby="modal-header" aria-modal="true" role="dialog" className="css-175oi2r dialog">
        <div className="css-175oi2r r-18u37iz dialog-top">
          <button
            data-testid={T.appBarClose}
            aria-label="Close"
            role="button"
            type="button"
            className="css-175oi2r icon-btn"
            onClick={close}
          >
            ✕
          </button>
          <h2 id="modal-header" className={`css-146c3p1 ${vh}`}>
            {kind === 'reply' ? 'Reply' : kind === 'quote' ? 'Quote' : 'Compose new post'}
          </h2>
          <div className="css-175oi2r grow" />
          <span className="css-1jxf684 link drafts">Drafts</span>
        </div>
        {kind === 'reply' && t ? <ReplyContext t={t} /> : null}
        <Composer
          key={store.entryKey()}
          where={kind === 'new' ? 'modal' : kind}
          inline={false}
          autoFocus
          placeholder={kind === 'reply' ? 'Post your reply' : kind === 'quote' ? 'Add a comment' : 'What is happening?!'}
          buttonLabel={kind === 'reply' ? 'Reply' : 'Post'}
          onPost={onPost}
        >
          {kind === 'quote' && t ? (
            <div className="css-175oi2r quote-in-composer">
              <QuoteCard q={t} />
            </div>
          ) : null}
        </Composer>
      </div>
    </div>
  );
}

function RetweetMenu() {
  const m = store.menu;
  if (!m) return null;
  const close = () => {
    store.menu = null;
    store.emit();
  };
  return (
    <div className="css-175oi2r layer">
      <div className="css-175oi2r mask clear" onClick={close} />
      <div role="menu" className="css-175oi2r menu" style={{ top: m.y, left: Math.max(8, m.x - 60) }}>
        <div
          role="menuitem"
          tabIndex={0}
          data-testid={T.retweetConfirm}
          className="css-175oi2r menu-item"
          onClick={() => {
            close();
            store.showToast('Reposted');
            store.emit();
          }}
        >
          <Icon name="retweet" />
          <span className="css-1jxf684">Repost</span>
        </div>
        <a
          href="/compose/post"
          role="menuitem"
          className="css-175oi2r menu-item"
          onClick={(e) => {
            e.preventDefault();
            store.openModal('quote', m.tweet.id);
          }}
        >
          <span className="css-1jxf684">✎</span>
          <span className="css-1jxf684">Quote</span>
        </a>
      </div>
    </div>
  );
}

export function App() {
  useSyncExternalStore(store.subscribe, store.getVersion);
  const modal = store.modalState();
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
        <LeftNav />
        <main role="main" className="css-175oi2r main">
          <div className="css-175oi2r r-18u37iz main-row">
            <div className="css-175oi2r primary" data-testid={T.primaryColumn}>
              <Page key={pageKey} route={route} />
            </div>
            <Sidebar />
          </div>
        </main>
      </div>
      <div id="layers">
        {modal ? <Modal state={modal} /> : null}
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
