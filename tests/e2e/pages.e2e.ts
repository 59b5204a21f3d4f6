// The extension's own pages in both browsers, opened by URL (chrome-extension://… / moz-extension://…):
// add a chat with its own schedule and time zone on the options page, see it in the popup at the
// right local time, import a settings file (all or nothing), and view and export the transcript of a
// session recorded on the x.com stand-in.
import { describe, expect, it } from 'vitest';
import { formatLocalStart, nextOccurrence } from '../../lib/chat/schedule.ts';
import type { Schedule } from '../../lib/chat/types.ts';
import { configureStandin } from './harness/standin.ts';
import { browsersUnderTest, clickInSidebar, openExtensionPage, withExtension, type ExtPage } from './harness/fixtures.ts';

const USER_ZONE = 'America/New_York'; // the harness's browser zone
const FIXED_NOW = 1795000000000;

/** A real mouse click at the centre of the first element matching `selector`. */
async function click(page: ExtPage, selector: string): Promise<void> {
  const box = await page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    // Instantly, and measured after the next frame, so the click lands where the element now is.
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!box) throw new Error(`No ${selector} on ${page.url()}`);
  await page.clickAt(box.x, box.y);
}

/** Focuses a text field, empties it and types into it with real key events. */
async function typeInto(page: ExtPage, selector: string, text: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector<HTMLInputElement>(sel)!;
    el.focus();
    el.select();
  }, selector);
  await page.press('Backspace');
  await page.type(text);
}

