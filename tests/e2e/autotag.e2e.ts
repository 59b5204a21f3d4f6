// Auto-tag (issue #5): with chat mode on, every x.com compose box carries the chat's tag exactly once,
// in Draft.js's own state — checked through the stand-in's `__standin.composers()` / `posted()`, which
// read Draft's EditorState, never the DOM text. Same scenarios in real Chromium and real Firefox ESR.
//
// Spacing: an empty composer becomes ' #blogchat' with the caret at 0, so typing "Great question"
// gives 'Great question #blogchat' (lib/chat/tag-plan.ts: the tag always goes after a space, at the end).
import { describe, expect, it } from 'vitest';
import { browsersUnderTest, withExtension, SEARCH_BLOGCHAT, type ExtPage } from './harness/fixtures.ts';
import {
  clickElement,
  clickIntoComposer,
  composers,
  INLINE_EDITOR,
  INLINE_POST,
  MODAL_POST,
  posted,
  setChatMode,
  waitForComposer,
  waitForText,
} from './harness/composer.ts';

const NEW_POST = '[data-testid="SideNav_NewTweet_Button"]';
const TAG = ' #blogchat';

/** Counts `#blogchat` as x.com would read it, whatever its case. */
const tagCount = (text: string): number => (text.match(/#blogchat\b/gi) ?? []).length;

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);
  let page: ExtPage;

  /** A fresh tab on the chat's search page with chat mode on (or off). */
  async function chatPage(on = true): Promise<ExtPage> {
    page = await browser.newPage();
    await page.goto(SEARCH_BLOGCHAT);
    await page.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"]'));
    await setChatMode(page, on);
    return page;
  }

  async function openNewPostModal(p: ExtPage): Promise<void> {
    await clickElement(p, NEW_POST);
    // The user sees the editor with the caret in it, then types (no waiting for the tag).
    await waitForComposer(p, 'modal');
  }

  /** SPA-navigates to `path` (a tweet page or home) and clicks into its inline composer. */
  async function inlineComposerOn(p: ExtPage, path: string): Promise<void> {
    await p.evaluate((to) => window.__standin.navigate(to), path);
    await p.waitFor(() => document.querySelector('[data-testid="primaryColumn"] article[data-testid="tweet"]'));
    await clickIntoComposer(p, 'inline', INLINE_EDITOR);
  }

  it('new-post modal: an empty editor gets the tag, the user types fast before it, and posts exactly that', async () => {
    const p = await chatPage();
    await openNewPostModal(p);
    await p.type('Great question');
    const c = await waitForText(p, 'modal', `Great question${TAG}`);
    expect(c.selection).toEqual({ start: 14, end: 14, hasFocus: true });
    expect(c.postEnabled).toBe(true);
    await clickElement(p, MODAL_POST);
    await p.waitFor(() => window.__standin.posted().length > 0);
    expect(await posted(p)).toEqual([expect.objectContaining({ text: `Great question${TAG}`, where: 'modal' })]);
    await p.close();
  });

  it('keeps the tag whole when the user uses Backspace and arrows right after the insertion', async () => {
    const p = await chatPage();
    await openNewPostModal(p);
    await p.press('Backspace'); // at the start: nothing to delete, must not eat the space or the tag
    await p.type('Hello');
    await p.press('Backspace');
    await p.press('Backspace');
    await p.type('p');
    await p.press('ArrowLeft');
    await p.type('l');
    // 'Hello' → 'Hel' → 'Help' → caret before 'p' → 'Hellp'
    const c = await waitForText(p, 'modal', `Hellp${TAG}`);
    expect(c.selection).toMatchObject({ start: 4, end: 4 });
    await p.close();
  });

  it('reply modal from a tweet on the search timeline: tagged, typed, posted as a reply', async () => {
    const p = await chatPage();
    await clickElement(p, '[data-testid="cellInnerDiv"] article [data-testid="reply"]');
    await waitForComposer(p, 'reply');
    await p.type('Love this');
    await waitForText(p, 'reply', `Love this${TAG}`);
    await clickElement(p, MODAL_POST);
    await p.waitFor(() => window.__standin.posted().length > 0);
    const [post] = await posted(p);
    expect(post).toMatchObject({ text: `Love this${TAG}`, where: 'reply' });
    expect(post?.inReplyTo).toBeTruthy();
    await p.close();
  });

  it('quote modal: tagged like the others', async () => {
    const p = await chatPage();
    await clickElement(p, '[data-testid="cellInnerDiv"] article [data-testid="retweet"]');
    await clickElement(p, '[role="menu"] a[href="/compose/post"]');
    await waitForComposer(p, 'quote');
    await p.type('So true');
    const c = await waitForText(p, 'quote', `So true${TAG}`);
    expect(tagCount(c.text)).toBe(1);
    await p.close();
  });

  it('inline reply on a tweet page after SPA navigation, and again after going back and forth (editor remounted)', async () => {
    const p = await chatPage();
    await inlineComposerOn(p, '/MackCollier/status/1001');
    await p.type('Agreed');
    let c = await waitForText(p, 'inline', `Agreed${TAG}`);
    expect(c.selection).toMatchObject({ start: 6, end: 6 });

    // Back to the search, then to the tweet again: x.com mounts a new editor with the saved draft.
    await p.evaluate(() => history.back());
    await p.waitFor(() => location.pathname === '/search' && document.querySelector('[data-testid="cellInnerDiv"]'));
    await p.evaluate(() => window.__standin.navigate('/MackCollier/status/1001'));
    await p.waitFor((sel) => document.querySelector(sel), INLINE_EDITOR);
    await clickIntoComposer(p, 'inline', INLINE_EDITOR, 'after-text');
    await new Promise((r) => setTimeout(r, 300));
    c = (await composers(p)).find((x) => x.where === 'inline')!;
    expect(c.text).toBe(`Agreed${TAG}`); // the remounted editor keeps the draft; no second tag
    await clickElement(p, INLINE_POST);
    await p.waitFor(() => window.__standin.posted().length > 0);
    expect((await posted(p))[0]).toMatchObject({ text: `Agreed${TAG}`, where: 'inline' });
    await p.close();
  });

  it('home composer (reached by SPA navigation with chat mode on)', async () => {
    const p = await chatPage();
    await inlineComposerOn(p, '/home');
    await p.type('Hello chat');
    const c = await waitForText(p, 'inline', `Hello chat${TAG}`);
    expect(tagCount(c.text)).toBe(1);
    await p.close();
  });

  /** Types `text` into a tweet page's inline reply while chat mode is off, then switches it on. */
  async function draftThenChatModeOn(tweet: string, text: string): Promise<ExtPage> {
    const p = await chatPage(false);
    await inlineComposerOn(p, tweet);
    await p.type(text);
    await waitForText(p, 'inline', text);
    await p.evaluate(() => history.back());
    await p.waitFor(() => location.pathname === '/search');
    await setChatMode(p, true);
    await p.evaluate((path) => window.__standin.navigate(path), tweet);
    await p.waitFor((sel) => document.querySelector(sel), INLINE_EDITOR);
    expect((await composers(p)).find((c) => c.where === 'inline')?.text).toBe(text);
    return p;
  }

  it('a non-empty editor (text typed before chat mode was on) gets the tag at the end on focus, caret before it', async () => {
    const p = await draftThenChatModeOn('/MackCollier/status/2002', 'Draft text');
    await clickIntoComposer(p, 'inline', INLINE_EDITOR, 'after-text');
    const c = await waitForText(p, 'inline', `Draft text${TAG}`);
    expect(c.selection).toMatchObject({ start: 10, end: 10, hasFocus: true });
    await p.type(' more');
    await waitForText(p, 'inline', `Draft text more${TAG}`);
    await p.close();
  });

  it('does not add a second tag when the user already typed #BlogChat', async () => {
    const p = await draftThenChatModeOn('/MackCollier/status/3003', 'Join #BlogChat now');
    await clickIntoComposer(p, 'inline', INLINE_EDITOR, 'after-text');
    await p.type('!');
    const c = await waitForText(p, 'inline', 'Join #BlogChat now!');
    expect(tagCount(c.text)).toBe(1);
    await p.close();
  });

  it('respects a tag the user deleted: not re-added on the next focus', async () => {
    const p = await chatPage();
    await inlineComposerOn(p, '/MackCollier/status/4004');
    await p.type('No tag please');
    await waitForText(p, 'inline', `No tag please${TAG}`);
    // Go to the end and delete the tag.
    await p.press('End');
    for (let i = 0; i < TAG.length; i++) await p.press('Backspace');
    await waitForText(p, 'inline', 'No tag please');
    // Leave the editor and come back.
    await clickElement(p, '[data-testid="primaryColumn"] article [data-testid="tweetText"]', 'start');
    await p.waitFor(() => !window.__standin.composers().find((c) => c.where === 'inline')?.selection.hasFocus);
    await clickIntoComposer(p, 'inline', INLINE_EDITOR, 'after-text');
    await p.type('.');
    const c = await waitForText(p, 'inline', 'No tag please.');
    expect(tagCount(c.text)).toBe(0);
    await p.close();
  });

  it('near 280 characters: no insertion (it would pass the limit); adds the tag once the user trims the text', async () => {
    const long = `${'a'.repeat(99)} ${'b'.repeat(99)} ${'c'.repeat(75)}`; // 275 characters
    const p = await draftThenChatModeOn('/MackCollier/status/5005', long);
    await clickIntoComposer(p, 'inline', INLINE_EDITOR, 'after-text');
    await p.type('d');
    let c = await waitForText(p, 'inline', `${long}d`);
    expect(tagCount(c.text)).toBe(0);
    // The sidebar says why (276 + ' #blogchat' = 286 > 280).
    const warning = await p.waitFor(
      () => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="autotag-warning"]')?.textContent,
    );
    expect(warning).toMatch(/286.*280/);
    // 276 + 10 > 280; trimming to 270 makes room: the tag comes, the caret stays in the user's text.
    for (let i = 0; i < 6; i++) await p.press('Backspace');
    c = await waitForText(p, 'inline', `${long.slice(0, 270)}${TAG}`);
    expect(c.selection).toMatchObject({ start: 270, end: 270 });
    await p.waitFor(() => !document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="autotag-warning"]'));
    await p.type('e');
    await waitForText(p, 'inline', `${long.slice(0, 270)}e${TAG}`);
    await p.close();
  });

  it('chat mode off: no tag anywhere', async () => {
    const p = await chatPage(false);
    await openNewPostModal(p);
    await p.type('Great question');
    await waitForText(p, 'modal', 'Great question');
    await new Promise((r) => setTimeout(r, 300));
    expect((await composers(p)).find((c) => c.where === 'modal')?.text).toBe('Great question');
    await p.close();
  });
});
