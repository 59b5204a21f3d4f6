import { describe, expect, it } from 'vitest';
import { chatSearchUrl, chatTagsFromUrl, isLatestSearch, isXTabUrl, profileUrl, statusUrl } from './urls';

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

describe('isLatestSearch', () => {
  it.each([
    ['https://x.com/search?q=%23blogchat&f=live', true],
    ['https://x.com/search?q=%23blogchat', false],
    ['https://x.com/search?q=%23blogchat&f=top', false],
    ['https://x.com/hashtag/blogchat', true], // hashtag pages have no Latest tab to switch to
  ])('%s → %s', (href, expected) => {
    expect(isLatestSearch(href)).toBe(expected);
  });
});

describe('isXTabUrl', () => {
  it.each([
    ['https://x.com/home', true],
    ['https://twitter.com/search?q=%23blogchat', true],
    ['http://x.com/home', false],
    ['https://x.com:8443/home', false],
    ['https://mobile.x.com/home', true],
    ['https://mobile.twitter.com/search?q=%23blogchat', true],
    ['https://www.x.com/home', false],
    ['https://m.x.com/home', false],
    ['https://mobile.x.com.evil.example/', false],
    ['http://mobile.x.com/home', false],
    ['https://x.com.evil.example/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isXTabUrl(url)).toBe(expected);
  });
});

describe('links', () => {
  it('builds the live search of a chat, a tweet and a profile', () => {
    expect(chatSearchUrl('blogchat')).toBe('https://x.com/search?q=%23blogchat&f=live');
    expect(chatSearchUrl('日本語')).toBe('https://x.com/search?q=%23%E6%97%A5%E6%9C%AC%E8%AA%9E&f=live');
    expect(statusUrl('alice', '123')).toBe('https://x.com/alice/status/123');
    expect(profileUrl('alice')).toBe('https://x.com/alice');
  });
});
