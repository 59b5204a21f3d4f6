// Everything chat mode knows about x.com's URLs: which pages are chat pages and their tags, the
// Latest search, links to a chat, a tweet or a profile, and which tabs are x.com's. Pure (no DOM): the
// background, the extension pages and the content script all use it.
import { extractTags, normalizeTag } from '../chat/hashtags';
import { extractHashtagsWithIndices } from '../chat/twitterText';
import type { Handle, Tag } from '../chat/types';

const X_HOSTS = new Set(['x.com', 'twitter.com']);

/** x.com, twitter.com and their `www.` / `mobile.` forms. */
function isXHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^(?:www|mobile)\./, '');
  return X_HOSTS.has(host);
}

/** Whether a tab's URL is where the content script runs: https://x.com or https://twitter.com, default port. */
export function isXTabUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && X_HOSTS.has(u.hostname) && u.port === '';
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
