// x.com's markup drifting under chat mode, in both browsers. Each way the stand-in drifts (as x.com
// does every few weeks) either leaves every tweet visible with the sidebar saying the page is not
// recognised, and filtering resumes when the markup comes back; or, where the reader still reads the
// chat right (a hashtag link's address, a new wrapper), filtering simply stays correct.
import { describe, expect, it } from 'vitest';
import type { Drift } from '../site/src/api.ts';
import { browsersUnderTest, withExtension, type ExtPage } from './harness/fixtures.ts';
import { openChat, settledAudit, turnChatMode } from './harness/chat-page.ts';

const notice = (page: ExtPage) =>
  page.evaluate(
    () => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="page-notice"]')?.textContent ?? null,
  );

/** Run in the page: the mounted tweets, chat mode's marks, and the tweets not shown (no height, or not displayed). */
function shownTweets() {
  const timeline = document.querySelector('div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div');
  const tweets = ([...(timeline?.children ?? [])] as HTMLElement[]).filter((cell) => cell.querySelector('article'));
  const notShown = tweets.filter(
    (cell) =>
      cell.getBoundingClientRect().height === 0 ||
      getComputedStyle(cell).display === 'none' ||
      (cell.firstElementChild && getComputedStyle(cell.firstElementChild).display === 'none'),
  );
  return { tweets: tweets.length, marks: document.querySelectorAll('[data-chatmode-hidden]').length, notShown: notShown.length };
}

/** Waits until chat mode hides something, then checks that it hides exactly the untagged tweets and ads. */
async function expectFiltering(page: ExtPage) {
  await page.waitFor(() => document.querySelector('[data-chatmode-hidden]'));
  const audit = await settledAudit(page);
  expect(audit).toMatchObject({ wronglyShown: 0, wronglyHidden: 0, gaps: 0 });
  expect(audit.hidden).toBeGreaterThan(0);
  expect(audit.visible).toBeGreaterThan(0);
}

async function openFiltered(page: ExtPage) {
  await openChat(page);
  await turnChatMode(page, true);
  await expectFiltering(page);
}

const drift = (page: ExtPage, kind: Drift, on = true) => page.evaluate(([k, o]) => window.__standin.drift(k, o), [kind, on] as const);

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  const failingOpen: Array<[Drift, string]> = [
    ['tweetText', 'the tweet text’s test id renamed'],
    ['cellInnerDiv', 'the cells’ test id renamed'],
    ['testIds', 'every test id renamed'],
    ['hashtagSearch', 'hashtag links without "#", to a search'],
  ];

  it.each(failingOpen)(
    '%s (%s): every tweet stays visible and the sidebar says so; filtering resumes when the markup comes back',
    async (kind) => {
      const page = await browser.newPage();
      await openFiltered(page);

      await drift(page, kind);
      await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="page-notice"]'));
      const shown = await page.waitFor(() => {
        const timeline = document.querySelector('div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div');
        const tweets = ([...(timeline?.children ?? [])] as HTMLElement[]).filter((cell) => cell.querySelector('article'));
        const ready =
          tweets.length > 0 &&
          tweets.every((cell) => cell.getBoundingClientRect().height > 0) &&
          !document.querySelector('[data-chatmode-hidden]');
        return ready ? tweets.length : 0;
      });
      expect(shown).toBeGreaterThan(5);
      expect(await page.evaluate(shownTweets)).toEqual({ tweets: shown, marks: 0, notShown: 0 });
      expect(await notice(page)).toMatch(/not recogni[sz]ed.*hides nothing/i);

      // New tweets while the page is not recognised are not hidden either.
      await page.evaluate(() => window.__standin.pushTweets([{ handle: 'DriftLurker', name: 'Drift Lurker', text: 'Not the chat’s tag' }]));
      await page.waitFor(() => document.querySelector('[data-testid="primaryColumn"] a[href="/DriftLurker"]'));
      expect(await page.evaluate(shownTweets)).toMatchObject({ marks: 0, notShown: 0 });

      await drift(page, kind, false);
      await page.waitFor(() => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="page-notice"]'));
      await expectFiltering(page);
      await page.close();
    },
  );

  const readRight: Array<[Drift, string, () => boolean]> = [
    [
      'hashtagText',
      'hashtag links show the tag without "#"',
      () => [...document.querySelectorAll('[data-testid="tweetText"] a[href^="/hashtag/"]')].some((a) => !a.textContent?.startsWith('#')),
    ],
    ['articleWrapper', 'a new wrapper around articles', () => !!document.querySelector('.article-wrapper > article')],
  ];

  it.each(readRight)(
    '%s (%s): still reads the chat, so it keeps filtering correctly, arrivals too, and says nothing',
    async (kind, _what, drifted) => {
      const page = await browser.newPage();
      await openFiltered(page);

      await drift(page, kind);
      await page.waitFor(drifted);
      await page.evaluate(() =>
        window.__standin.pushTweets([
          { handle: 'DriftLurker', name: 'Drift Lurker', text: 'Not the chat’s tag' },
          { handle: 'DriftAnswer', name: 'Drift Answer', text: 'A1 still here #blogchat' },
        ]),
      );
      const hiddenAs = (handle: string) =>
        page.waitFor((h) => {
          const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) => c.querySelector(`a[href="/${h}"]`));
          return cell ? { hidden: cell.getAttribute('data-chatmode-hidden') } : null;
        }, handle);
      expect(await hiddenAs('DriftLurker')).toEqual({ hidden: 'untagged' });
      expect(await hiddenAs('DriftAnswer')).toEqual({ hidden: null });
      await expectFiltering(page);
      expect(await notice(page)).toBeNull();
      await page.close();
    },
  );
});
