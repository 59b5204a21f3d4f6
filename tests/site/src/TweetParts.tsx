/** The pieces around a tweet's text: avatar, `User-Name` line, quoted card, icons and the action bar. */
import type { MouseEvent } from 'react';
import type { TweetSpec } from './api';
import { compact, relTime } from './format';
import { hashString } from './random';
import { BROKEN, T } from './markup';
import { store, type Person } from './store';
import { TweetTextBlock } from './TweetText';

const timeFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
export function fullDate(iso: string): string {
  const d = new Date(iso);
  return `${timeFmt.format(d)} · ${dateFmt.format(d)}`;
}

export function Avatar({ p, size = 40 }: { p: Person; size?: number }) {
  const hue = hashString(p.handle) % 360;
  return (
    <div className="css-175oi2r" data-testid={T.avatar} style={{ width: size, height: size }}>
      <a
        href={`/${p.handle}`}
        role="link"
        tabIndex={-1}
        className="avatar"
        style={{ width: size, height: size, background: `hsl(${hue} 55% 55%)` }}
        aria-hidden="true"
      >
        {p.name.charAt(0)}
      </a>
    </div>
  );
}

const Verified = () => (
  <svg viewBox="0 0 22 22" aria-label="Verified account" role="img" className="verified" data-testid="icon-verified">
    <g>
      <path d="M11 1l2.6 2.3 3.4-.4.9 3.3 3 1.7-1.4 3.1 1.4 3.1-3 1.7-.9 3.3-3.4-.4L11 21l-2.6-2.3-3.4.4-.9-3.3-3-1.7L2.5 11 1.1 7.9l3-1.7.9-3.3 3.4.4z" />
      <path d="M9.6 14.6l-3-3 1.2-1.2 1.8 1.8 4.6-4.6 1.2 1.2z" fill="#fff" />
    </g>
  </svg>
);

