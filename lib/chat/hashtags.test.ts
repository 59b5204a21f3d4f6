import { describe, expect, it } from 'vitest';
import { extractTags, formatTag, hasAnyTag, missingTags, normalizeTag } from './hashtags';
import { extractHashtagsWithIndices } from './twitterText';

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

describe('extractTags without looking for URLs when none can drop a tag', () => {
  // twitter-text's full extraction (URLs first) is the reference; texts where a URL overlaps, precedes
  // or follows a tag, with and without white space before the '#'.
  it.each([
    'see https://example.com/#blogchat #blogchat',
    '#blogchat see example.com/#sm49',
    'example.com #blogchat',
    '#日本example.com and #blogchat',
    'https://t.co/abc#blogchat',
    'x.y/#blogchat',
    'a.b (#blogchat) c.d',
    '#blogchat.com is a domain',
    'x.com/status/1?q=%23blogchat #blogchat',
    '\u00a0#blogchat after a no-break space, a.b',
    'line\n#blogchat after a line break, a.b',
    '＃blogchat at the start, https://example.com/＃blogchat',
  ])('%j', (text) => {
    const reference = [...new Set(extractHashtagsWithIndices(text).map((h) => normalizeTag(h.hashtag)))];
    expect(extractTags(text)).toEqual(reference);
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

  it('answers a text asked about again at once by its tags, whatever the tags asked for', () => {
    const text = 'A2 both #blogchat and #sm49';
    const other = 'A2 neither #edchat';
    expect(hasAnyTag(text, ['blogchat'])).toBe(true);
    expect(hasAnyTag(text, ['edchat'])).toBe(false);
    expect(hasAnyTag(other, ['edchat'])).toBe(true);
    expect(hasAnyTag(other, ['blogchat'])).toBe(false);
    expect(hasAnyTag(text, ['sm49'])).toBe(true);
    expect(missingTags(text, ['blogchat', 'edchat'])).toEqual(['edchat']);
    expect(hasAnyTag('no tag here', ['blogchat'])).toBe(false);
    expect(hasAnyTag(text, ['BlogChat'])).toBe(true);
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
