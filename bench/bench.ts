// `npm run bench` (`-- --quick` for iterating): main-thread cost, extension counters, the scroll-only
// check, scaling, memory, store, bundle size and the per-feature cost table of the extension on the
// x.com stand-in in real Chromium, each figure next to its target (issues #7, #12); exits with 1 when
// a target is missed. Method and environment: bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureBrowsers } from '../tests/e2e/harness/browsers.ts';
import { standinResponse } from '../tests/site/serve.mjs';
import { buildExtension, config } from './config.ts';
import { featureTableMarkdown, runFeatureTable, type FeatureTable } from './feature-table.ts';
import { mainRows, type Row } from './figures.ts';
import { launchBench } from './launch.ts';
import { bundleSizes, type BundleSize } from './size.ts';
import { measureStore, type StoreResult } from './store.ts';
import { hideAsChatMode } from './page-hider.ts';
import { runWorkload, type RunResult } from './workload.ts';

const started = performance.now();
const log = (s: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);

if (!config.skipBuild) {
  log(`building the extension (WXT_BENCH=1) into ${config.outRoot}/ …`);
  buildExtension(config.extensionDir, null);
}
const sizes: BundleSize[] = bundleSizes(config.extensionDir);
const [chromium] = ensureBrowsers(['chromium']);
log(
  `${chromium!.version}; ${config.quick ? 'quick run: ' : ''}${config.tweets} tweets per run, ${config.pairs} sets of runs (with the extension, without, hiding by a page script), windows of ~${config.window} tweets`,
);

// Alternated runs with the extension, without it, and without it but hiding what chat mode hides by a
// page script (./page-hider): each pair's without-run is the baseline of the other two.
type Arm = 'with' | 'without' | 'hider';
const runs: RunResult[] = [];
const hiderRuns: RunResult[] = [];
for (let pair = 0; pair < config.pairs; pair++) {
  const order: Arm[] = pair % 2 === 0 ? ['with', 'without', 'hider'] : ['hider', 'without', 'with'];
  for (const arm of order) {
    log(
      `pair ${pair + 1}/${config.pairs}: ${arm === 'with' ? 'with the extension' : arm === 'without' ? 'without the extension' : 'no extension, hiding by a page script'}`,
    );
    const b = await launchBench({
      browser: chromium!,
      extensionDir: arm === 'with' ? config.extensionDir : null,
      respond: standinResponse,
      initScript: arm === 'hider' ? hideAsChatMode : undefined,
    });
    try {
      const options = {
        tweets: config.tweets,
        window: config.window,
        initial: config.initial,
        without: null,
        scrollScreens: config.scrollScreens,
        samplingUs: config.samplingUs,
        profilesDir: arm === 'hider' ? null : config.profilesDir,
      };
      (arm === 'hider' ? hiderRuns : runs).push(await runWorkload(b, options, log));
    } finally {
      await b.close();
    }
  }
}

let store: StoreResult | null = null;
if (config.store) {
  log(`store: ${config.tweets} tweets through tweets/put vs plain put, then export`);
  const b = await launchBench({ browser: chromium!, extensionDir: config.extensionDir, respond: standinResponse });
  try {
    store = await measureStore(b, config.tweets);
  } finally {
    await b.close();
  }
}

const table: FeatureTable | null = config.tableTweets > 0 ? await runFeatureTable(chromium!, log) : null;

// Report.
const rows: Row[] = mainRows(runs, hiderRuns, store, sizes, config.tweets);
const mark = (r: Row) => (r.met === null ? '' : r.met ? '✅ met' : r.stretch ? '➖ not yet (stretch)' : '❌ missed');
const cell = (s: string) => s.replaceAll('|', '\\|');
const mainTable = [
  '| Area | Figure | Value | Target | |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.area} | ${cell(r.figure)} | ${cell(r.value)} | ${r.target} | ${mark(r)} |`),
].join('\n');
const missed = rows.filter((r) => r.met === false && !r.stretch);
const header =
  `# Bench: chat mode on the x.com stand-in${config.quick ? ' (quick run)' : ''}\n\n${chromium!.version}, ${new Date().toISOString()}; ` +
  `${config.tweets} tweets per run, ${config.pairs} alternated sets of runs with the extension, without it, and hiding by a page script; ${((performance.now() - started) / 1000).toFixed(0)} s.\n\n`;
const verdict = missed.length === 0 ? 'All targets met.' : `Missed: ${missed.map((r) => `${r.figure} (${r.target})`).join('; ')}.`;
const md = `${header}${mainTable}\n\n${verdict}\n${table ? `\n${featureTableMarkdown(table)}\n` : ''}`;

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    {
      browser: chromium!.version,
      date: new Date().toISOString(),
      config: { ...config, variantDir: undefined },
      figures: rows,
      runs,
      hiderRuns,
      store,
      sizes,
      featureTable: table,
    },
    null,
    2,
  ),
);
writeFileSync('bench-results/bench.md', md);
console.log(`\n${md}\nWritten: bench-results/bench.json, bench-results/bench.md`);
process.exitCode = missed.length === 0 ? 0 : 1;
