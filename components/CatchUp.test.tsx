import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatchUpView } from '@/lib/chat-mode/features/live-filter';
import type { Translate } from '@/lib/i18n';
import { userClick } from '@/tests/unit/user-input';
import { CatchUp } from './CatchUp';

const t: Translate = (key, ...subs) => (key === 'questionLabel' ? `Q${subs[0]}` : subs.length ? `${key}(${subs.join('|')})` : key);

const view: CatchUpView = {
  stored: true,
  questions: [
    {
      key: '1',
      tweetId: '10',
      text: 'Q1) Why blog?',
      answerCount: 12,
      top: [
        { id: '11', handle: 'fan', name: 'Fan', text: 'A1 <b>to think</b>', likes: 40 },
        { id: '12', handle: 'other', name: 'Other', text: 'A1 for clients', likes: 3 },
      ],
    },
    { key: '2', tweetId: '20', text: 'Q2) How often?', answerCount: 0, top: [] },
  ],
};

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(load: () => Promise<CatchUpView>, onShow = vi.fn((_id: string) => false)) {
  container = document.createElement('div');
  document.body.append(container);
  void act(() => render(<CatchUp load={load} onShow={onShow} t={t} />, container));
  return onShow;
}
const q = (selector: string) => container.querySelector<HTMLElement>(selector);

describe('CatchUp', () => {
  it('asks for the catch-up when opened, says it is on its way, then lists each question’s count and top answers', async () => {
    let resolve!: (v: CatchUpView) => void;
    const load = vi.fn(() => new Promise<CatchUpView>((r) => (resolve = r)));
    mount(load);
    const toggle = q('button.catch-up-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(load).not.toHaveBeenCalled();
    // A page script's click opens nothing.
    await act(() => toggle.click());
    expect(load).not.toHaveBeenCalled();

    await act(() => userClick(toggle));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(q(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)?.getAttribute('aria-busy')).toBe('true');
    expect(q('[data-testid="catch-up"]')?.textContent).toBe('catchUpLoading');
    await act(async () => resolve(view));
    const items = [...container.querySelectorAll('.catch-up-question')];
    expect(items.map((li) => [li.getAttribute('data-key'), li.querySelector('.catch-up-count')?.textContent])).toEqual([
      ['1', 'answerCount(12)'],
      ['2', 'answerCount(0)'],
    ]);
    const links = [...items[0]!.querySelectorAll<HTMLAnchorElement>('a.catch-up-answer')];
    expect(links.map((a) => [a.getAttribute('href'), a.target, a.textContent])).toEqual([
      ['https://x.com/fan/status/11', '_blank', '@fan A1 <b>to think</b> likeCount(40)'],
      ['https://x.com/other/status/12', '_blank', '@other A1 for clients likeCount(3)'],
    ]);
    expect(container.querySelector('b')).toBeNull();
    expect(q('[data-testid="catch-up"]')?.textContent).not.toContain('catchUpTabOnly');

    // Closed and opened again: asked again.
    await act(() => userClick(toggle));
    expect(q('[data-testid="catch-up"]')).toBeNull();
    await act(() => userClick(toggle));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('scrolls to an answer still on the page instead of opening it, and says when the saved session was not in it', async () => {
    const onShow = mount(
      () => Promise.resolve({ ...view, stored: false }),
      vi.fn((id: string) => id === '11'),
    );
    await act(() => userClick(q('button.catch-up-toggle')!));
    await act(() => Promise.resolve());
    expect(q('[data-testid="catch-up"]')?.textContent).toContain('catchUpTabOnly');
    const [onPage, gone] = [...container.querySelectorAll<HTMLAnchorElement>('a.catch-up-answer')];
    // Whether the link's own handler kept the browser from following it (the test then keeps it from doing so).
    const followed: boolean[] = [];
    container.addEventListener('click', (e) => {
      followed.push(!e.defaultPrevented);
      e.preventDefault();
    });
    const click = (a: HTMLAnchorElement) => {
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return !followed.at(-1);
    };
    expect(click(onPage!)).toBe(true);
    expect(click(gone!)).toBe(false);
    expect(onShow.mock.calls).toEqual([['11'], ['12']]);
  });
});
