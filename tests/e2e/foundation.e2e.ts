// The foundation: the built extension loads in both real browsers, its content script mounts the
// sidebar (open shadow root) on a chat page of the x.com stand-in, and a round trip content script →
// background → IndexedDB → content script works and survives a reload.
import { describe, expect, it } from 'vitest';
import { browsersUnderTest, clickInSidebar, withExtension, SEARCH_BLOGCHAT, sidebarState } from './harness/fixtures.ts';

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('mounts the sidebar in an open shadow root on a hashtag search, with the chat from the directory', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"]'));
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('.hosts'));
    const state = await sidebarState(page);
    expect(state).toMatchObject({
      label: 'Chat mode sidebar for #blogchat',
      tag: '#blogchat',
      theme: 'light',
      collapsed: 'false',
      hosts: ['@mackcollier'],
      alerts: [],
    });
    // The directory's schedule (Sundays 8pm Central), shown in the browser's zone (New York).
    expect(state?.when).toMatch(/^(Next chat: Sun, \w+ \d+, 9:00 PM EST|Live now, until Sun, \w+ \d+, 10:00 PM EST)$/);
    await page.close();
  });

  it('keeps the collapsed sidebar collapsed after a reload (content script → background → IndexedDB → content script)', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[aria-controls]:not([disabled])'),
    );
    expect((await sidebarState(page))?.toggle).toEqual({ label: 'Collapse the chat sidebar', expanded: 'true', disabled: false });

    await clickInSidebar(page, 'button[aria-controls]');
    // Saved once the background has replied to the update (the sidebar is busy until then).
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-collapsed="true"][aria-busy="false"]'),
    );

    await page.reload();
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[aria-controls]:not([disabled])'),
    );
    const after = await sidebarState(page);
    expect(after).toMatchObject({
      collapsed: 'true',
      bodyHidden: true,
      toggle: { label: 'Expand the chat sidebar', expanded: 'false', disabled: false },
    });

    await page.close();
  });

  it('keeps the setting across a browser restart on the same profile, and stores the change back', async () => {
    await browser.restart();
    let page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[aria-busy="false"]'));
    expect((await sidebarState(page))?.collapsed).toBe('true');

    await clickInSidebar(page, 'button[aria-controls]');
    await page.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-collapsed="false"][aria-busy="false"]'),
    );
    await page.close();
    page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[aria-busy="false"]'));
    expect(await sidebarState(page)).toMatchObject({ collapsed: 'false', bodyHidden: false });
    await page.close();
  });

  it('follows SPA navigation: gone on a tweet page, back on the search page, and a new chat on /hashtag/', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar'));
    await page.evaluate(() => window.__standin.navigate('/MackCollier/status/1'));
    await page.waitFor(() => !document.querySelector('chat-mode-sidebar'));
    await page.evaluate(() => history.back());
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('h2')?.textContent === '#blogchat');
    await page.evaluate(() => window.__standin.navigate('/hashtag/socialmedia'));
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('h2')?.textContent === '#socialmedia');
    expect(await page.evaluate(() => document.querySelectorAll('chat-mode-sidebar').length)).toBe(1);
    await page.close();
  });

  it('matches x.com dark theme', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-theme="light"]'));
    await page.evaluate(() => window.__standin.setTheme('dark'));
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[data-theme="dark"]'));
    const colours = await page.evaluate(() => {
      const aside = document.querySelector('chat-mode-sidebar')!.shadowRoot!.querySelector('aside')!;
      return { bg: getComputedStyle(aside).backgroundColor, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours).toEqual({ bg: 'rgb(0, 0, 0)', page: 'rgb(0, 0, 0)' });
    await page.close();
  });

  it('gives web pages no way to message the extension', async () => {
    // No externally_connectable: x.com's own scripts (and anything injected into it) cannot reach
    // the background; only our content script can, and the background checks the sender too.
    const page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('chat-mode-sidebar'));
    const reachable = await page.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    );
    expect(reachable).toBe('undefined');
    await page.close();
  });
});
