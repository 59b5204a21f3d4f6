import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChat } from '@/lib/chat';
import type { ChatSettings } from '@/lib/protocol/domain';
import { newChatSettings } from '@/lib/store/chats';
import type { TabState } from '@/lib/chat-mode/tab';
import type { Translate } from '@/lib/i18n';
import type { LiveSnapshot } from '@/lib/chat/live';
import { liveFilter } from '@/lib/chat-mode/features/live-filter';
import { transcriptStatus } from '@/lib/chat-mode/features/transcript-status';
import { userClick } from '@/tests/unit/user-input';
import { ChatSidebar, type SidebarIntents } from './ChatSidebar';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const light = { scheme: 'light' as const, background: 'rgb(255, 255, 255)', fontSize: 15 };

/** #blogchat as the background creates it from the directory, with changes. */
function chat(overrides: Partial<ChatSettings> = {}): ChatSettings {
  return { ...newChatSettings('blogchat', findChat('blogchat'), 1), ...overrides };
}

/** #blogchat on Sunday, November 29, 2026, 8–9pm Central, as the background computes it. */
const SUNDAY = { start: Date.parse('2026-11-30T02:00:00Z'), end: Date.parse('2026-11-30T03:00:00Z') };

function state(overrides: Partial<TabState> = {}): TabState {
  return {
    tags: ['blogchat'],
    onChatPage: true,
    load: { state: 'ready' },
    chat: chat(),
    next: SUNDAY,
    saving: false,
    saveError: null,
    reports: {},
    ...overrides,
  };
}

function recordIntents(): SidebarIntents & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    setCollapsed: (c) => calls.push(['setCollapsed', c]),
    setChatMode: (on) => calls.push(['setChatMode', on]),
    retry: () => calls.push(['retry']),
    update: (patch) => calls.push(['update', patch]),
  };
}

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(s: TabState, intents = recordIntents(), now = new Date('2026-11-24T12:00:00Z')) {
  container ??= document.createElement('div');
  document.body.append(container);
  await act(() =>
    render(<ChatSidebar state={s} intents={intents} t={t} theme={light} now={() => now} timeZone="America/New_York" />, container),
  );
  return intents;
}

const q = (selector: string) => container.querySelector<HTMLElement>(selector);

/** A live report with one participant (who can be muted). */
const oneFan: LiveSnapshot = {
  shown: 1,
  hidden: { untagged: 0, promoted: 0, retweet: 0, muted: 0, 'not-host': 0 },
  questions: [],
  current: null,
  participants: [{ handle: 'fan', name: 'Fan', count: 1 }],
  perMinute: [],
  room: { hostPosts: [], recentAnswers: [], newcomers: [], asks: [] },
};
/** The live filter's report of it: the live snapshot, a plain view, and stream controls that record their calls. */
const streamControl = { pause: vi.fn(), resume: vi.fn(), focusOn: vi.fn(), catchUp: vi.fn() };
const liveReport = (live: LiveSnapshot) => ({
  live,
  view: { paused: false, held: 0, focus: null, folded: 0, unread: null },
  control: streamControl,
});

