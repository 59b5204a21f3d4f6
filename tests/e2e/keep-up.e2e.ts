// Keeping up with a fast chat on the x.com stand-in, in both browsers: pausing the stream while tweets
// arrive and resuming with nothing lost or shown twice, and narrowing the timeline to one question's
// answers while more arrive.
import { describe, expect, it } from 'vitest';
import { browsersUnderTest, clickInSidebar, withExtension, type ExtBrowser, type ExtPage } from './harness/fixtures.ts';
import { newChatModePage, settledAudit } from './harness/chat-page.ts';
import { inExtension, storedTweets } from './harness/extension-data.ts';

/** The text of an element of the sidebar, or null while it is not drawn. */
const sidebarText = (page: ExtPage, selector: string) =>
  page.evaluate((sel) => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);

/** Every mounted cell whose tweet text contains `marker`: its text and the reason it is hidden ('' when shown). */
const cellsWith = (page: ExtPage, marker: string) =>
  page.evaluate(
    (m) =>
      [...document.querySelectorAll('[data-testid="cellInnerDiv"]')]
        .filter((cell) => cell.querySelector('[data-testid="tweetText"]')?.textContent?.includes(m))
        .map((cell) => ({
          text: cell.querySelector('[data-testid="tweetText"]')!.textContent,
          hidden: cell.getAttribute('data-chatmode-hidden') ?? '',
          height: cell.getBoundingClientRect().height,
        })),
    marker,
  );

/** Saves #blogchat's "pause while I scroll down" option, as the options page does. */
async function setPauseWhileScrolling(browser: ExtBrowser, on: boolean): Promise<void> {
  const saved = await inExtension(
    browser,
    async (pauseWhileScrolling) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      const filter = { hideRetweets: false, hideMuted: true, hostsOnly: false, foldRepeats: true, pauseWhileScrolling };
      return (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'chat/update', tag: 'blogchat', patch: { filter } })).ok;
    },
    on,
  );
  expect(saved).toBe(true);
}

