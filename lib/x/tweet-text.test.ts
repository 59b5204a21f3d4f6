import { describe, expect, it } from 'vitest';
import { fixtureDocument } from '@/tests/fixtures/x-cells';
import { REAL_PAGES, realPage } from '@/tests/fixtures/x-real';
import { X } from './selectors';
import { textOf, walkedTextOf } from './tweet-text';

describe('textOf', () => {
  it('drops SVG icons and keeps img alt', () => {
    const div = document.createElement('div');
    div.append(
      'a ',
      document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
      Object.assign(document.createElement('img'), { alt: '🚀' }),
      document.createElement('br'),
      'b',
    );
    expect(textOf(div)).toBe('a 🚀\nb');
  });
});

describe('textOf with the browser’s textContent', () => {
  // Every text chat mode reads (texts, names, links) in the saved x.com pages and the stand-in's cells:
  // textContent when nothing in it reads otherwise, the walk when something does.
  const docs = [...REAL_PAGES.map(realPage), fixtureDocument()];
  const read = docs.flatMap((doc) => [...doc.querySelectorAll(`${X.tweetText}, ${X.userName} ${X.link}, ${X.tweet} ${X.link}`)]);

  it('reads every text of the saved pages and the stand-in as the walk over its nodes does', () => {
    expect(read.length).toBeGreaterThan(100);
    for (const el of read) expect(textOf(el)).toBe(walkedTextOf(el));
  });

  it('walks what textContent would read otherwise: emoji, line breaks, icons, a link’s "…", a hashtag shown without "#"', () => {
    const div = document.createElement('div');
    const tag = Object.assign(document.createElement('a'), { textContent: 'blogchat' });
    tag.setAttribute('href', '/hashtag/blogchat?src=hashtag_click');
    div.append('A1 see ', tag);
    expect(textOf(div)).toBe('A1 see #blogchat');
    const url = document.createElement('a');
    url.setAttribute('href', 'https://t.co/x');
    const ellipsis = Object.assign(document.createElement('span'), { textContent: '…' });
    ellipsis.setAttribute('aria-hidden', 'true');
    url.append('example.com/a', ellipsis);
    div.replaceChildren('at ', url);
    expect(textOf(div)).toBe('at example.com/a');
    div.replaceChildren('a', document.createElement('br'), 'b', Object.assign(document.createElement('img'), { alt: '🚀' }));
    expect(textOf(div)).toBe('a\nb🚀');
  });
});
