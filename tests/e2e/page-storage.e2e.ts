// The page's own storage is the page's: x.com's scripts (or anything injected into x.com) can read and
// write its sessionStorage and localStorage. Whatever they plant there — in the outbox's old format or
// in any other — must never reach the transcript, before or after a reload; the tab's chat and unsent
// tweets live with the background. And when storage is full, chat mode still works and says what it
// cannot keep.
import { describe, expect, it } from 'vitest';
import { openChat, turnChatMode } from './harness/chat-page.ts';
import { fillSessionArea, inExtension, storedTweets } from './harness/extension-data.ts';
import { browsersUnderTest, SEARCH_BLOGCHAT, withExtension, type ExtPage } from './harness/fixtures.ts';
import { FORGER, moreTweets, plantForgeries, recordChatTweets, seenIds } from './harness/forgeries.ts';

const inSidebar = (page: ExtPage, selector: string) =>
  page.evaluate((sel) => !!document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel), selector);

/** The timeline as the user sees it: chat tweets hidden by mistake (not repeats folded), and other tweets hidden. */
function filtered() {
  let hidden = 0;
  let wronglyHidden = 0;
  for (const cell of document.querySelectorAll('[data-testid="cellInnerDiv"]')) {
    const article = cell.querySelector('article[data-testid="tweet"]');
    if (!article) continue;
    const own = [...article.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
    const tagged = /#blogchat(?![\p{L}\p{N}_])/iu.test(own?.textContent ?? '') && !cell.querySelector('[data-testid="placementTracking"]');
    if (cell.getBoundingClientRect().height > 0 || cell.getAttribute('data-chatmode-hidden') === 'folded') continue;
    if (tagged) wronglyHidden++;
    else hidden++;
  }
  return hidden > 0 ? { hidden, wronglyHidden } : null;
}

/** Waits until the sidebar says every tweet seen is stored. */
async function drained(page: ExtPage, expected: number): Promise<void> {
  await page.waitFor(
    (want) => {
      const el = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]');
      return el?.getAttribute('data-pending') === '0' && Number(el.getAttribute('data-saved')) >= want;
    },
    expected,
    30_000,
  );
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('stores none of the tweets the page plants in its own storage, before or after a reload, and every real one', async () => {
    const page = await browser.newPage();
    await openChat(page, SEARCH_BLOGCHAT, { seed: 13, count: 40 });
    await turnChatMode(page, true);
    // The background has its database now; what it holds afterwards is this test's.
    await inExtension(browser, storedTweets, true);

    // Planted before the extension's script starts: the reload runs it on storage that holds them.
    const realId = await page.evaluate(plantForgeries, 'before');
    expect(realId).not.toBeNull();
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await page.evaluate(recordChatTweets);
    await turnChatMode(page, true);
    // The old version's keys are never read, and gone once the extension's script has started.
    const oldKeysLeft = await page.evaluate(() =>
      ['chat-mode:outbox', 'chat-mode:active-chat'].filter((key) => sessionStorage.getItem(key) !== null),
    );
    await page.evaluate(() => window.__standin.startLive(5));
    await moreTweets(page, 5);
    // Planted while it runs, then reloaded mid-chat.
    await page.evaluate(plantForgeries, 'during');
    await moreTweets(page, 3);
    const before = await seenIds(page);
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await page.evaluate(recordChatTweets);
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"][aria-checked="true"]'),
    );
    await page.evaluate(() => window.__standin.startLive(5));
    await moreTweets(page, 5);
    await page.evaluate(() => window.__standin.stopLive());
    const expected = new Set([...before, ...(await seenIds(page))]);
    expect(expected.size).toBeGreaterThan(20);
    await drained(page, expected.size);

    const stored = await inExtension(browser, storedTweets, false);
    const forged = stored.filter(
      (t) => t.handle === FORGER || t.tag !== 'blogchat' || t.id.startsWith('19999999999999') || t.time?.startsWith('2099'),
    );
    expect(forged).toEqual([]);
    const storedIds = new Set(stored.map((t) => t.id));
    expect([...expected].filter((id) => !storedIds.has(id))).toEqual([]);
    expect(oldKeysLeft).toEqual([]);

    // On a tweet's page the sidebar is the tab's chat, not the one the page planted.
    await page.evaluate(plantForgeries, 'after');
    await page.goto('https://x.com/MackCollier/status/1795000000000000000');
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('h2'));
    expect(await page.evaluate(() => document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('h2')!.textContent)).toBe(
      '#blogchat',
    );
    await page.close();
  });

  it('turns chat mode on and filters with the extension’s storage full, and says tweets on their way are not kept until there is room', async () => {
    const page = await browser.newPage();
    await openChat(page, SEARCH_BLOGCHAT, { seed: 14, count: 40 });
    expect(await inExtension(browser, fillSessionArea, true)).toBeGreaterThan(0);
    try {
      await turnChatMode(page, true);
      expect((await page.waitFor(filtered))?.wronglyHidden).toBe(0);
      // New tweets arrive: they cannot be kept, and the sidebar says so.
      const savedBefore = await page.evaluate(() =>
        Number(
          document
            .querySelector('chat-mode-sidebar')
            ?.shadowRoot?.querySelector('[data-testid="transcript-status"]')
            ?.getAttribute('data-saved'),
        ),
      );
      await page.evaluate(() => window.__standin.startLive(5));
      await page.waitFor(() =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-not-kept"][role="alert"]'),
      );
      // They are still saved while the page stays open.
      await page.waitFor(
        (before) =>
          Number(
            document
              .querySelector('chat-mode-sidebar')
              ?.shadowRoot?.querySelector('[data-testid="transcript-status"]')
              ?.getAttribute('data-saved'),
          ) > before,
        savedBefore,
      );
      expect(await inSidebar(page, '[data-testid="transcript-not-kept"]')).toBe(true);
    } finally {
      await inExtension(browser, fillSessionArea, false);
    }
    // Room again: the notice goes once tweets on their way are kept again.
    await page.waitFor(
      () => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-not-kept"]'),
      undefined,
      30_000,
    );
    await page.evaluate(() => window.__standin.stopLive());
    expect(await inSidebar(page, '[data-testid="transcript-status"]')).toBe(true);
    await page.close();
  });

  it('turns chat mode on and filters with the page’s own sessionStorage full', async () => {
    const page = await browser.newPage();
    await openChat(page, SEARCH_BLOGCHAT, { seed: 15, count: 40 });
    // Nothing the old version kept there is left to be removed later, which would make room again.
    await page.waitFor(() => sessionStorage.getItem('chat-mode:outbox') === null);
    const filled = await page.evaluate(() => {
      sessionStorage.removeItem('chat-mode:active-chat');
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            sessionStorage.setItem(`fill:${n}`, 'x'.repeat(size));
            n++;
          } catch {
            break;
          }
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(0);
    // The extension's script starts on the full storage, then chat mode is switched on.
    await page.reload();
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await turnChatMode(page, true);
    expect((await page.waitFor(filtered))?.wronglyHidden).toBe(0);
    await page.close();
  });
});
