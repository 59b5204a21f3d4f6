// The live filter on a page built from cells captured from the stand-in: it fails open when tweets
// cannot be read whole, or read but almost none carries the chat's tags, and recovers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { benchCounters } from '@/lib/bench-counters';
import { DEFAULT_FILTER_OPTIONS, findChat } from '@/lib/chat';
import { newChatSettings } from '@/lib/store/chats';
import { fixture } from '@/tests/fixtures/x-cells';
import { X } from '@/lib/x/selectors';
import { FOLDS_ATTR, HIDDEN_ATTR, READ_MARKER_ATTR } from '@/lib/x/marks';
import { findTimeline } from '@/lib/x/timeline';
import type { ChatModeDeps, FeatureContext } from '../feature';
import { createLiveFilter, type LiveFilterReport } from './live-filter';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let nextId = 1_900_000_000_000_000_000n;

/** A tweet cell as the stand-in renders it (by @KenSmith32), with its own id (newer than the last) and this text. */
function cell(text: string, id = String(nextId++)): Element {
  const c = fixture('untagged');
  for (const a of c.querySelectorAll(X.statusLink))
    a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/\/status\/\d+/, `/status/${id}`));
  const textEl = c.querySelector(X.tweetText)!;
  const span = document.createElement('span');
  span.textContent = text;
  textEl.replaceChildren(span);
  return c;
}

/** The page with these cells in its timeline; the feature started for #blogchat. */
function start(
  cells: Element[],
  reportEveryMs = 0,
  {
    feature = createLiveFilter({ reportEveryMs }),
    hosts = ['mackcollier'],
    foldRepeats = true,
    pauseWhileScrolling = false,
    client = { send: vi.fn(() => Promise.resolve<unknown>({ ok: true, questions: [] })) },
  } = {},
) {
  running?.abort();
  running = new AbortController();
  const main = fixture('page');
  document.body.replaceChildren(main);
  const timeline = findTimeline(document)!;
  timeline.replaceChildren(...cells);
  const reports: LiveFilterReport[] = [];
  const outbox = { add: vi.fn(), stats: vi.fn() };
  const context: FeatureContext<LiveFilterReport> = {
    tags: ['blogchat'],
    chat: {
      ...newChatSettings('blogchat', findChat('blogchat'), 1),
      hosts,
      filter: { ...DEFAULT_FILTER_OPTIONS, foldRepeats, pauseWhileScrolling },
    },
    onChatPage: true,
    href: 'https://x.com/search?q=%23blogchat&f=live',
    deps: { document, outbox, client } as Partial<ChatModeDeps> as ChatModeDeps, // the live filter uses only these
    signal: running.signal,
    report: (r) => void reports.push(r),
  };
  feature.start(context);
  const page = () => reports.at(-1)?.page;
  const hidden = () => [...timeline.children].filter((c) => c.hasAttribute(HIDDEN_ATTR));
  const hiddenFor = (reason: string) => [...timeline.children].filter((c) => c.getAttribute(HIDDEN_ATTR) === reason);
  const control = () => reports.at(-1)!.control!;
  const view = () => reports.at(-1)!.view!;
  return { timeline, page, hidden, hiddenFor, outbox, reports, control, view };
}

let running: AbortController | null = null;
beforeEach(() => {
  // The badge's text comes from the browser's i18n: `key(substitutions)` here.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => `${key}(${[subs ?? []].flat().join('|')})`);
});
afterEach(() => {
  running?.abort();
  running = null;
  document.body.replaceChildren();
});

