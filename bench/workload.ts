// What one bench run does in the page (with or without the extension): the same stand-in, the same
// seed and the same arrivals, measured phase by phase with the DevTools protocol.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchBrowser, Cdp } from './launch.ts';
import { openChat, type Without } from './open-chat.ts';
import { installProbe, type BenchCounters, type Probe } from './probe.ts';
import { analyseProfile, type ProfileSummary, type CpuProfile } from './profile.ts';
import { counterDelta, scrollCheck, type ScrollCheck } from './scroll-check.ts';

export interface WorkloadOptions {
  /** Tweets pushed in the whole run (the initial timeline included). */
  tweets: number;
  /** Tweets in each measured window (early and late). */
  window: number;
  initial: number;
  /** The build's part left out (per-feature table), or null. */
  without: Without;
  /** Screens of the scroll-only check after the phases (0: none). */
  scrollScreens: number;
  /** The profiler's sampling interval (µs). */
  samplingUs: number;
  /** Where to save each phase's CPU profile, or null. */
  profilesDir: string | null;
}

function saveProfile(dir: string, name: string, profile: CpuProfile): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}-${Date.now()}.cpuprofile`, JSON.stringify(profile));
}

export interface Phase {
  name: 'early' | 'fill' | 'late';
  tweets: number;
  /** Cells x.com (the stand-in) mounted in the timeline: what the extension reads and marks. */
  cells: number;
  wallMs: number;
  /** Performance.getMetrics deltas for the tab's main thread, ms. */
  scriptMs: number;
  taskMs: number;
  /** Longest task the page saw (PerformanceObserver 'longtask', ≥ 50 ms; 0 when none). */
  longestTaskMs: number;
  profile: ProfileSummary;
}

export interface Heap {
  pageBytes: number;
  workerBytes: number | null;
}

export interface RunResult {
  withExtension: boolean;
  phases: Phase[];
  heapStart: Heap;
  heapEnd: Heap;
  totalTweets: number;
  /** Tweets and `tweets/put` batches in the extension's store at the end (with the extension only). */
  stored: { tweets: number; batches: number } | null;
  /** The build's counters over the three phases (null: without the extension, or not reported by the build). */
  counters: BenchCounters | null;
  /** Most sidebar renders in one animation frame over the whole run, from the phases on (null: not reported). */
  maxRendersPerFrame: number | null;
  scroll: ScrollCheck | null;
  wallMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** In the page: arrivals as the bench defines them (see README), resolved when the page has settled. */
interface DriveSpec {
  /** Pushes of `perPush` tweets each. */
  pushes: number;
  perPush: number;
  /** Between pushes: 0 = next animation frame, else a timer of this many ms. */
  intervalMs: number;
  /** After every `burstEvery` pushes: a burst of `burst` tweets at once, then a scroll down through it and back up. */
  burstEvery: number;
  burst: number;
}

async function drivePage(spec: DriveSpec): Promise<number> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const wait = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : frame());
  const api = window.__standin;
  let pushed = 0;
  const scrollTrip = async (tweets: number) => {
    // Down through the burst (cells are ~230 px high in stress mode), one screen per frame, then back up.
    const screens = Math.ceil((tweets * 260) / window.innerHeight);
    for (let i = 0; i < screens; i++) {
      window.scrollBy(0, window.innerHeight);
      await frame();
    }
    for (let i = 0; i < screens + 2 && window.scrollY > 0; i++) {
      window.scrollBy(0, -window.innerHeight);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  };
  for (let i = 1; i <= spec.pushes; i++) {
    api.pushTweets(spec.perPush);
    pushed += spec.perPush;
    await wait(spec.intervalMs);
    if (spec.burstEvery > 0 && i % spec.burstEvery === 0 && spec.burst > 0) {
      api.pushTweets(spec.burst);
      pushed += spec.burst;
      await frame();
      await scrollTrip(spec.burst);
    }
  }
  await frame();
  await frame();
  return pushed;
}

/** Phases of a run: pushes that add up to `tweets` in total. */
function planPhases(o: WorkloadOptions): Array<{ name: Phase['name']; spec: DriveSpec }> {
  // Measured windows: one tweet every 40 ms (the 5 a second, 5× faster so a window takes
  // seconds) and a burst of 50 after every 100 singles.
  const windowSpec = (tweets: number): DriveSpec => {
    const cycles = Math.max(1, Math.round(tweets / 150));
    return { pushes: cycles * 100, perPush: 1, intervalMs: 40, burstEvery: 100, burst: 50 };
  };
  const early = windowSpec(o.window);
  const late = windowSpec(o.window);
  const perWindow = early.pushes + (early.pushes / 100) * 50;
  const rest = Math.max(0, o.tweets - o.initial - 2 * perWindow);
  // The fill, as fast as the page draws: 5 tweets a frame, and a burst of 50 after every 90 pushes.
  const perCycle = 90 * 5 + 50;
  const cycles = Math.floor(rest / perCycle);
  const tail = Math.floor((rest - cycles * perCycle) / 5);
  const fill: DriveSpec = { pushes: cycles * 90 + tail, perPush: 5, intervalMs: 0, burstEvery: 90, burst: 50 };
  return [
    { name: 'early', spec: early },
    { name: 'fill', spec: fill },
    { name: 'late', spec: late },
  ];
}

async function metrics(cdp: Cdp): Promise<{ script: number; task: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 };
}

async function heap(b: BenchBrowser): Promise<Heap> {
  await b.cdp.send('HeapProfiler.collectGarbage');
  if (b.workerCdp) await b.workerCdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  const page = (await b.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const worker = b.workerCdp ? ((await b.workerCdp.send('Runtime.getHeapUsage')) as { usedSize: number }) : null;
  return { pageBytes: page.usedSize, workerBytes: worker ? worker.usedSize : null };
}

/** In the extension's worker: tweets and processed batches in its IndexedDB store. */
async function storeCounts(b: BenchBrowser): Promise<{ tweets: number; batches: number }> {
  return b.worker!.evaluate(
    () =>
      new Promise<{ tweets: number; batches: number }>((resolve, reject) => {
        const open = indexedDB.open('chat-mode');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['tweets', 'batches']);
          const tweets = tx.objectStore('tweets').count();
          const batches = tx.objectStore('batches').count();
          tx.oncomplete = () => {
            db.close();
            resolve({ tweets: tweets.result, batches: batches.result });
          };
        };
      }),
  );
}

export async function runWorkload(b: BenchBrowser, o: WorkloadOptions, log: (s: string) => void): Promise<RunResult> {
  const t0 = performance.now();
  await openChat(b, o.initial, o.without);
  // The probe enables CDP Runtime on the bench's session; the run without the extension enables it too.
  const probe: Probe | null = b.extensionId ? await installProbe(b) : null;
  if (!probe) await b.cdp.send('Runtime.enable');
  await b.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await b.cdp.send('Profiler.enable');
  await b.cdp.send('Profiler.setSamplingInterval', { interval: o.samplingUs });
  const heapStart = await heap(b);
  const phases: Phase[] = [];
  const probeStart = await probe?.snapshot();
  for (const { name, spec } of planPhases(o)) {
    await b.page.evaluate(() => {
      const w = window as unknown as { __bench: { cells: number; longest: number } };
      w.__bench.cells = 0;
      w.__bench.longest = 0;
    });
    const before = await metrics(b.cdp);
    await b.cdp.send('Profiler.start');
    const started = performance.now();
    const tweets = await b.page.evaluate(drivePage, spec);
    const wallMs = performance.now() - started;
    const { profile } = (await b.cdp.send('Profiler.stop')) as { profile: CpuProfile };
    if (o.profilesDir) saveProfile(o.profilesDir, `${b.extensionId ? 'with' : 'without'}-${name}`, profile);
    const after = await metrics(b.cdp);
    const counters = await b.page.evaluate(() => (window as unknown as { __bench: { cells: number; longest: number } }).__bench);
    phases.push({
      name,
      tweets,
      cells: counters.cells,
      wallMs,
      scriptMs: after.script - before.script,
      taskMs: after.task - before.task,
      longestTaskMs: counters.longest,
      profile: analyseProfile(profile),
    });
    log(
      `    ${name}: ${tweets} tweets, ${counters.cells} cells, ${Math.round(wallMs)} ms, script ${Math.round(after.script - before.script)} ms`,
    );
  }
  await b.cdp.send('Profiler.disable');
  const probeEnd = await probe?.snapshot();
  let stored: RunResult['stored'] = null;
  if (b.worker) {
    // Let the outbox send its last batch (it waits 500 ms) and the store settle.
    let last = -1;
    for (let i = 0; i < 20; i++) {
      await sleep(500);
      stored = await storeCounts(b);
      if (stored.tweets === last) break;
      last = stored.tweets;
    }
  } else {
    await sleep(1000);
  }
  const heapEnd = await heap(b);
  const totalTweets = await b.page.evaluate(() => window.__standin.stats().totalTweets);
  const counters = probeStart && probeEnd ? counterDelta(probeStart, probeEnd) : null;
  if (probe) {
    const pushed = phases.reduce((n, p) => n + p.tweets, 0);
    log(
      counters
        ? `    counters: ${counters.cellsRead} cells read, ${counters.cellsReused} reused; ${counters.sidebarRenders} sidebar renders (${((counters.sidebarRenders / pushed) * 1000).toFixed(1)} per 1,000 tweets); ${counters.placements} placements`
        : '    counters: not reported by this build',
    );
  }
  const scroll = probe && o.scrollScreens > 0 ? await scrollCheck(b, probe, o.scrollScreens) : null;
  const probeLast = await probe?.snapshot();
  if (scroll)
    log(
      `    scroll check (after an unmeasured trip of ${scroll.warmUpScreens} screens): ${scroll.frames} frames, ${scroll.layoutReads} layout reads, sidebar renders ${scroll.counters?.sidebarRenders ?? 'not reported'}${scroll.settled ? '' : ' (did not settle before it)'}`,
    );
  if (probeLast?.counters) log(`    most sidebar renders in one frame over the run: ${probeLast.maxRendersPerFrame}`);
  return {
    withExtension: !!b.worker,
    phases,
    heapStart,
    heapEnd,
    totalTweets,
    stored,
    counters,
    maxRendersPerFrame: probeLast?.counters ? probeLast.maxRendersPerFrame : null,
    scroll,
    wallMs: performance.now() - t0,
  };
}
