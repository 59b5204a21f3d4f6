// lib/chat is shared by the content script, the background and the pages, and must stay pure: no DOM and
// no extension API. happy-dom gives tests a `window` and `document`, so a slip would not fail at run
// time here; this test reads the sources instead.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** The code without comments and string literals, so prose like "the browser" is not flagged. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '""');
}

describe('lib/chat purity', () => {
  it('has sources to check', () => {
    expect(sources).toEqual(
      expect.arrayContaining(['hashtags.ts', 'filter.ts', 'questions.ts', 'tag-plan.ts', 'directory.ts', 'schedule.ts', 'index.ts']),
    );
  });

  it.each(sources)('%s imports only luxon, twitter-text and its own modules', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const specifiers = [
      ...source.matchAll(/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g),
    ].map((m) => m[1] ?? m[2]);
    for (const spec of specifiers) expect(spec).toMatch(/^(?:\.\/[\w.-]+|luxon|twitter-text)$/);
  });

  it.each(sources)('%s uses no DOM or extension global', (file) => {
    const body = code(readFileSync(join(dir, file), 'utf8'));
    expect(body).not.toMatch(/\b(?:document|window|browser|chrome|navigator|localStorage|sessionStorage|indexedDB|globalThis|self)\b/);
  });
});
