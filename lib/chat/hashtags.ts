// Hashtag rules of a chat. Matching is delegated to twitter-text so that what counts as a hashtag here
// is exactly what x.com links as one: `#blogchat's` and `(#blogchat)` carry #blogchat, while
// `#blogchat2`, `#blogchatter`, `x#blogchat` and `https://example.com/#blogchat` do not.
import { asciiHashtags, atWordStart } from './ascii-hashtags';
import { nfkc } from './nfkc';
import { extractHashtagsWithIndices } from './twitterText';
import type { Tag } from './types';

/**
 * The comparable form of a tag: NFKC (so full-width `＃ＢＬＯＧ` becomes `#BLOG`), without its leading
 * '#', lower-cased. NFKC runs first so that a full-width '＃' is stripped too. Hashtags on x.com are
 * case-insensitive, so `#BlogChat` and `#blogchat` are the same chat.
 */
export function normalizeTag(raw: string): Tag {
  const tag = nfkc(raw).trim();
  // The replace only when there is a '#' to strip: it costs more than the rest together, and the tags
  // of tweets come without their '#'.
  return (tag.startsWith('#') ? tag.replace(/^#+/, '') : tag).toLowerCase();
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

const NO_TAGS: readonly Tag[] = Object.freeze([]);

// The text asked about last, and its tags: a new tweet's tags are asked for by the recognition, the
// filter and the live counts in turn, and this answers the repeats without the memo's reordering (a
// text remembered there is its most recently used already).
let lastText: string | null = null;
let lastTags: readonly Tag[] = NO_TAGS;

function tagsOf(text: string): readonly Tag[] {
  if (text === lastText) return lastTags;
  const tags = rememberedTagsOf(text);
  lastText = text;
  lastTags = tags;
  return tags;
}

function rememberedTagsOf(text: string): readonly Tag[] {
  // Without a hash sign there is no tag: cheaper to see than to remember (and such texts, replies
  // without the tag, would push tagged ones out of the memo).
  if (!text.includes('#') && !text.includes('＃')) return NO_TAGS;
  const known = tagMemo.get(text);
  if (known !== undefined) {
    // Most recently used last, so that eviction (from the front) drops the least recently used.
    tagMemo.delete(text);
    tagMemo.set(text, known);
    return known;
  }
  const tags = unique(hashtagsIn(text).map(normalizeTag)).filter((t) => t !== '');
  tagMemo.set(text, tags);
  if (tagMemo.size > TAG_MEMO_SIZE) tagMemo.delete(tagMemo.keys().next().value!);
  return tags;
}

/**
 * twitter-text's hashtags of a text (as `extractHashtags`). Most chat tweets' tags are ASCII and follow
 * white space: `asciiHashtags` reads those without twitter-text. For the others, most of twitter-text's
 * cost is finding the text's URLs, only to drop a hashtag that a URL overlaps (`example.com/#tag`).
 * Entities overlapping are resolved in favour of the one starting first, and a URL holds no white
 * space: a hashtag whose '#' starts the text or follows white space can only be dropped by a URL
 * starting at its '#', and a URL never starts with one. So the URLs are looked for only when some
 * hashtag's '#' follows something else.
 */
function hashtagsIn(text: string): string[] {
  const quick = asciiHashtags(text);
  if (quick !== null) return quick;
  const found = extractHashtagsWithIndices(text, { checkUrlOverlap: false });
  const allAtWordStart = found.every(({ indices: [start] }) => atWordStart(text, start));
  return (allAtWordStart ? found : extractHashtagsWithIndices(text)).map((t) => t.hashtag);
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

// The chat's tags are asked about for every tweet, as the same array: normalised once per array (no
// caller changes a tags array once made).
const normalisedTags = new WeakMap<readonly Tag[], readonly Tag[]>();

/** Whether the text carries at least one of `tags` (which may be given in any case, with or without '#'). */
export function hasAnyTag(text: string, tags: readonly Tag[]): boolean {
  const present = tagsOf(text);
  if (present.length === 0) return false;
  let wanted = normalisedTags.get(tags);
  if (wanted === undefined) normalisedTags.set(tags, (wanted = tags.map(normalizeTag)));
  // A tweet carries a handful of tags at most: a scan is cheaper than building a set.
  return wanted.some((t) => present.includes(t));
}

/** The tags of `tags` (normalised, without duplicates, in their order) that the text does not carry. */
export function missingTags(text: string, tags: readonly Tag[]): Tag[] {
  const present = new Set(tagsOf(text));
  return unique(tags.map(normalizeTag)).filter((t) => t !== '' && !present.has(t));
}
