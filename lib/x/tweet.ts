// Reading a tweet from x.com's markup: pure DOM reading, never modifies the page, never parses HTML.
// Every selector comes from ./selectors (X). What is read, and how (facts in /work/shared/x-com-notes.md,
// checked against the stand-in in tests/site, fixtures in tests/fixtures/x-cells.html):
//
// - author and id: the `User-Name` links — `/handle` (name, @handle) and `/handle/status/ID` (time link);
// - time: `time[datetime]` in the User-Name (promoted tweets show none);
// - own text: the `tweetText` that is not inside the quoted tweet's `div[role="link"]` card, rebuilt from
//   text nodes, emoji `img[alt]` and link texts (hashtags `#tag`, mentions `@x`, t.co URLs in full). A
//   hashtag link is `#tag` even when the link shows `tag` alone: its `/hashtag/tag` address says what it
//   is. An article without its own text (a renamed `tweetText`, or a post of media only) is unreadable:
//   it may carry the chat's tag, so it is never taken for an untagged tweet;
// - kind: promoted (article inside `placementTracking` — a video player inside the article also carries
//   that test id, so only an enclosing one counts), retweet (`socialContext` in a link to the reposter),
//   quote (a `div[role="link"]` card holding its own User-Name/tweetText), reply (a list of `@handle`
//   profile links between the author row and the text: the "Replying to" line, detected by structure,
//   not by its translated words), else tweet.
import { normalizeHandle } from '@/lib/chat/handles';
import { normalizeTag } from '@/lib/chat/hashtags';
import type { Handle, Tweet, TweetKind } from '@/lib/chat/types';
import { X } from './selectors';

/** What a timeline cell holds. */
export type CellReading =
  | { kind: 'tweet'; tweet: Tweet }
  /** An ad: always recognised so it can be hidden; `tweet` is null when its author/id cannot be read. */
  | { kind: 'promoted'; tweet: Tweet | null }
  /** A tweet whose author and id read but whose own text does not: whether it is the chat's is unknown. */
  | { kind: 'unreadable'; id: string; reason: string }
  /** Spacers, loading placeholders, "Show more", headings, people cells: no tweet and nothing tweet-like. */
  | { kind: 'empty' }
  /** Something tweet-like that cannot be read: x.com's markup changed. */
  | { kind: 'unrecognised'; reason: string };

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Single-segment paths that are x.com pages, not profiles. */
const RESERVED = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'settings',
  'compose',
  'hashtag',
  'tos',
  'privacy',
  'login',
  'logout',
  'signup',
  'jobs',
  'lists',
  'communities',
  'premium',
  'verified',
]);

