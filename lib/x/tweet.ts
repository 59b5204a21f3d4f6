// Reading a tweet from x.com's markup: pure DOM reading, never modifies the page, never parses HTML.
// Every selector comes from ./selectors (X). What is read, and how (checked against real x.com pages in
// tests/fixtures/x-real and the stand-in's cells in tests/fixtures/x-cells.html):
//
// - author and id: the `User-Name` links — `/handle` (name, @handle) and `/handle/status/ID` (time link);
// - time: `time[datetime]` in the User-Name; the main tweet of a status page has its time link under its
//   text instead; promoted tweets show none;
// - own text: the `tweetText` that is not inside the quoted tweet's `div[role="link"]` card (./tweet-text);
//   an article without its own text (a renamed `tweetText`, or a post of media only) is unreadable: it
//   may carry the chat's tag, so it is never taken for an untagged tweet;
// - kind: promoted (article inside `placementTracking` — a video player inside the article also carries
//   that test id, so only an enclosing one counts), retweet (`socialContext` in a link to the reposter;
//   a pinned post's "Pinned" context is in no link), quote (a `div[role="link"]` card holding its own
//   User-Name/tweetText — verified-organisation badges are `div[role="link"]` too, inside User-Name,
//   holding neither), reply (a list of `@handle` profile links between the author row and the text: the
//   "Replying to" line, detected by structure, not by its translated words; its handles are the reply's
//   `replyTo`), else tweet;
// - likes: the leading number of the like button's aria-label (exact; its text is rounded, "1.2K").
import type { Handle, Tweet, TweetKind } from '@/lib/chat/types';
import { profileHandleOf, statusOf } from './urls';
import { X } from './selectors';
import { textOf } from './tweet-text';

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

/**
 * What decides whether an element of an article is the article's own rather than the quoted tweet's or
 * a nested article's, looked up once per article: every `div[role="link"]` inside it (a quote card)
 * and whether it can hold elements of another tweet article. Most articles have no card and no nested
 * article; then every descendant is the article's own with no walk up its ancestors (walking ~15
 * ancestors with `matches` for each element was most of the cost of reading a tweet). The social
 * contexts and "Show more" links, which most articles lack, are looked up with them, once.
 */
interface Scope {
  article: Element;
  cards: Element[];
  /** Whether `closest(X.tweet)` must be checked: the article holds another tweet article, or is none itself. */
  nested: boolean;
  contexts: Element[];
  showMore: Element[];
}

