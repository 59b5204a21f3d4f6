// Everything chat mode knows about x.com's URLs: which pages are chat pages and their tags, the
// Latest search, links to a chat, a tweet or a profile, which tabs are x.com's, and what the links in
// x.com's markup point at (x.com writes them as paths; saved pages make them absolute). Pure (no DOM):
// the background, the extension pages and the content script all use it.
import { normalizeHandle } from '../chat/handles';
import { extractTags, normalizeTag } from '../chat/hashtags';
import { extractHashtagsWithIndices } from '../chat/twitterText';
import type { Handle, Tag } from '../chat/types';
import { X_TAB_HOSTS } from './hosts';

const X_HOSTS = new Set(['x.com', 'twitter.com']);
const TAB_HOSTS = new Set<string>(X_TAB_HOSTS);

/** x.com, twitter.com and their `www.` / `mobile.` forms. */
function isXHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^(?:www|mobile)\./, '');
  return X_HOSTS.has(host);
}

/** Whether a tab's URL is where the content script runs: https on x.com, twitter.com or their `mobile.` sites, default port. */
export function isXTabUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && TAB_HOSTS.has(u.hostname) && u.port === '';
  } catch {
    return false;
  }
}

/** Decodes a URL component, or null when it is malformed (e.g. a lone `%`). */
function decode(component: string): string | null {
  try {
    return decodeURIComponent(component);
  } catch {
    return null;
  }
}

/**
 * The hashtags a search query asks for, in order. A hashtag right after '-' is an exclusion
 * (`#blogchat -#spam`), not a chat tag, so it is left out.
 */
function tagsOfQuery(query: string): Tag[] {
  const wanted = extractHashtagsWithIndices(query)
    .filter(({ indices: [start] }) => query[start - 1] !== '-')
    .map(({ hashtag }) => normalizeTag(hashtag));
  return [...new Set(wanted)].filter((t) => t !== '');
}

/**
 * The chat tags of an x.com page, main tag first, or null when the page is not a chat page.
 *
 * Chat pages are `/hashtag/<tag>` and `/search?q=…` whose query holds at least one hashtag (all of
 * them are returned, in order: `q=%23socialmedia%20OR%20%23sm49` → `['socialmedia', 'sm49']`).
 * A query typed as `q=#tag` arrives with `#tag` in the URL's fragment (the browser cuts the URL at the
 * first '#'), so when `q` is the last parameter the fragment is read as the rest of the query.
 */
export function chatTagsFromUrl(url: string | URL): Tag[] | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || !isXHost(parsed.hostname)) return null;

  const path = parsed.pathname.replace(/\/+$/, '');
  const hashtagPage = /^\/hashtag\/([^/]+)$/.exec(path);
  if (hashtagPage?.[1] !== undefined) {
    const raw = decode(hashtagPage[1]);
    if (raw === null) return null;
    // Only a segment x.com would itself link as a hashtag is a chat tag (not `/hashtag/a b`).
    const tags = extractTags(`#${raw.replace(/^[#＃]/, '')}`);
    return tags.length === 1 && tags[0] === normalizeTag(raw) ? tags : null;
  }

  if (path !== '/search') return null;
  const query = parsed.searchParams.get('q');
  if (query === null) return null;
  let tags = tagsOfQuery(query);
  if (parsed.hash !== '' && /[?&]q=[^&]*$/.test(parsed.search)) {
    // Also keep the tags of `q` alone: after an encoded `q=%23blogchat`, a real fragment (`#top`) would
    // glue onto the tag (`#blogchat#top` carries no hashtag).
    tags = [...new Set([...tags, ...tagsOfQuery(query + (decode(parsed.hash) ?? ''))])];
  }
  return tags.length > 0 ? tags : null;
}

/** Whether a chat page shows its tweets live, in order: a search's Latest tab, or a hashtag page (which has no other tab). */
export function isLatestSearch(href: string): boolean {
  const url = new URL(href);
  return url.pathname !== '/search' || url.searchParams.get('f') === 'live';
}

/** The live search of a chat's tag, where chat mode runs. */
export function chatSearchUrl(tag: Tag): string {
  return `https://x.com/search?q=${encodeURIComponent(`#${tag}`)}&f=live`;
}

/** A tweet's own page. */
export function statusUrl(handle: Handle, id: string): string {
  return `https://x.com/${encodeURIComponent(handle)}/status/${encodeURIComponent(id)}`;
}

/** An account's profile page. */
export function profileUrl(handle: Handle): string {
  return `https://x.com/${encodeURIComponent(handle)}`;
}

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

/** The tag of a hashtag link (`/hashtag/tag`), decoded, without '#'; null for any other link. */
export function hashtagOf(href: string | null): string | null {
  const m = href ? HASHTAG_PATH.exec(href) : null;
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
