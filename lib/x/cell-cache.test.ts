// The identity read of a cell, checked against what the whole reading says (stand-in and real x.com
// cells), and the bounded cache of readings.
import { describe, expect, it } from 'vitest';
import { fixture } from '@/tests/fixtures/x-cells';
import { REAL_PAGES, realPage } from '@/tests/fixtures/x-real';
import { cellKeyOf, createCellCache } from './cell-cache';
import { X } from './selectors';
import { findTimeline, timelineCells } from './timeline';
import { readCell, type CellReading } from './tweet';

/** A stand-in cell of this case whose status links all point at `id`. */
function withId(name: string, id: string): Element {
  const c = fixture(name);
  for (const a of c.querySelectorAll(X.statusLink))
    a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/\/status\/\d+/, `/status/${id}`));
  return c;
}

const reading = (id: string, text: string): CellReading => ({
  kind: 'tweet',
  tweet: { id, author: { handle: 'a', name: 'A' }, time: null, text, kind: 'tweet' },
});

describe('cellKeyOf', () => {
  it('is the status id of the tweet a stand-in cell shows, not its quoted tweet’s', () => {
    for (const name of ['plain', 'reply', 'quote', 'long', 'url', 'hostQuestion', 'mention', 'emoji']) {
      const cell = fixture(name);
      const r = readCell(cell);
      if (r.kind !== 'tweet') throw new Error(`${name} does not read as a tweet`);
      expect(cellKeyOf(cell), name).toBe(r.tweet.id);
    }
  });

  it('tells a repost from its original, and an ad or a non-tweet gives no key', () => {
    const retweet = fixture('retweet');
    const r = readCell(retweet);
    if (r.kind !== 'tweet') throw new Error('the retweet does not read as a tweet');
    const original = withId('plain', r.tweet.id);
    expect(cellKeyOf(original)).toBe(r.tweet.id);
    expect(cellKeyOf(retweet)).not.toBeNull();
    expect(cellKeyOf(retweet)).not.toBe(cellKeyOf(original));
    expect(cellKeyOf(fixture('promoted'))).toBeNull();
    const spacer = document.createElement('div');
    spacer.setAttribute('data-testid', 'cellInnerDiv');
    expect(cellKeyOf(spacer)).toBeNull();
    // x.com renamed the tweet article: no key, so the cell is read whole (and found unrecognised).
    const renamed = fixture('plain');
    renamed.querySelector(X.tweet)?.setAttribute('data-testid', 'post');
    expect(cellKeyOf(renamed)).toBeNull();
  });

  it('on real x.com cells: each tweet its own key (its id, a repost’s with its reposter), none for ads', () => {
    for (const page of REAL_PAGES) {
      const timeline = findTimeline(realPage(page));
      if (!timeline) continue;
      const keys = new Set<string>();
      for (const cell of timelineCells(timeline)) {
        const r = readCell(cell);
        const key = cellKeyOf(cell);
        if (r.kind === 'promoted') expect(key, page).toBeNull();
        if (r.kind !== 'tweet') continue;
        if (key === null) {
          // Only a status page's main tweet, whose time link is under its text: it is read whole.
          expect(cell.querySelector(`${X.userName} ${X.statusLink}`), page).toBeNull();
          continue;
        }
        expect(key.split(' ')[0], page).toBe(r.tweet.id);
        // (a pinned post's key carries its "Pinned" context too: harmless, it is still one key per cell kind)
        if (r.tweet.kind === 'retweet') expect(key.toLowerCase(), page).toMatch(new RegExp(`^${r.tweet.id} \\S*/${r.tweet.retweetedBy}$`));
        expect(keys.has(key), page).toBe(false);
        keys.add(key);
      }
    }
  });
});

describe('createCellCache', () => {
  it('keeps the reading it has when a fresh one reads the same tweet, takes a changed one, forgets what no longer reads', () => {
    const cache = createCellCache();
    const first = reading('1', 'hello #blogchat');
    expect(cache.update('1', first)).toBe(first);
    expect(cache.update('1', reading('1', 'hello #blogchat'))).toBe(first);
    const changed = reading('1', 'edited #blogchat');
    expect(cache.update('1', changed)).toBe(changed);
    expect(cache.get('1')).toBe(changed);
    // a reply whose "Replying to" line reads otherwise is a changed reading too
    const reply = (replyTo: string[]): CellReading => ({
      kind: 'tweet',
      tweet: { id: '1', author: { handle: 'a', name: 'A' }, time: null, text: 'edited #blogchat', kind: 'reply', replyTo },
    });
    const toA = reply(['a']);
    expect(cache.update('1', toA)).toBe(toA);
    expect(cache.update('1', reply(['a']))).toBe(toA);
    const toAB = reply(['a', 'b']);
    expect(cache.update('1', toAB)).toBe(toAB);
    expect(cache.update('1', { kind: 'unreadable', id: '1', reason: 'no tweetText in the tweet' }).kind).toBe('unreadable');
    expect(cache.get('1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is bounded: the least recently used reading goes first', () => {
    const cache = createCellCache(2);
    const [a, b, c] = [reading('1', 'a'), reading('2', 'b'), reading('3', 'c')];
    cache.update('1', a);
    cache.update('2', b);
    expect(cache.get('1')).toBe(a); // now the most recently used
    cache.update('3', c);
    expect(cache.size).toBe(2);
    expect(cache.get('2')).toBeUndefined();
    expect(cache.get('1')).toBe(a);
    expect(cache.get('3')).toBe(c);
  });
});
