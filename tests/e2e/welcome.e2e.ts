// The welcome page in both browsers: opened once by the install itself (each test browser starts on a
// fresh profile, so it is a first install), readable, with its screenshots, and usable from the keyboard.
// The harness closes the tab the install opens (openedOnInstall), in every e2e file, so that it cannot
// take the front from a test's page in Firefox, where a tab behind others stops drawing.
import { describe, expect, it } from 'vitest';
import { browsersUnderTest, openExtensionPage, withExtension, type ExtBrowser } from './harness/fixtures.ts';
import { INSTALL_TAB_TIMEOUT_MS, pollFor } from './harness/session.ts';

/** How many tabs show the welcome page. */
async function welcomeTabs(browser: ExtBrowser): Promise<number> {
  return (await browser.tabUrls()).filter((tab) => tab === `${browser.extensionOrigin}welcome.html`).length;
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('opens the welcome page in one tab on install, with three steps, their screenshots, and a keyboard path', async () => {
    expect(browser.openedOnInstall).toEqual([`${browser.extensionOrigin}welcome.html`]);
    expect(await welcomeTabs(browser)).toBe(0);

    const page = await openExtensionPage(browser, 'welcome.html');
    await page.waitFor(() => document.querySelectorAll('ol.steps > li').length === 3);
    const images = (await page.waitFor(() => {
      const all = [...document.querySelectorAll('img')];
      return all.every((img) => img.complete) ? all.map((img) => ({ alt: img.alt, width: img.naturalWidth })) : null;
    }))!;
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.alt).not.toBe('');
      expect(image.width).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.querySelector('kbd')?.textContent)).toBe('Alt+Shift+H');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.close();
  });

  if (found.name === 'chromium') {
    it('opens it for an install only: an update dispatched before an install adds one tab, not two', async () => {
      expect(await welcomeTabs(browser)).toBe(0);
      await browser.evaluateInWorker!(() => {
        type Installed = { dispatch(details: { reason: string }): void };
        const { runtime } = (globalThis as unknown as { chrome: { runtime: { onInstalled: Installed } } }).chrome;
        runtime.onInstalled.dispatch({ reason: 'update' });
        runtime.onInstalled.dispatch({ reason: 'install' });
      });
      // Tabs are created in the order asked: once the install's tab is there, an update's would be too.
      const opened = await pollFor(async () => (await welcomeTabs(browser)) || undefined, INSTALL_TAB_TIMEOUT_MS);
      expect(opened).toBe(1);
    });
  }
});