/** A hashtag link: `/hashtag/tag` (x.com adds `?src=hashtag_click`); the tag is the segment, URL-encoded. */
const HASHTAG_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/hashtag\/([^/?#]+)/;

const PROFILE_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/?(?:[?#].*)?$/;
const STATUS_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d+)(?:[/?#].*)?$/;

/** The handle of a profile link (`/Handle`), lower-cased; null for any other link. */
export function profileHandleOf(href: string | null): Handle | null {
  const m = href ? PROFILE_PATH.exec(href) : null;
  if (!m?.[1] || RESERVED.has(m[1].toLowerCase())) return null;
  return normalizeHandle(m[1]);
}

/** `{ handle, id }` of a status link (`/Handle/status/123`, also its sub-pages); null otherwise. */
export function statusOf(href: string | null): { handle: Handle; id: string } | null {
  const m = href ? STATUS_PATH.exec(href) : null;
  if (!m?.[1] || !m[2]) return null;
  return { handle: normalizeHandle(m[1]), id: m[2] };
}

/**
 * What decides whether an element of an article is the article's own rather than the quoted tweet's or
 * a nested article's, looked up once per article: every `div[role="link"]` inside it (a quote card)
 * and whether it can hold elements of another tweet article. Most articles have no card and no nested
 * article; then every descendant is the article's own with no walk up its ancestors (walking ~15
 * ancestors with `matches` for each element was most of the cost of reading a tweet).
 */
interface Scope {
  article: Element;
  cards: Element[];
  /** Whether `closest(X.tweet)` must be checked: the article holds another tweet article, or is none itself. */
  nested: boolean;
}

function scopeOf(article: Element): Scope {
  return {
    article,
    cards: [...article.querySelectorAll(X.quotedTweet)],
    nested: !article.matches(X.tweet) || article.querySelector(X.tweet) !== null,
  };
}

/** Whether `el` sits in a quoted tweet's card of the article (a `div[role="link"]` between them). */
function inQuote(el: Element, scope: Scope): boolean {
  for (const card of scope.cards) if (card !== el && card.contains(el)) return true;
  return false;
}

/** Whether `el` (inside the article) belongs to the article itself: not to a nested article or the quote. */
function isOwn(el: Element, scope: Scope): boolean {
  return (!scope.nested || el.closest(X.tweet) === scope.article) && !inQuote(el, scope);
}

/** The elements matching `selector` that belong to the article itself. */
function own(scope: Scope, selector: string): Element[] {
  return [...scope.article.querySelectorAll(selector)].filter((el) => isOwn(el, scope));
}

/** The first element matching `selector` that belongs to the article itself (`own(…)[0]`, without the rest). */
function firstOwn(scope: Scope, selector: string): Element | undefined {
  // Without a quote card or nested article, the first match is the article's own.
  if (!scope.nested && scope.cards.length === 0) return scope.article.querySelector(selector) ?? undefined;
  for (const el of scope.article.querySelectorAll(selector)) if (isOwn(el, scope)) return el;
  return undefined;
}

function quotedCardIn(scope: Scope): Element | null {
  for (const card of scope.cards) {
    if (!isOwn(card, scope)) continue;
    if (card.querySelector(X.userName) || card.querySelector(X.tweetText)) return card;
  }
  return null;
}

/** The quoted tweet's card: a `div[role="link"]` of this article holding a User-Name or a tweetText. */
export function quotedCard(article: Element): Element | null {
  return quotedCardIn(scopeOf(article));
}

function isEllipsis(node: ChildNode): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    (node as Element).getAttribute('aria-hidden') === 'true' &&
    node.textContent === '…' &&
    node.nextSibling === null
  );
}

/**
 * The text of a link: its shown text, with the '#' of a hashtag link that shows its tag without one
 * (the link's address, `/hashtag/tag`, says it is that hashtag; the author typed `#tag`).
 */
function linkTextOf(a: Element): string {
  const shown = textOf(a);
  const first = shown.charCodeAt(0);
  // Most links are mentions and URLs: the address is looked at only for a shown text without '#'/'＃'.
  if (first === 0x23 || first === 0xff03 || shown === '') return shown;
  const m = HASHTAG_PATH.exec(a.getAttribute('href') ?? '');
  if (!m?.[1]) return shown;
  let tag: string;
  try {
    tag = decodeURIComponent(m[1]);
  } catch {
    return shown;
  }
  return normalizeTag(tag) === normalizeTag(shown) ? `#${shown}` : shown;
}

/**
 * The text of an element as its author wrote it: text nodes, emoji images by their `alt`, `<br>` as a
 * line break, links by their text (a t.co link's visually hidden "https://" prefix and tail are part of
 * it, so the URL comes out whole; the display-only trailing "…" is dropped; a hashtag link is `#tag`,
 * see `linkTextOf`). SVG icons are skipped.
 */
export function textOf(el: Element): string {
  let out = '';
  const inLink = el.localName === 'a';
  // Sibling pointers rather than `childNodes`' iterator: this runs for every node of every tweet's text.
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out += child.nodeValue ?? '';
    } else if (child.nodeType === ELEMENT_NODE) {
      const e = child as Element;
      const tag = e.localName;
      if (tag === 'img') out += e.getAttribute('alt') ?? '';
      else if (tag === 'br') out += '\n';
      else if (tag === 'svg' || tag === 'script' || tag === 'style' || tag === 'template') continue;
      else if (inLink && isEllipsis(child)) continue;
      else if (tag === 'a') out += linkTextOf(e);
      else out += textOf(e);
    }
  }
  return out;
}

/** The reposter's handle when the article is a repost: `socialContext` inside a link to a profile. */
function retweeterOf(scope: Scope): Handle | null {
  for (const ctx of own(scope, X.socialContext)) {
    const link = ctx.closest(X.link);
    const handle = link && scope.article.contains(link) ? profileHandleOf(link.getAttribute('href')) : null;
    if (handle) return handle;
  }
  return null;
}

/** The article's own User-Name and tweetText, which several of the readings below start from. */
interface Parts {
  userName: Element | undefined;
  text: Element | undefined;
}

function partsOf(scope: Scope): Parts {
  return { userName: firstOwn(scope, X.userName), text: firstOwn(scope, X.tweetText) };
}

function replyTargetsIn(scope: Scope, { userName, text }: Parts): Handle[] {
  const out: Handle[] = [];
  for (const link of own(scope, X.link)) {
    if (userName?.contains(link) || text?.contains(link)) continue;
    if (link.closest(X.avatar) || link.querySelector(X.socialContext)) continue;
    if (userName && !(userName.compareDocumentPosition(link) & 4 /* FOLLOWING */)) continue;
    if (text && !(link.compareDocumentPosition(text) & 4)) continue;
    if (!textOf(link).trim().startsWith('@')) continue;
    const handle = profileHandleOf(link.getAttribute('href'));
    if (handle && !out.includes(handle)) out.push(handle);
  }
  return out;
}

/**
 * The handles of the "Replying to @a @b" line: profile links showing "@…" that are not in the author
 * row, the avatar, the social context, the quote or the text, and come after the author row and
 * before the tweet's own text.
 */
export function replyTargetsOf(article: Element): Handle[] {
  const scope = scopeOf(article);
  return replyTargetsIn(scope, partsOf(scope));
}

function isPromoted(article: Element): boolean {
  return article.closest(X.promoted) !== null;
}

/** The kind of the article, with the reposter of a repost (found once: it is what makes a repost). */
function kindIn(scope: Scope, parts: Parts): { kind: TweetKind; by?: Handle } {
  if (isPromoted(scope.article)) return { kind: 'promoted' };
  const by = retweeterOf(scope);
  if (by) return { kind: 'retweet', by };
  if (quotedCardIn(scope)) return { kind: 'quote' };
  if (replyTargetsIn(scope, parts).length > 0) return { kind: 'reply' };
  return { kind: 'tweet' };
}

/** The kind of a tweet article (Control Panel for Twitter's `getTweetType`, in our terms). */
export function getTweetType(article: Element): TweetKind {
  const scope = scopeOf(article);
  return kindIn(scope, partsOf(scope)).kind;
}

/**
 * Why `article` cannot be read, or the tweet and whether it has a text of its own (without one, its
 * `text` is empty: good enough for an ad, never for deciding whether a tweet is the chat's).
 */
function read(article: Element): { tweet: Tweet; hasText: boolean } | string {
  const scope = scopeOf(article);
  const parts = partsOf(scope);
  const { userName, text: textEl } = parts;
  if (!userName) return 'no User-Name in the tweet';
  const profileLinks = [...userName.querySelectorAll(X.link)].filter((a) => profileHandleOf(a.getAttribute('href')));
  const timeEl = userName.querySelector(X.time);
  const timeLink = timeEl?.closest(X.statusLink) ?? userName.querySelector(X.statusLink);
  const status = statusOf(timeLink?.getAttribute('href') ?? null);
  const handle = profileHandleOf(profileLinks[0]?.getAttribute('href') ?? null) ?? status?.handle ?? null;
  if (!handle) return 'no author link in User-Name';
  let id = status?.id ?? null;
  if (!id) {
    // promoted tweets have no time link; any status link of the author's in the article will do
    for (const link of own(scope, X.statusLink)) {
      const s = statusOf(link.getAttribute('href'));
      if (s && s.handle === handle) {
        id = s.id;
        break;
      }
    }
  }
  if (!id) return 'no status id';
  let name: string = handle;
  for (const link of profileLinks) {
    const shown = textOf(link).trim();
    if (!shown.startsWith('@')) {
      name = shown;
      break;
    }
  }
  const { kind, by } = kindIn(scope, parts);
  const tweet: Tweet = {
    id,
    author: { handle, name },
    time: timeEl?.getAttribute('datetime') || null,
    text: textEl ? textOf(textEl) : '',
    kind,
  };
  if (by) tweet.retweetedBy = by;
  if (firstOwn(scope, X.showMore)) tweet.truncated = true;
  const lang = textEl?.getAttribute('lang');
  if (lang) tweet.lang = lang;
  return { tweet, hasText: textEl !== undefined };
}

/** Reads an `article[data-testid="tweet"]`; null when its author, status id or own text cannot be read. */
export function readTweet(article: Element): Tweet | null {
  const r = read(article);
  return typeof r === 'string' || !r.hasText ? null : r.tweet;
}

/** Reads a timeline cell (`div[data-testid="cellInnerDiv"]`, or any child of the timeline node). */
export function readCell(cell: Element): CellReading {
  const article = cell.matches(X.tweet) ? cell : cell.querySelector(X.tweet);
  if (!cell.matches(X.cell)) {
    if (article || cell.querySelector(X.anyArticle) || cell.querySelector(X.statusLink)) {
      return { kind: 'unrecognised', reason: 'timeline row is not a cellInnerDiv' };
    }
    return { kind: 'empty' };
  }
  if (!article) {
    if (cell.querySelector(X.anyArticle)) return { kind: 'unrecognised', reason: 'article without data-testid="tweet"' };
    if (cell.querySelector(X.statusLink)) return { kind: 'unrecognised', reason: 'status link without a tweet article' };
    return { kind: 'empty' };
  }
  const r = read(article);
  if (isPromoted(article)) return { kind: 'promoted', tweet: typeof r === 'string' ? null : r.tweet };
  if (typeof r === 'string') return { kind: 'unrecognised', reason: r };
  if (!r.hasText) return { kind: 'unreadable', id: r.tweet.id, reason: 'no tweetText in the tweet' };
  return { kind: 'tweet', tweet: r.tweet };
}