/** Enter on a sidebar control focused without scrolling: the sidebar may have scrolled away with the page. */
async function pressInSidebar(page: ExtPage, selector: string): Promise<void> {
  await page.waitFor((sel) => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(sel), selector);
  await page.evaluate(
    (sel) => document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector<HTMLElement>(sel)!.focus({ preventScroll: true }),
    selector,
  );
  await page.press('Enter');
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('pauses: 5 arrivals are held out of view without moving the reading position, then Resume shows each once, all stored', async () => {
    const page = await newChatModePage(browser);
    expect(await sidebarText(page, '[data-testid="stream-pause"]')).toBe('Pause');
    await clickInSidebar(page, '[data-testid="stream-pause"]');
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('[data-testid="stream-pause"]')
        ?.textContent?.startsWith('Resume'),
    );
    expect(await sidebarText(page, '[data-testid="stream-pause"]')).toBe('Resume (0 new)');

    // Where the first tweet in view is, before the arrivals.
    const anchor = () =>
      page.evaluate(() => {
        const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) => {
          const r = c.getBoundingClientRect();
          return r.height > 0 && r.bottom > 0;
        })!;
        return { id: cell.querySelector('a[href*="/status/"]')?.getAttribute('href'), top: Math.round(cell.getBoundingClientRect().top) };
      });
    const before = await anchor();
    await page.evaluate(() =>
      window.__standin.pushTweets([
        ...Array.from({ length: 5 }, (_, i) => ({ handle: `Pauser${i}`, name: `Pauser ${i}`, text: `held arrival ${i} #blogchat` })),
        { handle: 'Lurker', name: 'Lurker', text: 'held arrival without the tag' },
      ]),
    );
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-pause"]')?.textContent ===
        'Resume (5 new)',
    );
    const held = await cellsWith(page, 'held arrival');
    expect(held.filter((c) => c.hidden === 'paused')).toHaveLength(5);
    expect(held.find((c) => c.text.includes('without the tag'))?.hidden).toBe('untagged');
    expect(held.every((c) => c.height === 0)).toBe(true);
    expect(await anchor()).toEqual(before);
    expect(
      await page.evaluate(
        () => document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('li[data-reason="paused"]')?.textContent,
      ),
    ).toMatch(/5$/);

    await clickInSidebar(page, '[data-testid="stream-pause"]');
    await page.waitFor(() =>
      [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].some(
        (c) =>
          c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('held arrival 0') && c.getBoundingClientRect().height > 0,
      ),
    );
    expect(await sidebarText(page, '[data-testid="stream-pause"]')).toBe('Pause');
    const shown = await cellsWith(page, 'held arrival');
    expect(
      shown
        .filter((c) => c.hidden === '' && c.height > 0)
        .map((c) => c.text.replace(/ #blogchat$/, ''))
        .sort(),
    ).toEqual(Array.from({ length: 5 }, (_, i) => `held arrival ${i}`));
    expect(await settledAudit(page)).toMatchObject({ wronglyShown: 0, wronglyHidden: 0, gaps: 0 });

    // Pausing never keeps a tweet from the transcript.
    const deadline = Date.now() + 20_000;
    let stored: string[] = [];
    while (Date.now() < deadline) {
      stored = (await inExtension(browser, storedTweets, false))
        .map((row) => row.handle.toLowerCase())
        .filter((h) => h.startsWith('pauser'));
      if (stored.length >= 5) break;
    }
    expect(stored.sort()).toEqual(['pauser0', 'pauser1', 'pauser2', 'pauser3', 'pauser4']);
    await page.close();
  });

  it('with “pause while I scroll down” on, pauses reading down the timeline and resumes back at its top', async () => {
    // The option, as the options page saves it (its form is tested on its own); off again at the end.
    await setPauseWhileScrolling(browser, true);
    const page = await newChatModePage(browser);
    const button = () => sidebarText(page, '[data-testid="stream-pause"]');
    expect(await button()).toBe('Pause');
    // Down past the first tweets, still within the screen or so above the view that x.com keeps drawn, where arrivals land.
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.6));
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-pause"]')?.textContent ===
        'Resume (0 new)',
    );
    await page.evaluate(() =>
      window.__standin.pushTweets(
        ['One', 'Two', 'Three'].map((handle) => ({ handle, name: handle, text: `arrived while reading down #blogchat` })),
      ),
    );
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-pause"]')?.textContent ===
        'Resume (3 new)',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-pause"]')?.textContent === 'Pause' &&
        [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter(
          (c) =>
            c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('arrived while reading down') &&
            c.getBoundingClientRect().height > 0,
        ).length === 3,
    );
    await page.close();
    await setPauseWhileScrolling(browser, false);
  });

  it('shows the answers to one question, live while answers arrive, until Show all', async () => {
    const page = await newChatModePage(browser);
    // The host asks Q12 (the generated chat has fewer): its answers are only the ones pushed here.
    await page.evaluate(() =>
      window.__standin.pushTweets([
        { handle: 'MackCollier', name: 'Mack Collier', text: 'Q12) What will you write next? #blogchat' },
        { handle: 'FirstFan', name: 'First Fan', text: 'A12 a post about comments #blogchat' },
        { handle: 'SecondFan', name: 'Second Fan', text: 'a12: my year in review #blogchat' },
        { handle: 'Chatty', name: 'Chatty', text: 'hello everyone, first time here #blogchat' },
      ]),
    );
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="current-question"] .question-number')
          ?.textContent === 'Q12',
    );
    expect(
      await page.evaluate(() =>
        document
          .querySelector('chat-mode-sidebar')!
          .shadowRoot!.querySelector('[data-testid="current-question"] .question-focus')!
          .getAttribute('aria-label'),
      ),
    ).toBe('Show answers to Q12');
    await clickInSidebar(page, '[data-testid="current-question"] .question-focus');
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-focus"]'));
    expect(await sidebarText(page, '[data-testid="stream-focus"] span')).toBe('Showing Q12 · 2 answers');

    // The tweets in view are the question and its answers, nothing else.
    const visibleTexts = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="cellInnerDiv"]')]
          .filter((c) => c.getBoundingClientRect().height > 0)
          .map((c) => c.querySelector('[data-testid="tweetText"]')?.textContent ?? ''),
      );
    await page.waitFor(() => document.querySelector('[data-chatmode-hidden="focus"]'));
    expect((await visibleTexts()).sort()).toEqual(
      ['A12 a post about comments #blogchat', 'Q12) What will you write next? #blogchat', 'a12: my year in review #blogchat'].sort(),
    );
    expect((await cellsWith(page, 'first time here')).map((c) => c.hidden)).toEqual(['focus']);

    // Live: an answer to Q12 arrives in view, one to Q1 stays out of it.
    await page.evaluate(() =>
      window.__standin.pushTweets([
        { handle: 'LateFan', name: 'Late Fan', text: 'A12 a late answer in focus #blogchat' },
        { handle: 'OtherFan', name: 'Other Fan', text: 'A1 an answer to another question #blogchat' },
      ]),
    );
    await page.waitFor(
      () =>
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-focus"] span')?.textContent ===
        'Showing Q12 · 3 answers',
    );
    expect((await cellsWith(page, 'a late answer in focus')).map((c) => [c.hidden, c.height > 0])).toEqual([['', true]]);
    expect((await cellsWith(page, 'an answer to another question')).map((c) => [c.hidden, c.height])).toEqual([['focus', 0]]);

    await clickInSidebar(page, '[data-testid="stream-focus"] button');
    await page.waitFor(() => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-focus"]'));
    expect(await page.evaluate(() => document.querySelectorAll('[data-chatmode-hidden="focus"]').length)).toBe(0);
    expect((await cellsWith(page, 'an answer to another question')).map((c) => c.hidden)).toEqual(['']);
    expect(await settledAudit(page)).toMatchObject({ wronglyShown: 0, wronglyHidden: 0, gaps: 0 });
    await page.close();
  });

  it('folds retweets and copies: each tweet appears once, with a badge saying how often the chat posted it', async () => {
    const page = await newChatModePage(browser);
    // The generated chat has retweets of its own: the count grows by the 4 repeats pushed here.
    const foldedCount = () =>
      page.evaluate(() =>
        Number(
          /\d+/.exec(document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="folded"]')?.textContent ?? '0'),
        ),
      );
    const before = await foldedCount();
    const original = { handle: 'FoldAuthor', name: 'Fold Author', text: 'A2 short and retweeted #blogchat' };
    const copy = 'Reply to every comment in your first year, it builds the habit #blogchat';
    await page.evaluate((o) => window.__standin.pushTweets([o]), original);
    // Its status id and time, as x.com shows them: each repost of it carries both.
    const shown = await page.waitFor(() => {
      const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) =>
        c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('short and retweeted'),
      );
      const link = cell?.querySelector('[data-testid="User-Name"] a[href*="/status/"]');
      const datetime = link?.querySelector('time')?.getAttribute('datetime');
      return link && datetime ? { id: /\/status\/(\d+)/.exec(link.getAttribute('href')!)![1]!, time: datetime } : null;
    });
    const { id, time } = shown!;
    await page.evaluate(
      ({ o, id, time, copy }) =>
        window.__standin.pushTweets([
          { ...o, id, time, retweetedBy: { handle: 'FanOne', name: 'Fan One' } },
          { ...o, id, time, retweetedBy: { handle: 'FanTwo', name: 'Fan Two' } },
          ...['CopyOne', 'CopyTwo', 'CopyThree'].map((handle) => ({ handle, name: handle, text: copy })),
        ]),
      { o: original, id, time, copy },
    );
    const shownOf = (marker: string) =>
      page.evaluate(
        (m) =>
          [...document.querySelectorAll('[data-testid="cellInnerDiv"]')]
            .filter((c) => c.querySelector('[data-testid="tweetText"]')?.textContent?.includes(m))
            .map((c) => ({
              visible: c.getBoundingClientRect().height > 0,
              hidden: c.getAttribute('data-chatmode-hidden'),
              badge: c.getAttribute('data-chatmode-folds'),
              // Drawn by the stylesheet (Firefox reports the `attr()` itself, Chromium its value).
              drawn: !['none', 'normal'].includes(getComputedStyle(c, '::after').content),
            })),
        marker,
      );
    // Once x.com has drawn them all, each group shows once.
    for (const marker of ['short and retweeted', 'Reply to every comment']) {
      await page.waitFor((m) => {
        const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter((c) =>
          c.querySelector('[data-testid="tweetText"]')?.textContent?.includes(m),
        );
        return cells.length === 3 && cells.filter((c) => c.getBoundingClientRect().height > 0).length === 1;
      }, marker);
    }
    await page.waitFor(
      (atLeast) =>
        Number(
          /\d+/.exec(document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="folded"]')?.textContent ?? ''),
        ) >= atLeast,
      before + 4,
    );
    for (const marker of ['short and retweeted', 'Reply to every comment']) {
      const cells = await shownOf(marker);
      expect(cells, marker).toHaveLength(3);
      expect(
        cells.filter((c) => c.visible),
        marker,
      ).toEqual([{ visible: true, hidden: null, badge: '↻ 3 in this chat', drawn: true }]);
      expect(
        cells.filter((c) => !c.visible).map((c) => c.hidden),
        marker,
      ).toEqual(['folded', 'folded']);
    }
    expect(await settledAudit(page)).toMatchObject({ wronglyShown: 0, gaps: 0 });
    await page.close();
  });

  it('catches a latecomer up: each question’s answer count and most-liked answers, from the tab and, after a reload, the saved session', async () => {
    const page = await newChatModePage(browser);
    const answers = [
      { handle: 'LikedMost', likes: 120 },
      { handle: 'LikedSecond', likes: 50 },
      { handle: 'LikedThird', likes: 7 },
      { handle: 'LikedLeast', likes: 3 },
    ];
    await page.evaluate(
      (list) =>
        window.__standin.pushTweets([
          { handle: 'MackCollier', name: 'Mack Collier', text: 'Q13) What is your best tip? #blogchat', likes: 30 },
          ...list.map(({ handle, likes }) => ({ handle, name: handle, text: `A13 tip from ${handle} #blogchat`, likes })),
        ]),
      answers,
    );
    // The tab has read them, and the background has stored them (what a reload leaves).
    await page.waitFor(() =>
      [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].some((c) =>
        c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('tip from LikedLeast'),
      ),
    );
    const deadline = Date.now() + 20_000;
    while (
      Date.now() < deadline &&
      (await inExtension(browser, storedTweets, false)).filter((row) => /^liked/i.test(row.handle)).length < 4
    );

    // Run in the page: Q13 as the catch-up lists it, once it does.
    const catchUp = () => {
      const q13 = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="catch-up"] li[data-key="13"]');
      return q13
        ? {
            count: q13.querySelector('.catch-up-count')?.textContent,
            top: [...q13.querySelectorAll('a.catch-up-answer')].map((a) => a.textContent),
          }
        : null;
    };
    const expected = {
      count: '4 answers',
      top: [
        '@likedmost A13 tip from LikedMost #blogchat 120 likes',
        '@likedsecond A13 tip from LikedSecond #blogchat 50 likes',
        '@likedthird A13 tip from LikedThird #blogchat 7 likes',
      ],
    };
    await clickInSidebar(page, 'button.catch-up-toggle');
    expect(await page.waitFor(catchUp)).toEqual(expected);

    // An answer on the page (x.com keeps about a screen around the view mounted) is brought into view, not opened.
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    const inView = () =>
      page.evaluate(() => {
        const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) =>
          c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('tip from LikedMost'),
        );
        const r = cell?.getBoundingClientRect();
        return r ? r.top >= 0 && r.bottom <= window.innerHeight : null;
      });
    expect(await inView()).toBe(false);
    await pressInSidebar(page, '[data-testid="catch-up"] li[data-key="13"] a.catch-up-answer');
    await page.waitFor(() => {
      const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) =>
        c.querySelector('[data-testid="tweetText"]')?.textContent?.includes('tip from LikedMost'),
      );
      const r = cell?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(page.url()).toContain('/search');

    // After a reload the tab has not read them (x.com shows the chat afresh): the saved session has.
    await page.reload();
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button.catch-up-toggle'));
    await clickInSidebar(page, 'button.catch-up-toggle');
    expect(await page.waitFor(catchUp)).toEqual(expected);
    await page.close();
  });

  // Firefox only: headless Chromium keeps every tab visible (another tab in front, a minimised window, focus
  // all leave it 'visible'), so no test there can leave the chat's tab; its logic is unit-tested.
  if (found.name === 'firefox') {
    it('after a minute away, a line marks where the chat tweets that arrived meanwhile end, and the sidebar counts them', async () => {
      const page = await newChatModePage(browser);
      // The newest chat tweet the reader saw: the first tweet shown.
      const newestSeen = await page.evaluate(() => {
        const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find(
          (c) => c.querySelector('article') && c.getBoundingClientRect().height > 0,
        );
        return cell?.querySelector('[data-testid="User-Name"] a[href*="/status/"]')?.getAttribute('href') ?? null;
      });
      expect(newestSeen).not.toBeNull();

      const elsewhere = await browser.newPage();
      await elsewhere.goto('https://x.com/home');
      expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
      const leftAt = Date.now();
      await page.evaluate(() =>
        window.__standin.pushTweets([
          ...['Early', 'Middle', 'Late'].map((handle) => ({ handle, name: handle, text: `said while you were away #blogchat` })),
          { handle: 'Lurker', name: 'Lurker', text: 'not the chat, while you were away' },
        ]),
      );
      // A minute away is what the reader must be gone for: this waits for the clock, nothing else.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 61_000 - (Date.now() - leftAt))));
      await elsewhere.close();
      await page.bringToFront();

      await page.waitFor(
        () =>
          document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="stream-unread"]')?.textContent ===
          '3 new since you looked',
      );
      // x.com draws the list again as the tab shows: the line is on the newest tweet seen once it is drawn.
      const marker = await page.waitFor(() => {
        const cells = [...document.querySelectorAll('[data-chatmode-read-marker]')];
        return cells.length === 0
          ? null
          : cells.map((c) => ({
              status: c.querySelector('[data-testid="User-Name"] a[href*="/status/"]')?.getAttribute('href'),
              label: c.getAttribute('data-chatmode-read-marker'),
              drawn: !['none', 'normal'].includes(getComputedStyle(c, '::before').content),
            }));
      });
      expect(marker).toEqual([{ status: newestSeen, label: '↑ New since you looked', drawn: true }]);

      // The count takes the reader to the line, from two screens down (where x.com has dropped its cell).
      await page.evaluate(() => window.scrollBy(0, window.innerHeight * 2));
      await pressInSidebar(page, '[data-testid="stream-unread"] button');
      await page.waitFor(() => {
        const r = document.querySelector('[data-chatmode-read-marker]')?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
      });
      await page.close();
    }, 150_000);
  }
});
