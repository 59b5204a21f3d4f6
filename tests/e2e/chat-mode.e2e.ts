// Chat mode on the x.com stand-in, in both browsers: the switch, the live filter over a virtualized
// timeline with live arrivals, host questions, reload, turning it off and hostile text. (A page that
// does not read as expected: drift.e2e.ts.)
import { describe, expect, it } from 'vitest';
import { scrollUntil } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, withExtension } from './harness/fixtures.ts';
import { auditTimeline, openChat, settledAudit, turnChatMode } from './harness/chat-page.ts';

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
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
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

  it('lists and highlights only the host’s questions: a participant’s “Q7)” is neither', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
    await page.evaluate(() =>
      window.__standin.pushTweets([
        { handle: 'SamLopez52', name: 'Sam Lopez', text: 'Q7) Bonus question from me: who reads every comment? #blogchat' },
      ]),
    );
    await scrollUntil(page, () => !!document.querySelector('[data-testid="cellInnerDiv"][data-chatmode-question]'));
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('.question-list li[data-key]'));
    const listed = await page.evaluate(() =>
      [...document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelectorAll('.question-list li[data-key]')].map(
        (el) => el.textContent ?? '',
      ),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((text) => text.includes('Bonus question from me'))).toBe(false);
    const highlighted = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="cellInnerDiv"][data-chatmode-question]')].map((cell) => ({
        author: cell.querySelector('[data-testid="User-Name"] a')?.getAttribute('href'),
        shadow: getComputedStyle(cell.querySelector('article')!).boxShadow,
      })),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    for (const h of highlighted) {
      expect(h.author?.toLowerCase()).toBe('/mackcollier');
      expect(h.shadow).not.toBe('none');
    }
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

  it('never runs tweet text: a host question carrying <img onerror> is listed as text', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
    await page.evaluate(() =>
      window.__standin.pushTweets([
        {
          handle: 'MackCollier',
          name: 'Mack Collier',
          text: 'Q42) <img src=x onerror="window.__pwned=1"> <b onmouseover=alert(1)>bold?</b> #blogchat',
        },
      ]),
    );
    // The sidebar lists it, so its text went through the extension's reading and rendering.
    await page.waitFor(() =>
      [...(document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelectorAll('.question-list li[data-key]') ?? [])].some((li) =>
        li.textContent?.includes('<img src=x onerror'),
      ),
    );
    const result = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      injected:
        document.querySelectorAll('img[src="x"], b[onmouseover]').length +
        (document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelectorAll('img, b').length ?? 0),
    }));
    expect(result).toEqual({ pwned: null, injected: 0 });
    await page.close();
  });

  it('keeps an RLO in a display name inside the name: the rest of the participant’s row still reads left to right', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
    const handle = await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('.participant-list li[data-handle]')
        ?.getAttribute('data-handle'),
    );
    // A stray PDI first, to close whatever isolate the name is put in, then an RLO.
    const hostileName = '\u2069\u202Eevil name';
    await page.evaluate(([h, name]) => window.__standin.pushTweets([{ handle: h, name, text: 'A1 renamed myself #blogchat' }]), [
      String(handle),
      hostileName,
    ] as const);
    const order = await page.waitFor((h) => {
      const row = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`.participant-list li[data-handle="${h}"]`);
      if (!row?.querySelector('.participant-name')?.textContent?.includes('evil name')) return null;
      const where = row.querySelector('.participant-handle')!;
      const walker = document.createTreeWalker(where, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      const x = (node: Text, i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      const lastText = texts[texts.length - 1]!;
      return { text: where.textContent, first: x(texts[0]!, 0), last: x(lastText, lastText.data.length - 1) };
    }, handle);
    expect(order?.text).toBe(`@${handle}`);
    expect(order!.first, 'the handle’s "@" comes first, on the left').toBeLessThan(order!.last);
    await page.close();
  });

  it('shows a long post cut off by “Show more”, whose tag may be in the part it cannot read', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
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

  it('sits beside x.com’s columns without covering its controls or moving them, at 1280 and 1700 px', async () => {
    const page = await browser.newPage();
    for (const width of [1280, 1700]) {
      await page.setViewport(width, 900);
      await openChat(page);
      const rects = () =>
        page.evaluate(() => {
          const r = (el: Element | null | undefined) => {
            const b = el?.getBoundingClientRect();
            return b ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom } : null;
          };
          return {
            sidebar: r(document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside')),
            primary: r(document.querySelector('[data-testid="primaryColumn"]')),
            nav: r(document.querySelector('header[role="banner"]')),
            search: r(document.querySelector('[data-testid="sidebarColumn"] form[role="search"]')),
          };
        });
      const before = await rects();
      await turnChatMode(page, true);
      const after = await rects();
      // x.com's columns stay where they were (the timeline only gets shorter as tweets are hidden).
      const across = (r: typeof after.primary) => r && { left: r.left, right: r.right, top: r.top };
      expect(across(after.primary), `${width}px`).toEqual(across(before.primary));
      expect(across(after.nav), `${width}px`).toEqual(across(before.nav));
      const overlaps = (a: typeof after.sidebar, b: typeof after.sidebar) =>
        !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (const name of ['primary', 'nav', 'search'] as const)
        expect(overlaps(after.sidebar, after[name]), `${name} at ${width}px`).toBe(false);
    }
    await page.close();
  });

  it('answers the current question from the sidebar: a composer opens with “A{n} ” and the tag, and posts the answer', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
    await scrollUntil(
      page,
      () => !!document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="current-question"]'),
    );
    const key = await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('.question-list li[aria-current="true"]')
        ?.getAttribute('data-key'),
    );
    await clickInSidebar(page, '[data-testid="current-question"] .question-answer');
    await page.waitFor(() => window.__standin.composers().some((c) => c.where === 'modal' && c.text.includes('#blogchat')));
    const composer = await page.evaluate(() => window.__standin.composers().find((c) => c.where === 'modal')!);
    // The sidebar never covers x.com's dialog: it steps aside where they would overlap.
    const covering = await page.evaluate(() => {
      const aside = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('aside')!;
      const a = aside.getBoundingClientRect();
      const d = document.querySelector('[role="dialog"][aria-modal="true"]')!.getBoundingClientRect();
      const overlap = a.left < d.right && d.left < a.right && a.top < d.bottom && d.top < a.bottom;
      return overlap && getComputedStyle(aside).visibility !== 'hidden';
    });
    expect(covering).toBe(false);
    const label = `A${String(key).toUpperCase()}`;
    expect(composer.text).toBe(`${label}  #blogchat`);
    expect(composer.selection).toMatchObject({ start: label.length + 1, end: label.length + 1 });
    await page.type('Start before you feel ready');
    await page.waitFor(
      (want) => window.__standin.composers().some((c) => c.text === want),
      `${label} Start before you feel ready #blogchat`,
    );
    await page.evaluate(() => (document.querySelector('[data-testid="tweetButton"]') as HTMLElement).click());
    await page.waitFor(() => window.__standin.posted().length > 0);
    expect((await page.evaluate(() => window.__standin.posted())).at(-1)?.text).toBe(`${label} Start before you feel ready #blogchat`);
    await page.close();
  });

  it('mutes a participant for this chat from the sidebar: their tweets are hidden', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
    const handle = await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('.participant-list li[data-handle]')
        ?.getAttribute('data-handle'),
    );
    const cellsBy = (h: string) =>
      page.evaluate((who) => {
        const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter((cell) =>
          [...cell.querySelectorAll('article [data-testid="User-Name"] a')].some(
            (a) => a.getAttribute('href')?.toLowerCase() === `/${who}` && !a.closest('div[role="link"]'),
          ),
        );
        return {
          total: cells.length,
          visible: cells.filter((c) => c.getBoundingClientRect().height > 0).length,
          muted: cells.filter((c) => c.getAttribute('data-chatmode-hidden') === 'muted').length,
        };
      }, h);
    expect((await cellsBy(String(handle))).visible).toBeGreaterThan(0);
    await clickInSidebar(page, `.participant-list li[data-handle="${handle}"] .participant-mute`);
    await page.waitFor(
      (h) => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`.participant-list li[data-handle="${h}"]`),
      handle,
    );
    await page.waitFor(() => document.querySelectorAll('[data-testid="cellInnerDiv"][data-chatmode-hidden="muted"]').length > 0);
    const after = await cellsBy(String(handle));
    expect(after.visible).toBe(0);
    expect(after.muted).toBe(after.total);
    await page.close();
  });

  it('ignores clicks a page script makes on the sidebar’s switch, collapse and mute; the user’s own clicks and keys work', async () => {
    const page = await browser.newPage();
    await openChat(page);
    // The shadow root is open, so x.com's scripts can reach every button in it. The sidebar answers an
    // intent at once (before the background replies), so a click that acted shows in the same task.
    const scriptClick = (selector: string) =>
      page.evaluate((sel) => {
        const root = document.querySelector('chat-mode-sidebar')!.shadowRoot!;
        const read = () => ({
          chatMode: root.querySelector('button[role="switch"]')?.getAttribute('aria-checked'),
          collapsed: root.querySelector('aside')?.getAttribute('data-collapsed'),
          busy: root.querySelector('aside')?.getAttribute('aria-busy'),
          participants: [...root.querySelectorAll('.participant-list li')].map((li) => li.getAttribute('data-handle')),
        });
        const before = read();
        const control = root.querySelector<HTMLElement>(sel)!;
        control.click();
        control.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        return { before, after: read() };
      }, selector);
    for (const selector of ['button[role="switch"]', 'button[aria-controls]']) {
      const { before, after } = await scriptClick(selector);
      expect(after, selector).toEqual(before);
      expect(before).toMatchObject({ chatMode: 'false', collapsed: 'false', busy: 'false' });
    }
    // A real mouse click on the same switch turns chat mode on.
    await turnChatMode(page, true);
    const handle = await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('.participant-list li[data-handle]')
        ?.getAttribute('data-handle'),
    );
    const muting = await scriptClick(`.participant-list li[data-handle="${handle}"] .participant-mute`);
    expect(muting.after).toEqual(muting.before);
    expect(muting.before.participants).toContain(handle);
    // What the background stored: chat mode on (the real click), the sidebar not collapsed.
    await page.reload();
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('aside[aria-busy="false"] button[role="switch"][aria-checked="true"]'),
    );
    const reloaded = await scriptClick('button[role="switch"]');
    expect(reloaded.before).toMatchObject({ chatMode: 'true', collapsed: 'false' });
    expect(reloaded.after).toEqual(reloaded.before);
    // Keyboard access stays: Enter on the focused switch is the user's own click.
    await page.evaluate(() =>
      document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector<HTMLElement>('button[role="switch"]')!.focus(),
    );
    await page.press('Enter');
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('aside[aria-busy="false"] button[role="switch"][aria-checked="false"]'),
    );
    await page.close();
  });

  it('hides arriving tweets before the browser paints them (no flash), and scrolls to a question when clicked', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await turnChatMode(page, true);
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
