import { describe, expect, it } from 'vitest';
import { chatTagsFromUrl, extractTags, formatTag, hasAnyTag, missingTags, normalizeTag } from './hashtags';

describe('normalizeTag', () => {
  it.each([
    ['blogchat', 'blogchat'],
    ['#blogchat', 'blogchat'],
    ['#BlogChat', 'blogchat'],
    ['＃blogchat', 'blogchat'],
    ['＃ＢｌｏｇＣｈａｔ', 'blogchat'],
    ['  #SM49 ', 'sm49'],
    ['##double', 'double'],
    ['#Café', 'café'],
    ['#cafe\u0301', 'café'], // decomposed é composes under NFKC
    ['#日本語', '日本語'],
    ['', ''],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeTag(raw)).toBe(tag);
  });
});

describe('formatTag', () => {
  it.each([
    ['blogchat', '#blogchat'],
    ['#BlogChat', '#blogchat'],
    ['＃sm49', '#sm49'],
  ])('%j → %j', (tag, formatted) => {
    expect(formatTag(tag)).toBe(formatted);
  });
});

describe('extractTags', () => {
  it.each<[string, string[]]>([
    ['Q1) Why blog? #blogchat', ['blogchat']],
    ['#BlogChat and #SM49', ['blogchat', 'sm49']],
    ['＃blogchat full-width hash', ['blogchat']],
    ['#ＢＬＯＧＣＨＡＴ full-width letters', ['blogchat']],
    ["#blogchat's best night", ['blogchat']],
    ['#blogchat’s best night (curly apostrophe)', ['blogchat']],
    ['#blogchat2 is another chat', ['blogchat2']],
    ['#blogchatter is another tag', ['blogchatter']],
    ['https://example.com/#blogchat is a URL fragment', []],
    ['example.com/#blogchat without protocol', []],
    ['x#blogchat glued to a word', []],
    ['&#blogchat HTML entity-like', []],
    ['#blogchat#sm49 glued tags', []],
    ['(#blogchat), #blogchat. #blogchat!', ['blogchat']],
    ['#blogchat #BLOGCHAT #BlogChat duplicates', ['blogchat']],
    ['#123 is not a hashtag', []],
    ['#日本語 #café', ['日本語', 'café']],
    ['no tags at all', []],
    ['', []],
  ])('%j', (text, tags) => {
    expect(extractTags(text)).toEqual(tags);
  });
});

describe('the memo of extracted tags', () => {
  it('answers the same the second time, and past its bound (many other texts in between)', () => {
    const text = 'A1 yes #BlogChat and #sm49';
    expect(extractTags(text)).toEqual(['blogchat', 'sm49']);
    expect(extractTags(text)).toEqual(['blogchat', 'sm49']);
    expect(hasAnyTag(text, ['sm49'])).toBe(true);
    for (let i = 0; i < 3000; i++) extractTags(`filler #t${i}`);
    expect(extractTags('filler #t1')).toEqual(['t1']);
    expect(extractTags(text)).toEqual(['blogchat', 'sm49']);
    expect(hasAnyTag(text, ['blogchat'])).toBe(true);
    expect(hasAnyTag(text, ['blogchat2'])).toBe(false);
  });

  it('hands out copies: changing a result changes no later one', () => {
    const text = 'Q1) Why blog? #blogchat';
    const first = extractTags(text);
    first.push('injected');
    first[0] = 'changed';
    expect(extractTags(text)).toEqual(['blogchat']);
    expect(hasAnyTag(text, ['injected'])).toBe(false);
    expect(missingTags(text, ['blogchat'])).toEqual([]);
  });
});

describe('hasAnyTag', () => {
  it.each<[string, string[], boolean]>([
    ['A1 yes #blogchat', ['blogchat'], true],
    ['A1 yes #BLOGCHAT', ['blogchat'], true],
    ['A1 yes ＃blogchat', ['blogchat'], true],
    ["#blogchat's turn", ['blogchat'], true],
    ['#blogchat2', ['blogchat'], false],
    ['#blogchatter', ['blogchat'], false],
    ['see https://example.com/#blogchat', ['blogchat'], false],
    ['only the edition #sm49', ['socialmedia', 'sm49'], true],
    ['tags given with # and in caps', ['#BlogChat'], false],
    ['#blogchat tags given with # and in caps', ['#BlogChat'], true],
    ['#blogchat but no chat tags', [], false],
    ['blogchat without hash', ['blogchat'], false],
  ])('%j with %j → %s', (text, tags, expected) => {
    expect(hasAnyTag(text, tags)).toBe(expected);
  });
});

