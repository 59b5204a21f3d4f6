// E2E helpers for the composer scenarios: chat mode through the sidebar's switch, real clicks on x.com
// elements, and Draft's own state read through the stand-in's API (never the DOM text).
import type { ComposerInfo, ComposerWhere, PostedInfo } from '../../site/src/api';
import { clickInSidebar, SEARCH_BLOGCHAT, type ExtPage } from './fixtures.ts';

const SWITCH = 'button[role="switch"]';

/** The sidebar's chat-mode switch state: 'true' / 'false', or null while it is not there or busy. */
async function switchState(page: ExtPage): Promise<string | null> {
  return page.evaluate((sel) => {
    const root = document.querySelector('chat-mode-sidebar')?.shadowRoot;
    const button = root?.querySelector<HTMLButtonElement>(sel);
    if (!button || button.disabled || root?.querySelector('aside[aria-busy="true"]')) return null;
    return button.getAttribute('aria-checked');
  }, SWITCH);
}

/** On the chat's search page, switches chat mode on or off with a real click on the sidebar's switch. */
export async function setChatMode(page: ExtPage, on: boolean): Promise<void> {
  if (!page.url().startsWith(SEARCH_BLOGCHAT)) await page.goto(SEARCH_BLOGCHAT);
  await page.waitFor((sel) => {
    const root = document.querySelector('chat-mode-sidebar')?.shadowRoot;
    const button = root?.querySelector<HTMLButtonElement>(sel);
    return button && !button.disabled && root?.querySelector('aside[aria-busy="false"]');
  }, SWITCH);
  if ((await switchState(page)) !== String(on)) await clickInSidebar(page, SWITCH);
  await page.waitFor(
    ([sel, want]) => {
      const root = document.querySelector('chat-mode-sidebar')?.shadowRoot;
      return root?.querySelector(`${sel}[aria-checked="${want}"]`) && root.querySelector('aside[aria-busy="false"]');
    },
    [SWITCH, String(on)] as const,
  );
}

export function composers(page: ExtPage): Promise<ComposerInfo[]> {
  return page.evaluate(() => window.__standin.composers());
}

export function posted(page: ExtPage): Promise<PostedInfo[]> {
  return page.evaluate(() => window.__standin.posted());
}

/** Waits until the composer `where` exists (and, by default, has focus in Draft's state); returns it. */
export async function waitForComposer(page: ExtPage, where: ComposerWhere, focused = true): Promise<ComposerInfo> {
  const found = await page.waitFor(([w, f]) => window.__standin.composers().find((c) => c.where === w && (!f || c.selection.hasFocus)), [
    where,
    focused,
  ] as const);
  return found!; // waitFor only returns a truthy value
}

/** Waits until composer `where`'s Draft text is `text`; returns the composer (or throws with what it had). */
export async function waitForText(page: ExtPage, where: ComposerWhere, text: string, timeoutMs = 5000): Promise<ComposerInfo> {
  try {
    const found = await page.waitFor(
      ([w, t]) => window.__standin.composers().find((c) => c.where === w && c.text === t),
      [where, text] as const,
      timeoutMs,
    );
    return found!;
  } catch {
    const all = await composers(page);
    throw new Error(`composer ${where} never had ${JSON.stringify(text)}; composers: ${JSON.stringify(all)}`);
  }
}

/** A real mouse click at the centre (or, with 'start', just inside the left edge) of the first match. */
export async function clickElement(page: ExtPage, selector: string, at: 'centre' | 'start' = 'centre'): Promise<void> {
  const box = await page.waitFor(
    ([sel, where]) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      if (r.width === 0) return null;
      return where === 'start' ? { x: r.left + 4, y: r.top + r.height / 2 } : { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    [selector, at] as const,
  );
  await page.clickAt(box!.x, box!.y); // waitFor only returns a truthy value
}

/** Clicks into an editor just after the end of its last line of text (where a user clicks to go on typing). */
async function clickAfterText(page: ExtPage, editorSelector: string): Promise<void> {
  const box = await page.waitFor((sel) => {
    const editor = document.querySelector(sel);
    if (!editor) return null;
    editor.scrollIntoView({ block: 'center' });
    const leaves = editor.querySelectorAll('[data-text="true"]');
    const last = leaves[leaves.length - 1];
    if (!last) return null;
    // The last line box of the last leaf (a long leaf wraps over several lines).
    const rects = last.getClientRects();
    const r = rects[rects.length - 1] ?? last.getBoundingClientRect();
    const e = editor.getBoundingClientRect();
    // Right of the last character, inside the editor.
    return { x: Math.min(r.right + 20, e.right - 4), y: r.top + r.height / 2 };
  }, editorSelector);
  await page.clickAt(box!.x, box!.y); // waitFor only returns a truthy value
}

export const INLINE_EDITOR = '.composer-inline [data-testid="tweetTextarea_0"]';
export const MODAL_POST = '[role="dialog"] [data-testid="tweetButton"]';
export const INLINE_POST = '.composer-inline [data-testid="tweetButtonInline"]';

/**
 * Focuses a composer the way a user does — a real click — and waits until Draft's state has the focus.
 * Clicks again if a layout shift (a timeline still loading) made the first click miss.
 */
export async function clickIntoComposer(
  page: ExtPage,
  where: ComposerWhere,
  editorSelector: string,
  how: 'centre' | 'after-text' = 'centre',
): Promise<ComposerInfo> {
  for (let attempt = 0; ; attempt++) {
    await (how === 'centre' ? clickElement(page, editorSelector) : clickAfterText(page, editorSelector));
    try {
      return await waitForComposer(page, where, true);
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}
