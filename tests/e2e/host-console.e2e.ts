// The host console on the x.com stand-in, in both browsers: the signed-in account read from x.com's
// navigation, a plan of three questions, "Post Q1" prefilling x.com's composer in Draft's own state, the
// host's own click on Post, Q1 marked posted with the timer against the plan, the answers counted, the
// plan and what was posted kept over a reload, and the transcript export with the plan.
import { describe, expect, it } from 'vitest';
import { browsersUnderTest, SEARCH_BLOGCHAT, withExtension, type ExtBrowser, type ExtPage } from './harness/fixtures.ts';
import { openChat, turnChatMode } from './harness/chat-page.ts';
import { clickElement, MODAL_POST, posted, waitForText } from './harness/composer.ts';
import { inExtension, storedTweets } from './harness/extension-data.ts';

const ME = 'standin_user';
const PLAN = {
  welcome: '',
  questions: [
    { text: 'What got you blogging?', subs: [] },
    { text: 'Where do your ideas come from?', subs: [] },
    { text: 'How often do you post?', subs: [] },
  ],
  wrapUp: 'Thanks for chatting, see you next week!',
  firstAt: 5,
  every: 6,
};
const Q1_POST = 'Q1) What got you blogging? #blogchat';

/** Asks the background as an extension page does. */
function send(browser: ExtBrowser, message: Record<string, unknown>) {
  return inExtension(
    browser,
    async (m) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<Record<string, unknown> & { ok: boolean }> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      return (g.browser ?? g.chrome).runtime.sendMessage(m);
    },
    message,
  );
}

const inConsole = (page: ExtPage, selector: string) =>
  page.evaluate(
    (sel) =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector(`[data-testid="host-console"] ${sel}`)?.textContent ?? null,
    selector,
  );

/** Enter on a console control found by its text, focused without scrolling (the page may have scrolled). */
async function pressButton(page: ExtPage, label: string): Promise<void> {
  await page.waitFor(
    (text) =>
      [...(document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelectorAll('[data-testid="host-console"] button') ?? [])].some(
        (b) => b.textContent === text,
      ),
    label,
  );
  await page.evaluate((text) => {
    const buttons = document
      .querySelector('chat-mode-sidebar')!
      .shadowRoot!.querySelectorAll<HTMLElement>('[data-testid="host-console"] button');
    [...buttons].find((b) => b.textContent === text)!.focus({ preventScroll: true });
  }, label);
  await page.press('Enter');
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('reads the signed-in host, posts Q1 of a three-question plan through the composer, marks it posted, counts answers, keeps it over a reload and exports the plan', async () => {
    expect((await send(browser, { type: 'chat/update', tag: 'blogchat', patch: { hosting: true, plan: PLAN } })).ok).toBe(true);
    const page = await browser.newPage();
    // Tweets of today: the answers' times count for "in the last minute".
    await openChat(page, SEARCH_BLOGCHAT, { count: 40, now: Date.now() });
    await turnChatMode(page, true);

    // "I host this chat": the console is open, and the signed-in account was made one of the hosts.
    await page.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="host-signed-in"]'));
    expect(await inConsole(page, '[data-testid="host-signed-in"]')).toBe(`Signed in as @${ME}`);
    await expect
      .poll(async () => ((await send(browser, { type: 'chat/get', tag: 'blogchat' })).chat as { hosts: string[] }).hosts)
      .toContain(ME);
    expect(await inConsole(page, '[data-testid="host-next"] strong')).toBe('Next: Q1');

    // Post Q1: x.com's composer opens holding exactly the question, in Draft's own state; nothing is posted.
    await pressButton(page, 'Post Q1');
    await waitForText(page, 'modal', Q1_POST);
    expect(await posted(page)).toEqual([]);
    await clickElement(page, MODAL_POST);
    await expect.poll(async () => (await posted(page)).map((p) => p.text)).toEqual([Q1_POST]);

    // The host's own Q1 in the timeline marks it posted; the timer runs against the plan.
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('[data-testid="host-console"] li[data-key="1"][data-posted="true"]'),
    );
    expect(await inConsole(page, '[data-testid="host-next"] strong')).toBe('Next: Q2');
    expect(await inConsole(page, '[data-testid="host-timer"]')).toMatch(/^Q1 posted 0:\d\d ago · the plan: a question every 6 min$/);
    // Q2 is due 6 minutes after Q1 (the console's clock moves once a second: 6:00 right after).
    expect(await inConsole(page, '[data-testid="host-due"]')).toMatch(/^Due in (5:\d\d|6:00)$/);

    // Answers to Q1 arrive: counted, and counted in the last minute.
    await page.evaluate(() =>
      window.__standin.pushTweets(
        Array.from({ length: 3 }, (_, i) => ({
          handle: `Answerer${i}`,
          name: `Answerer ${i}`,
          text: `A1 my answer number ${i} #blogchat`,
        })),
      ),
    );
    await page.waitFor(() =>
      /3 in the last minute/.test(
        document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="host-console"] li[data-key="1"]')
          ?.textContent ?? '',
      ),
    );
    expect(await inConsole(page, 'li[data-key="1"] .host-item-answers')).toMatch(/^\d+ answers · 3 in the last minute$/);

    // The room: a newcomer to welcome, and a question asked of the host until the host answers it.
    await page.evaluate(() =>
      window.__standin.pushTweets([
        { handle: 'Curious', name: 'Curious One', text: '@standin_user will there be a transcript? #blogchat' },
      ]),
    );
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('[data-testid="host-asks"]')
        ?.textContent?.includes('@curious'),
    );
    expect(await inConsole(page, '[data-testid="host-newcomers"]')).toContain('@curious');
    await page.evaluate(() =>
      window.__standin.pushTweets([{ handle: 'standin_user', name: 'Stand-in User', text: '@Curious yes, tomorrow #blogchat' }]),
    );
    await page.waitFor(
      () =>
        !document
          .querySelector('chat-mode-sidebar')
          ?.shadowRoot?.querySelector('[data-testid="host-asks"]')
          ?.textContent?.includes('@curious'),
    );

    // Reloaded (the stand-in forgets what was posted; the store keeps it): Q1 is still posted.
    await expect
      .poll(async () => (await inExtension(browser, storedTweets, false)).some((t) => t.handle === ME && t.question === '1'), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.reload();
    await page.waitFor(() =>
      document
        .querySelector('chat-mode-sidebar')
        ?.shadowRoot?.querySelector('[data-testid="host-console"] li[data-key="1"][data-posted="true"]'),
    );
    expect(await inConsole(page, '[data-testid="host-next"] strong')).toBe('Next: Q2');

    // The transcript export holds the plan against what happened.
    const sessions = (await send(browser, { type: 'sessions/list', tag: 'blogchat' })).sessions as { id: string; start: number }[];
    const latest = sessions.reduce((a, b) => (b.start > a.start ? b : a));
    const exported = await send(browser, { type: 'export', sessionId: latest.id, format: 'json' });
    const body = JSON.parse(exported.body as string) as { plan?: Array<{ key: string; posted: unknown }> };
    expect(body.plan?.map((row) => row.key)).toEqual(['1', '2', '3', 'wrap-up']);
    expect(body.plan?.[0]?.posted).toBeTruthy();
    expect(body.plan?.[1]?.posted ?? null).toBeNull();
    await page.close();
  });
});
