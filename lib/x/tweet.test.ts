import { describe, expect, it } from 'vitest';
import { extractTags } from '@/lib/chat/hashtags';
import { expected, fixture, fixtureDocument, fixtureNames, type FixtureSpec } from '@/tests/fixtures/x-cells';
import { X } from './selectors';
import { getTweetType, readCell, readTweet } from './tweet';

/** What x.com shows as the text: a reply's leading @mentions are the "Replying to" line (as the stand-in does). */
function shownText(spec: FixtureSpec): string {
  let s = spec.text;
  const to = new Set((spec.replyTo ?? []).map((h) => h.toLowerCase()));
  for (let m = /^@(\w{1,15})\s+/.exec(s); m?.[1] && to.has(m[1].toLowerCase()); m = /^@(\w{1,15})\s+/.exec(s)) s = s.slice(m[0].length);
  return s;
}

function spec(name: string): FixtureSpec {
  const s = expected[name];
  if (!s) throw new Error(`no expected spec for ${name}`);
  return s;
}

function tweetOf(name: string | Element) {
  const r = readCell(typeof name === 'string' ? fixture(name) : name);
  const label = typeof name === 'string' ? name : 'the cell';
  if (r.kind !== 'tweet' && r.kind !== 'promoted') throw new Error(`${label}: ${JSON.stringify(r)}`);
  if (!r.tweet) throw new Error(`${label}: no tweet`);
  return r.tweet;
}

const TWEET_CASES = [
  'plain',
  'untagged',
  'hostQuestion',
  'fakeQuestion',
  'reply',
  'rtlAr',
  'rtlHe',
  'emoji',
  'url',
  'html',
  'long',
  'mention',
  'lowerAnswer',
];

