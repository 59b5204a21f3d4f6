// The figures of the main runs, each next to its target (issue #12); how each is measured: bench/README.md.
import { STALL_MS } from './profile.ts';
import type { BundleSize } from './size.ts';
import type { StoreResult } from './store.ts';
import type { RunResult } from './workload.ts';

export interface Row {
  area: string;
  figure: string;
  value: string;
  target: string;
  /** null: no target. */
  met: boolean | null;
  /** A stretch goal: printed, not enforced. */
  stretch?: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const script = (r: RunResult) => sum(r.phases.map((p) => p.scriptMs));
export const extMs = (r: RunResult) => sum(r.phases.map((p) => p.profile.extensionMs));
export const cells = (r: RunResult) => sum(r.phases.map((p) => p.cells));
const pushed = (r: RunResult) => sum(r.phases.map((p) => p.tweets));
const phase = (r: RunResult, name: string) => r.phases.find((p) => p.name === name)!;
const pageGrowth = (r: RunResult) => r.heapEnd.pageBytes - r.heapStart.pageBytes;

export const ms = (x: number, d = 1) => `${x.toFixed(d)} ms`;
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mb = (x: number) => `${(x / 1e6).toFixed(2)} MB`;
const kb = (x: number) => `${(x / 1e3).toFixed(1)} kB`;
const NOT_REPORTED = 'not reported by this build';

const SCRIPTING_TARGET = 0.1;
const SCRIPTING_STRETCH = 0.05;
const PER_CELL_TARGET_MS = 0.05;
const STRETCH_TARGET_MS = 16;

/** What the build's counters say (null when any with-run has none: a build from before them). */
function counterRows(withRuns: RunResult[]): Row[] {
  const reported = withRuns.every((r) => r.counters && r.maxRendersPerFrame !== null && (r.scroll === null || r.scroll.counters));
  const row = (figure: string, value: () => string, target = '', met?: () => boolean): Row => ({
    area: 'Extension',
    figure,
    value: reported ? value() : NOT_REPORTED,
    target,
    met: reported && met ? met() : null,
  });
  const c = (f: (r: RunResult) => number) => median(withRuns.map(f));
  const scrolls = withRuns.flatMap((r) => (r.scroll ? [r.scroll] : []));
  const maxPerFrame = () => Math.max(...withRuns.map((r) => r.maxRendersPerFrame!));
  const rows = [
    row('Cells read afresh / whose reading was reused (re-created by x.com), per run (median)', () => {
      const read = c((r) => r.counters!.cellsRead);
      const reused = c((r) => r.counters!.cellsReused);
      return `${read} / ${reused}${read + reused > 0 ? ` (${pct(reused / (read + reused))} reused)` : ''}`;
    }),
    row('Sidebar renders per 1,000 tweets pushed (median)', () => c((r) => (r.counters!.sidebarRenders / pushed(r)) * 1000).toFixed(1)),
    row('Sidebar placements per run, over the pushes (median)', () => `${c((r) => r.counters!.placements)}`),
    row(
      'Most sidebar renders in one animation frame (any run)',
      () => `${maxPerFrame()}`,
      '≤ 1',
      () => maxPerFrame() <= 1,
    ),
  ];
  if (scrolls.length === 0) return rows;
  const frames = scrolls.map((s) => s.frames).join(', ');
  return [
    ...rows,
    row(
      `Sidebar renders while scrolling ${scrolls[0]!.screens} screens down and back, no arrivals (per run)`,
      () => scrolls.map((s) => s.counters!.sidebarRenders).join(', '),
      '0',
      () => scrolls.every((s) => s.counters!.sidebarRenders === 0),
    ),
    row('Sidebar placements and cells read / reused while scrolling (per run)', () =>
      scrolls.map((s) => `${s.counters!.placements}; ${s.counters!.cellsRead} / ${s.counters!.cellsReused}`).join(' | '),
    ),
    {
      area: 'Extension',
      figure: 'Layout reads by the extension per scroll frame (most in one frame; total / frames per run)',
      value: `${Math.max(...scrolls.map((s) => s.maxReadsPerFrame))} (${scrolls.map((s) => `${s.layoutReads} / ${s.frames}`).join(', ')})`,
      target: '0',
      met: scrolls.every((s) => s.layoutReads === 0),
    },
    {
      area: 'Extension',
      figure: 'Settled before the scroll check (counters and DOM unchanged for 3 s; per run)',
      value:
        scrolls
          .map((s) => (s.settled ? `after ${(s.settleMs / 1000).toFixed(1)} s` : `not within ${(s.settleMs / 1000).toFixed(0)} s`))
          .join(', ') + ` (frames: ${frames})`,
      target: '',
      met: null,
    },
  ];
}

export function mainRows(runs: RunResult[], hiderRuns: RunResult[], store: StoreResult | null, sizes: BundleSize[], tweets: number): Row[] {
  const withRuns = runs.filter((r) => r.withExtension);
  const withoutRuns = runs.filter((r) => !r.withExtension);
  // Per pair: the with-run's scripting time over the without-run's.
  const pairRatios = withRuns.map((w, i) => script(w) / script(withoutRuns[i]!));
  const overhead = median(pairRatios) - 1;
  // The same against the run that hid the same tweets by a page script: what hiding them costs the page
  // by itself, and what chat mode costs beyond it.
  const hiderRatios = hiderRuns.map((h, i) => script(h) / script(withoutRuns[i]!));
  const overHider = withRuns.map((w, i) => script(w) / script(hiderRuns[i]!));
  const perCellProfiled = median(withRuns.map((r) => extMs(r) / cells(r)));
  const perCellDelta = (median(withRuns.map(script)) - median(withoutRuns.map(script))) / median(withRuns.map(cells));
  const profiles = withRuns.flatMap((r) => r.phases.map((p) => p.profile));
  const stretch = profiles.reduce((a, p) => (p.longestExtensionMs > a.longestExtensionMs ? p : a));
  const longestRaw = Math.max(...profiles.map((p) => p.longestExtensionRawMs));
  const longestTask = (rs: RunResult[]) => Math.max(...rs.flatMap((r) => r.phases.map((p) => p.longestTaskMs)));
  const extPerTweet = (name: string) => median(withRuns.map((r) => phase(r, name).profile.extensionMs / phase(r, name).tweets));
  const scriptPerTweet = (rs: RunResult[], name: string) => median(rs.map((r) => phase(r, name).scriptMs / phase(r, name).tweets));
  const early = extPerTweet('early');
  const late = extPerTweet('late');
  const growthWith = median(withRuns.map(pageGrowth));
  const growthWithout = median(withoutRuns.map(pageGrowth));
  const workerGrowth = median(withRuns.map((r) => (r.heapEnd.workerBytes ?? 0) - (r.heapStart.workerBytes ?? 0)));
  const storedTweets = median(withRuns.map((r) => r.stored?.tweets ?? 0));
  const storedBatches = median(withRuns.map((r) => r.stored?.batches ?? 0));
  const isContentJs = (s: BundleSize) => s.kind === 'content script' && s.file.endsWith('.js');
  const contentGzip = sum(sizes.filter(isContentJs).map((s) => s.gzipBytes));
  const info = (area: string, figure: string, value: string): Row => ({ area, figure, value, target: '', met: null });
  const overheadValue = `${pct(overhead)} (ratios ${pairRatios.map((r) => r.toFixed(3)).join(', ')})`;
  const figure = 'Scripting time with the extension vs without (median of per-pair ratios) − 1';
  return [
    { area: 'Main thread', figure, value: overheadValue, target: '< 10 %', met: overhead < SCRIPTING_TARGET },
    { area: 'Main thread', figure, value: pct(overhead), target: '< 5 % (stretch)', met: overhead < SCRIPTING_STRETCH, stretch: true },
    info(
      'Main thread',
      'Page scripting time per run, with / without (median)',
      `${ms(median(withRuns.map(script)), 0)} / ${ms(median(withoutRuns.map(script)), 0)}`,
    ),
    info(
      'Main thread',
      'Of which hiding alone: no extension, the tweets chat mode hides hidden by a page script, vs without (median of per-set ratios) − 1',
      `${pct(median(hiderRatios) - 1)} (ratios ${hiderRatios.map((r) => r.toFixed(3)).join(', ')})`,
    ),
    info(
      'Main thread',
      'Beyond hiding: scripting with the extension vs hiding by a page script (median of per-set ratios) − 1',
      `${pct(median(overHider) - 1)} (ratios ${overHider.map((r) => r.toFixed(3)).join(', ')})`,
    ),
    {
      area: 'Main thread',
      figure: 'Extension time per processed cell (profiler samples)',
      value: ms(perCellProfiled, 3),
      target: '≤ 0.05 ms',
      met: perCellProfiled <= PER_CELL_TARGET_MS,
    },
    info('Main thread', 'Extra scripting per processed cell (with − without)', ms(perCellDelta, 3)),
    info(
      'Main thread',
      'Cells mounted per run, with / without / hiding by a page script (median)',
      `${median(withRuns.map(cells))} / ${median(withoutRuns.map(cells))} / ${median(hiderRuns.map(cells))}`,
    ),
    {
      area: 'Main thread',
      figure: 'Longest stretch of extension code on the main thread (any run)',
      value: `${ms(stretch.longestExtensionMs)} (${stretch.longestExtensionSamples} samples, widest gap ${ms(stretch.longestExtensionMaxGapMs)}; ${ms(longestRaw)} counting sampler stalls over ${STALL_MS} ms; per run: ${withRuns.map((r) => Math.max(...r.phases.map((p) => p.profile.longestExtensionMs)).toFixed(0)).join(', ')} ms)`,
      target: '≤ 16 ms',
      met: stretch.longestExtensionMs <= STRETCH_TARGET_MS,
    },
    info(
      'Main thread',
      'Longest task in the page, with / without (longtask observer)',
      `${ms(longestTask(withRuns), 0)} / ${ms(longestTask(withoutRuns), 0)}`,
    ),
    ...counterRows(withRuns),
    info('Scaling', `Extension time per new tweet, first ${phase(withRuns[0]!, 'early').tweets} tweets`, ms(early, 3)),
    info('Scaling', `Extension time per new tweet, after ${tweets - phase(withRuns[0]!, 'late').tweets} tweets`, ms(late, 3)),
    {
      area: 'Scaling',
      figure: 'Late / early per-tweet cost',
      value: `${(late / early).toFixed(2)}×`,
      target: '≤ 1.5×',
      met: late / early <= 1.5,
    },
    info(
      'Scaling',
      'Page scripting per tweet early → late, with / without',
      `${ms(scriptPerTweet(withRuns, 'early'), 2)} → ${ms(scriptPerTweet(withRuns, 'late'), 2)} / ${ms(scriptPerTweet(withoutRuns, 'early'), 2)} → ${ms(scriptPerTweet(withoutRuns, 'late'), 2)}`,
    ),
    info('Memory', `Page JS heap growth over ${tweets} tweets, with / without`, `${mb(growthWith)} / ${mb(growthWithout)}`),
    {
      area: 'Memory',
      figure: 'Page heap growth due to the extension (with − without)',
      value: mb(growthWith - growthWithout),
      target: '< 5 MB',
      met: growthWith - growthWithout < 5e6,
    },
    {
      area: 'Memory',
      figure: `Worker JS heap growth (${mb(median(withRuns.map((r) => r.heapStart.workerBytes ?? 0)))} at start)`,
      value: mb(workerGrowth),
      target: '< 5 MB',
      met: workerGrowth < 5e6,
    },
    ...(store ? storeRows(store) : []),
    info(
      'Store',
      'Transactions per 1,000 tweets stored in a run (tweets/put batches)',
      `${((storedBatches / storedTweets) * 1000).toFixed(1)} (${storedBatches} for ${storedTweets} tweets)`,
    ),
    ...sizes.map((s): Row => ({
      area: 'Size',
      figure: `${s.file} (${s.kind})`,
      value: `${kb(s.bytes)} minified, ${kb(s.gzipBytes)} gzipped`,
      target: isContentJs(s) ? '< 60 kB gzipped' : '',
      met: isContentJs(s) ? contentGzip < 60e3 : null,
    })),
  ];
}

function storeRows(store: StoreResult): Row[] {
  const ratio = store.realPerSecond / store.plainPerSecond;
  return [
    {
      area: 'Store',
      figure: `Real path: tweets/put in batches of ${store.batchSize} (content script → worker → IndexedDB)`,
      value: `${store.realPerSecond.toFixed(0)} tweets/s (${ms(store.realMs, 0)})`,
      target: '',
      met: null,
    },
    {
      area: 'Store',
      figure: `Plain bulk put, same records, ${store.batchSize} per transaction`,
      value: `${store.plainPerSecond.toFixed(0)} tweets/s (${ms(store.plainMs, 0)}; one transaction: ${ms(store.plainOneTxMs, 0)})`,
      target: '',
      met: null,
    },
    { area: 'Store', figure: 'Real path / plain put throughput', value: `${ratio.toFixed(2)}×`, target: '≥ 0.5×', met: ratio >= 0.5 },
    {
      area: 'Store',
      figure: `Transcript export (markdown), ${store.exportTweets} tweets`,
      value: `${ms(store.exportMs, 0)} (${kb(store.exportBytes)})`,
      target: '',
      met: null,
    },
  ];
}
