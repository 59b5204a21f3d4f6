import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '@/tests/fixtures/x-cells';
import { X } from './selectors';
import { readCell, type CellReading } from './tweet';
import { fakeTimers, newTimelineWrapper, recorder } from '@/tests/unit/timeline-watch';
import { markCell } from './marks';
import { findTimeline, watchTimeline } from './timeline';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The captured page (<main>: primaryColumn with a 3-cell timeline, and the sidebar) in the test document. */
function loadPage(): { main: Element; timeline: Element } {
  const main = fixture('page');
  document.body.replaceChildren(main);
  const timeline = findTimeline(document);
  if (!timeline) throw new Error('no timeline in the page fixture');
  return { main, timeline };
}

let watching: AbortController | null = null;
/** The signal of the watch a test starts; aborted after each test. */
const nextWatch = (): AbortSignal => (watching = new AbortController()).signal;
afterEach(() => {
  watching?.abort();
  watching = null;
  document.body.replaceChildren();
});

describe('findTimeline', () => {
  it('finds the primary column\u2019s timeline, not the sidebar\u2019s "What\u2019s happening"', () => {
    const { main, timeline } = loadPage();
    expect(timeline.closest(X.primaryColumn)).not.toBeNull();
    expect(timeline.children).toHaveLength(3);
    // the sidebar has the same shape
    const sidebarLists = main.querySelectorAll(`${X.sidebarColumn} section > h1 + div[aria-label] > div`);
    expect(sidebarLists.length).toBeGreaterThan(0);
    main.querySelector(X.primaryColumn)?.remove();
    expect(findTimeline(document)).toBeNull();
  });
});

