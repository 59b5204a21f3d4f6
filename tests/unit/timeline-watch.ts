// Test doubles for watchTimeline: a recorder of what it reports, timers fired by hand, a fresh timeline node.
import type { TimelineStatus } from '@/lib/x/timeline';

/** What watchTimeline reported: the batches of cells and the statuses. */
export function recorder() {
  const batches: Element[][] = [];
  const statuses: Array<[TimelineStatus, string | undefined]> = [];
  return {
    batches,
    statuses,
    handlers: {
      onCells: (cells: Element[]) => batches.push(cells),
      onStatus: (s: TimelineStatus, d?: string) => statuses.push([s, d]),
    },
  };
}

export function fakeTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimer: (h: unknown) => pending.delete(h as number),
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    get size() {
      return pending.size;
    },
  };
}

/** A fresh timeline node like x.com's: div[aria-label] > div[style] with the given cells. */
export function newTimelineWrapper(cells: Element[]): { wrapper: Element; timeline: Element } {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('aria-label', 'Timeline: Search timeline');
  const timeline = document.createElement('div');
  timeline.setAttribute('style', 'position: relative; min-height: 1000px;');
  timeline.append(...cells);
  wrapper.append(timeline);
  return { wrapper, timeline };
}
