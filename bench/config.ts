// What a bench run measures: the full run (the reference, by default) or `--quick` (for iterating),
// each overridable by environment (see bench/README.md).
import { execFileSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const outRoot = process.env.CHATMODE_OUTPUT_DIR ?? '.output-bench';

/** The parts the per-feature table leaves out in turn: a feature's name, or `sidebar`. */
export const TABLE_VARIANTS = [
  { without: 'latest', label: 'Latest' },
  { without: 'live-filter', label: 'live filter' },
  { without: 'auto-tag', label: 'auto-tag' },
  { without: 'transcript-status', label: 'transcript' },
  { without: 'sidebar', label: 'sidebar' },
] as const;

export const config = {
  quick,
  tweets: env('BENCH_TWEETS', quick ? 1200 : 10_000),
  pairs: env('BENCH_PAIRS', quick ? 1 : 3),
  window: env('BENCH_WINDOW', quick ? 150 : 300),
  initial: 200,
  /** Screens of the scroll-only check (down, then back up). */
  scrollScreens: env('BENCH_SCROLL_SCREENS', 40),
  /** Tweets per run of the per-feature table (0: no table; none with --quick), and its measured windows. */
  tableTweets: quick ? 0 : env('BENCH_TABLE_TWEETS', 2000),
  tableWindow: 150,
  /** The store figures (a separate browser; not with --quick). */
  store: !quick,
  skipBuild: process.env.BENCH_SKIP_BUILD === '1',
  /** Where to save each measured phase's CPU profile (for bench/profile-report.ts), or null. */
  profilesDir: process.env.BENCH_PROFILES || null,
  /** The profiler's sampling interval (µs): 100 gives a finer picture of where the time goes, at some cost to the run. */
  samplingUs: env('BENCH_SAMPLING_US', 1000),
  outRoot,
  extensionDir: `${outRoot}/chrome-mv3`,
  /** Where the build without `without` goes. */
  variantDir: (without: string) => `${outRoot}-without-${without}/chrome-mv3`,
};

/** Builds the extension for the bench (counters exposed) into `dir`'s parent, leaving out `without` if given. */
export function buildExtension(extensionDir: string, without: string | null): void {
  const outDir = extensionDir.replace(/\/chrome-mv3$/, '');
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CHATMODE_OUTPUT_DIR: outDir, WXT_BENCH: '1', WXT_BENCH_WITHOUT: without ?? '' },
  });
}
