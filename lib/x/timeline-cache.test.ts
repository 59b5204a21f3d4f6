// The timeline watcher's readings by tweet: a cell x.com re-creates for a tweet already read is not read
// again; a changed cell is; a repost and its original are different tweets; a new watch starts afresh.
import { afterEach, describe, expect, it } from 'vitest';
import { benchCounters } from '@/lib/bench-counters';
import { fixture } from '@/tests/fixtures/x-cells';
import { createCellCache, type CellCache } from './cell-cache';
import { X } from './selectors';
import { findTimeline, watchTimeline } from './timeline';
import type { CellReading } from './tweet';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let watching: AbortController | null = null;
afterEach(() => {
  watching?.abort();
  watching = null;
  document.body.replaceChildren();
});

/** The page fixture's timeline with these cells, watched; every batch handed over is recorded. */
function watch(cells: Element[], cache?: CellCache) {
  watching?.abort();
  watching = new AbortController();
  document.body.replaceChildren(fixture('page'));
  const timeline = findTimeline(document)!;
  timeline.replaceChildren(...cells);
  const batches: Array<{ cells: Element[]; readings: CellReading[] }> = [];
  watchTimeline(
    document,
    { onCells: (c, readings) => batches.push({ cells: c, readings }), onStatus: () => {} },
    watching.signal,
    cache ? { cache } : {},
  );
  /** The reading handed over with `cell` in the last batch. */
  const readingOf = (cell: Element) => {
    const last = batches.at(-1)!;
    return last.readings[last.cells.indexOf(cell)];
  };
  return { timeline, batches, readingOf };
}

/** What x.com does when a cell scrolls back into view: a new element with the same content. */
const recreate = (cell: Element) => cell.cloneNode(true) as Element;

const counters = () => ({ read: benchCounters.cellsRead, reused: benchCounters.cellsReused });

describe('watchTimeline: readings by tweet', () => {
  it('hands a re-created cell of a known tweet its earlier reading, without reading it again', async () => {
    const plain = fixture('plain');
    const { timeline, readingOf } = watch([plain, fixture('reply')]);
    const first = readingOf(plain)!;
    expect(first.kind).toBe('tweet');

    plain.remove();
    const before = counters();
    const again = recreate(plain);
    timeline.prepend(again);
    await tick();
    expect(readingOf(again)).toBe(first);
    expect(counters()).toEqual({ read: before.read, reused: before.reused + 1 });
  });

  it('reads a changed cell afresh, and hands over the new reading from then on', async () => {
    const plain = fixture('plain');
    const { timeline, readingOf } = watch([plain]);
    const first = readingOf(plain)!;

    const before = counters();
    plain.querySelector(X.tweetText)!.replaceChildren('edited #blogchat');
    await tick();
    const edited = readingOf(plain)!;
    expect(counters()).toEqual({ read: before.read + 1, reused: before.reused });
    expect(edited).not.toBe(first);
    expect(edited.kind === 'tweet' && edited.tweet.text).toBe('edited #blogchat');

    plain.remove();
    const again = recreate(plain);
    timeline.append(again);
    await tick();
    expect(readingOf(again)).toBe(edited);
  });

  it('tells a repost from its original (same status id), and reads an ad every time', async () => {
    const retweet = fixture('retweet');
    const promoted = fixture('promoted');
    const { timeline, readingOf } = watch([retweet, promoted]);
    const repost = readingOf(retweet)!;
    if (repost.kind !== 'tweet') throw new Error('the retweet does not read as a tweet');

    // the original tweet: a plain cell with the reposted tweet's status id
    const original = fixture('plain');
    for (const a of original.querySelectorAll(X.statusLink))
      a.setAttribute('href', `/${repost.tweet.author.handle}/status/${repost.tweet.id}`);
    timeline.append(original);
    await tick();
    const read = readingOf(original)!;
    expect(read).not.toBe(repost);
    expect(read.kind === 'tweet' && read.tweet.kind).toBe('tweet');

    promoted.remove();
    const before = counters();
    timeline.append(recreate(promoted));
    await tick();
    expect(counters().read).toBe(before.read + 1);
  });

  it('does not remember unreadable cells', async () => {
    const cell = fixture('plain');
    for (const el of cell.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
    const { timeline, readingOf } = watch([cell]);
    expect(readingOf(cell)?.kind).toBe('unreadable');
    cell.remove();
    const before = counters();
    timeline.append(recreate(cell));
    await tick();
    expect(counters()).toEqual({ read: before.read + 1, reused: before.reused });
  });

  it('is bounded, and a new watch (a restarted feature) reads every cell again', async () => {
    const cells = ['plain', 'reply', 'quote'].map((name) => fixture(name));
    const { timeline } = watch(cells, createCellCache(2));
    // 'plain' was the least recently used of three with room for two: read again when re-created
    cells[0]!.remove();
    let before = counters();
    timeline.append(recreate(cells[0]!));
    await tick();
    expect(counters()).toEqual({ read: before.read + 1, reused: before.reused });
    cells[2]!.remove();
    before = counters();
    timeline.append(recreate(cells[2]!));
    await tick();
    expect(counters()).toEqual({ read: before.read, reused: before.reused + 1 });

    before = counters();
    watch([...timeline.children].map(recreate));
    expect(counters()).toEqual({ read: before.read + 3, reused: before.reused });
  });

  it('forgets every reading once the timeline reads as unrecognised (x.com’s markup changed under it)', async () => {
    const cells = ['plain', 'reply', 'quote'].map((name) => fixture(name));
    const cache = createCellCache();
    const { timeline } = watch(cells, cache);
    expect(cache.size).toBe(3);
    // one tweet scrolls out of view, then every tweet on the page loses its text's test id
    cells[0]!.remove();
    for (const el of timeline.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
    await tick();
    expect(cache.size).toBe(0);
  });
});