describe('missingTags', () => {
  it.each<[string, string[], string[]]>([
    ['hello', ['socialmedia', 'sm49'], ['socialmedia', 'sm49']],
    ['hello #SocialMedia', ['socialmedia', 'sm49'], ['sm49']],
    ['hello #SM49 #socialmedia', ['socialmedia', 'sm49'], []],
    ['hello #socialmediaweek', ['socialmedia'], ['socialmedia']],
    ['https://example.com/#blogchat', ['blogchat'], ['blogchat']],
    ['hello', ['#BlogChat', 'blogchat', '＃BLOGCHAT'], ['blogchat']],
    ['hello', [], []],
  ])('%j needs %j → %j', (text, tags, missing) => {
    expect(missingTags(text, tags)).toEqual(missing);
  });
});

describe('chatTagsFromUrl', () => {
  it.each<[string, string[] | null]>([
    ['https://x.com/search?q=%23blogchat', ['blogchat']],
    ['https://x.com/search?q=%23BlogChat&src=typed_query&f=live', ['blogchat']],
    ['https://x.com/search?q=%23socialmedia%20OR%20%23sm49', ['socialmedia', 'sm49']],
    ['https://x.com/search?q=%23socialmedia+OR+%23sm49&f=live', ['socialmedia', 'sm49']],
    ['https://x.com/search?q=%23sm49%20OR%20%23socialmedia', ['sm49', 'socialmedia']],
    ['https://x.com/search?q=great%20posts%20%23blogchat%20lang%3Aen', ['blogchat']],
    ['https://x.com/search?q=%23blogchat%20-%23spam', ['blogchat']],
    ['https://x.com/search?q=%EF%BC%83blogchat', ['blogchat']], // full-width ＃, percent-encoded
    ['https://x.com/search?q=#blogchat', ['blogchat']], // typed: the tag lands in the fragment
    ['https://x.com/search?q=#BlogChat OR #sm49', ['blogchat', 'sm49']],
    ['https://x.com/search?q=%23blogchat&f=live#top', ['blogchat']],
    // A real fragment after an encoded query is not glued onto its last tag (`#blogchat#top` is no tag).
    ['https://x.com/search?f=live&q=%23blogchat#top', ['blogchat']],
    ['https://x.com/search?q=great%20#blogchat', ['blogchat']], // typed words, then the tag
    ['https://x.com/search?q=%23blogchat%20lang%3Aen', ['blogchat']],
    ['https://x.com/search?q=from%3Amackcollier%20%23blogchat', ['blogchat']],
    ['https://x.com/search?q=%23blogchat%20-from%3Aspammer%20to%3Amackcollier', ['blogchat']],
    ['https://x.com/search?q=%28%23socialmedia%20OR%20%23sm49%29%20-%23spam', ['socialmedia', 'sm49']],
    ['https://twitter.com/search?q=%23solopr', ['solopr']],
    ['https://mobile.x.com/search?q=%23solopr', ['solopr']],
    ['https://mobile.twitter.com/hashtag/solopr', ['solopr']],
    ['https://www.x.com/hashtag/TNL', ['tnl']],
    ['https://x.com/hashtag/blogchat', ['blogchat']],
    ['https://x.com/hashtag/BlogChat?src=hashtag_click', ['blogchat']],
    ['https://x.com/hashtag/blogchat/', ['blogchat']],
    ['https://x.com/hashtag/%E6%97%A5%E6%9C%AC%E8%AA%9E', ['日本語']],
    ['https://x.com/hashtag/blogchat?f=live', ['blogchat']],
    // Not chat pages.
    ['https://x.com/search?q=blogchat', null],
    ['https://x.com/search?q=from%3Amackcollier', null],
    ['https://x.com/search?q=blogchat#top', null],
    ['https://x.com/search?q=https%3A%2F%2Fexample.com%2F%23blogchat', null],
    ['https://x.com/search?q=', null],
    ['https://x.com/search', null],
    ['https://x.com/search?q=%23blogchat2x%23', null],
    ['https://x.com/search?f=live#blogchat', null],
    ['https://x.com/hashtag/', null],
    ['https://x.com/hashtag/blog%20chat', null],
    ['https://x.com/hashtag/123', null],
    ['https://x.com/hashtag/blogchat/extra', null],
    ['https://x.com/home', null],
    ['https://x.com/mackcollier', null],
    ['https://x.com/mackcollier/status/123', null],
    ['https://x.com/#blogchat', null],
    ['https://example.com/search?q=%23blogchat', null],
    ['https://x.com.evil.example/search?q=%23blogchat', null],
    ['https://notx.com/hashtag/blogchat', null],
    ['ftp://x.com/hashtag/blogchat', null],
    ['not a url', null],
    ['', null],
  ])('%s → %j', (url, tags) => {
    expect(chatTagsFromUrl(url)).toEqual(tags);
  });

  it('accepts a URL object', () => {
    expect(chatTagsFromUrl(new URL('https://x.com/hashtag/SM49'))).toEqual(['sm49']);
  });

  it('returns null for a malformed percent-escape in a hashtag path', () => {
    expect(chatTagsFromUrl('https://x.com/hashtag/%E0%A4%A')).toBeNull();
  });
});