describe('live filter', () => {
  it('hides the untagged tweets of a chat page (with some noise) and says the page is fine', () => {
    const chatter = Array.from({ length: 16 }, (_, i) => cell(i % 4 === 0 ? `no tag here ${i}` : `A${i} answer #blogchat`));
    const { page, hidden } = start(chatter);
    expect(page()).toEqual({ status: 'ok' });
    expect(hidden()).toEqual(chatter.filter((_, i) => i % 4 === 0));
  });

  it('never hides a tweet whose text it cannot read (a renamed tweetText), and says why', () => {
    const cells = [cell('A1 #blogchat'), cell('no tag'), cell('A2 #blogchat')];
    for (const el of cells[1]!.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
    const { hidden } = start(cells);
    expect(hidden()).toEqual([]);

    const all = [cell('A1 #blogchat'), cell('no tag'), cell('A2 #blogchat')];
    for (const c of all) for (const el of c.querySelectorAll(X.tweetText)) el.setAttribute('data-testid', 'postText');
    const second = start(all);
    expect(second.hidden()).toEqual([]);
    expect(second.page()).toEqual({ status: 'unrecognised', detail: 'no tweetText in the tweet' });
  });

  it('hides nothing once a dozen tweets read and none carries the chat’s tags, then filters again when they do', async () => {
    // What a drifted hashtag markup reads as: the tag's text without "#".
    const cells = Array.from({ length: 14 }, (_, i) => cell(i === 3 ? 'off topic' : `A${i} answer blogchat`));
    const { page, hidden, outbox, timeline } = start(cells);
    expect(hidden()).toEqual([]);
    expect(page()).toEqual({
      status: 'unrecognised',
      detail: '0 of the last 14 tweets read carry a chat tag',
      tagsMissing: { read: 14, tagged: 0 },
    });

    // Arrivals that read the same way change nothing.
    timeline.prepend(cell('A15 blogchat'));
    await tick();
    expect(hidden()).toEqual([]);

    // The markup comes back: the same tweets now read tagged, and every tweet shown is filtered again.
    for (const c of cells) {
      const span = c.querySelector(`${X.tweetText} span`)!;
      span.textContent = (span.textContent ?? '').replace('blogchat', '#blogchat');
    }
    await tick();
    expect(page()).toEqual({ status: 'ok' });
    expect(hidden()).toEqual([timeline.firstElementChild, cells[3]]);
    await tick();
    expect(outbox.add).toHaveBeenCalled();
  });

  it('marks a re-created cell of a known tweet as before, without deciding, counting or reporting again', async () => {
    const cells = Array.from({ length: 14 }, (_, i) => cell(i === 2 ? 'off topic' : `A${i} answer #blogchat`));
    const { timeline, hidden, reports, outbox } = start(cells);
    await tick();
    expect(hidden()).toEqual([cells[2]]);
    const shown = reports.at(-1)?.live?.shown;
    const count = reports.length;
    outbox.add.mockClear();

    // x.com scrolls them out of view and back: new elements, same tweets
    const read = benchCounters.cellsRead;
    const again = cells.map((c) => c.cloneNode(true) as Element);
    timeline.replaceChildren(...again);
    await tick();
    await tick();
    expect(hidden()).toEqual([again[2]]);
    expect(benchCounters.cellsRead).toBe(read);
    expect(reports).toHaveLength(count);
    expect(outbox.add).not.toHaveBeenCalled();

    // a new tweet is counted and reported
    timeline.prepend(cell('A20 answer #blogchat'));
    await tick();
    await tick();
    expect(reports.length).toBeGreaterThan(count);
    expect(reports.at(-1)?.live?.shown).toBe((shown ?? 0) + 1);
  });

  it('hands the chat’s tweets to the outbox as they are counted, not at the sidebar’s pace', async () => {
    const cells = Array.from({ length: 14 }, (_, i) => cell(i === 2 ? 'off topic' : `A${i} answer #blogchat`));
    const { timeline, outbox, reports } = start(cells, 60_000);
    const count = reports.length;
    expect(outbox.add).toHaveBeenCalledOnce();
    const [tag, tweets] = outbox.add.mock.calls[0] as [string, Array<{ text: string; answer?: string }>];
    expect(tag).toBe('blogchat');
    expect(tweets.map((t) => t.text)).toEqual(cells.flatMap((_, i) => (i === 2 ? [] : [`A${i} answer #blogchat`])));
    // `A0` is no answer (they start at 1); `A1` answers Q1
    expect(tweets.slice(0, 2).map((t) => t.answer)).toEqual([undefined, '1']);

    timeline.prepend(cell('A20 answer #blogchat'));
    await tick();
    expect(outbox.add).toHaveBeenCalledTimes(2);
    expect(outbox.add.mock.calls[1]![1]).toMatchObject([{ text: 'A20 answer #blogchat', answer: '20' }]);
    // the sidebar's counts wait for their pace
    expect(reports.length).toBe(count);
  });

  it('decides a changed cell afresh', async () => {
    const cells = Array.from({ length: 3 }, (_, i) => cell(`A${i} answer #blogchat`));
    const { hidden } = start(cells);
    expect(hidden()).toEqual([]);
    cells[1]!.querySelector(X.tweetText)!.replaceChildren('the tag edited away');
    await tick();
    expect(hidden()).toEqual([cells[1]]);
  });

  it('forgets what it read while the page did not read as the chat: a tweet re-created after the markup came back is read again', async () => {
    const cells = Array.from({ length: 14 }, (_, i) => cell(i === 3 ? 'off topic' : `A${i} answer blogchat`));
    const { timeline, page, hidden } = start(cells);
    expect(page()?.status).toBe('unrecognised');
    // two tweets scroll out of view while the markup is off
    const [first, offTopic] = [cells[0]!, cells[3]!];
    first.remove();
    offTopic.remove();

    const fix = (c: Element) => {
      const span = c.querySelector(`${X.tweetText} span`)!;
      span.textContent = (span.textContent ?? '').replace('blogchat', '#blogchat');
    };
    for (const c of timeline.children) fix(c);
    await tick();
    expect(page()).toEqual({ status: 'ok' });

    // x.com draws them again, with the markup back
    const [again, againOffTopic] = [first, offTopic].map((c) => c.cloneNode(true) as Element);
    fix(again!);
    timeline.prepend(again!, againOffTopic!);
    await tick();
    expect(hidden()).toEqual([againOffTopic]);
  });

  describe('pause', () => {
    it('holds back the chat tweets that arrive while paused, counted, kept for the transcript, until Resume shows them in place', async () => {
      const cells = Array.from({ length: 14 }, (_, i) => cell(i === 2 ? 'off topic' : `A${i} answer #blogchat`));
      const { timeline, hidden, hiddenFor, outbox, control, view } = start(cells);
      control().pause();
      expect(view()).toEqual({ paused: true, held: 0, focus: null, folded: 0, unread: null });
      expect(hidden()).toEqual([cells[2]]);
      outbox.add.mockClear();

      const arrivals = Array.from({ length: 5 }, (_, i) => cell(`A${i + 1} arriving #blogchat`));
      const noise = cell('not the chat');
      timeline.prepend(...arrivals.slice(0, 2), noise, ...arrivals.slice(2));
      await tick();
      expect(hiddenFor('paused')).toEqual(arrivals);
      expect(hiddenFor('untagged')).toEqual([noise, cells[2]]);
      expect(view()).toEqual({ paused: true, held: 5, focus: null, folded: 0, unread: null });
      // Held, not dropped: on their way to the transcript like any chat tweet.
      expect(outbox.add.mock.calls.flatMap(([, tweets]) => (tweets as Array<{ text: string }>).map((t) => t.text))).toEqual(
        arrivals.map((c) => c.querySelector(X.tweetText)!.textContent),
      );

      // x.com re-creates a held tweet's cell (scrolled away and back): still held.
      const again = arrivals[0]!.cloneNode(true) as Element;
      arrivals[0]!.replaceWith(again);
      await tick();
      expect(hiddenFor('paused')).toEqual([again, ...arrivals.slice(1)]);

      control().resume();
      expect(view()).toEqual({ paused: false, held: 0, focus: null, folded: 0, unread: null });
      expect(hidden()).toEqual([noise, cells[2]]);
    });

    it('with "pause while I scroll down", pauses reading down and resumes back at the top, unless the reader decided by hand', () => {
      const scrollTo = (y: number) => {
        Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
        window.dispatchEvent(new Event('scroll'));
      };
      const cells = Array.from({ length: 14 }, (_, i) => cell(`A${i} answer #blogchat`));
      const { control, view } = start(cells, 0, { pauseWhileScrolling: true });
      scrollTo(100);
      expect(view().paused).toBe(false);
      scrollTo(900);
      expect(view().paused).toBe(true);
      scrollTo(1500);
      scrollTo(40);
      expect(view().paused).toBe(false);
      // Resumed by hand while down: it stays resumed until the reader is back at the top.
      scrollTo(900);
      control().resume();
      scrollTo(1200);
      scrollTo(600);
      expect(view().paused).toBe(false);
      scrollTo(0);
      // Paused by hand at the top: reading down and back does not resume it.
      control().pause();
      scrollTo(900);
      scrollTo(0);
      expect(view().paused).toBe(true);
      control().resume();

      // Off (the default): scrolling pauses nothing.
      const off = start(cells);
      scrollTo(900);
      expect(off.view().paused).toBe(false);
      scrollTo(0);
    });

    it('does not hold older tweets that load below while paused (the reader scrolling down)', async () => {
      const cells = Array.from({ length: 14 }, (_, i) => cell(`A${i} answer #blogchat`));
      const { timeline, hidden, control, view } = start(cells);
      control().pause();
      const older = cell('A3 an older answer #blogchat', '1800000000000000000');
      timeline.append(older);
      await tick();
      expect(hidden()).toEqual([]);
      expect(view().held).toBe(0);
    });

    it('outlives a restart of the feature (a setting changed) but not a stop (chat mode off)', async () => {
      const feature = createLiveFilter({ reportEveryMs: 0 });
      const cells = Array.from({ length: 14 }, (_, i) => cell(`A${i} answer #blogchat`));
      start(cells, 0, { feature }).control().pause();
      // A restart: stopped and started again in the same task.
      const restarted = start(cells, 0, { feature });
      expect(restarted.view().paused).toBe(true);
      restarted.timeline.prepend(cell('A1 arriving #blogchat'));
      await tick();
      expect(restarted.hiddenFor('paused')).toHaveLength(1);

      running!.abort();
      await tick();
      const after = start(cells, 0, { feature });
      expect(after.view()).toEqual({ paused: false, held: 0, focus: null, folded: 0, unread: null });
      expect(after.hidden()).toEqual([]);
    });
  });

  describe('answers by question', () => {
    // The fixture's author is the host here: their Q tweets are questions, and A-tweets are answers whoever writes them.
    const hosts = ['kensmith32'];

    it('narrows the timeline to a question, its sub-questions and their answers, live as more arrive, until Show all', async () => {
      const texts = ['Q1 Why blog? #blogchat', 'A1 to reach people #blogchat', 'Q2 How often? #blogchat', 'A2 weekly #blogchat'];
      texts.push(
        'Q2a And on weekends? #blogchat',
        'A2a rarely #blogchat',
        'a1: late answer #blogchat',
        'just chatting #blogchat',
        'no tag',
      );
      const cells = texts.map((text) => cell(text));
      const { timeline, hiddenFor, control, view, reports } = start(cells, 0, { hosts });
      const byText = (el: Element) => el.querySelector(X.tweetText)!.textContent;
      expect(reports.at(-1)!.live!.questions.map((q) => [q.key, q.answerCount])).toEqual([
        ['1', 2],
        ['2', 1],
        ['2a', 1],
      ]);

      control().focusOn('2');
      expect(view().focus).toBe('2');
      expect(hiddenFor('focus').map(byText)).toEqual([
        'Q1 Why blog? #blogchat',
        'A1 to reach people #blogchat',
        'a1: late answer #blogchat',
        'just chatting #blogchat',
      ]);
      expect(hiddenFor('untagged').map(byText)).toEqual(['no tag']);

      // Live: an answer to Q2a stays in view, one to Q1 does not.
      const [toQ2a, toQ1] = [cell('A2a yes #blogchat'), cell('A1 because #blogchat')];
      timeline.prepend(toQ2a, toQ1);
      await tick();
      expect(hiddenFor('focus')).toContain(toQ1);
      expect(hiddenFor('focus')).not.toContain(toQ2a);

      // A sub-question in focus keeps only its own.
      control().focusOn('2a');
      expect(timeline.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(cells.length + 2 - 3);

      control().focusOn(null);
      expect(view().focus).toBeNull();
      expect(hiddenFor('focus')).toEqual([]);
      expect(hiddenFor('untagged').map(byText)).toEqual(['no tag']);
    });

    it('catches up from what the tab read and the saved session, or from the tab alone when the background cannot say', async () => {
      const cells = ['Q2 How often? #blogchat', 'A2 weekly #blogchat', 'A2 monthly #blogchat'].map((text) => cell(text));
      const saved = { key: '1', tweetId: '5', text: 'Q1 Why? #blogchat', answerCount: 7, top: [] };
      const client = { send: vi.fn(() => Promise.resolve<unknown>({ ok: true, questions: [saved] })) };
      const { control } = start(cells, 0, { hosts, client });
      const caughtUp = await control().catchUp();
      expect(client.send).toHaveBeenCalledWith({ type: 'catch-up', tag: 'blogchat' });
      expect(caughtUp.stored).toBe(true);
      expect(caughtUp.questions.map((q) => [q.key, q.answerCount, q.top.map((a) => a.text)])).toEqual([
        ['1', 7, []],
        ['2', 2, ['A2 weekly #blogchat', 'A2 monthly #blogchat']],
      ]);

      client.send.mockResolvedValue({ ok: false, error: { code: 'unavailable', message: 'restarting' } });
      const tabOnly = await control().catchUp();
      expect(tabOnly.stored).toBe(false);
      expect(tabOnly.questions.map((q) => q.key)).toEqual(['2']);
    });

    it('pause and focus together: a held answer in focus waits for Resume', async () => {
      const cells = ['Q1 Why blog? #blogchat', 'A1 to reach people #blogchat'].map((text) => cell(text));
      const { timeline, hiddenFor, control } = start(cells, 0, { hosts });
      control().focusOn('1');
      control().pause();
      const arriving = cell('A1 arriving #blogchat');
      timeline.prepend(arriving);
      await tick();
      expect(hiddenFor('paused')).toEqual([arriving]);
      control().resume();
      expect(hiddenFor('paused')).toEqual([]);
      expect(hiddenFor('focus')).toEqual([]);
    });
  });

  describe('read marker', () => {
    const setVisibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    afterEach(() => setVisibility('visible'));

    it('after time away, marks where the chat tweets that arrived meanwhile end, and counts them', async () => {
      const cells = Array.from({ length: 14 }, (_, i) => cell(`A${i} answer #blogchat`));
      const { timeline, view } = start(cells, 0, { feature: createLiveFilter({ reportEveryMs: 0, awayMs: 0 }) });
      setVisibility('hidden');
      const arrivals = [cell('A1 new one #blogchat'), cell('A2 new two #blogchat'), cell('not the chat')];
      timeline.prepend(...arrivals);
      await tick();
      expect(timeline.querySelector(`[${READ_MARKER_ATTR}]`)).toBeNull();
      setVisibility('visible');
      // The newest tweet read before leaving (this page's cells were made oldest first).
      const newest = cells.at(-1)!;
      const newestRead = newest.querySelector(X.statusLink)!.getAttribute('href')!.split('/').pop();
      expect(view().unread).toEqual({ count: 2, after: newestRead });
      expect([...timeline.querySelectorAll(`[${READ_MARKER_ATTR}]`)]).toEqual([newest]);
      expect(newest.getAttribute(READ_MARKER_ATTR)).toBe('readMarker()');
      // Re-created, it keeps the line.
      const again = newest.cloneNode(true) as Element;
      again.removeAttribute(READ_MARKER_ATTR);
      newest.replaceWith(again);
      await tick();
      expect(again.hasAttribute(READ_MARKER_ATTR)).toBe(true);
    });

    it('marks nothing after a glance away shorter than a minute', async () => {
      const cells = Array.from({ length: 14 }, (_, i) => cell(`A${i} answer #blogchat`));
      const { timeline, view } = start(cells);
      setVisibility('hidden');
      timeline.prepend(cell('A1 new one #blogchat'));
      await tick();
      setVisibility('visible');
      expect(view().unread).toBeNull();
      expect(timeline.querySelector(`[${READ_MARKER_ATTR}]`)).toBeNull();
    });
  });

  describe('folded repeats', () => {
    const copied = 'Consistency beats frequency: publish when your readers expect you #blogchat';

    it('shows the same long text once, with a badge counting its copies, updated as more arrive', async () => {
      const cells = [cell(copied), cell('A1 short and common #blogchat'), cell('A1 short and common #blogchat'), cell(copied)];
      const { timeline, hiddenFor, reports } = start(cells);
      expect(hiddenFor('folded')).toEqual([cells[3]]);
      expect(cells[0]!.getAttribute(FOLDS_ATTR)).toBe('foldedBadge(2)');
      expect([cells[1], cells[2]].map((c) => c!.hasAttribute(HIDDEN_ATTR))).toEqual([false, false]);

      const third = cell(`  ${copied.toUpperCase()}`);
      timeline.append(third);
      await tick();
      expect(hiddenFor('folded')).toEqual([cells[3], third]);
      expect(cells[0]!.getAttribute(FOLDS_ATTR)).toBe('foldedBadge(3)');
      expect(reports.at(-1)!.view!.folded).toBe(2);

      // Scrolled away and back: the copies stay folded, the badge stays on the one shown.
      const again = cells.map((c) => c.cloneNode(true) as Element);
      for (const c of again) for (const a of [FOLDS_ATTR, HIDDEN_ATTR]) c.removeAttribute(a);
      timeline.replaceChildren(...again);
      await tick();
      expect(hiddenFor('folded')).toEqual([again[3]]);
      expect(again[0]!.getAttribute(FOLDS_ATTR)).toBe('foldedBadge(3)');
    });

    it('reports a repost folded alone with the next tweet counted, never on its own: the sidebar does not draw as the reader scrolls', async () => {
      const original = cell('A1 the original answer #blogchat');
      const id = original.querySelector(X.statusLink)!.getAttribute('href')!.split('/').pop()!;
      const { timeline, reports } = start([original], 1_000);
      const repost = fixture('retweet');
      for (const a of repost.querySelectorAll(X.statusLink))
        a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/\/status\/\d+/, `/status/${id}`));
      for (const a of repost.querySelectorAll(`${X.userName} a`))
        a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/^\/[^/]+/, '/KenSmith32'));
      repost.querySelector(X.tweetText)!.replaceChildren('A1 the original answer #blogchat');
      vi.useFakeTimers();
      try {
        const before = reports.length;
        timeline.append(repost);
        await Promise.resolve();
        await Promise.resolve();
        expect(repost.getAttribute(HIDDEN_ATTR)).toBe('folded');
        vi.advanceTimersByTime(60_000);
        expect(reports.length).toBe(before);
        timeline.append(cell('A2 a new answer #blogchat'));
        await Promise.resolve();
        await Promise.resolve();
        vi.advanceTimersByTime(1_000);
        expect(reports.at(-1)!.view!.folded).toBe(1);
      } finally {
        vi.useRealTimers();
      }
    });

    it('folds nothing when the chat’s option is off', () => {
      const cells = [cell(copied), cell(copied)];
      const { hidden } = start(cells, 0, { foldRepeats: false });
      expect(hidden()).toEqual([]);
      expect(cells.map((c) => c.hasAttribute(FOLDS_ATTR))).toEqual([false, false]);
    });
  });
});
