import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostPlan, HostPost } from '@/lib/chat';
import type { LiveQuestion, LiveSnapshot } from '@/lib/chat/live';
import type { TabState } from '@/lib/chat-mode/tab';
import type { HostConsoleReport, StoredHostPosts } from '@/lib/chat-mode/features/host-console';
import type { Translate } from '@/lib/i18n';
import type { ChatSettings } from '@/lib/protocol/domain';
import { openComposerWithText } from '@/lib/x/composer';
import { chatSettings } from '@/tests/unit/builders';
import { flush, useRoot } from '@/tests/unit/render';
import { userClick } from '@/tests/unit/user-input';
import { HostConsole } from './HostConsole';

// x.com's composer is not on the test's page: what the console asks of it is recorded.
vi.mock('@/lib/x/composer', async (original) => ({
  ...(await original<typeof import('@/lib/x/composer')>()),
  openComposerWithText: vi.fn(),
}));
const composer = vi.mocked(openComposerWithText);
beforeEach(() => composer.mockResolvedValue(true));

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const MINUTE = 60_000;
const START = Date.parse('2026-12-03T20:00:00Z');

const plan: HostPlan = {
  welcome: '',
  questions: [
    { text: 'Why blog?', subs: [] },
    { text: 'How often?', subs: [] },
  ],
  wrapUp: '',
  firstAt: 5,
  every: 6,
};

const post = (id: string, author: string, text: string, at: number): HostPost => ({ id, author, text, at });
const question = (key: string, author: string, answerCount: number): LiveQuestion => ({
  key,
  number: Number.parseInt(key, 10),
  tweetId: `9${key}`,
  author,
  text: `Q${key}) …`,
  time: null,
  answerCount,
});

function live(room: Partial<LiveSnapshot['room']> = {}, questions: LiveQuestion[] = []): LiveSnapshot {
  return {
    shown: 0,
    hidden: { untagged: 0, promoted: 0, retweet: 0, muted: 0, 'not-host': 0 },
    questions,
    current: null,
    participants: [],
    perMinute: [],
    room: { hostPosts: [], recentAnswers: [], newcomers: [], asks: [], ...room },
  };
}

function state(chat: Partial<ChatSettings> = {}, snapshot?: LiveSnapshot): TabState {
  return {
    tags: ['blogchat'],
    onChatPage: true,
    load: { state: 'ready' },
    chat: chatSettings('blogchat', { hosts: ['host'], ...chat }),
    next: null,
    saving: false,
    saveError: null,
    reports: snapshot ? { 'live-filter': { live: snapshot } } : {},
  };
}

function report(me: string | null, stored: StoredHostPosts | null = null): HostConsoleReport {
  return { me, stored, refresh: vi.fn() };
}

let root: HTMLElement;
useRoot((created) => (root = created));

const update = vi.fn();
function mount(s: TabState, r: HostConsoleReport, now: () => number = () => START) {
  void act(() => render(<HostConsole report={r} state={s} t={t} doc={document} update={update} now={now} />, root));
}
const q = (selector: string) => root.querySelector<HTMLElement>(selector);
const toggle = () => q('button.host-console-toggle')!;
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

