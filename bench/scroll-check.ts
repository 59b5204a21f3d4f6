// The scroll-only check: once arrivals have stopped and the extension has settled, scrolling the
// timeline (nothing the sidebar shows changes) must cost no sidebar render and no layout read. A first
// trip down and back, not measured, mounts every tweet the measured trip can reach: a tweet never on
// screen before is news the sidebar rightly counts. It goes WARM_UP_FACTOR times as far: the chat's
// tweets it hides measure 0 px, so the same number of screens then reaches further down, to tweets never
// read (full runs with a first trip as long as the measured one counted a few new tweets in the measured
// trip, and drew the sidebar 2–3 times for them).
import type { BenchBrowser } from './launch.ts';
import type { BenchCounters, Probe, ProbeSnapshot } from './probe.ts';

export interface ScrollCheck {
  /** Whether the extension settled before the scroll (counters and DOM unchanged for QUIET_MS), and how long that took. */
  settled: boolean;
  settleMs: number;
  /** Screens scrolled down (one per frame), then back up to the top. */
  screens: number;
  /** Screens of the first, unmeasured trip. */
  warmUpScreens: number;
  frames: number;
  /** Counter changes over the scroll and its settling (null: not reported by this build). */
  counters: BenchCounters | null;
  /** Layout reads by the extension over the scroll, and the most in one frame. */
  layoutReads: number;
  maxReadsPerFrame: number;
}

// Longer than the transcript status's look at the background while tweets are on their way (2 s) and
// the live report's pace (1 s): a shorter quiet spell could fall between two of them.
const QUIET_MS = 3000;
const SETTLE_BOUND_MS = 15_000;
const WARM_UP_FACTOR = 2;

/** Waits until the counters and the DOM (page and sidebar) have not changed for QUIET_MS, at most SETTLE_BOUND_MS. */
async function settle(probe: Probe): Promise<{ settled: boolean; ms: number }> {
  await probe.watchMutations();
  const start = performance.now();
  let last = '';
  let since = start;
  try {
    while (performance.now() - start < SETTLE_BOUND_MS) {
      const s = await probe.snapshot();
      const key = JSON.stringify([s.counters, s.mutations]);
      const now = performance.now();
      if (key !== last) {
        last = key;
        since = now;
      } else if (now - since >= QUIET_MS) {
        return { settled: true, ms: now - start };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { settled: false, ms: performance.now() - start };
  } finally {
    await probe.unwatchMutations();
  }
}

/** In the page: down `screens` screens one per frame, then back up to the top; the frames it took. */
async function scrollTrip(screens: number): Promise<number> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  let frames = 0;
  for (let i = 0; i < screens; i++, frames++) {
    window.scrollBy(0, window.innerHeight);
    await frame();
  }
  for (let i = 0; i < screens + 2 && window.scrollY > 0; i++, frames++) {
    window.scrollBy(0, -window.innerHeight);
    await frame();
  }
  return frames;
}

export const counterDelta = (a: ProbeSnapshot, b: ProbeSnapshot): BenchCounters | null =>
  a.counters && b.counters
    ? {
        cellsRead: b.counters.cellsRead - a.counters.cellsRead,
        cellsReused: b.counters.cellsReused - a.counters.cellsReused,
        sidebarRenders: b.counters.sidebarRenders - a.counters.sidebarRenders,
        placements: b.counters.placements - a.counters.placements,
      }
    : null;

export async function scrollCheck(b: BenchBrowser, probe: Probe, screens: number): Promise<ScrollCheck> {
  await b.page.evaluate(() => window.scrollTo(0, 0));
  const warmUpScreens = screens * WARM_UP_FACTOR;
  await b.page.evaluate(scrollTrip, warmUpScreens);
  const { settled, ms } = await settle(probe);
  await probe.patchLayoutReads();
  const before = await probe.snapshot();
  const frames = await b.page.evaluate(scrollTrip, screens);
  // What the scroll caused after its last frame counts too.
  await settle(probe);
  const after = await probe.snapshot();
  return {
    settled,
    settleMs: ms,
    screens,
    warmUpScreens,
    frames,
    counters: counterDelta(before, after),
    layoutReads: after.layoutReads - before.layoutReads,
    maxReadsPerFrame: after.maxReadsPerFrame,
  };
}
