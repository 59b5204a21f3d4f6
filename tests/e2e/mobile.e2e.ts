// x.com's mobile layout at 420×900 (no right column, a tab bar along the bottom, /compose/post as a page), in
// both browsers: the sidebar is a bottom sheet above the tab bar that collapses to a bar and expands with the
// keyboard, the live filter hides what is not the chat's, and the full-page composer (opened by x.com's
// floating Post button, or by answering a question from the sheet) gets the chat's tag in Draft's own state.
import { describe, expect, it } from 'vitest';
import { openChat, settledAudit, turnChatMode } from './harness/chat-page.ts';
import { clickElement, waitForComposer, waitForText } from './harness/composer.ts';
import { browsersUnderTest, withExtension, type ExtPage } from './harness/fixtures.ts';
import { scrollUntil } from './harness/standin.ts';

/** Where the sheet, x.com's tab bar and its composer are (run in the page), and whether the sheet is painted. */
function rects() {
  const r = (el: Element | null | undefined) => {
    const b = el?.getBoundingClientRect();
    return b && b.height > 0 ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom } : null;
  };
  const aside = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside');
  return {
    sheet: r(aside),
    painted: !!aside && getComputedStyle(aside).visibility !== 'hidden',
    collapsed: aside?.getAttribute('data-collapsed') ?? null,
    bar: r(document.querySelector('#layers [data-testid="BottomBar"]')),
    fab: r(document.querySelector('[data-testid="FloatingActionButtons_Tweet_Button"]')),
    composer: r(document.querySelector('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]')),
    // The window's inner size (what `vh` counts) and the document element's (without scroll bars).
    window: { width: document.documentElement.clientWidth, height: window.innerHeight },
  };
}

type Rect = { left: number; top: number; right: number; bottom: number } | null;
/** Whether two boxes overlap by more than rounding (Firefox places the sheet at 834.00003 above a bar at 834). */
const overlaps = (a: Rect, b: Rect) =>
  !!a && !!b && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Presses the sheet's expand/collapse button from the keyboard and waits for the sheet to say it is `collapsed`. */
