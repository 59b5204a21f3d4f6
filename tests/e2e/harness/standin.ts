// Driving the x.com stand-in from tests and scripts (no test-runner imports: the demo uses it too).
import { CONFIG_STORAGE_KEY, type StandinConfig } from '../../site/src/api.ts';
import type { ExtPage } from './session.ts';

/** The requests the stand-in answers: x.com and twitter.com. */
export const STANDIN_URL = /^https:\/\/(mobile\.)?(x|twitter)\.com\//;

export function isStandinUrl(url: string): boolean {
  return STANDIN_URL.test(url);
}

/** Sets the stand-in's config (read when its app starts) from a page of its origin. */
export async function configureStandin(page: ExtPage, config: Partial<StandinConfig>): Promise<void> {
  await page.goto('https://x.com/robots-placeholder');
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: CONFIG_STORAGE_KEY, value: JSON.stringify(config) });
}

/**
 * Scrolls down a screen at a time until `found` holds in the page (the chat's questions are spread
 * over the hour, and x.com only mounts the cells near the viewport); false if it never does.
 */
export async function scrollUntil(page: ExtPage, found: () => boolean, { steps = 15, pauseMs = 150 } = {}): Promise<boolean> {
  for (let step = 0; step < steps; step++) {
    if (await page.evaluate(found)) return true;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return page.evaluate(found);
}
