// Chat mode on the x.com stand-in, in both browsers: the switch, the live filter over a virtualized
// timeline with live arrivals, long posts, reload and turning it off. (The sidebar: chat-sidebar.e2e.ts;
// a page that does not read as expected: drift.e2e.ts.)
import { describe, expect, it } from 'vitest';
import { scrollUntil } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, withExtension } from './harness/fixtures.ts';
import { auditTimeline, newChatModePage, openChat, settledAudit, turnChatMode } from './harness/chat-page.ts';

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('offers a Chat mode switch; turning it on switches the search to Latest and filters the timeline', async () => {
    const page = await browser.newPage();
    await openChat(page, 'https://x.com/search?q=%23blogchat&src=typed_query');
    const name = await page.evaluate(() => {
      const sw = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('button[role="switch"]')!;
      return sw.getAttribute('aria-label') ?? sw.textContent;
    });
    expect(name).toMatch(/Chat mode/);
    const before = await page.evaluate(auditTimeline);
    expect(before.hidden).toBe(0);

    await turnChatMode(page, true);
    await page.waitFor(() => new URL(location.href).searchParams.get('f') === 'live');
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"][data-chatmode-hidden]'));
    const after = await settledAudit(page);
    expect(after).toMatchObject({ wronglyShown: 0, wronglyHidden: 0, gaps: 0 });
    expect(after.hidden).toBeGreaterThan(0);
    expect(after.visible).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps only tagged tweets visible while scrolling down and up through hundreds of tweets with live arrivals', async () => {
    const page = await newChatModePage(browser);
    await page.evaluate(() => window.__standin.startLive(4));
    const seen = { tweets: 0, hidden: 0 };
    for (const direction of [1, -1]) {
      for (let step = 0; step < 12; step++) {
        await page.evaluate((d) => window.scrollBy(0, d * window.innerHeight * 1.5), direction);
        const audit = await settledAudit(page);
        expect(audit, `step ${step} ${direction > 0 ? 'down' : 'up'}`).toMatchObject({ wronglyShown: 0, wronglyHidden: 0, gaps: 0 });
        seen.tweets += audit.tweets;
        seen.hidden += audit.hidden;
      }
    }
    await page.evaluate(() => window.__standin.stopLive());
    expect(seen.tweets).toBeGreaterThan(200);
    expect(seen.hidden).toBeGreaterThan(0);
    await page.close();
  });

  it('stays on after a reload, and turning it off restores the page exactly', async () => {
    const page = await browser.newPage();
    await openChat(page);
    // Every mounted cell's markup, keyed by its place in x.com's list. x.com itself decides which
    // cells are mounted and where (from heights it remembers), and relative times ("3m") change as the
    // clock runs, so those are left out; everything chat mode could have touched is compared.
    const snapshotColumn = () => {
      const cells: Record<string, string> = {};
      for (const cell of document.querySelectorAll('[data-testid="cellInnerDiv"]')) {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const time of copy.querySelectorAll('time')) time.textContent = '';
        copy.style.removeProperty('transform');
        const key =
          [...cell.querySelectorAll('a[href*="/status/"]')].map((a) => a.getAttribute('href')).join(' ') +
          (cell.querySelector('[data-testid="socialContext"]')?.textContent ?? '');
        cells[key] = copy.outerHTML;
      }
      return cells;
    };
    const pristine = await page.evaluate(snapshotColumn);
    await turnChatMode(page, true);
    await page.reload();
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"][aria-checked="true"]'),
    );
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"][data-chatmode-hidden]'));

    await turnChatMode(page, false);
    // x.com re-measures the cells that show again (a ResizeObserver, asynchronously).
    await new Promise((r) => setTimeout(r, 300));
    const restored = await page.evaluate(() => ({
      marks: document.querySelectorAll('[data-chatmode-hidden], [data-chatmode-question]').length,
      style: !!document.getElementById('chat-mode-page-style'),
    }));
    expect(restored).toEqual({ marks: 0, style: false });
    const now = await page.evaluate(snapshotColumn);
    const common = Object.keys(now).filter((key) => key in pristine);
    expect(common.length).toBeGreaterThan(5);
    for (const key of common) expect(now[key], key).toBe(pristine[key]);
    const audit = await page.evaluate(auditTimeline);
    expect(audit.hidden).toBe(0);
    await page.close();
  });

  it('shows a long post cut off by “Show more”, whose tag may be in the part it cannot read', async () => {
    const page = await newChatModePage(browser);
    await page.evaluate(() =>
      window.__standin.pushTweets([
        {
          handle: 'LongWriter',
          name: 'Long Writer',
          text: 'A thread-length answer that x.com cuts off in the timeline, as it does for long posts…',
          more: ' and the rest, with the tag at the very end #blogchat',
        },
        { handle: 'ShortWriter', name: 'Short Writer', text: 'A short post without the tag' },
      ]),
    );
    const visible = (handle: string) =>
      page.waitFor((h) => {
        const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) => c.querySelector(`a[href="/${h}"]`));
        return cell ? { hidden: cell.getAttribute('data-chatmode-hidden'), height: cell.getBoundingClientRect().height } : null;
      }, handle);
    expect(await visible('LongWriter')).toMatchObject({ hidden: null });
    expect((await visible('LongWriter'))?.height).toBeGreaterThan(0);
    expect(await visible('ShortWriter')).toEqual({ hidden: 'untagged', height: 0 });
    await page.close();
  });

  it('hides arriving tweets before the browser paints them (no flash), and scrolls to a question when clicked', async () => {
    const page = await newChatModePage(browser);
    // Record, at the first animation frame after x.com adds a cell (before it is painted), whether an
    // untagged tweet in it is displayed.
    await page.evaluate(() => {
      const w = window as unknown as { __flashes: string[]; __checked: number };
      w.__flashes = [];
      w.__checked = 0;
      new MutationObserver((mutations) => {
        const cells = new Set<Element>();
        for (const m of mutations) {
          const cell = (m.target as Element).closest?.('[data-testid="cellInnerDiv"]') ?? null;
          if (cell) cells.add(cell);
          for (const n of m.addedNodes) if (n instanceof Element && n.matches('[data-testid="cellInnerDiv"]')) cells.add(n);
        }
        requestAnimationFrame(() => {
          for (const cell of cells) {
            const text = cell.querySelector('article [data-testid="tweetText"]')?.textContent;
            if (text === undefined || /#blogchat/i.test(text)) continue;
            w.__checked++;
            if (cell.isConnected && cell.firstElementChild && getComputedStyle(cell.firstElementChild).display !== 'none')
              w.__flashes.push(text);
          }
        });
      }).observe(document.querySelector('[data-testid="primaryColumn"]')!, { childList: true, subtree: true });
    });
    await page.evaluate(() =>
      window.__standin.pushTweets(
        Array.from({ length: 12 }, (_, i) => ({ handle: `lurker${i}`, name: `Lurker ${i}`, text: `Not the chat's tag, tweet ${i}` })),
      ),
    );
    // Until the arriving cells were checked at their first frame: a condition, not a time (the machine may be busy).
    await page.waitFor(() => (window as unknown as { __checked: number }).__checked >= 12);
    const record = await page.evaluate(() => {
      const w = window as unknown as { __flashes: string[]; __checked: number };
      return { checked: w.__checked, flashes: w.__flashes };
    });
    expect(record.checked).toBeGreaterThanOrEqual(12);
    expect(record.flashes).toEqual([]);

    // A question on the page but out of view: clicking it in the sidebar brings it into view.
    await scrollUntil(page, () => !!document.querySelector('[data-chatmode-question]'));
    const key = await page.evaluate(() => {
      const cell = document.querySelector('[data-chatmode-question]')!;
      cell.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -window.innerHeight * 0.9); // still mounted (x.com keeps about a screen around), not in view
      return cell.getAttribute('data-chatmode-question')!.slice(1).toLowerCase();
    });
    await new Promise((r) => setTimeout(r, 200));
    const inView = () =>
      page.evaluate((k) => {
        const cell = document.querySelector(`[data-chatmode-question="Q${k.toUpperCase()}"]`);
        const r = cell?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
      }, key);
    expect(await inView()).toBe(false);
    await clickInSidebar(page, `.question-list li[data-key="${key}"] .question-select`);
    await page.waitFor((k) => {
      const r = document.querySelector(`[data-chatmode-question="Q${k.toUpperCase()}"]`)?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, key);
    await page.close();
  });
});