async function toggleWithKeyboard(page: ExtPage, collapsed: boolean) {
  await page.evaluate(() =>
    document
      .querySelector('chat-mode-sidebar')!
      .shadowRoot!.querySelector<HTMLElement>('button[aria-controls]')!
      .focus({ preventScroll: true }),
  );
  await page.press('Enter');
  await page.waitFor(
    (want) => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`aside[data-collapsed="${want}"]`),
    String(collapsed),
  );
  return page.evaluate(rects);
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('on mobile.x.com the sidebar is a bottom sheet above the tab bar: a bar collapsed, at most 60 % expanded, by keyboard; the filter hides', async () => {
    const page = await browser.newPage();
    await page.setViewport(420, 900);
    // x.com's mobile site: the content script runs there too, and the background trusts its messages.
    await openChat(page, 'https://mobile.x.com/search?q=%23blogchat&f=live');
    await turnChatMode(page, true);
    await page.waitFor(() => document.querySelector('#layers [data-testid="BottomBar"]'));

    const collapsed = await toggleWithKeyboard(page, true);
    expect(collapsed.bar, 'x.com’s tab bar').not.toBeNull();
    expect(collapsed.sheet!.left).toBe(0);
    // The collapsed bar leaves x.com's floating Post button free.
    expect(overlaps(collapsed.sheet, collapsed.fab)).toBe(false);
    expect(collapsed.sheet!.right).toBeGreaterThan(collapsed.window.width / 2);
    expect(collapsed.sheet!.bottom).toBeCloseTo(collapsed.bar!.top, 0);
    expect(collapsed.sheet!.bottom - collapsed.sheet!.top, 'a bar').toBeLessThan(120);
    expect(overlaps(collapsed.sheet, collapsed.bar)).toBe(false);
    const bar = await page.evaluate(() => {
      const root = document.querySelector('chat-mode-sidebar')!.shadowRoot!;
      const counts = root.querySelector<HTMLElement>('[data-testid="bar-counts"]');
      return {
        tag: root.querySelector('h2')?.textContent,
        counts: counts && getComputedStyle(counts).display !== 'none' ? counts.textContent : null,
      };
    });
    expect(bar.tag).toBe('#blogchat');
    expect(bar.counts).toMatch(/\d+ shown · \d+ hidden/);

    const expanded = await toggleWithKeyboard(page, false);
    expect([expanded.sheet!.left, expanded.sheet!.right]).toEqual([0, expanded.window.width]);
    expect(expanded.sheet!.bottom - expanded.sheet!.top).toBeLessThanOrEqual(0.6 * expanded.window.height + 1);
    expect(expanded.sheet!.bottom - expanded.sheet!.top, 'taller than the bar').toBeGreaterThan(200);
    expect(overlaps(expanded.sheet, expanded.bar)).toBe(false);
    expect(
      await page.evaluate(() => {
        const aside = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('aside')!;
        return aside.scrollHeight > aside.clientHeight && getComputedStyle(aside).overflowY === 'auto';
      }),
      'the expanded sheet scrolls',
    ).toBe(true);

    // A narrow desktop window (x.com's icon navigation, no right column, no tab bar): the sheet spans the
    // primary column along the bottom edge and leaves the navigation uncovered.
    await page.setViewport(800, 900);
    const narrow = await page.waitFor(() => {
      const aside = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside')?.getBoundingClientRect();
      const primary = document.querySelector('[data-testid="primaryColumn"]')?.getBoundingClientRect();
      const nav = document.querySelector('header[role="banner"]')?.getBoundingClientRect();
      if (!aside || !primary || !nav || document.querySelector('[data-testid="BottomBar"]')) return null;
      if (Math.abs(aside.left - primary.left) > 0.5) return null;
      return {
        sheet: aside.toJSON() as DOMRect,
        primary: primary.toJSON() as DOMRect,
        nav: nav.toJSON() as DOMRect,
        height: window.innerHeight,
      };
    });
    expect(narrow!.sheet.right).toBeCloseTo(narrow!.primary.right, 0);
    expect(narrow!.sheet.bottom).toBeCloseTo(narrow!.height, 0);
    expect(overlaps(narrow!.sheet, narrow!.nav)).toBe(false);

    const audit = await settledAudit(page);
    expect(audit.hidden, 'tweets that are not the chat’s are hidden').toBeGreaterThan(0);
    expect(audit.wronglyShown).toBe(0);
    expect(audit.wronglyHidden).toBe(0);
    await page.close();
  });

  it('x.com’s full-page composer at /compose/post gets the tag in Draft’s state, also when answering from the sheet', async () => {
    const page = await browser.newPage();
    await page.setViewport(420, 900);
    await openChat(page);
    await turnChatMode(page, true);
    await toggleWithKeyboard(page, true);
    await clickElement(page, '[data-testid="FloatingActionButtons_Tweet_Button"]');
    await waitForComposer(page, 'page');
    await page.type('Great question');
    const composer = await waitForText(page, 'page', 'Great question #blogchat');
    expect(composer.postEnabled).toBe(true);
    const placed = await page.evaluate(rects);
    expect(placed.composer).not.toBeNull();
    expect(placed.painted && overlaps(placed.sheet, placed.composer)).toBe(false);

    // Back on the chat, the current question answered from the expanded sheet opens the compose page, prefilled.
    await page.evaluate(() => window.__standin.navigate('/search?q=%23blogchat&f=live'));
    await toggleWithKeyboard(page, false);
    await scrollUntil(
      page,
      () => !!document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="current-question"]'),
    );
    const key = await page.evaluate(() => {
      const root = document.querySelector('chat-mode-sidebar')!.shadowRoot!;
      root.querySelector<HTMLElement>('[data-testid="current-question"] .question-answer')!.focus();
      return root.querySelector('.question-list li[aria-current="true"]')?.getAttribute('data-key');
    });
    await page.press('Enter');
    const answer = `A${String(key).toUpperCase()}  #blogchat`;
    await waitForText(page, 'page', answer);
    await page.close();
  });
});
