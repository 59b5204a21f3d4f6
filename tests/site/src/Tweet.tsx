/** A tweet's markup, modelled on x.com's (see markup.ts for the facts and their sources). */
import type { MouseEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { TweetSpec } from './api';
import { compact, hashString, relTime } from './data';
import { BROKEN, T } from './markup';
import { store, type Person } from './store';

const TOKEN =
  /(https?:\/\/[^\s]+)|(#[\p{L}\p{N}_]+)|(@[A-Za-z0-9_]{1,15})|(\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*)|(\n)/gu;

function emojiSrc(e: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><text x="2" y="30" font-size="30">${e}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const span = (key: number | string, text: string) => (
  <span key={key} className="css-1jxf684">
    {text}
  </span>
);

/** tweetText children: spans, hashtag/mention/url links, emoji images — React escapes everything */
export function RichText({ text }: { text: string }): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(span(k++, text.slice(last, at)));
    const [whole, url, tag, mention, emoji, nl] = m;
    if (url) {
      const bare = url.replace(/^https?:\/\//, '').replace(/^www\./, '');
      const shown = bare.length > 25 ? bare.slice(0, 25) : bare;
      const rest = url.slice(url.indexOf(shown) + shown.length);
      out.push(
        <a
          key={k++}
          dir="ltr"
          href={`https://t.co/${(hashString(url) >>> 0).toString(36)}`}
          rel="noopener noreferrer nofollow"
          target="_blank"
          role="link"
          className="css-1jxf684 link"
        >
          <span aria-hidden="true" className="vh">
            {url.slice(0, url.indexOf(shown))}
          </span>
          {shown}
          <span aria-hidden="true" className="vh">
            {rest}
          </span>
          {bare.length > 25 ? (
            <span aria-hidden="true" className="css-1jxf684">
              …
            </span>
          ) : null}
        </a>,
      );
    } else if (tag) {
      // Drifted, the link shows the tag without its '#', and may link to a search rather than /hashtag/.
      const bare = tag.slice(1);
      const hashless = store.drifted('hashtagText') || store.drifted('hashtagSearch');
      const href = store.drifted('hashtagSearch')
        ? `/search?q=%23${encodeURIComponent(bare)}&src=hashtag_click`
        : `/hashtag/${bare}?src=hashtag_click`;
      out.push(
        <span key={k++} className="r-18u37iz">
          <a dir="ltr" href={href} role="link" className="css-1jxf684 link">
            {hashless ? bare : tag}
          </a>
        </span>,
      );
    } else if (mention) {
      out.push(
        <div key={k++} className="css-175oi2r r-xoduu5">
          <span className="r-18u37iz">
            <a dir="ltr" href={`/${mention.slice(1)}`} role="link" className="css-1jxf684 link">
              {mention}
            </a>
          </span>
        </div>,
      );
    } else if (emoji) {
      out.push(<img key={k++} alt={emoji} draggable="false" src={emojiSrc(emoji)} title={emoji} className="emoji" />);
    } else if (nl) {
      out.push(span(k++, '\n'));
    } else out.push(span(k++, whole));
    last = at + whole.length;
  }
  if (last < text.length) out.push(span(k, text.slice(last)));
  return out;
}

/**
 * x.com hides the leading @mentions of a reply from the text (they are the "Replying to" line):
 * the tweet `@MackCollier A2 …` shows "Replying to @MackCollier" and tweetText "A2 …".
 */
export function displayText(t: TweetSpec): string {
  if (!t.replyTo?.length) return t.text;
  const handles = new Set(t.replyTo.map((h) => h.toLowerCase()));
  let s = t.text;
  for (;;) {
    const m = /^@([A-Za-z0-9_]{1,15})\s+/.exec(s);
    if (!m?.[1] || !handles.has(m[1].toLowerCase())) return s;
    s = s.slice(m[0].length);
  }
}

function TweetTextBlock({ t, big }: { t: TweetSpec; big?: boolean }) {
  const broken = store.drifted('tweetText');
  const [expanded, setExpanded] = useState(false);
  // On its own page (big) a long post is shown whole; in timelines only its first part.
  const whole = big || expanded || !t.more;
  return (
    <>
      <div
        dir="auto"
        lang={t.lang}
        className={`css-146c3p1 tweet-text${big ? ' big' : ''}`}
        data-testid={broken ? BROKEN.tweetText : T.tweetText}
      >
        {RichText({ text: whole ? displayText(t) + (t.more ?? '') : displayText(t) })}
      </div>
      {whole ? null : (
        <button
          type="button"
          className="css-175oi2r show-more"
          data-testid="tweet-text-show-more-link"
          onClick={(e) => {
            e.stopPropagation();
            setExpanded(true);
          }}
        >
          Show more
        </button>
      )}
    </>
  );
}

const timeFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
function fullDate(iso: string): string {
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
function UserName({ t, timeLink, timeText }: { t: TweetSpec; timeLink: boolean; timeText: boolean }) {
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

function go(e: MouseEvent, path: string): void {
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

function Actions({ t }: { t: TweetSpec }) {
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

export function Tweet({ t, focal }: { t: TweetSpec; focal?: boolean }) {
  const broken = store.drifted('testIds');
  const bare = (
    <article
      aria-labelledby={`id__${t.id}`}
      role="article"
      tabIndex={focal ? -1 : 0}
      className={`css-175oi2r tweet${focal ? ' focal' : ''}`}
      data-testid={broken ? BROKEN.tweet : T.tweet}
      onClick={focal || t.promoted ? undefined : (e) => go(e, `/${t.handle}/status/${t.id}`)}
    >
      <div className="css-175oi2r">
        <div className="css-175oi2r">
          <div className="css-175oi2r">
            {t.retweetedBy ? (
              <div className="css-175oi2r r-18u37iz social-row">
                <div className="css-175oi2r social-icon">
                  <Icon name="retweet" />
                </div>
                <div className="css-175oi2r">
                  <a href={`/${t.retweetedBy.handle}`} dir="ltr" role="link" className="css-146c3p1 muted">
                    <span className="css-1jxf684" data-testid={T.socialContext}>
                      {t.retweetedBy.name} reposted
                    </span>
                  </a>
                </div>
              </div>
            ) : null}
          </div>
          <div className={`css-175oi2r ${focal ? '' : 'r-18u37iz'} tweet-row`}>
            {focal ? null : (
              <div className="css-175oi2r avatar-col">
                <Avatar p={t} />
              </div>
            )}
            <div className="css-175oi2r tweet-main">
              <div className="css-175oi2r r-18u37iz tweet-head">
                {focal ? <Avatar p={t} /> : null}
                <UserName t={t} timeLink={!t.promoted && !focal} timeText={!t.promoted && !focal} />
                <div className="css-175oi2r r-18u37iz head-end">
                  {t.promoted ? <span className="css-1jxf684 muted ad">Ad</span> : null}
                  <button aria-label="More" role="button" className="css-175oi2r action-btn" data-testid={T.caret} type="button">
                    <Icon name="caret" />
                  </button>
                </div>
              </div>
              {t.replyTo?.length ? (
                <div className="css-175oi2r r-18u37iz replying muted">
                  <div dir="ltr" className="css-146c3p1">
                    Replying to{' '}
                    {t.replyTo.map((h) => (
                      <a key={h} href={`/${h}`} role="link" className="css-1jxf684 link">
                        @{h}
                      </a>
                    ))}
                  </div>
                </div>
              ) : null}
              <div className="css-175oi2r">
                <TweetTextBlock t={t} big={focal} />
              </div>
              {t.mediaHeight ? (
                <div className="css-175oi2r media">
                  <div aria-label="Image" className="css-175oi2r" data-testid={T.tweetPhoto} style={{ height: t.mediaHeight }}>
                    <div className="css-175oi2r media-fill" style={{ background: `hsl(${hashString(t.id) % 360} 40% 70%)` }} />
                  </div>
                </div>
              ) : null}
              {t.quoted ? <QuoteCard q={t.quoted} /> : null}
              {focal ? (
                <div className="css-175oi2r r-18u37iz focal-time muted">
                  <a href={`/${t.handle}/status/${t.id}`} aria-describedby={`id__${t.id}`} role="link" className="css-146c3p1">
                    <time dateTime={t.time}>{fullDate(t.time)}</time>
                  </a>
                  <span className="css-1jxf684">
                    &nbsp;·&nbsp;<b>{compact(t.views)}</b> Views
                  </span>
                </div>
              ) : null}
              <Actions t={t} />
            </div>
          </div>
        </div>
      </div>
    </article>
  );
  const article = store.drifted('articleWrapper') ? <div className="css-175oi2r article-wrapper">{bare}</div> : bare;
  return (
    <div className="css-175oi2r cell-body">
      <div className="css-175oi2r">
        {t.promoted ? (
          <div className="css-175oi2r" data-testid={T.placementTracking}>
            {article}
          </div>
        ) : (
          article
        )}
      </div>
    </div>
  );
}

export function UserCell({ p }: { p: Person }) {
  return (
    <div className="css-175oi2r cell-body">
      <button
        role="button"
        className="css-175oi2r user-cell"
        data-testid={T.userCell}
        type="button"
        onClick={() => store.navigate(`/${p.handle}`)}
      >
        <div className="css-175oi2r r-18u37iz">
          <Avatar p={p} />
          <div className="css-175oi2r user-cell-main">
            <div className="css-146c3p1 name">{p.name}</div>
            <div className="css-146c3p1 muted">@{p.handle}</div>
          </div>
          <div className="css-175oi2r follow">Follow</div>
        </div>
      </button>
    </div>
  );
}
