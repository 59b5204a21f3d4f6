import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveQuestion } from '@/lib/chat/live';
import type { ViewSnapshot } from '@/lib/chat/view';
import type { Translate } from '@/lib/i18n';
import { userClick } from '@/tests/unit/user-input';
import { StreamControls } from './StreamControls';

const t: Translate = (key, ...subs) => (key === 'questionLabel' ? `Q${subs[0]}` : subs.length ? `${key}(${subs.join('|')})` : key);
const plain: ViewSnapshot = { paused: false, held: 0, focus: null, folded: 0, unread: null };
const question = (key: string, answerCount: number): LiveQuestion => ({
  key,
  number: Number.parseInt(key, 10),
  tweetId: `id-${key}`,
  author: 'host',
  text: `Q${key}?`,
  time: null,
  answerCount,
});

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(view: ViewSnapshot, questions: LiveQuestion[] = []) {
  const intents = { onPause: vi.fn(), onResume: vi.fn(), onShowAll: vi.fn(), onShowUnread: vi.fn() };
  container = document.createElement('div');
  document.body.append(container);
  void act(() => render(<StreamControls view={view} questions={questions} t={t} {...intents} />, container));
  return intents;
}
const q = (selector: string) => container.querySelector<HTMLElement>(selector);

describe('StreamControls', () => {
  it('offers Pause, then Resume with the count held; only the user’s own clicks act', async () => {
    const intents = mount(plain);
    const button = q('[data-testid="stream-pause"]')!;
    expect(button.textContent).toBe('pauseStream');
    await act(() => button.click());
    expect(intents.onPause).not.toHaveBeenCalled();
    await act(() => userClick(button));
    expect(intents.onPause).toHaveBeenCalledOnce();

    render(null, container);
    container.remove();
    const paused = mount({ ...plain, paused: true, held: 5 });
    expect(q('[data-testid="stream-pause"]')?.textContent).toBe('resumeStream(5)');
    await act(() => userClick(q('[data-testid="stream-pause"]')!));
    expect(paused.onResume).toHaveBeenCalledOnce();
  });

  it('says which question is in focus with the answers of it and its parts, and shows all again', async () => {
    const intents = mount({ ...plain, focus: '2' }, [question('1', 9), question('2', 3), question('2a', 4)]);
    expect(q('[data-testid="stream-focus"] span')?.textContent).toBe('showingQuestion(Q2|answerCount(7))');
    await act(() => userClick(q('[data-testid="stream-focus"] button')!));
    expect(intents.onShowAll).toHaveBeenCalledOnce();
    expect(q('[data-testid="stream-unread"]')).toBeNull();
  });

  it('after time away, counts the new chat tweets and scrolls to where they end', async () => {
    const intents = mount({ ...plain, unread: { count: 12, after: '99' } });
    const button = q('[data-testid="stream-unread"] button')!;
    expect(button.textContent).toBe('unreadSince(12)');
    await act(() => userClick(button));
    expect(intents.onShowUnread).toHaveBeenCalledWith('99');
  });
});
