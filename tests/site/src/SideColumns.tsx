/** The columns either side of the primary one: the left nav (header[role=banner]) and the sidebar (sidebarColumn). */
import { useState, type ReactNode } from 'react';
import { T } from './markup';
import { Avatar } from './TweetParts';
import { ME, store } from './store';
import { SearchForm, vh } from './Pages';

const NAV: Array<[string, string, string]> = [
  ['Home', '/home', 'AppTabBar_Home_Link'],
  ['Explore', '/explore', 'AppTabBar_Explore_Link'],
  ['Notifications', '/notifications', 'AppTabBar_Notifications_Link'],
  ['Messages', '/messages', 'AppTabBar_DirectMessage_Link'],
  ['Profile', `/${ME.handle}`, 'AppTabBar_Profile_Link'],
];

export function LeftNav() {
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
        <PostLink testId={T.newTweet} className="css-175oi2r side-post">
          <div dir="ltr" className="css-146c3p1">
            <span className="css-1jxf684">
              <span className="css-1jxf684">Post</span>
            </span>
          </div>
        </PostLink>
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

/** The mobile layout's tab bar, fixed at the bottom of the window in #layers. */
export function BottomBar() {
  return (
    <div className="css-175oi2r bottom-bar" data-testid={T.bottomBar}>
      <nav aria-label="Primary" role="navigation" className="css-175oi2r r-18u37iz bottom-nav">
        {NAV.map(([label, href, id]) => (
          <a key={id} href={href} aria-label={label} role="link" data-testid={id} className="css-175oi2r bottom-link">
            <span className="nav-dot" />
          </a>
        ))}
      </nav>
    </div>
  );
}

/** The mobile layout's floating Post button: opens /compose/post (a page at phone widths). */
export function FloatingPostButton() {
  return (
    <PostLink testId={T.fab} className="css-175oi2r fab">
      +
    </PostLink>
  );
}

const TRENDS = ['#blogchat', '#edchat', '#journchat', 'Draft.js', '#WebExtensions'];

export function Sidebar() {
  const [q, setQ] = useState('');
  return (
    <div className="css-175oi2r sidebar" data-testid={T.sidebarColumn}>
      <div className="css-175oi2r sidebar-inner">
        <SearchForm
          className="css-175oi2r search-form"
          q={q}
          setQ={setQ}
          onSearch={() => {
            if (q.trim()) store.navigate(`/search?q=${encodeURIComponent(q)}&src=typed_query`);
          }}
        />
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

/** x.com's Post links (the navigation's and the floating one): `/compose/post`, opened as the compose dialog. */
function PostLink({ testId, className, children }: { testId: string; className: string; children: ReactNode }) {
  return (
    <a
      href="/compose/post"
      aria-label="Post"
      role="link"
      data-testid={testId}
      className={className}
      onClick={(e) => {
        e.preventDefault();
        store.openModal('new');
      }}
    >
      {children}
    </a>
  );
}