/** Sets a field whose widget differs per browser (select, time, number) as the user's input would. */
async function setField(page: ExtPage, selector: string, value: string): Promise<void> {
  await page.evaluate(
    ({ sel, v }) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel)!;
      el.value = v;
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    },
    { sel: selector, v: value },
  );
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  // Mondays 15:00 in London: 10:00 in New York most of the year, 11:00 in the weeks when only one side has changed clocks.
  const schedule: Schedule = { recurrence: { kind: 'weekly', weekday: 1 }, start: '15:00', durationMinutes: 45, timeZone: 'Europe/London' };

  it('adds a chat with its schedule on the options page, and the popup shows it at the local time', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitFor(() => document.querySelector('#add-chat'));
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Chat mode for x.com: settings');

    await click(options, '#add-chat');
    await options.waitFor(() => document.querySelector('form.chat-editor input[name="tag"]'));
    await typeInto(options, 'form.chat-editor input[name="tag"]', '#PagesTest');
    await typeInto(options, 'form.chat-editor input[name="title"]', 'Pages test chat');
    await typeInto(options, 'form.chat-editor input[name="hosts"]', '@HostOne, hosttwo');
    await setField(options, 'form.chat-editor select[name="scheduleMode"]', 'custom');
    await setField(options, 'form.chat-editor select[name="weekday"]', '1');
    await setField(options, 'form.chat-editor input[name="start"]', '15:00');
    await setField(options, 'form.chat-editor input[name="duration"]', '45');
    await typeInto(options, 'form.chat-editor input[name="timeZone"]', 'Not/AZone');
    await click(options, 'form.chat-editor button[type="submit"]');
    // The background's own validation, shown next to the field.
    await options.waitFor(() => document.querySelector('form.chat-editor input[name="timeZone"][aria-invalid="true"]'));
    expect(await options.evaluate(() => document.querySelector('form.chat-editor [role="alert"]')?.textContent)).toBe(
      'Please correct the marked fields.',
    );

    await typeInto(options, 'form.chat-editor input[name="timeZone"]', 'Europe/London');
    await click(options, 'form.chat-editor button[type="submit"]');
    await options.waitFor(() => document.querySelector('tr[data-tag="pagestest"]'));
    const row = await options.evaluate(() => {
      const tr = document.querySelector('tr[data-tag="pagestest"]')!;
      return {
        text: tr.querySelector('th')?.textContent,
        hosts: tr.querySelectorAll('td')[1]?.textContent,
        when: tr.querySelector('.chat-when')?.textContent,
      };
    });
    expect(row.text).toBe('#pagestestPages test chat');
    expect(row.hosts).toBe('@hostone @hosttwo');
    // The chat's start is written as the browser's language writes a time of day (en-US here); ICU may
    // put a narrow no-break space before "PM".
    expect(row.when).toMatch(/3:00\sPM \(Europe\/London\)/);
    await options.close();

    const popup = await openExtensionPage(browser, 'popup.html');
    await popup.waitFor(() => document.querySelector('[data-tag="pagestest"]'));
    const shown = await popup.evaluate(() => {
      const el = document.querySelector('[data-tag="pagestest"]')!;
      return {
        start: el.getAttribute('data-start'),
        text: el.querySelector<HTMLElement>('.when, [data-testid="featured-when"]')?.textContent ?? null,
        live: el.getAttribute('data-live'),
      };
    });
    const expected = nextOccurrence(schedule, new Date());
    expect(shown.start).toBe(expected.start.toISOString());
    const local = formatLocalStart(expected.start, USER_ZONE, 'en-US');
    expect(norm(shown.text)).toContain(shown.live === 'true' ? 'Live' : norm(local));
    // The local hour in New York: 10 AM, or 11 AM in the weeks the US and UK clocks disagree.
    expect(norm(local)).toMatch(/^Mon, \w+ \d+, 1[01]:00 AM E[SD]T$/);
    // A countdown and the "open in chat mode" button for the featured chat.
    expect(await popup.evaluate(() => document.querySelector('[data-testid="countdown"]')?.textContent)).toMatch(
      /^(Starts|Ends) in \d+[dhms]/,
    );
    expect(await popup.evaluate(() => document.querySelector('.featured button.primary')?.textContent)).toMatch(/^Open #\w+ in chat mode$/);
    await popup.close();
  });

  it('imports a settings file all or nothing: checked whole, canonical, refused by size before it is read', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.waitFor(() => document.querySelector('#import-settings') && document.querySelector('#export-settings:not([disabled])'));
    // Picks a file in the import control, counting how often a file's text is read.
    const pick = (name: string, body: string) =>
      options.evaluate(
        ({ name, body }) => {
          const w = window as unknown as { __reads?: number };
          if (w.__reads === undefined) {
            w.__reads = 0;
            const text = Blob.prototype.text;
            Blob.prototype.text = function (this: Blob) {
              w.__reads!++;
              return text.call(this);
            };
          }
          const input = document.querySelector<HTMLInputElement>('#import-settings')!;
          const files = new DataTransfer();
          files.items.add(new File([body], name, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { name, body },
      );
    /** Waits until the import's status line or its error says `includes`; what they say, and how many reads there were. */
    const outcome = (includes: string) =>
      options.waitFor((want) => {
        const status = document.querySelector('#transfer [role="status"]')?.textContent ?? '';
        const error = document.querySelector('#import-error')?.textContent ?? '';
        return status.includes(want) || error.includes(want)
          ? { status, error, reads: (window as unknown as { __reads: number }).__reads }
          : null;
      }, includes);
    const file = (chats: unknown[]) => JSON.stringify({ format: 'chat-mode-settings', version: 1, chats });
    const zoned = { recurrence: { kind: 'weekly', weekday: 2 }, start: '19:00', durationMinutes: 60, timeZone: 'america/chicago' };

    await pick(
      'good.json',
      file([
        { tag: 'ImportOne', extraTags: ['importone', 'ed1', 'ED1'], schedule: zoned },
        { tag: 'importtwo', title: 'Two' },
      ]),
    );
    expect(await outcome('Imported')).toEqual({ status: 'Imported 2 chats.', error: '', reads: 1 });
    await options.waitFor(() => document.querySelector('tr[data-tag="importone"]') && document.querySelector('tr[data-tag="importtwo"]'));
    expect(await options.evaluate(() => document.querySelector('tr[data-tag="importone"] .chat-when')?.textContent)).toMatch(
      /7:00\sPM \(America\/Chicago\)/,
    );
    const rows = () => options.evaluate(() => [...document.querySelectorAll('tr[data-tag]')].map((tr) => tr.textContent));
    const before = await rows();

    // The 3rd chat is invalid: nothing of the file is applied.
    await pick(
      'bad.json',
      file([{ tag: 'importone', title: 'Changed' }, { tag: 'importthree' }, { tag: 'importfour', hosts: ['not a handle'] }]),
    );
    expect(await outcome('chats[2].patch.hosts[0]')).toMatchObject({ status: '', reads: 2 });
    expect(await rows()).toEqual(before);

    // Over 5 MB: refused without reading it.
    await pick('huge.json', file([{ tag: 'importbig', description: 'x'.repeat(1_000) }]).padEnd(6_000_000, ' '));
    expect(await outcome('larger than 5 MB')).toMatchObject({ status: '', reads: 2 });
    expect(await rows()).toEqual(before);
    await options.close();
  });

  it('records a session on the stand-in, then views it grouped by question and exports its Markdown', async () => {
    const x = await browser.newPage();
    await configureStandin(x, { seed: 7, count: 300, now: FIXED_NOW });
    await x.goto('https://x.com/search?q=%23blogchat&f=live');
    await x.waitFor(() => document.querySelector('[data-testid="cellInnerDiv"] article'));
    await x.waitFor(() => document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"]:not([disabled])'));
    await clickInSidebar(x, 'button[role="switch"]');
    await x.waitFor(() =>
      document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('button[role="switch"][aria-checked="true"]'),
    );
    for (let i = 0; i < 6; i++) {
      await x.evaluate(() => window.scrollBy(0, window.innerHeight));
      await new Promise((r) => setTimeout(r, 150));
    }
    // Authors of the chat's tweets x.com showed, read from the page independently of the extension.
    const authors = await x.evaluate(() =>
      [...document.querySelectorAll('article[data-testid="tweet"]')]
        .filter((a) => /#blogchat/i.test(a.querySelector('[data-testid="tweetText"]')?.textContent ?? ''))
        .map((a) => a.querySelector('[data-testid="User-Name"] a[href^="/"]')?.getAttribute('href')?.slice(1).toLowerCase())
        .filter(Boolean),
    );
    expect(authors.length).toBeGreaterThan(0);
    // Wait until the sidebar says every seen tweet is stored, so the session's count is final.
    await x.waitFor(
      () => {
        const status = document.querySelector('chat-mode-sidebar')?.shadowRoot?.querySelector('[data-testid="transcript-status"]');
        return status?.getAttribute('data-pending') === '0' && Number(status.getAttribute('data-saved')) > 0;
      },
      undefined,
      30_000,
    );

    const options = await openExtensionPage(browser, 'options.html#transcripts');
    await options.waitFor(() => document.querySelector('#transcript-chat option[value="blogchat"]'));
    await setField(options, '#transcript-chat', 'blogchat');
    // The content script's outbox sends the tweets in batches: refresh until the session is there.
    let count = 0;
    for (const deadline = Date.now() + 60_000; count === 0 && Date.now() < deadline;) {
      await click(options, '#transcripts .row button');
      await new Promise((r) => setTimeout(r, 300));
      count = await options.evaluate(() => Number(document.querySelector('.session-list li')?.getAttribute('data-count') ?? 0));
    }
    expect(count).toBeGreaterThan(0);
    await click(options, '.session-list li button.view-session');
    await options.waitFor(() => document.querySelector('article.transcript .tweet'));
    const view = await options.evaluate(() => ({
      tweets: document.querySelectorAll('article.transcript .tweet').length,
      groups: [...document.querySelectorAll('article.transcript .question-group')].map((g) => g.getAttribute('data-question')),
      chart: document.querySelector('article.transcript svg[role="img"]')?.getAttribute('aria-label'),
      participants: document.querySelectorAll('article.transcript .participant').length,
      matches: document.querySelector('article.transcript [role="status"]')?.textContent,
    }));
    expect(view.tweets).toBe(count);
    expect(view.matches).toBe(`${count} of ${count} tweets`);
    expect(view.chart).toBeTruthy();
    expect(view.participants).toBeGreaterThan(0);

    // Search by author narrows the view.
    const someone = authors[0]!;
    await typeInto(options, 'article.transcript input[type="search"]', `@${someone}`);
    await options.waitFor(
      (h) => [...document.querySelectorAll('article.transcript .tweet')].every((el) => el.textContent?.includes(`@${h}`)),
      someone,
    );

    // Export as Markdown: capture the file the page hands to the browser.
    await options.evaluate(() => {
      const w = window as unknown as { __exports: { name: string; blob: Blob | null }[] };
      w.__exports = [];
      const blobs = new Map<string, Blob>();
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => {
        const url = create(b);
        blobs.set(url, b as Blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.__exports.push({ name: this.download, blob: blobs.get(this.href) ?? null });
      };
    });
    await click(options, 'article.transcript button.export[data-format="markdown"]');
    await options.waitFor(() => (window as unknown as { __exports: unknown[] }).__exports.length > 0);
    const file = await options.evaluate(async () => {
      const e = (window as unknown as { __exports: { name: string; blob: Blob | null }[] }).__exports[0]!;
      return { name: e.name, type: e.blob?.type, text: (await e.blob?.text()) ?? '' };
    });
    expect(file.name).toMatch(/^blogchat-\d{4}-\d{2}-\d{2}-\d{4}Z\.md$/);
    expect(file.type).toMatch(/^text\/markdown/);
    expect(file.text.startsWith('# \\#blogchat — \u2068Blogchat\u2069\n'), 'the title in its own bidi isolate').toBe(true);
    expect(file.text).toContain(` · ${count} tweets · `);
    expect(file.text).toContain('## Participants');
    for (const handle of new Set(authors)) expect(file.text).toContain(`(https://x.com/${handle})`);
    await options.close();
    await x.close();
  });
});
