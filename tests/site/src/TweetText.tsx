/** A tweet's text as x.com renders it: `tweetText` spans, hashtag/mention/url links and emoji images. */
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { TweetSpec } from './api';
import { hashString } from './random';
import { BROKEN, T } from './markup';
import { store } from './store';

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

export function TweetTextBlock({ t, big }: { t: TweetSpec; big?: boolean }) {
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
