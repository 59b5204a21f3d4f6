// `npm run bench`: main-thread cost, scaling, memory, store and bundle size of the extension on the
// x.com stand-in in real Chromium, each figure next to its target (issue #7). Method: bench/README.md.
// Env: BENCH_TWEETS (10000), BENCH_PAIRS (3), BENCH_WINDOW (300), BENCH_SKIP_BUILD=1,
// CHATMODE_OUTPUT_DIR (.output-bench).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureBrowsers } from '../tests/e2e/harness/browsers.ts';
import { standinResponse } from '../tests/site/serve.mjs';
import { launchBench } from './launch.ts';
import { bundleSizes, type BundleSize } from './size.ts';
import { measureStore, type StoreResult } from './store.ts';
import { STALL_MS } from './profile.ts';
import { runWorkload, type RunResult } from './workload.ts';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const TWEETS = env('BENCH_TWEETS', 10_000);
const PAIRS = env('BENCH_PAIRS', 3);
const WINDOW = env('BENCH_WINDOW', 300);
const INITIAL = 200;
const OUT_ROOT = process.env.CHATMODE_OUTPUT_DIR ?? '.output-bench';
const EXTENSION_DIR = `${OUT_ROOT}/chrome-mv3`;
const started = performance.now();
const log = (s: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);

// ---------------------------------------------------------------------------------------------
// Build and size
// ---------------------------------------------------------------------------------------------

if (process.env.BENCH_SKIP_BUILD !== '1') {
  log(`building the extension into ${OUT_ROOT}/ …`);
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHATMODE_OUTPUT_DIR: OUT_ROOT } });
}
const sizes: BundleSize[] = bundleSizes(EXTENSION_DIR);
const [chromium] = ensureBrowsers(['chromium']);
log(`${chromium!.version}; ${TWEETS} tweets per run, ${PAIRS} pairs with/without the extension, windows of ~${WINDOW} tweets`);

// ---------------------------------------------------------------------------------------------
// Runs: alternated with/without pairs
// ---------------------------------------------------------------------------------------------

const runs: RunResult[] = [];
for (let pair = 0; pair < PAIRS; pair++) {
  const order = pair % 2 === 0 ? [true, false] : [false, true];
  for (const withExtension of order) {
    log(`pair ${pair + 1}/${PAIRS}: ${withExtension ? 'with' : 'without'} the extension`);
    const b = await launchBench({ browser: chromium!, extensionDir: withExtension ? EXTENSION_DIR : null, respond: standinResponse });
    try {
      runs.push(await runWorkload(b, { tweets: TWEETS, window: WINDOW, initial: INITIAL }, log));
    } finally {
      await b.close();
    }
  }
}

