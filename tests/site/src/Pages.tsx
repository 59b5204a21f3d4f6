/** The primary column's pages (search, home, a tweet, any other path) and the parts they share. */
import { useEffect, useLayoutEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Composer } from './Composer';
import { BROKEN, T } from './markup';
import { Timeline } from './Timeline';
import { Tweet, UserCell } from './Tweet';
import type { Item } from './feeds';
import type { Route } from './routes';
import { store } from './store';

export const vh = 'vh';

/** The document title x.com gives a page. */
export function titleFor(r: Route): string {
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

/** x.com's search box: in the search page's top bar and atop the sidebar. */
export function SearchForm({
  className,
  q,
  setQ,
  onSearch,
}: {
  className: string;
  q: string;
  setQ: (q: string) => void;
  onSearch: () => void;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <form role="search" aria-label="Search" className={className} onSubmit={submit}>
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
  );
}

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
  const base = `/search?q=${encodeURIComponent(route.q)}&src=typed_query`;
  const feedKey = store.feedKeyFor(route) ?? '';
  return (
    <>
      <TopBar back>
        <SearchForm
          className="css-175oi2r search-form grow"
          q={q}
          setQ={setQ}
          onSearch={() => store.navigate(`/search?q=${encodeURIComponent(q)}&src=typed_query&f=live`)}
        />
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

export function Page({ route }: { route: Route }) {
  if (route.kind === 'search') return <SearchPage route={route} />;
  if (route.kind === 'home') return <HomePage route={route} />;
  if (route.kind === 'status') return <StatusPage route={route} />;
  return <OtherPage route={route} />;
}
