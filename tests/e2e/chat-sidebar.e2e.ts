// The chat-mode sidebar on the x.com stand-in, in both browsers: host questions, hostile text in
// tweets and names, its place beside x.com's columns, answering, muting, and clicks a page script makes.
import { describe, expect, it } from 'vitest';
import { scrollUntil } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, withExtension, type ExtPage } from './harness/fixtures.ts';
import { newChatModePage, openChat, turnChatMode } from './harness/chat-page.ts';

/** The handle of the first participant the sidebar lists, once it lists one. */
const firstParticipant = (page: ExtPage) =>
  page.waitFor(() =>
    document
      .querySelector('chat-mode-sidebar')
      ?.shadowRoot?.querySelector('.participant-list li[data-handle]')
      ?.getAttribute('data-handle'),
  );

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('lists and highlights only the host’s questions: a participant’s “Q7)” is neither', async () => {
    const page = await newChatModePage(browser);
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

  it('never runs tweet text: a host question carrying <img onerror> is listed as text', async () => {
    const page = await newChatModePage(browser);
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
    const page = await newChatModePage(browser);
    const handle = await firstParticipant(page);
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

  it('follows a window resize and an x.com dialog opening and closing, and stays put while the page scrolls', async () => {
    const page = await browser.newPage();
    await page.setViewport(1920, 900);
    await openChat(page);
    // Where the sidebar is (run in the page): beside the columns, in the right column below the search
    // box, or hidden; null until it is `want`.
    const placed = (want: string) => {
      const aside = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside');
      const column = document.querySelector('[data-testid="sidebarColumn"]')?.getBoundingClientRect();
      const search = document.querySelector('[data-testid="sidebarColumn"] form[role="search"]')?.getBoundingClientRect();
      if (!aside || !column || !search) return null;
      const a = aside.getBoundingClientRect();
      let place = 'elsewhere';
      if (getComputedStyle(aside).visibility === 'hidden') place = 'hidden';
      else if (a.left >= column.right) place = 'beside';
      else if (Math.abs(a.left - column.left) < 1 && Math.abs(a.right - column.right) < 1 && a.top >= search.bottom) place = 'in column';
      return place === want ? { top: a.top, left: a.left, scrollY: window.scrollY } : null;
    };
    await page.waitFor(placed, 'beside');
    await page.setViewport(1280, 900);
    const inColumn = await page.waitFor(placed, 'in column');
    await page.evaluate(() => window.scrollTo(0, 4000));
    const scrolled = await page.waitFor(placed, 'in column');
    expect(scrolled!.scrollY).toBeGreaterThan(0);
    expect(scrolled).toMatchObject({ top: inColumn!.top, left: inColumn!.left });
    // x.com's compose dialog covers the right column at this width: the sidebar steps aside until it closes.
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="SideNav_NewTweet_Button"]')!.click());
    await page.waitFor(placed, 'hidden');
    await page.evaluate(() => document.querySelector<HTMLElement>('[role="dialog"] [data-testid="app-bar-close"]')!.click());
    await page.waitFor(placed, 'in column');
    await page.setViewport(1920, 900);
    await page.waitFor(placed, 'beside');
    await page.close();
  });

  it('answers the current question from the sidebar: a composer opens with “A{n} ” and the tag, and posts the answer', async () => {
    const page = await newChatModePage(browser);
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
    const page = await newChatModePage(browser);
    const handle = await firstParticipant(page);
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
    // intent at once (before the background replies) and renders it in the next frame, so a click that
    // acted shows once that frame's callbacks ran.
    const scriptClick = (selector: string) =>
      page.evaluate(async (sel) => {
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
        await new Promise((frameRan) => requestAnimationFrame(() => requestAnimationFrame(frameRan)));
        return { before, after: read() };
      }, selector);
    for (const selector of ['button[role="switch"]', 'button[aria-controls]']) {
      const { before, after } = await scriptClick(selector);
      expect(after, selector).toEqual(before);
      expect(before).toMatchObject({ chatMode: 'false', collapsed: 'false', busy: 'false' });
    }
    // A real mouse click on the same switch turns chat mode on.
    await turnChatMode(page, true);
    const handle = await firstParticipant(page);
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
});