describe('readCell on cells captured from the stand-in', () => {
  it('covers every captured case', () => {
    const names = fixtureNames();
    for (const n of [...TWEET_CASES, 'retweet', 'quote', 'promoted', 'broken', 'page']) expect(names).toContain(n);
  });

  it.each(TWEET_CASES)('%s: id, author, time, exact text, lang', (name) => {
    const s = spec(name);
    const r = readCell(fixture(name));
    expect(r.kind).toBe('tweet');
    const t = tweetOf(name);
    expect(t).toEqual({
      id: s.id,
      author: { handle: s.handle.toLowerCase(), name: s.name },
      time: s.time,
      text: shownText(s),
      kind: name === 'reply' ? 'reply' : 'tweet',
      replyTo: s.replyTo?.map((h) => h.toLowerCase()),
      lang: s.lang,
      likes: s.likes,
    });
  });

  it('keeps hashtags as #tag so lib/chat finds them', () => {
    expect(extractTags(tweetOf('plain').text)).toEqual(['blogchat']);
    expect(extractTags(tweetOf('mention').text)).toEqual(['blogchat', 'sm49']);
    expect(tweetOf('mention').text).toContain('#BlogChat');
    expect(extractTags(tweetOf('untagged').text)).toEqual([]);
    expect(extractTags(tweetOf('rtlAr').text)).toEqual(['blogchat']);
  });

  it('reads mentions and t.co links as the author wrote them (hidden URL parts in, display ellipsis out)', () => {
    expect(tweetOf('mention').text).toBe('Great point @MackCollier and @ana_l! Mine: https://example.net/a #BlogChat #sm49');
    expect(tweetOf('url').text).toBe(
      'A5 I wrote about this here: https://example.com/blog/2026/11/how-we-grew-our-newsletter-to-10k-subscribers #blogchat',
    );
    expect(tweetOf('url').text).not.toContain('…');
  });

  it('reads emoji from img[alt] (textContent would drop them)', () => {
    const cell = fixture('emoji');
    const textEl = cell.querySelector(X.tweetText);
    expect(textEl?.textContent).not.toContain('😂');
    expect(tweetOf('emoji').text).toBe(spec('emoji').text);
    expect(tweetOf('emoji').text).toMatch(/😂👏 love this chat 🔥/u);
  });

  it('keeps the line breaks of a long tweet', () => {
    expect(tweetOf('long').text.split('\n')).toHaveLength(4);
  });

  it('reads right-to-left tweets with their lang', () => {
    expect(tweetOf('rtlAr').lang).toBe('ar');
    expect(tweetOf('rtlHe').lang).toBe('he');
    expect(tweetOf('rtlHe').text).toBe(spec('rtlHe').text);
  });

  it('reads the hostile <img onerror> text as literal text, and nothing runs', () => {
    const t = tweetOf('html');
    expect(t.text).toBe('<img src=x onerror="window.__pwned=1"> #blogchat');
    const cell = fixture('html');
    document.body.append(cell);
    expect(readCell(cell)).toMatchObject({ kind: 'tweet', tweet: { text: t.text } });
    expect(cell.querySelector(X.tweetText)?.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    cell.remove();
  });

  it('reads a reply (structural "Replying to" line; the leading mention is not in the text)', () => {
    const t = tweetOf('reply');
    expect(t.kind).toBe('reply');
    expect(t.text.startsWith('A8 ')).toBe(true);
    expect(t.text).not.toContain('@MackCollier');
    expect(t.replyTo).toEqual(['mackcollier']);
  });

  it('reads a repost: the original tweet, with who reposted it', () => {
    const s = spec('retweet');
    expect(tweetOf('retweet')).toEqual({
      id: s.id,
      author: { handle: s.handle.toLowerCase(), name: s.name },
      time: s.time,
      text: s.text,
      kind: 'retweet',
      retweetedBy: s.retweetedBy?.handle.toLowerCase(),
      lang: 'en',
      likes: s.likes,
    });
  });

  it('reads a quote: its own text only, never the quoted tweet\u2019s', () => {
    const s = spec('quote');
    const t = tweetOf('quote');
    expect(t).toEqual({
      id: s.id,
      author: { handle: s.handle.toLowerCase(), name: s.name },
      time: s.time,
      text: 'This, so much this 👇',
      kind: 'quote',
      lang: 'en',
      // its own like button's, not the quoted tweet's (whose card has none)
      likes: s.likes,
    });
    expect(s.quoted?.text).toContain('#blogchat');
    expect(extractTags(t.text)).toEqual([]);
  });

  it('reads a quote without text of its own as unreadable, never as the quoted text (nor as untagged)', () => {
    const cell = fixture('quote');
    const article = cell.querySelector(X.tweet)!;
    const own = [...article.querySelectorAll(X.tweetText)].find((el) => !el.closest(X.quotedTweet));
    own?.parentElement?.remove();
    expect(readCell(cell)).toEqual({ kind: 'unreadable', id: spec('quote').id, reason: 'no tweetText in the tweet' });
    expect(readTweet(article)).toBeNull();
  });

  it('reads a tweet whose tweetText was renamed as unreadable: author and id read, its text does not', () => {
    for (const name of ['plain', 'retweet', 'reply']) {
      const cell = fixture(name);
      for (const el of cell.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
      expect(readCell(cell)).toEqual({ kind: 'unreadable', id: spec(name).id, reason: 'no tweetText in the tweet' });
    }
    // An ad is still an ad.
    const ad = fixture('promoted');
    for (const el of ad.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
    expect(readCell(ad)).toMatchObject({ kind: 'promoted', tweet: { id: spec('promoted').id, text: '' } });
  });

  it('reads the exact like count from the like button’s label (its text is rounded), none without a button', () => {
    const cell = fixture('plain');
    const button = cell.querySelector(X.likeButton)!;
    button.setAttribute('aria-label', '12345 Likes. Like');
    expect(tweetOf(cell).likes).toBe(12345);
    // Liked by the user: the button is "unlike"; a label in another language keeps the number first.
    button.setAttribute('data-testid', 'unlike');
    button.setAttribute('aria-label', '1.234 „Gefällt mir“-Angaben');
    expect(tweetOf(cell).likes).toBe(1234);
    button.setAttribute('aria-label', 'Like');
    expect(tweetOf(cell).likes).toBe(0);
    // Another button whose test id ends the same way comes first: still the like button's count.
    const other = document.createElement('button');
    other.setAttribute('data-testid', 'dislike');
    other.setAttribute('aria-label', '99 Dislikes');
    button.before(other);
    button.setAttribute('aria-label', '7 Likes. Like');
    expect(tweetOf(cell).likes).toBe(7);
    button.remove();
    expect(tweetOf(cell)).not.toHaveProperty('likes');
  });

  it('reads a hashtag link that shows its tag without "#" as the hashtag (its /hashtag/ address says so)', () => {
    const cell = fixture('mention');
    for (const a of cell.querySelectorAll('a[href^="/hashtag/"]')) a.textContent = a.textContent.replace(/^#/, '');
    expect(tweetOf(cell)).toMatchObject({ text: 'Great point @MackCollier and @ana_l! Mine: https://example.net/a #BlogChat #sm49' });
    // Only when the shown text is that tag: another text linked there is left as it is.
    const other = fixture('plain');
    const link = other.querySelector('a[href^="/hashtag/"]')!;
    link.textContent = 'see the chat';
    expect(extractTags(tweetOf(other).text)).toEqual([]);
    // An address that is not a hashtag page, or cannot be decoded, adds nothing.
    link.textContent = 'blogchat';
    for (const href of ['/search?q=%23blogchat', '/hashtag/%E0%A4%A', 'https://example.com/hashtag/blogchat']) {
      link.setAttribute('href', href);
      expect(extractTags(tweetOf(other).text)).toEqual([]);
    }
    link.setAttribute('href', 'https://x.com/hashtag/BlogChat?src=hashtag_click');
    expect(extractTags(tweetOf(other).text)).toEqual(['blogchat']);
  });

  it('recognises a promoted tweet (no time link: id from another status link of its author)', () => {
    const s = spec('promoted');
    const r = readCell(fixture('promoted'));
    expect(r).toEqual({
      kind: 'promoted',
      tweet: {
        id: s.id,
        author: { handle: 'acmeanalytics', name: 'Acme Analytics' },
        time: null,
        text: s.text,
        kind: 'promoted',
        lang: 'en',
        likes: s.likes,
      },
    });
  });

  it('still recognises a promoted tweet whose id cannot be read', () => {
    const cell = fixture('promoted');
    for (const a of cell.querySelectorAll(X.statusLink)) a.setAttribute('href', '/i/ads');
    expect(readCell(cell)).toEqual({ kind: 'promoted', tweet: null });
  });

  it('reports the renamed markup of breakMarkup() as unrecognised', () => {
    const r = readCell(fixture('broken'));
    expect(r.kind).toBe('unrecognised');
  });

  it('reports a cellInnerDiv whose article lost its test id as unrecognised', () => {
    const cell = fixture('plain');
    cell.querySelector(X.tweet)?.setAttribute('data-testid', 'post');
    expect(readCell(cell)).toMatchObject({ kind: 'unrecognised' });
  });

  it('reports a tweet article without User-Name as unrecognised', () => {
    const cell = fixture('plain');
    cell.querySelector(X.userName)?.setAttribute('data-testid', 'Post-Author');
    expect(readCell(cell)).toEqual({ kind: 'unrecognised', reason: 'no User-Name in the tweet' });
  });

  it('reads cells with no tweet as empty (spacers, placeholders, people)', () => {
    const doc = fixtureDocument();
    const spacer = doc.createElement('div');
    spacer.setAttribute('data-testid', 'cellInnerDiv');
    spacer.append(doc.createElement('div'));
    expect(readCell(spacer)).toEqual({ kind: 'empty' });
    const row = doc.createElement('div');
    expect(readCell(row)).toEqual({ kind: 'empty' });
  });

  it('never modifies what it reads', () => {
    const doc = fixtureDocument();
    const before = doc.body.outerHTML;
    for (const cell of doc.querySelectorAll('[data-fixture] > div')) {
      readCell(cell);
      const a = cell.querySelector(X.tweet);
      if (a) {
        readTweet(a);
        getTweetType(a);
      }
    }
    expect(doc.body.outerHTML).toBe(before);
  });
});
