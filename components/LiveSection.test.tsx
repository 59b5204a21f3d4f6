import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChat } from '@/lib/chat';
import type { LiveQuestion, LiveSnapshot } from '@/lib/chat/live';
import type { ViewSnapshot } from '@/lib/chat/view';
import type { TabState } from '@/lib/chat-mode/tab';
import type { Translate } from '@/lib/i18n';
import type { ChatSettings } from '@/lib/protocol/domain';
import { newChatSettings } from '@/lib/store/chats';
import { userClick } from '@/tests/unit/user-input';
import { LiveSection } from './LiveSection';

// Each part asks for its own heading when it renders: the keys asked for say which parts rendered.
const t = vi.fn<Translate>((key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key));
const rendered = () => t.mock.calls.map(([key]) => key);
const questionsRendered = () => t.mock.calls.filter(([key]) => key === 'questionLabel').map(([, key]) => key);

const question = (key: string, answerCount: number): LiveQuestion => ({
  key,
  number: Number.parseInt(key, 10),
  tweetId: `1${key.length}`,
  author: 'host',
  text: `Question ${key}?`,
  time: null,
  answerCount,
});

const first: LiveSnapshot = {
  shown: 10,
  hidden: { untagged: 3, promoted: 0, retweet: 1, muted: 0, 'not-host': 0 },
  questions: [question('1', 2), question('2', 0)],
  current: '1',
  participants: [
    { handle: 'fan', name: 'Fan', count: 4 },
    { handle: 'other', name: 'Other', count: 2 },
  ],
  perMinute: [{ minute: 1, count: 10 }],
  room: { hostPosts: [], recentAnswers: [], newcomers: [], asks: [] },
};

function state(chat: Partial<ChatSettings> = {}): TabState {
  return {
    tags: ['blogchat'],
    onChatPage: true,
    load: { state: 'ready' },
    chat: { ...newChatSettings('blogchat', findChat('blogchat'), 1), chatMode: true, ...chat },
    next: null,
    saving: false,
    saveError: null,
    reports: {},
  };
}

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
  t.mockClear();
});

const update = vi.fn();
const view: ViewSnapshot = { paused: false, held: 0, focus: null, folded: 0, unread: null };
const control = { pause: vi.fn(), resume: vi.fn(), focusOn: vi.fn(), catchUp: vi.fn() };
function show(live: LiveSnapshot, s: TabState) {
  container ??= document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns.
  void act(() =>
    render(<LiveSection live={live} view={view} control={control} state={s} t={t} doc={document} update={update} />, container),
  );
}

describe('LiveSection', () => {
  it('draws again only the counters when a report changes only the counts', () => {
    const s = state();
    show(first, s);
    expect(rendered()).toEqual(expect.arrayContaining(['countShown', 'questionsHeading', 'activityHeading', 'participantsHeading']));
    t.mockClear();
    // The live snapshot keeps its unchanged parts (lib/chat/live); the tab's state is a new, equal object.
    show({ ...first, shown: 11 }, { ...s });
    expect(container.querySelector('[data-testid="shown"]')?.textContent).toBe('countShown(11)');
    expect(rendered()).toContain('countShown');
    expect(rendered()).not.toContain('questionsHeading');
    expect(rendered()).not.toContain('activityHeading');
    expect(rendered()).not.toContain('participantsHeading');
  });

  it('draws again only the question whose answers changed', () => {
    const s = state();
    show(first, s);
    t.mockClear();
    show({ ...first, questions: [first.questions[0]!, question('2', 1)] }, s);
    expect(rendered()).toContain('questionsHeading');
    expect(questionsRendered()).toEqual(['2']);
    expect(container.querySelector('li[data-key="2"] .question-answers')?.textContent).toBe('answerCountOne');
  });

  it('draws again only the rows whose counts changed: a participant’s, a hidden reason’s', () => {
    const s = state();
    show(first, s);
    t.mockClear();
    const [fan, other] = first.participants;
    show({ ...first, hidden: { ...first.hidden, untagged: 4 }, participants: [{ ...fan!, count: 5 }, other!] }, s);
    expect(container.querySelector('.participant[data-handle="fan"] .participant-count')?.textContent).toContain('5');
    expect(container.querySelector('[data-reason="untagged"]')?.textContent).toContain('4');
    // Of the rows, only fan's count is said again; its name and mute button stay as they were.
    expect(t.mock.calls.filter(([key]) => key === 'tweetCount').map(([, count]) => count)).toEqual(['5']);
    expect(rendered()).not.toContain('muteParticipant');
    expect(rendered()).toContain('hiddenUntagged');
    expect(rendered()).not.toContain('hiddenRetweet');
    expect(rendered()).not.toContain('hiddenPaused');
  });

  it('lists the participants without the muted ones, filtered again only when they or the muted list change', async () => {
    const s = state({ muted: ['fan'] });
    show(first, s);
    const handles = () => [...container.querySelectorAll('.participant')].map((li) => li.getAttribute('data-handle'));
    expect(handles()).toEqual(['other']);
    t.mockClear();
    show(first, state({ muted: s.chat!.muted }));
    expect(rendered()).not.toContain('participantsHeading');
    show(first, state({ muted: ['other'] }));
    expect(handles()).toEqual(['fan']);
    // The mute button's callback is the same function across renders, and mutes with the latest list.
    await act(() => userClick(container.querySelector('.participant[data-handle="fan"] .participant-mute')!));
    expect(update).toHaveBeenLastCalledWith({ muted: ['other', 'fan'] });
  });
});
