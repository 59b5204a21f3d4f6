// The per-feature cost table: the same workload with every feature, and with each feature (or the
// sidebar) left out of the build in turn, each against runs without the extension.
import { readFileSync } from 'node:fs';
import type { FoundBrowser } from '../tests/e2e/harness/browsers.ts';
import { standinResponse } from '../tests/site/serve.mjs';
import { buildExtension, config, TABLE_VARIANTS } from './config.ts';
import { cells, extMs, ms, pct, script } from './figures.ts';
import { launchBench } from './launch.ts';
import { runWorkload, type RunResult } from './workload.ts';

export interface FeatureTableRow {
  label: string;
  /** What the build left out (null: nothing). */
  without: string | null;
  scriptingOverhead: number;
  extensionMsPerCell: number;
  extensionMs: number;
  cells: number;
}

export interface FeatureTable {
  tweets: number;
  window: number;
  rows: FeatureTableRow[];
  /** Parts this build cannot leave out (its content script is the same as the full one's: a build from before WXT_BENCH_WITHOUT). */
  unsupported: string[];
  runs: RunResult[];
}

const contentScript = (extensionDir: string) => readFileSync(`${extensionDir}/content-scripts/content.js`);

export async function runFeatureTable(chromium: FoundBrowser, log: (s: string) => void): Promise<FeatureTable> {
  const tweets = config.tableTweets;
  if (!config.skipBuild)
    for (const { without } of TABLE_VARIANTS) {
      log(`table: building without ${without} into ${config.variantDir(without)} …`);
      buildExtension(config.variantDir(without), without);
    }
  const full = contentScript(config.extensionDir);
  const supported = TABLE_VARIANTS.filter(({ without }) => !contentScript(config.variantDir(without)).equals(full));
  const unsupported = TABLE_VARIANTS.filter((v) => !supported.includes(v)).map((v) => v.without);
  if (unsupported.length > 0) log(`table: this build cannot leave out ${unsupported.join(', ')} (no WXT_BENCH_WITHOUT)`);
  // Without the extension first and last: the table's baseline is their mean.
  const plan: Array<{ label: string; without: string | null; dir: string | null }> = [
    { label: 'without the extension', without: null, dir: null },
    { label: 'all features', without: null, dir: config.extensionDir },
    ...supported.map((v) => ({ label: `without ${v.label}`, without: v.without, dir: config.variantDir(v.without) })),
    { label: 'without the extension', without: null, dir: null },
  ];
  const results: Array<{ label: string; without: string | null; run: RunResult }> = [];
  for (const [i, step] of plan.entries()) {
    log(`table ${i + 1}/${plan.length}: ${step.label}, ${tweets} tweets`);
    const b = await launchBench({ browser: chromium, extensionDir: step.dir, respond: standinResponse });
    try {
      const options = {
        tweets,
        window: config.tableWindow,
        initial: config.initial,
        without: step.without,
        scrollScreens: 0,
        samplingUs: config.samplingUs,
        profilesDir: null,
      };
      results.push({ label: step.label, without: step.without, run: await runWorkload(b, options, log) });
    } finally {
      await b.close();
    }
  }
  const baselines = results.filter((r) => !r.run.withExtension).map((r) => script(r.run));
  const baseline = baselines.reduce((a, b) => a + b, 0) / baselines.length;
  const rows = results
    .filter((r) => r.run.withExtension)
    .map(({ label, without, run }): FeatureTableRow => ({
      label,
      without,
      scriptingOverhead: script(run) / baseline - 1,
      extensionMsPerCell: extMs(run) / cells(run),
      extensionMs: extMs(run),
      cells: cells(run),
    }));
  return { tweets, window: config.tableWindow, rows, unsupported, runs: results.map((r) => r.run) };
}

export function featureTableMarkdown(table: FeatureTable): string {
  const all = table.rows.find((r) => r.without === null)!;
  const lines = [
    `## Per-feature cost (${table.tweets} tweets per run, windows of ~${table.window}; one run each, against the mean of two runs without the extension)`,
    '',
    '| Build | Scripting vs without | Extension per cell | Extension total | Less than all features | Cells |',
    '|---|---|---|---|---|---|',
    ...table.rows.map(
      (r) =>
        `| ${r.label} | ${pct(r.scriptingOverhead)} | ${ms(r.extensionMsPerCell, 3)} | ${ms(r.extensionMs, 0)} | ${r.without === null ? '' : ms(all.extensionMs - r.extensionMs, 0)} | ${r.cells} |`,
    ),
  ];
  if (table.unsupported.length > 0)
    lines.push('', `Not supported by this build (no WXT_BENCH_WITHOUT): without ${table.unsupported.join(', ')}.`);
  return lines.join('\n');
}
