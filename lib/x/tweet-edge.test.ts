// Edge cases of the tweet reader, built by editing cells captured from the stand-in.
import { describe, expect, it } from 'vitest';
import { fixture, fixtureDocument } from '@/tests/fixtures/x-cells';
import { REAL_PAGES, realPage } from '@/tests/fixtures/x-real';
import { X } from './selectors';
import { getTweetType, readCell, readTweet } from './tweet';

function tweetOf(name: string) {
  const r = readCell(fixture(name));
  if (r.kind !== 'tweet' || !r.tweet) throw new Error(`${name}: ${JSON.stringify(r)}`);
  return r.tweet;
}

describe('getTweetType / readTweet edge cases', () => {
  it('does not take a video\u2019s placementTracking inside the article for an ad', () => {
    const cell = fixture('plain');
    const article = cell.querySelector(X.tweet);
    if (!article) throw new Error('no article');
    const video = document.createElement('div');
    video.setAttribute('data-testid', 'placementTracking');
    article.querySelector(X.tweetText)?.after(video);
    expect(getTweetType(article)).toBe('tweet');
    expect(readCell(cell).kind).toBe('tweet');
  });

  it('does not take a socialContext without a profile link (e.g. "Pinned") for a repost', () => {
    const cell = fixture('plain');
    const article = cell.querySelector(X.tweet);
    if (!article) throw new Error('no article');
    const pinned = document.createElement('div');
    pinned.setAttribute('data-testid', 'socialContext');
    pinned.textContent = 'Pinned';
    article.prepend(pinned);
    expect(getTweetType(article)).toBe('tweet');
  });

  it('detects a reply whose "Replying to" words are translated, and links wrapped in divs as on x.com', () => {
    const cell = fixture('reply');
    const line = [...cell.querySelectorAll('a[href="/MackCollier"]')].find((a) => !a.closest(X.userName))?.parentElement;
    if (!line) throw new Error('no replying line');
    line.firstChild!.nodeValue = 'En réponse à ';
    const a = line.querySelector('a')!;
    const wrap = document.createElement('div');
    a.replaceWith(wrap);
    wrap.append(a);
    const article = cell.querySelector(X.tweet)!;
    expect(getTweetType(article)).toBe('reply');
  });

  it('reads the handles of the "Replying to" line, lower-cased, each once, the first 10, for a reply only', () => {
    const cell = fixture('reply');
    const line = [...cell.querySelectorAll('a[href="/MackCollier"]')].find((a) => !a.closest(X.userName))?.parentElement;
    if (!line) throw new Error('no replying line');
    const handles = ['Ana_L', 'mackcollier', ...Array.from({ length: 10 }, (_, i) => `Fan${i}`)];
    for (const h of handles) line.append(' ', Object.assign(document.createElement('a'), { href: `/${h}`, textContent: `@${h}` }));
    expect(readTweet(cell.querySelector(X.tweet)!)?.replyTo).toEqual([
      'mackcollier',
      'ana_l',
      ...Array.from({ length: 8 }, (_, i) => `fan${i}`),
    ]);
    for (const name of ['plain', 'mention', 'quote', 'retweet'])
      expect(readTweet(fixture(name).querySelector(X.tweet)!), name).not.toHaveProperty('replyTo');
  });

  it('does not take the quoted tweet\u2019s author row for a reply line', () => {
    const article = fixture('quote').querySelector(X.tweet)!;
    expect(getTweetType(article)).toBe('quote');
  });

  it('reads only its own parts when another tweet article sits inside it, even before them', () => {
    const outer = fixture('plain').querySelector(X.tweet)!;
    outer.prepend(fixture('hostQuestion').querySelector(X.tweet)!);
    expect(readTweet(outer)).toEqual(readTweet(fixture('plain').querySelector(X.tweet)!));
    // An element that is no tweet article (here, x.com renamed it) has no parts of its own.
    const renamed = fixture('plain').querySelector(X.tweet)!;
    renamed.setAttribute('data-testid', 'post');
    expect(readTweet(renamed)).toBeNull();
  });

  it('lower-cases the handle and keeps the display name as shown', () => {
    const t = tweetOf('hostQuestion');
    expect(t.author).toEqual({ handle: 'mackcollier', name: 'Mack Collier' });
  });
});

describe('a long post cut off by “Show more”', () => {
  /** x.com's button after the text, as on real long posts. */
  function showMore(after: Element): void {
    const button = document.createElement('button');
    button.dataset.testid = 'tweet-text-show-more-link';
    button.textContent = 'Show more';
    after.after(button);
  }

  it('is read as truncated when the button follows its own text, not the quoted tweet’s', () => {
    const long = fixture('long');
    showMore(long.querySelector(X.tweetText)!);
    expect(readTweet(long.querySelector(X.tweet)!)).toMatchObject({ truncated: true });
    expect(readTweet(fixture('plain').querySelector(X.tweet)!)).not.toHaveProperty('truncated');

    const quote = fixture('quote');
    const quotedText = [...quote.querySelectorAll(X.tweetText)].find((el) => el.closest('div[role="link"]'))!;
    showMore(quotedText);
    expect(readTweet(quote.querySelector(X.tweet)!)).not.toHaveProperty('truncated');
  });
});

describe('the "Replying to" line, found after the author row', () => {
  /** Every tweet article of the stand-in's cells and of the real x.com pages. */
  function allArticles(): Element[] {
    const docs = [fixtureDocument(), ...REAL_PAGES.map((page) => realPage(page))];
    return docs.flatMap((doc) => [...doc.querySelectorAll(X.tweet)]);
  }

  /** The article, its User-Name's links replaced by their contents: where the row ends is then found by position. */
  function withoutRowLinks(article: Element): Element {
    const userName = article.querySelector(X.userName);
    if (!userName) throw new Error('no User-Name');
    for (const a of userName.querySelectorAll('a')) a.replaceWith(...a.childNodes);
    return article;
  }

  it('gives every fixture article the same kind whether the row ends at its last link or by position', () => {
    const kinds = new Set<string>();
    for (const article of allArticles()) {
      if (!article.querySelector(`${X.userName} ${X.link}`)) continue;
      const kind = getTweetType(article);
      kinds.add(kind);
      expect(getTweetType(withoutRowLinks(article)), article.outerHTML.slice(0, 200)).toBe(kind);
    }
    expect([...kinds].sort()).toEqual(['promoted', 'quote', 'reply', 'retweet', 'tweet']);
  });

  it.each([
    ['the last link of the row', (a: Element) => a],
    ['the row found by position', withoutRowLinks],
  ])('takes an "@…" profile link after the author row for a reply line, never one before it (%s)', (_, prepare) => {
    const mention = () => Object.assign(document.createElement('a'), { href: '/someone', textContent: '@someone' });
    const after = fixture('plain').querySelector(X.tweet)!;
    after.querySelector(X.userName)!.after(mention());
    expect(getTweetType(prepare(after))).toBe('reply');
    const before = fixture('plain').querySelector(X.tweet)!;
    before.querySelector(X.userName)!.before(mention());
    expect(getTweetType(prepare(before))).toBe('tweet');
    const avatar = fixture('plain').querySelector(X.tweet)!;
    avatar.querySelector(`${X.avatar} a`)!.textContent = '@PedroKowals88';
    expect(getTweetType(prepare(avatar))).toBe('tweet');
  });
});