describe('ChatSidebar', () => {
  it('shows the chat’s tag, next occurrence in the user’s zone, and hosts', async () => {
    await mount(state());
    expect(q('h2')?.textContent).toBe('#blogchat');
    expect(q('aside')?.getAttribute('aria-label')).toBe('sidebarLabel(#blogchat)');
    // Tuesday noon in New York → next Sunday 8pm Central = 9pm Eastern.
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('nextChat(Sun, Nov 29, 9:00 PM EST)');
    expect([...container.querySelectorAll('.hosts a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['@mackcollier', '/mackcollier'],
    ]);
  });

  it('says when the chat is live, when it has ended, and when no schedule is known', async () => {
    await mount(state(), undefined, new Date('2026-11-30T02:30:00Z')); // Sunday 8:30pm Central
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('liveNow(Sun, Nov 29, 10:00 PM EST)');
    await mount(state(), undefined, new Date('2026-11-30T03:30:00Z'));
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('chatEnded(Sun, Nov 29, 10:00 PM EST)');
    await mount(state({ next: null }));
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('noSchedule');
  });

  it('offers the chat mode switch and emits the intent to turn it on', async () => {
    const intents = await mount(state());
    const sw = q('button[role="switch"]')!;
    expect(sw.getAttribute('aria-checked')).toBe('false');
    await act(() => userClick(sw));
    expect(intents.calls).toEqual([['setChatMode', true]]);
  });

  it('collapses with a button that says its state', async () => {
    const intents = await mount(state());
    const button = q('button[aria-controls]')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('collapse');
    await act(() => userClick(button));
    expect(intents.calls).toEqual([['setCollapsed', true]]);

    await mount(state({ chat: chat({ sidebar: { collapsed: true } }) }));
    expect(q('button[aria-controls]')?.getAttribute('aria-expanded')).toBe('false');
    expect(q('button[aria-controls]')?.getAttribute('aria-label')).toBe('expand');
    expect(q('.body')?.hidden).toBe(true);
  });

  it('collapsed, still tells the live counts (its bar as a bottom sheet), the pause’s held tweets among the hidden', async () => {
    const live = { ...oneFan, shown: 12, hidden: { ...oneFan.hidden, untagged: 3, retweet: 2 } };
    const report = { ...liveReport(live), view: { ...liveReport(live).view, held: 2 } };
    await mount(state({ chat: chat({ chatMode: true }), reports: { 'live-filter': report } }));
    expect(q('[data-testid="bar-counts"]')).toBeNull(); // expanded: the counters show in the body
    await mount(state({ chat: chat({ chatMode: true, sidebar: { collapsed: true } }), reports: { 'live-filter': report } }));
    expect(q('[data-testid="bar-counts"]')?.textContent).toBe('countShown(10) · countHidden(7)');
  });

  it('changes nothing when a page script clicks its controls (x.com can reach the open shadow root)', async () => {
    const intents = await mount(state({ chat: chat({ chatMode: true }), reports: { 'live-filter': liveReport(oneFan) } }));
    const controls = ['[data-testid="stream-pause"]', 'button[role="switch"]', 'button[aria-controls]', '.participant-mute'].map(
      (selector) => q(selector)!,
    );
    for (const control of controls) {
      await act(() => control.click());
      await act(() => void control.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    }
    expect(intents.calls).toEqual([]);
    expect(streamControl.pause).not.toHaveBeenCalled();
    for (const control of controls) await act(() => userClick(control));
    expect(streamControl.pause).toHaveBeenCalledOnce();
    expect(intents.calls).toEqual([
      ['setChatMode', false],
      ['setCollapsed', true],
      ['update', { muted: ['fan'] }],
    ]);
  });

  it('is busy while loading or saving, and says why a save failed', async () => {
    await mount(state({ load: { state: 'loading' }, chat: null }));
    expect(q('aside')?.getAttribute('aria-busy')).toBe('true');
    expect(q('[role="status"]')?.textContent).toBe('loading');
    expect(q('button[aria-controls]')?.hasAttribute('disabled')).toBe(true);
    await mount(state({ saveError: 'Storage is full.' }));
    expect(q('aside')?.getAttribute('aria-busy')).toBe('false');
    expect(q('[role="alert"]')?.textContent).toBe('saveFailed(Storage is full.)');
  });

  it('shows a clear error with a retry when the background cannot be reached', async () => {
    const intents = await mount(state({ load: { state: 'failed', message: 'No worker.' }, chat: null }));
    expect(q('[role="alert"] p')?.textContent).toBe('unavailable(No worker.)');
    await act(() => q('[role="alert"] button')!.click());
    expect(intents.calls).toEqual([['retry']]);
  });

  it('says when the page is not recognised, and why when it is the chat’s tags that are missing', async () => {
    const on = chat({ chatMode: true });
    await mount(state({ chat: on, reports: { 'live-filter': { page: { status: 'ok' } } } }));
    expect(q('[data-testid="page-notice"]')).toBeNull();
    await mount(state({ chat: on, reports: { 'live-filter': { page: { status: 'unrecognised', detail: 'no tweetText in the tweet' } } } }));
    expect(q('[data-testid="page-notice"]')?.textContent).toBe('pageNotRecognised');
    expect(q('[data-testid="page-notice"]')?.dataset.detail).toBe('no tweetText in the tweet');
    await mount(
      state({
        chat: on,
        reports: { 'live-filter': { page: { status: 'unrecognised', detail: '1 of the last 40', tagsMissing: { read: 40, tagged: 1 } } } },
      }),
    );
    expect(q('[data-testid="page-notice"]')?.textContent).toBe('pageTagsMissing(1|40|#blogchat)');
  });

  it('says loudly when tweets on their way are not kept, and how many were dropped', async () => {
    const transcript = { saved: 10, pending: 3, error: null, dropped: 0, kept: true };
    await mount(state({ chat: chat({ chatMode: true }), reports: { 'transcript-status': transcript } }));
    expect(q('[data-testid="transcript-not-kept"]')).toBeNull();
    expect(q('[data-testid="transcript-dropped"]')).toBeNull();
    await mount(state({ chat: chat({ chatMode: true }), reports: { 'transcript-status': { ...transcript, kept: false, dropped: 250 } } }));
    expect(q('[data-testid="transcript-not-kept"]')?.textContent).toBe('transcriptNotKept');
    expect(q('[data-testid="transcript-not-kept"]')?.getAttribute('role')).toBe('alert');
    expect(q('[data-testid="transcript-dropped"]')?.textContent).toBe('transcriptDropped(250)');
  });

  it('renders hostile chat titles as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await mount(state({ chat: chat({ title: hostile }) }));
    expect(q('.title')?.textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
  });

  it('gives names and titles their own bidi isolate and direction', async () => {
    await mount(state({ chat: chat({ title: '\u202Eevil title', extraTags: ['שלום', 'bc2'], hosts: ['mackcollier'] }) }));
    expect(q('.title')?.getAttribute('dir')).toBe('auto');
    expect([...container.querySelectorAll('p.muted bdi')].map((b) => b.textContent)).toEqual(['#שלום', '#bc2']);
    expect(q('.hosts a bdi')?.textContent).toBe('@mackcollier');
  });

  it('draws the chat mode switch and the chat’s details again only when they change, not with each live report', async () => {
    const asked = vi.fn(t);
    const intents = recordIntents();
    const keys = () => asked.mock.calls.map(([key]) => key);
    const draw = (s: TabState, now: Date) =>
      act(() =>
        render(<ChatSidebar state={s} intents={intents} t={asked} theme={light} now={() => now} timeZone="America/New_York" />, container),
      );
    container ??= document.createElement('div');
    document.body.append(container);
    const tuesday = new Date('2026-11-24T12:00:00Z');
    const on = state({ chat: chat({ chatMode: true }), reports: { 'live-filter': liveReport(oneFan) } });
    await draw(on, tuesday);
    expect(keys()).toEqual(expect.arrayContaining(['chatModeSwitch', 'hosts', 'countShown']));
    asked.mockClear();
    await draw({ ...on, reports: { 'live-filter': liveReport({ ...oneFan, shown: 2 }) } }, tuesday);
    expect(q('[data-testid="shown"]')?.textContent).toBe('countShown(2)');
    expect(keys()).not.toContain('chatModeSwitch');
    expect(keys()).not.toContain('hosts');
    // The chat started: its details say so, with no change of state.
    await draw({ ...on }, new Date('2026-11-30T02:30:00Z'));
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('liveNow(Sun, Nov 29, 10:00 PM EST)');
    expect(keys()).not.toContain('chatModeSwitch');
  });

  it('draws a feature’s section again only when its report or the tab’s state besides the reports changed', async () => {
    const liveSections = vi.spyOn(liveFilter as Required<typeof liveFilter>, 'section');
    const transcriptSections = vi.spyOn(transcriptStatus as Required<typeof transcriptStatus>, 'section');
    const transcript = { saved: 10, pending: 3, error: null, dropped: 0, kept: true };
    const on = state({ chat: chat({ chatMode: true }), reports: { 'live-filter': liveReport(oneFan), 'transcript-status': transcript } });
    const intents = await mount(on);
    expect([liveSections.mock.calls.length, transcriptSections.mock.calls.length]).toEqual([1, 1]);
    const saved = { ...on, reports: { ...on.reports, 'transcript-status': { ...transcript, saved: 13, pending: 0 } } };
    await mount(saved, intents);
    expect([liveSections.mock.calls.length, transcriptSections.mock.calls.length]).toEqual([1, 2]);
    expect(q('[data-testid="transcript-status"]')?.dataset.saved).toBe('13');
    await mount({ ...saved, chat: chat({ chatMode: true, muted: ['fan'] }) }, intents);
    expect([liveSections.mock.calls.length, transcriptSections.mock.calls.length]).toEqual([2, 3]);
    expect(q('.participant-list li[data-handle="fan"]')).toBeNull();
  });
});
