// Bundles the x.com stand-in (tests/site/src/main.tsx) to tests/site/dist/app.js + app.css.
// `node tests/site/build.mjs` builds; `buildSite()` skips the work when dist is newer than every source file.
import { build } from 'esbuild';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, 'src');
const distDir = join(here, 'dist');
export const outJs = join(distDir, 'app.js');
export const outCss = join(distDir, 'app.css');

async function newestSource(dir) {
  let newest = 0;
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    const m = ent.isDirectory() ? await newestSource(p) : (await stat(p)).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

async function mtime(p) {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return -1;
  }
}

async function isSiteFresh() {
  const [js, css, src, self] = await Promise.all([
    mtime(outJs),
    mtime(outCss),
    newestSource(srcDir),
    mtime(fileURLToPath(import.meta.url)),
  ]);
  return js > 0 && css > 0 && Math.min(js, css) > Math.max(src, self);
}

/** @returns {Promise<void>} */
export async function buildSite({ force = false } = {}) {
  if (!force && (await isSiteFresh())) return;
  const result = await build({
    entryPoints: [join(srcDir, 'main.tsx')],
    bundle: true,
    outfile: outJs,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox115'],
    minify: true,
    jsx: 'automatic',
    tsconfig: join(here, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  await mkdir(distDir, { recursive: true });
  // write to temp names then rename, so concurrent test workers never read half a file
  const tag = `${process.pid}.${Date.now()}`;
  await Promise.all(
    result.outputFiles.map(async (f) => {
      const tmp = `${f.path}.${tag}.tmp`;
      await writeFile(tmp, f.contents);
      await rename(tmp, f.path);
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  await buildSite({ force: process.argv.includes('--force') });
  console.log(`stand-in built in ${Math.round(performance.now() - t0)} ms -> ${outJs}`);
}