describe('watchTimeline', () => {
  it('reports the cells already present, then only added or changed cells', async () => {
    const { timeline } = loadPage();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    expect(rec.batches).toEqual([[...timeline.children]]);
    expect(rec.statuses).toEqual([['ok', undefined]]);

    // a cell added at the top (new arrival)
    const added = fixture('retweet');
    timeline.prepend(added);
    await tick();
    expect(rec.batches.at(-1)).toEqual([added]);

    // a cell whose article appears later, in several mutations: reported once
    const late = document.createElement('div');
    late.setAttribute('data-testid', 'cellInnerDiv');
    timeline.append(late);
    await tick();
    expect(rec.batches.at(-1)).toEqual([late]);
    const body = fixture('plain').firstElementChild!;
    const count = rec.batches.length;
    late.append(body);
    late.append(document.createElement('div'));
    body.querySelector(X.tweetText)?.append(' edited');
    await tick();
    expect(rec.batches.length).toBe(count + 1);
    expect(rec.batches.at(-1)).toEqual([late]);

    // text re-rendered in place (a recycled cell): characterData
    const first = timeline.children[1]!;
    const textNode = first.querySelector(X.tweetText)?.querySelector('span')?.firstChild;
    if (!textNode) throw new Error('no text node');
    textNode.nodeValue = 'Recycled text #blogchat';
    await tick();
    expect(rec.batches.at(-1)).toEqual([first]);

    // a removed cell is not reported; our own marks cause no report
    const n = rec.batches.length;
    timeline.lastElementChild?.remove();
    markCell(first, { hidden: 'untagged', question: 'Q1' });
    await tick();
    expect(rec.batches.length).toBe(n);
    expect(rec.statuses).toEqual([['ok', undefined]]);
  });

  it('hands over each cell\u2019s reading with it, as readCell reads it', async () => {
    const { timeline } = loadPage();
    const got: Array<[Element[], CellReading[]]> = [];
    watchTimeline(document, { onCells: (cells, readings) => got.push([cells, readings]), onStatus: () => {} }, nextWatch());
    const added = [fixture('retweet'), fixture('plain')];
    timeline.prepend(...added);
    await tick();
    expect(got).toHaveLength(2);
    for (const [cells, readings] of got) {
      expect(readings).toHaveLength(cells.length);
      cells.forEach((cell, i) => expect(readings[i]).toEqual(readCell(cell)));
    }
    expect(got[1]?.[0]).toEqual(added);
    expect(got[1]?.[1].map((r) => r.kind)).toEqual(['tweet', 'tweet']);
  });

  it('keeps the timeline when x.com rewrites its style as it grows, and still notices it being replaced', async () => {
    const { timeline } = loadPage();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    timeline.setAttribute('style', 'position: relative; min-height: 5000px;');
    await tick();
    const added = fixture('plain');
    timeline.append(added);
    await tick();
    expect(rec.batches.at(-1)).toEqual([added]);
    const { wrapper, timeline: next } = newTimelineWrapper([fixture('retweet')]);
    timeline.parentElement!.replaceWith(wrapper);
    await tick();
    expect(rec.batches.at(-1)).toEqual([...next.children]);
    expect(rec.statuses).toEqual([['ok', undefined]]);
  });

  it('re-attaches when the timeline node is replaced (search tab, navigation)', async () => {
    const { timeline } = loadPage();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    const oldWrapper = timeline.parentElement!;
    const cells = [fixture('quote'), fixture('reply')];
    const { wrapper, timeline: fresh } = newTimelineWrapper(cells);
    oldWrapper.replaceWith(wrapper);
    await tick();
    expect(rec.batches.at(-1)).toEqual(cells);

    const n = rec.batches.length;
    timeline.append(fixture('plain')); // the old, detached node: ignored
    const added = fixture('emoji');
    fresh.append(added);
    await tick();
    expect(rec.batches.length).toBe(n + 1);
    expect(rec.batches.at(-1)).toEqual([added]);
  });

  it('re-attaches after an SPA navigation replaces the whole primary column content', async () => {
    const { main, timeline } = loadPage();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    const column = main.querySelector(X.primaryColumn)!;
    const saved = [...column.children].map((el) => el.cloneNode(true) as Element);
    column.replaceChildren();
    await tick();
    expect(rec.statuses.at(-1)?.[0]).toBe('waiting');
    column.append(...saved);
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
    expect(rec.batches.at(-1)).toHaveLength(3);
    expect(rec.batches.at(-1)?.[0]).not.toBe(timeline.children[0]);
  });

  it('waits while the timeline is a placeholder (no style), then attaches', async () => {
    const { timeline } = loadPage();
    const cells = [...timeline.children];
    timeline.replaceChildren(document.createElement('div'));
    timeline.removeAttribute('style');
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch(), { setTimer: () => 0, clearTimer: () => {} });
    expect(rec.statuses).toEqual([['waiting', 'timeline loading']]);
    expect(rec.batches).toEqual([]);
    timeline.replaceChildren(...cells);
    timeline.setAttribute('style', 'position: relative; min-height: 900px;');
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
    expect(rec.batches).toEqual([cells]);
  });

  it('is waiting until a timeline appears, and unrecognised when the page shows something else after the grace period', async () => {
    const { main } = loadPage();
    const column = main.querySelector(X.primaryColumn)!;
    const section = column.querySelector('section')!;
    section.remove();
    const timers = fakeTimers();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch(), timers);
    expect(rec.statuses).toEqual([['waiting', undefined]]);
    expect(timers.size).toBe(1);
    timers.fire();
    expect(rec.statuses.at(-1)).toEqual(['unrecognised', 'no timeline in the primary column']);
    column.append(section);
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
    expect(rec.batches.at(-1)).toHaveLength(3);
  });

  it('stays waiting when there is no primary column at all', () => {
    document.body.replaceChildren(document.createElement('div'));
    const timers = fakeTimers();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch(), timers);
    timers.fire();
    expect(rec.statuses).toEqual([['waiting', undefined]]);
  });

  it('is unrecognised when the cells hold tweet-like markup none of which reads (breakMarkup), ok once one does', async () => {
    const { timeline } = loadPage();
    timeline.replaceChildren(fixture('broken'));
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    expect(rec.statuses).toEqual([['unrecognised', 'timeline row is not a cellInnerDiv']]);
    expect(rec.batches).toHaveLength(1);
    timeline.append(fixture('plain'));
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
  });

  it('is unrecognised when the tweets read without their text (a renamed tweetText), ok once one reads whole', async () => {
    const { timeline } = loadPage();
    const textless = (name: string) => {
      const cell = fixture(name);
      for (const el of cell.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
      return cell;
    };
    // An ad among them reads (by its wrapper) but vouches for nothing.
    timeline.replaceChildren(textless('plain'), fixture('promoted'), textless('reply'));
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    expect(rec.statuses).toEqual([['unrecognised', 'no tweetText in the tweet']]);
    timeline.append(fixture('untagged'));
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
    // One tweet without text (a post of media only) among readable ones changes nothing.
    timeline.append(textless('emoji'));
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['ok', undefined]);
  });

  it('notices the markup breaking under a running page, but not one odd cell among readable tweets', async () => {
    const { timeline } = loadPage();
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    const odd = fixture('plain');
    odd.querySelector(X.tweet)?.setAttribute('data-testid', 'post');
    timeline.append(odd);
    await tick();
    expect(rec.statuses).toEqual([['ok', undefined]]);
    timeline.replaceChildren(fixture('broken'));
    await tick();
    expect(rec.statuses.at(-1)).toEqual(['unrecognised', 'timeline row is not a cellInnerDiv']);
  });

  it('is ok with only empty cells (e.g. a spinner cell)', () => {
    const { timeline } = loadPage();
    const spacer = document.createElement('div');
    spacer.setAttribute('data-testid', 'cellInnerDiv');
    timeline.replaceChildren(spacer);
    const rec = recorder();
    watchTimeline(document, rec.handlers, nextWatch());
    expect(rec.statuses).toEqual([['ok', undefined]]);
    expect(rec.batches).toEqual([[spacer]]);
  });

  it('stops cleanly: no more reports, timers cleared', async () => {
    const { timeline } = loadPage();
    timeline.removeAttribute('style');
    timeline.replaceChildren();
    const timers = fakeTimers();
    const rec = recorder();
    const stopIt = new AbortController();
    watchTimeline(document, rec.handlers, stopIt.signal, timers);
    expect(timers.size).toBe(1);
    stopIt.abort();
    expect(timers.size).toBe(0);
    timeline.setAttribute('style', 'position: relative');
    timeline.append(fixture('plain'));
    await tick();
    expect(rec.batches).toEqual([]);
    expect(rec.statuses).toEqual([['waiting', 'timeline loading']]);
    stopIt.abort();
  });
});
