// A chat page of the stand-in with chat mode, as the e2e files drive and check it: opening #blogchat,
// the Chat mode switch, and an audit of the timeline computed independently of the extension's code.
import { configureStandin } from './standin.ts';
import { clickInSidebar, SEARCH_BLOGCHAT } from './fixtures.ts';
import type { ExtBrowser, ExtPage } from './session.ts';

const FIXED_NOW = 1795000000000;

/**
 * What the test sees of every mounted cell (run in the page). A tweet is tagged when its own text
 * carries #blogchat or a link to the #blogchat hashtag page (what it shows may have lost its '#'). A
 * tagged tweet folded as a repeat (a retweet, a copy) is not wrongly hidden: it is counted apart
 * (keep-up.e2e.ts checks folding itself).
 */
export function auditTimeline() {
  const timeline = document.querySelector('div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div');
  const cells = [...(timeline?.children ?? [])] as HTMLElement[];
  const rows = cells.map((cell) => {
    const article = cell.querySelector('article');
    // The tweet's own text: the tweetText that is not inside the quoted tweet's card.
    const own = [...(article?.querySelectorAll('[data-testid="tweetText"]') ?? [])].find((el) => !el.closest('div[role="link"]'));
    const text = own?.textContent ?? '';
    const tagLink = [...(own?.querySelectorAll('a[href]') ?? [])].some((a) =>
      /^\/hashtag\/blogchat(?:\?|$)/i.test(a.getAttribute('href') ?? ''),
    );
    const promoted = !!cell.querySelector('[data-testid="placementTracking"]');
    const tagged = /#blogchat(?![\p{L}\p{N}_])/iu.test(text) || tagLink;
    const top = Number(/translateY\(([-\d.]+)px\)/.exec(cell.style.transform)?.[1] ?? NaN);
    return {
      hasTweet: !!article,
      folded: cell.getAttribute('data-chatmode-hidden') === 'folded',
      tagged,
      promoted,
      visible: cell.getBoundingClientRect().height > 0,
      top,
      height: cell.getBoundingClientRect().height,
    };
  });
  rows.sort((a, b) => a.top - b.top);
  // Gaps: every cell starts where the previous one ends (hidden cells measure 0).
  let gaps = 0;
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1]!;
    if (Math.abs(rows[i]!.top - (previous.top + previous.height)) > 1.5) gaps++;
  }
  const tweets = rows.filter((r) => r.hasTweet);
  return {
    cells: rows.length,
    tweets: tweets.length,
    wronglyShown: tweets.filter((r) => r.visible && (!r.tagged || r.promoted)).length,
    wronglyHidden: tweets.filter((r) => !r.visible && r.tagged && !r.promoted && !r.folded).length,
    folded: tweets.filter((r) => r.folded).length,
    visible: tweets.filter((r) => r.visible).length,
    hidden: tweets.filter((r) => !r.visible).length,
    gaps,
  };
}

/**
 * The audit once x.com has laid its list out again: it re-measures cells whose height changed with a
 * ResizeObserver and moves the cells below a frame or two later, as x.com does.
 */
export async function settledAudit(page: ExtPage) {
  let audit = await page.evaluate(auditTimeline);
  for (let i = 0; i < 20 && audit.gaps > 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    audit = await page.evaluate(auditTimeline);
  }
  return audit;
}

const switchState = (page: ExtPage) =>
  page.evaluate(
    () =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]')?.getAttribute('aria-checked') ?? null,
  );

/** Opens the chat's page on a fixed set of generated tweets, with chat mode off. */
export async function openChat(page: ExtPage, url = SEARCH_BLOGCHAT, config: Record<string, unknown> = {}) {
  await configureStandin(page, { seed: 7, count: 300, now: FIXED_NOW, ...config });
  await page.goto(url);
  await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
  // Chat mode is remembered per chat: every test starts from it off.
  await turnChatMode(page, false);
  await settledAudit(page);
}

/** Turns chat mode on or off with the user's click, once the sidebar's switch can be used (after a load, it waits for it). */
export async function turnChatMode(page: ExtPage, on: boolean) {
  await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])'));
  if ((await switchState(page)) !== String(on)) await clickInSidebar(page, 'button[role="switch"]');
  await page.waitFor(
    (want) =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`button[role="switch"][aria-checked="${want}"]`) &&
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('aside[aria-busy="false"]'),
    String(on),
  );
}

/** A new tab on the chat's page (as `openChat` leaves it) with chat mode turned on. */
export async function newChatModePage(browser: ExtBrowser): Promise<ExtPage> {
  const page = await browser.newPage();
  await openChat(page);
  await turnChatMode(page, true);
  return page;
}
