// Hashtag rules of a chat. Matching is delegated to twitter-text so that what counts as a hashtag here
// is exactly what x.com links as one: `#blogchat's` and `(#blogchat)` carry #blogchat, while
// `#blogchat2`, `#blogchatter`, `x#blogchat` and `https://example.com/#blogchat` do not.
import { extractHashtags, extractHashtagsWithIndices } from './twitterText';
import type { Tag } from './types';

/**
 * The comparable form of a tag: NFKC (so full-width `＃ＢＬＯＧ` becomes `#BLOG`), without its leading
 * '#', lower-cased. NFKC runs first so that a full-width '＃' is stripped too. Hashtags on x.com are
 * case-insensitive, so `#BlogChat` and `#blogchat` are the same chat.
 */
export function normalizeTag(raw: string): Tag {
  return raw.normalize('NFKC').trim().replace(/^#+/, '').toLowerCase();
}

/** `blogchat` → `#blogchat` (the tag as typed in a tweet). */
export function formatTag(tag: Tag): string {
  return `#${normalizeTag(tag)}`;
}

/** Keeps the first of each value, in order. */
function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

// twitter-text's extraction is regex-heavy (URLs are found first, so that `https://…/#tag` is not a
// tag) and the content script asks for the tags of the same text several times: the filter's decision
// and the live counts for each tweet, and again each time x.com re-creates a tweet's cell while
// scrolling. So the last texts' tags are remembered, least recently used first out. Bounded: at most
// TAG_MEMO_SIZE texts (a tweet is at most a few hundred characters, so well under 1 MB).
const TAG_MEMO_SIZE = 1000;
const tagMemo = new Map<string, readonly Tag[]>();

function tagsOf(text: string): readonly Tag[] {
  const known = tagMemo.get(text);
  if (known !== undefined) {
    // Most recently used last, so that eviction (from the front) drops the least recently used.
    tagMemo.delete(text);
    tagMemo.set(text, known);
    return known;
  }
  const tags = unique(extractHashtags(text).map(normalizeTag)).filter((t) => t !== '');
  tagMemo.set(text, tags);
  if (tagMemo.size > TAG_MEMO_SIZE) tagMemo.delete(tagMemo.keys().next().value!);
  return tags;
}

/**
 * The hashtags of a text, normalised, without duplicates, in order of appearance. twitter-text already
 * accepts the full-width '＃' and stops a tag at an apostrophe; it keeps the tag's case and width,
 * which `normalizeTag` removes.
 */
export function extractTags(text: string): Tag[] {
  // A copy: the remembered array is shared.
  return [...tagsOf(text)];
}

/** Whether the text carries at least one of `tags` (which may be given in any case, with or without '#'). */
export function hasAnyTag(text: string, tags: readonly Tag[]): boolean {
  const present = tagsOf(text);
  // A tweet carries a handful of tags at most: a scan is cheaper than building a set.
  return present.length > 0 && tags.some((t) => present.includes(normalizeTag(t)));
}

/** The tags of `tags` (normalised, without duplicates, in their order) that the text does not carry. */
export function missingTags(text: string, tags: readonly Tag[]): Tag[] {
  const present = new Set(tagsOf(text));
  return unique(tags.map(normalizeTag)).filter((t) => t !== '' && !present.has(t));
}

const X_HOSTS = new Set(['x.com', 'twitter.com']);

/** x.com, twitter.com and their `www.` / `mobile.` forms. */
function isXHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^(?:www|mobile)\./, '');
  return X_HOSTS.has(host);
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
  return unique(wanted).filter((t) => t !== '');
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
    tags = unique([...tags, ...tagsOfQuery(query + (decode(parsed.hash) ?? ''))]);
  }
  return tags.length > 0 ? tags : null;
}