/** `[data-testid="User-Name"]`: name link, @handle link, " · ", time link (omitted when `timeLink` is false) */
export function UserName({ t, timeLink, timeText }: { t: TweetSpec; timeLink: boolean; timeText: boolean }) {
  const broken = store.drifted('testIds');
  const time = <time dateTime={t.time}>{relTime(t.time, Date.now())}</time>;
  return (
    <div className="css-175oi2r r-18u37iz user-name" data-testid={broken ? BROKEN.userName : T.userName}>
      <div className="css-175oi2r r-18u37iz">
        <div className="css-175oi2r">
          <a href={`/${t.handle}`} role="link" className="css-175oi2r name-link">
            <div dir="ltr" className="css-146c3p1 name">
              <span className="css-1jxf684">
                <span className="css-1jxf684">{t.name}</span>
              </span>
            </div>
            {t.verified ? (
              <div dir="ltr" className="css-146c3p1">
                <span className="css-1jxf684">
                  <Verified />
                </span>
              </div>
            ) : null}
          </a>
        </div>
      </div>
      <div className="css-175oi2r r-18u37iz muted">
        <div className="css-175oi2r r-18u37iz">
          <div className="css-175oi2r">
            <a href={`/${t.handle}`} role="link" tabIndex={-1} className="css-175oi2r">
              <div dir="ltr" className="css-146c3p1">
                <span className="css-1jxf684">@{t.handle}</span>
              </div>
            </a>
          </div>
          {timeText ? (
            <>
              <div dir="ltr" aria-hidden="true" className="css-146c3p1 dot">
                <span className="css-1jxf684">·</span>
              </div>
              <div className="css-175oi2r r-18u37iz">
                {timeLink ? (
                  <a
                    href={`/${t.handle}/status/${t.id}`}
                    dir="ltr"
                    aria-label={fullDate(t.time)}
                    role="link"
                    className="css-146c3p1 time-link"
                  >
                    {time}
                  </a>
                ) : (
                  <div dir="ltr" className="css-146c3p1">
                    {time}
                  </div>
                )}
              </div>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function go(e: MouseEvent, path: string): void {
  const target = e.target as Element;
  if (target.closest('a, button, [role="button"], [role="menuitem"]')) return;
  if (window.getSelection()?.toString()) return;
  e.preventDefault();
  store.navigate(path);
}

/** the quoted tweet: visually hidden "Quote" text, then a div[role=link] card */
export function QuoteCard({ q }: { q: TweetSpec }) {
  return (
    <div className="css-175oi2r quote-wrap">
      <div className="css-146c3p1 vh" id={`id__q${q.id}`}>
        <span className="css-1jxf684">Quote</span>
      </div>
      <div tabIndex={0} role="link" className="css-175oi2r quote" onClick={(e) => go(e, `/${q.handle}/status/${q.id}`)}>
        <div className="css-175oi2r quote-inner">
          <div className="css-175oi2r r-18u37iz quote-head">
            <Avatar p={q} size={20} />
            <UserName t={q} timeLink={false} timeText />
          </div>
          <TweetTextBlock t={q} />
        </div>
      </div>
    </div>
  );
}

const ICONS: Record<string, string> = {
  reply:
    'M1.75 10c0-4.42 3.58-8 8-8h4.37c4.42 0 8.13 3.58 8.13 8.01 0 2.9-1.57 5.57-4.1 6.98L10 21.5v-3.5h-.25c-4.42 0-8-3.58-8-8zm8-6c-3.32 0-6 2.69-6 6s2.68 6 6 6h2.25v2l5.15-2.87c1.9-1.05 3.1-3.06 3.1-5.12 0-3.32-2.77-6.01-6.13-6.01z',
  retweet:
    'M4.5 3.88l4.43 4.14-1.36 1.46L5.5 7.55V16c0 1.1.9 2 2 2H13v2H7.5c-2.21 0-4-1.79-4-4V7.55L1.43 9.48.07 8.02 4.5 3.88zM16.5 6H11V4h5.5c2.21 0 4 1.79 4 4v8.45l2.07-1.93 1.36 1.46-4.43 4.14-4.43-4.14 1.36-1.46 2.07 1.93V8c0-1.1-.9-2-2-2z',
  like: 'M16.7 5.5c-1.11-.04-2.44.48-3.88 2.1L12 8.53l-.82-.93C9.76 5.98 8.42 5.46 7.3 5.5c-1.13.04-2.19.57-2.97 1.45-1.54 1.74-1.61 4.76.95 7.66 1.56 1.77 3.69 3.3 6.72 5.22 3.03-1.92 5.16-3.45 6.72-5.22 2.56-2.9 2.49-5.92.95-7.66-.78-.88-1.84-1.41-2.97-1.45z',
  views: 'M8.75 21V3h2v18h-2zM18 21V8.5h2V21h-2zM4 21l.004-10h2L6 21H4zm9.248 0v-7h2v7h-2z',
  bookmark:
    'M4 4.5C4 3.12 5.12 2 6.5 2h11C18.88 2 20 3.12 20 4.5v18.44l-8-5.71-8 5.71V4.5zM6.5 4c-.28 0-.5.22-.5.5v14.56l6-4.29 6 4.29V4.5c0-.28-.22-.5-.5-.5h-11z',
  share:
    'M12 2.59l5.7 5.7-1.41 1.42L13 6.41V16h-2V6.41l-3.3 3.3-1.41-1.42L12 2.59zM21 15l-.02 3.51c0 1.38-1.12 2.49-2.5 2.49H5.5C4.11 21 3 19.88 3 18.5V15h2v3.5c0 .28.22.5.5.5h12.98c.28 0 .5-.22.5-.5L19 15h2z',
  caret:
    'M3 12c0-1.1.9-2 2-2s2 .9 2 2-.9 2-2 2-2-.9-2-2zm9 2c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm7 0c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z',
};
export const Icon = ({ name }: { name: string }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
    <g>
      <path d={ICONS[name] ?? ''} />
    </g>
  </svg>
);

export function Actions({ t }: { t: TweetSpec }) {
  const label = `${t.replies} replies, ${t.reposts} reposts, ${t.likes} likes, ${t.views} views`;
  const btn = (testId: string, icon: string, count: number, aria: string, onClick?: (e: MouseEvent<HTMLButtonElement>) => void) => (
    <div className="css-175oi2r r-18u37iz action">
      <button
        aria-label={`${count} ${aria}. ${aria}`}
        role="button"
        className="css-175oi2r action-btn"
        data-testid={testId}
        type="button"
        onClick={onClick}
      >
        <div dir="ltr" className="css-146c3p1 r-18u37iz">
          <div className="css-175oi2r">
            <Icon name={icon} />
          </div>
          <div className="css-175oi2r">
            <span className="css-1jxf684">{count ? compact(count) : ''}</span>
          </div>
        </div>
      </button>
    </div>
  );
  return (
    <div className="css-175oi2r">
      <div aria-label={label} role="group" className="css-175oi2r r-18u37iz actions">
        {btn(T.reply, 'reply', t.replies, 'Replies', (e) => {
          e.stopPropagation();
          store.openModal('reply', t.id);
        })}
        {btn(T.retweet, 'retweet', t.reposts, 'reposts', (e) => {
          e.stopPropagation();
          const r = e.currentTarget.getBoundingClientRect();
          store.menu = { tweet: t, x: r.left, y: r.top };
          store.emit();
        })}
        {btn(T.like, 'like', t.likes, 'Likes')}
        <div className="css-175oi2r r-18u37iz action">
          <a
            href={`/${t.handle}/status/${t.id}/analytics`}
            aria-label={`${t.views} views. View post analytics`}
            role="link"
            className="css-175oi2r action-btn"
          >
            <div dir="ltr" className="css-146c3p1 r-18u37iz">
              <Icon name="views" />
              <span className="css-1jxf684">{compact(t.views)}</span>
            </div>
          </a>
        </div>
        <div className="css-175oi2r r-18u37iz action-end">
          <button aria-label="Bookmark" role="button" className="css-175oi2r action-btn" data-testid={T.bookmark} type="button">
            <Icon name="bookmark" />
          </button>
          <button aria-label="Share post" role="button" className="css-175oi2r action-btn" type="button">
            <Icon name="share" />
          </button>
        </div>
      </div>
    </div>
  );
}
