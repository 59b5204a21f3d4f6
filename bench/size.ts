// Bytes of every built bundle (JavaScript, CSS, HTML), as built (minified) and gzipped (zlib, level 9).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  kind: 'content script' | 'background' | 'page' | 'style' | 'other';
  bytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function bundleSizes(extensionDir: string): BundleSize[] {
  return walk(extensionDir)
    .filter((p) => /\.(js|css|html)$/.test(p))
    .map((p) => {
      const file = relative(extensionDir, p);
      const data = readFileSync(p);
      const kind: BundleSize['kind'] = file.endsWith('.css')
        ? 'style'
        : file.startsWith('content-scripts/')
          ? 'content script'
          : file === 'background.js'
            ? 'background'
            : file.endsWith('.html') || file.startsWith('chunks/')
              ? 'page'
              : 'other';
      return { file, kind, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}
