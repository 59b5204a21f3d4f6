/** A tweet's markup, modelled on x.com's (see markup.ts for the facts and their sources). */
import type { TweetSpec } from './api';
import { compact } from './format';
import { hashString } from './random';
import { BROKEN, T } from './markup';
import { store, type Person } from './store';
import { TweetTextBlock } from './TweetText';
import { Actions, Avatar, Icon, QuoteCard, UserName, fullDate, go } from './TweetParts';

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