function scopeOf(article: Element): Scope {
  // One lookup per selector: in Chromium, four took ~60 % of the time of one for their union sorted by `matches`.
  return {
    article,
    cards: [...article.querySelectorAll(X.quotedTweet)],
    nested: !article.matches(X.tweet) || article.querySelector(X.tweet) !== null,
    contexts: [...article.querySelectorAll(X.socialContext)],
    showMore: [...article.querySelectorAll(X.showMore)],
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

/** The reposter's handle when the article is a repost: `socialContext` inside a link to a profile. */
function retweeterOf(scope: Scope): Handle | null {
  for (const ctx of scope.contexts) {
    if (!isOwn(ctx, scope)) continue;
    const link = ctx.closest(X.link);
    const handle = link && scope.article.contains(link) ? profileHandleOf(link.getAttribute('href')) : null;
    if (handle) return handle;
  }
  return null;
}

/** The article's own User-Name, its links and the tweetText, which several of the readings below start from. */
interface Parts {
  userName: Element | undefined;
  /** The User-Name's links (name, @handle, time), in document order. */
  userNameLinks: Element[];
  text: Element | undefined;
}

function partsOf(scope: Scope): Parts {
  const userName = firstOwn(scope, X.userName);
  const userNameLinks = userName ? [...userName.querySelectorAll(X.link)] : [];
  return { userName, userNameLinks, text: firstOwn(scope, X.tweetText) };
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** At most this many handles of a "Replying to" line are read (a long thread's line names many). */
const MAX_REPLY_TARGETS = 10;

/**
 * The handles of the "Replying to @a @b" line: profile links showing "@…" that are not in the author
 * row, the avatar, the social context, the quote or the text, and come after the author row and
 * before the tweet's own text; the first `MAX_REPLY_TARGETS`.
 */
function replyTargetsIn(scope: Scope, { userName, userNameLinks, text }: Parts): Handle[] {
  const out: Handle[] = [];
  // The links up to the User-Name's last one (the avatar's, the author row's) are passed by identity alone.
  const lastOfRow = userNameLinks[userNameLinks.length - 1];
  let inRow = lastOfRow !== undefined;
  // In document order: past the text (or in it), no link can be before the text any more.
  for (const link of scope.article.querySelectorAll(X.link)) {
    if (inRow) {
      inRow = link !== lastOfRow;
      continue;
    }
    if (text && !(link.compareDocumentPosition(text) & FOLLOWING)) break;
    // (a User-Name without links: where the author row ends is found by position)
    if (!lastOfRow && userName && (!(userName.compareDocumentPosition(link) & FOLLOWING) || userName.contains(link))) continue;
    if (!isOwn(link, scope) || link.closest(X.avatar) || link.querySelector(X.socialContext)) continue;
    if (!textOf(link).trim().startsWith('@')) continue;
    const handle = profileHandleOf(link.getAttribute('href'));
    if (handle && !out.includes(handle) && out.push(handle) === MAX_REPLY_TARGETS) break;
  }
  return out;
}

function isPromoted(article: Element): boolean {
  return article.closest(X.promoted) !== null;
}

/**
 * The kind of the article, with the reposter of a repost and the handles a reply replies to (each found
 * once: it is what makes a repost, a reply).
 */
function kindIn(scope: Scope, parts: Parts): { kind: TweetKind; by?: Handle; replyTo?: Handle[] } {
  if (isPromoted(scope.article)) return { kind: 'promoted' };
  const by = retweeterOf(scope);
  if (by) return { kind: 'retweet', by };
  if (quotedCardIn(scope)) return { kind: 'quote' };
  const replyTo = replyTargetsIn(scope, parts);
  if (replyTo.length > 0) return { kind: 'reply', replyTo };
  return { kind: 'tweet' };
}

/** The kind of a tweet article (Control Panel for Twitter's `getTweetType`, in our terms). */
export function getTweetType(article: Element): TweetKind {
  const scope = scopeOf(article);
  return kindIn(scope, partsOf(scope)).kind;
}

/** The article's own like button (see X.likeButtonLookup: nothing found there means there is none). */
function likeButtonOf(scope: Scope): Element | undefined {
  const found = firstOwn(scope, X.likeButtonLookup);
  return found === undefined || found.matches(X.likeButton) ? found : firstOwn(scope, X.likeButton);
}

/** The article's like count: its own like button's label's leading number (none: no button, or a label without one). */
function likesIn(scope: Scope): number | null {
  const label = likeButtonOf(scope)?.getAttribute('aria-label');
  const digits = label ? /^\s*(\d[\d,.\u00a0\u202f ]*)/.exec(label)?.[1]?.replace(/\D/g, '') : undefined;
  return digits ? Number(digits) : label ? 0 : null;
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
  // The User-Name's profile links (name, @handle), each with its handle read once.
  const profileLinks: Array<{ link: Element; handle: Handle }> = [];
  for (const link of parts.userNameLinks) {
    const linked = profileHandleOf(link.getAttribute('href'));
    if (linked) profileLinks.push({ link, handle: linked });
  }
  // A timeline tweet's time link is in its User-Name; the main tweet of a status page has it under the text.
  const timeEl = userName.querySelector(X.time) ?? firstOwn(scope, X.time);
  const timeLink = timeEl?.closest(X.statusLink) ?? userName.querySelector(X.statusLink);
  const status = statusOf(timeLink?.getAttribute('href') ?? null);
  const handle = profileLinks[0]?.handle ?? status?.handle ?? null;
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
  for (const { link } of profileLinks) {
    const shown = textOf(link).trim();
    if (!shown.startsWith('@')) {
      name = shown;
      break;
    }
  }
  const { kind, by, replyTo } = kindIn(scope, parts);
  const tweet: Tweet = {
    id,
    author: { handle, name },
    time: timeEl?.getAttribute('datetime') || null,
    text: textEl ? textOf(textEl) : '',
    kind,
  };
  if (by) tweet.retweetedBy = by;
  if (replyTo) tweet.replyTo = replyTo;
  if (scope.showMore.some((el) => isOwn(el, scope))) tweet.truncated = true;
  const lang = textEl?.getAttribute('lang');
  if (lang) tweet.lang = lang;
  const likes = likesIn(scope);
  if (likes !== null) tweet.likes = likes;
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
  if (typeof r === 'string') return isPromoted(article) ? { kind: 'promoted', tweet: null } : { kind: 'unrecognised', reason: r };
  if (r.tweet.kind === 'promoted') return { kind: 'promoted', tweet: r.tweet };
  if (!r.hasText) return { kind: 'unreadable', id: r.tweet.id, reason: 'no tweetText in the tweet' };
  return { kind: 'tweet', tweet: r.tweet };
}