describe('HostConsole', () => {
  it('is not offered to a signed-in account that does not host the chat', () => {
    mount(state({ plan }, live({}, [question('1', 'host', 0)])), report('fan'));
    expect(root.innerHTML).toBe('');
    mount(state({ plan }), report(null));
    expect(root.innerHTML).toBe('');
  });

  it('is offered to one of the hosts, to the author of a chat question, and to whoever said they host it', () => {
    mount(state(), report('host'));
    expect(q('[data-testid="host-console"]')).not.toBeNull();
    mount(state(), report('fan'));
    expect(q('[data-testid="host-console"]')).toBeNull();
    mount(state({}, live({}, [question('1', 'fan', 0)])), report('fan'));
    expect(q('[data-testid="host-console"]')).not.toBeNull();
    mount(state({ hosting: true }), report(null));
    expect(q('[data-testid="host-console"]')).not.toBeNull();
  });

  it('is open at once for whoever said they host the chat, even before x.com shows who is signed in', () => {
    mount(state({ hosting: true }), report(null));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(q('[data-testid="host-signed-in"]')?.textContent).toBe('hostSignedInUnknown');
  });

  it('adds the signed-in account to the hosts once, when the user hosts the chat', () => {
    const s = state({ hosting: true });
    mount(s, report('me'));
    mount({ ...s }, report('me'));
    expect(update.mock.calls).toEqual([[{ hosts: ['host', 'me'] }]]);
    update.mockClear();
    mount(state({ hosting: true, hosts: ['host', 'me'] }), report('me'));
    expect(update).not.toHaveBeenCalled();
  });

  it('opens on the user’s own click only, and then asks the store for what was posted', async () => {
    const r = report('host');
    mount(state({ plan }), r);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(q('.host-console-panel')).toBeNull();
    await act(() => toggle().click()); // a page script's click
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(r.refresh).not.toHaveBeenCalled();

    await act(() => userClick(toggle()));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(q(`#${CSS.escape(toggle().getAttribute('aria-controls')!)}`)).not.toBeNull();
    expect(q('[data-testid="host-signed-in"]')?.textContent).toBe('hostSignedInAs(@host)');
    expect(r.refresh).toHaveBeenCalledTimes(1);
  });

  it('offers the plan editor without a plan, and saves the plan to the chat', async () => {
    mount(state({ hosting: true, hosts: ['me'] }), report('me'));
    expect(q('.host-console-panel')?.textContent).toContain('hostNoPlan');
    const questions = q('[name="questions"]') as HTMLTextAreaElement;
    await act(() => {
      questions.value = 'Why blog?\nHow often?';
      questions.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => userClick(button('planSave')!));
    expect(update).toHaveBeenLastCalledWith({
      plan: { welcome: '', questions: [...plan.questions], wrapUp: '', firstAt: 5, every: 6 },
    });
  });

  describe('with a plan, Q1 posted', () => {
    const posted = START + 5 * MINUTE;
    const now = posted + 90_000;
    const stored: StoredHostPosts = {
      posts: [post('1', 'host', 'Q1) Why blog? #blogchat', posted)],
      answers: { '1': 3 },
      sessionStart: START,
    };
    const snapshot = live(
      {
        // Another host's Q2 is theirs, not the signed-in host's.
        hostPosts: [post('2', 'cohost', 'Q2) How often? #blogchat', posted + MINUTE)],
        recentAnswers: [
          { key: '1', at: now - 2 * MINUTE },
          { key: '1', at: now - 10_000 },
        ],
        newcomers: [
          { handle: 'cohost', name: 'Co', at: START + MINUTE, tweetId: '30' },
          { handle: 'early', name: 'Early', at: START - MINUTE, tweetId: '31' },
          { handle: 'new', name: 'New <b>one</b>', at: START + 2 * MINUTE, tweetId: '32' },
        ],
        asks: [
          { id: '40', handle: 'fan', name: 'Fan', text: '@host why <b>this</b>?', at: now - MINUTE, answered: false },
          { id: '41', handle: 'old', name: 'Old', text: '@host done?', at: now - 2 * MINUTE, answered: true },
        ],
      },
      [question('1', 'host', 5)],
    );
    const open = () => mount(state({ plan, hosting: true, hosts: ['host', 'cohost'] }, snapshot), report('host', stored), () => now);

    it('shows the next item, the timer against the plan, and each item posted or not with its answers', () => {
      open();
      expect(q('[data-testid="host-timer"]')?.textContent).toBe('hostSincePosted(Q1|1:30|6)');
      expect(q('[data-testid="host-next"] strong')?.textContent).toBe('hostNext(Q2)');
      expect(q('[data-testid="host-due"]')?.textContent).toBe('hostDueIn(4:30)');
      const items = [...root.querySelectorAll('li.host-item')];
      expect(items.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-posted')])).toEqual([
        ['1', 'true'],
        ['2', 'false'],
      ]);
      expect(items[0]!.querySelector('.host-item-answers')?.textContent).toBe('answerCount(5) · hostLastMinute(1)');
    });

    it('moves the timer every second', async () => {
      vi.useFakeTimers();
      try {
        let clock = now;
        mount(state({ plan, hosts: ['host'] }, snapshot), report('host', stored), () => clock);
        await act(() => userClick(toggle()));
        clock += 2_000;
        await act(() => void vi.advanceTimersByTime(1_000));
        expect(q('[data-testid="host-timer"]')?.textContent).toBe('hostSincePosted(Q1|1:32|6)');
      } finally {
        vi.useRealTimers();
      }
    });

    it('opens x.com’s composer with the next post, caret at its end, on the user’s own click', async () => {
      open();
      const postQ2 = q('[data-testid="host-next"] button')!;
      expect(postQ2.textContent).toBe('hostPost(Q2)');
      await act(() => postQ2.click());
      expect(composer).not.toHaveBeenCalled();
      await act(() => userClick(postQ2));
      const text = 'Q2) How often? #blogchat';
      expect(composer.mock.calls).toEqual([[document, text, text.length]]);
      await flush();
      expect(q('[role="alert"]')).toBeNull();
    });

    it('says when the composer could not be opened', async () => {
      composer.mockResolvedValue(false);
      open();
      await act(() => userClick(q('[data-testid="host-next"] button')!));
      await flush();
      expect(q('[role="alert"]')?.textContent).toBe('hostComposerFailed(Q2)');
    });

    it('lists the newcomers since the start who are not hosts, and the asks not answered, as text', () => {
      open();
      const links = (testId: string) =>
        [...root.querySelectorAll<HTMLAnchorElement>(`[data-testid="${testId}"] a`)].map((a) => [a.getAttribute('href'), a.textContent]);
      expect(links('host-newcomers')).toEqual([['https://x.com/new/status/32', '@new New <b>one</b>']]);
      expect(links('host-asks')).toEqual([['https://x.com/fan/status/40', '@fan @host why <b>this</b>?']]);
      expect(root.querySelector('b')).toBeNull();
    });
  });
});
