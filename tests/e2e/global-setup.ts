// Before any end-to-end test: get the real browsers (installing them on a fresh Debian machine),
// check the extension was built, and build the x.com stand-in. Fails loudly; never skips a browser.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBrowsers, type FoundBrowser } from './harness/browsers.ts';
import { EXTENSION_DIRS } from './harness/paths.ts';
import { buildSite } from '../site/build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    browsers: FoundBrowser[];
  }
}

export default async function setup(project: TestProject): Promise<void> {
  for (const [name, dir] of Object.entries(EXTENSION_DIRS)) {
    if (!existsSync(`${dir}/manifest.json`)) {
      throw new Error(`The ${name} build is missing (${dir}). Run \`npm run build\` first, or use \`npm run test:e2e\`.`);
    }
  }
  const browsers = ensureBrowsers();
  for (const browser of browsers) console.log(`[e2e] ${browser.name}: ${browser.version} (${browser.executablePath})`);
  await buildSite();
  project.provide('browsers', browsers);
}