log(`store: ${TWEETS} tweets through tweets/put vs plain put, then export`);
let store: StoreResult;
{
  const b = await launchBench({ browser: chromium!, extensionDir: EXTENSION_DIR, respond: standinResponse });
  try {
    store = await measureStore(b, TWEETS);
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const withRuns = runs.filter((r) => r.withExtension);
const withoutRuns = runs.filter((r) => !r.withExtension);
const phase = (r: RunResult, name: string) => r.phases.find((p) => p.name === name)!;
const script = (r: RunResult) => sum(r.phases.map((p) => p.scriptMs));
const extMs = (r: RunResult) => sum(r.phases.map((p) => p.profile.extensionMs));
const cells = (r: RunResult) => sum(r.phases.map((p) => p.cells));
const pageGrowth = (r: RunResult) => r.heapEnd.pageBytes - r.heapStart.pageBytes;

// Per pair: the with-run's scripting time over the without-run's.
const pairRatios = withRuns.map((w, i) => script(w) / script(withoutRuns[i]!));
const scriptingOverhead = median(pairRatios) - 1;
const perCellProfiled = median(withRuns.map((r) => extMs(r) / cells(r)));
const perCellDelta = (median(withRuns.map(script)) - median(withoutRuns.map(script))) / median(withRuns.map(cells));
const longestStretch = withRuns
  .flatMap((r) => r.phases.map((p) => p.profile))
  .reduce((a, p) => (p.longestExtensionMs > a.longestExtensionMs ? p : a));
const longestExtension = longestStretch.longestExtensionMs;
const longestRaw = Math.max(...withRuns.flatMap((r) => r.phases.map((p) => p.profile.longestExtensionRawMs)));
const longestTaskWith = Math.max(...withRuns.flatMap((r) => r.phases.map((p) => p.longestTaskMs)));
const longestTaskWithout = Math.max(...withoutRuns.flatMap((r) => r.phases.map((p) => p.longestTaskMs)));
const extPerTweet = (name: string) => median(withRuns.map((r) => phase(r, name).profile.extensionMs / phase(r, name).tweets));
const scriptPerTweet = (rs: RunResult[], name: string) => median(rs.map((r) => phase(r, name).scriptMs / phase(r, name).tweets));
const earlyPerTweet = extPerTweet('early');
const latePerTweet = extPerTweet('late');
const pageGrowthWith = median(withRuns.map(pageGrowth));
const pageGrowthWithout = median(withoutRuns.map(pageGrowth));
const workerGrowth = median(withRuns.map((r) => (r.heapEnd.workerBytes ?? 0) - (r.heapStart.workerBytes ?? 0)));
const storedTweets = median(withRuns.map((r) => r.stored?.tweets ?? 0));
const storedBatches = median(withRuns.map((r) => r.stored?.batches ?? 0));
const contentScript = sizes.filter((s) => s.kind === 'content script' && s.file.endsWith('.js'));
const contentGzip = sum(contentScript.map((s) => s.gzipBytes));

interface Row {
  area: string;
  figure: string;
  value: string;
  target: string;
  met: boolean | null;
}
const ms = (x: number, d = 1) => `${x.toFixed(d)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mb = (x: number) => `${(x / 1e6).toFixed(2)} MB`;
const kb = (x: number) => `${(x / 1e3).toFixed(1)} kB`;
const rows: Row[] = [
  {
    area: 'Main thread',
    figure: 'Scripting time with the extension vs without (median of per-pair ratios) − 1',
    value: `${pct(scriptingOverhead)} (ratios ${pairRatios.map((r) => r.toFixed(3)).join(', ')})`,
    target: '< 10 %',
    met: scriptingOverhead < 0.1,
  },
  {
    area: 'Main thread',
    figure: 'Page scripting time per run, with / without (median)',
    value: `${ms(median(withRuns.map(script)), 0)} / ${ms(median(withoutRuns.map(script)), 0)}`,
    target: '',
    met: null,
  },
  {
    area: 'Main thread',
    figure: 'Extension time per processed cell (profiler samples)',
    value: ms(perCellProfiled, 3),
    target: '',
    met: null,
  },
  { area: 'Main thread', figure: 'Extra scripting per processed cell (with − without)', value: ms(perCellDelta, 3), target: '', met: null },
  { area: 'Main thread', figure: 'Cells processed per run (median)', value: `${median(withRuns.map(cells))}`, target: '', met: null },
  {
    area: 'Main thread',
    figure: 'Longest stretch of extension code on the main thread (any run)',
    value: `${ms(longestExtension)} (${longestStretch.longestExtensionSamples} samples, widest gap ${ms(longestStretch.longestExtensionMaxGapMs)}; ${ms(longestRaw)} counting sampler stalls over ${STALL_MS} ms; per run: ${withRuns.map((r) => Math.max(...r.phases.map((p) => p.profile.longestExtensionMs)).toFixed(0)).join(', ')} ms)`,
    target: '≤ 50 ms',
    met: longestExtension <= 50,
  },
  {
    area: 'Main thread',
    figure: 'Longest task in the page, with / without (longtask observer)',
    value: `${ms(longestTaskWith, 0)} / ${ms(longestTaskWithout, 0)}`,
    target: '',
    met: null,
  },
  {
    area: 'Scaling',
    figure: `Extension time per new tweet, first ${phase(withRuns[0]!, 'early').tweets} tweets`,
    value: ms(earlyPerTweet, 3),
    target: '',
    met: null,
  },
  {
    area: 'Scaling',
    figure: `Extension time per new tweet, after ${TWEETS - phase(withRuns[0]!, 'late').tweets} tweets`,
    value: ms(latePerTweet, 3),
    target: '',
    met: null,
  },
  {
    area: 'Scaling',
    figure: 'Late / early per-tweet cost',
    value: `${(latePerTweet / earlyPerTweet).toFixed(2)}×`,
    target: '≤ 1.5×',
    met: latePerTweet / earlyPerTweet <= 1.5,
  },
  {
    area: 'Scaling',
    figure: 'Page scripting per tweet early → late, with / without',
    value: `${ms(scriptPerTweet(withRuns, 'early'), 2)} → ${ms(scriptPerTweet(withRuns, 'late'), 2)} / ${ms(scriptPerTweet(withoutRuns, 'early'), 2)} → ${ms(scriptPerTweet(withoutRuns, 'late'), 2)}`,
    target: '',
    met: null,
  },
  {
    area: 'Memory',
    figure: `Page JS heap growth over ${TWEETS} tweets, with / without`,
    value: `${mb(pageGrowthWith)} / ${mb(pageGrowthWithout)}`,
    target: '',
    met: null,
  },
  {
    area: 'Memory',
    figure: 'Page heap growth due to the extension (with − without)',
    value: mb(pageGrowthWith - pageGrowthWithout),
    target: '< 5 MB',
    met: pageGrowthWith - pageGrowthWithout < 5e6,
  },
  {
    area: 'Memory',
    figure: `Worker JS heap growth (${mb(median(withRuns.map((r) => r.heapStart.workerBytes ?? 0)))} at start)`,
    value: mb(workerGrowth),
    target: '< 5 MB',
    met: workerGrowth < 5e6,
  },
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
  {
    area: 'Store',
    figure: 'Real path / plain put throughput',
    value: `${(store.realPerSecond / store.plainPerSecond).toFixed(2)}×`,
    target: '≥ 0.5×',
    met: store.realPerSecond / store.plainPerSecond >= 0.5,
  },
  {
    area: 'Store',
    figure: 'Transactions per 1,000 tweets stored in a run (tweets/put batches)',
    value: `${((storedBatches / storedTweets) * 1000).toFixed(1)} (${storedBatches} for ${storedTweets} tweets)`,
    target: '',
    met: null,
  },
  {
    area: 'Store',
    figure: `Transcript export (markdown), ${store.exportTweets} tweets`,
    value: `${ms(store.exportMs, 0)} (${kb(store.exportBytes)})`,
    target: '',
    met: null,
  },
  ...sizes.map((s): Row => ({
    area: 'Size',
    figure: `${s.file} (${s.kind})`,
    value: `${kb(s.bytes)} minified, ${kb(s.gzipBytes)} gzipped`,
    target: s.kind === 'content script' && s.file.endsWith('.js') ? '< 60 kB gzipped' : '',
    met: s.kind === 'content script' && s.file.endsWith('.js') ? contentGzip < 60e3 : null,
  })),
];

const mark = (m: boolean | null) => (m === null ? '' : m ? '✅ met' : '❌ missed');
const table = [
  '| Area | Figure | Value | Target | |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.area} | ${r.figure} | ${r.value} | ${r.target} | ${mark(r.met)} |`),
].join('\n');
const missed = rows.filter((r) => r.met === false);
const header =
  `# Bench: chat mode on the x.com stand-in\n\n${chromium!.version}, ${new Date().toISOString()}; ${TWEETS} tweets per run, ` +
  `${PAIRS} alternated pairs with/without the extension; ${((performance.now() - started) / 1000).toFixed(0)} s.\n\n`;
const md = `${header}${table}\n\n${missed.length === 0 ? 'All targets met.' : `Missed: ${missed.map((r) => r.figure).join('; ')}.`}\n`;

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    {
      browser: chromium!.version,
      date: new Date().toISOString(),
      config: { tweets: TWEETS, pairs: PAIRS, window: WINDOW, initial: INITIAL },
      figures: rows,
      runs,
      store,
      sizes,
    },
    null,
    2,
  ),
);
writeFileSync('bench-results/bench.md', md);
console.log(`\n${md}\nWritten: bench-results/bench.json, bench-results/bench.md`);
process.exitCode = missed.length === 0 ? 0 : 1;
