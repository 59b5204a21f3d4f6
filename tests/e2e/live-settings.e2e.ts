// Settings changed on the options page apply at once in an open x.com tab in chat mode, in both
// browsers: the tab re-decides its timeline without a reload.
import { describe, expect, it } from 'vitest';
import { newChatModePage } from './harness/chat-page.ts';
import { clickElement } from './harness/composer.ts';
import { browsersUnderTest, openExtensionPage, withExtension, type ExtPage } from './harness/fixtures.ts';

/** How many timeline cells the tab hides as retweets. */
const hiddenAsRetweets = (page: ExtPage) =>
  page.evaluate(() => document.querySelectorAll('[data-testid="cellInnerDiv"][data-chatmode-hidden="retweet"]').length);

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('"Hide retweets" saved on the options page hides the open tab’s retweets at once, without a reload', async () => {
    const chat = await newChatModePage(browser);
    expect(await hiddenAsRetweets(chat)).toBe(0);
    // Gone if the page reloads.
    await chat.evaluate(() => Object.assign(window, { __notReloaded: true }));

    const options = await openExtensionPage(browser, 'options.html');
    await clickElement(options, 'tr[data-tag="blogchat"] button[aria-label="Edit #blogchat"]');
    await clickElement(options, 'form.chat-editor input[name="hideRetweets"]');
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name="hideRetweets"]')!.checked)).toBe(true);
    await clickElement(options, 'form.chat-editor button[type="submit"]');
    await options.waitFor(() => !document.querySelector('form.chat-editor'));

    // About 120 ms in either browser (measured; a timed assertion would fail on a busy machine).
    await chat.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"][data-chatmode-hidden="retweet"]'));
    expect(await hiddenAsRetweets(chat)).toBeGreaterThan(0);
    expect(await chat.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await options.close();
    await chat.close();
  });
});
