import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveParticipant } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { userClick } from '@/tests/unit/user-input';
import { Participants } from './Participants';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(participants: LiveParticipant[]) {
  const onMute = vi.fn();
  container = document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns; its promise adds nothing.
  void act(() => render(<Participants participants={participants} onMute={onMute} t={t} />, container));
  return onMute;
}

const rows = () => [...container.querySelectorAll<HTMLElement>('li')];

describe('Participants', () => {
  it('lists participants with names, handles and counts, in the given order', () => {
    mount([
      { handle: 'fan', name: 'Big Fan', count: 12 },
      { handle: 'lurker', name: 'Lurker', count: 1 },
    ]);
    expect(rows().map((li) => li.querySelector('.participant-who')?.textContent)).toEqual(['Big Fan @fan', 'Lurker @lurker']);
    expect(rows().map((li) => li.querySelector('.participant-count .visually-hidden')?.textContent)).toEqual([
      'tweetCount(12)',
      'tweetCountOne',
    ]);
    expect(rows()[0]?.querySelector('.participant-count [aria-hidden="true"]')?.textContent).toBe('12');
  });

  it('has a Mute button per row whose accessible name includes the handle', () => {
    const onMute = mount([
      { handle: 'fan', name: 'Big Fan', count: 2 },
      { handle: 'troll', name: 'Troll', count: 1 },
    ]);
    const button = rows()[1]!.querySelector<HTMLButtonElement>('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('muteParticipant(@troll)');
    expect(button.textContent).toBe('mute'); // the visible text is part of the name
    void act(() => button.click()); // a script's click: ignored
    expect(onMute).not.toHaveBeenCalled();
    void act(() => userClick(button));
    expect(onMute).toHaveBeenCalledWith('troll');
    expect(onMute).toHaveBeenCalledTimes(1);
  });

  it('shows an empty state', () => {
    mount([]);
    expect(container.textContent).toBe('participantsHeadingnoParticipants');
    expect(container.querySelector('button')).toBeNull();
  });

  it('renders hostile names as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    mount([{ handle: 'x', name: hostile, count: 1 }]);
    expect(container.querySelector('.participant-name')?.textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
  });

  it('puts each name and handle in its own bidi isolate, which a stray PDI cannot close', () => {
    const names = ['\u202Eevil', '\u2069\u202Eevil', '\u202Bembedded\u202C\u202C', '\u2067open', 'שלום'];
    mount(names.map((name, i) => ({ handle: `h${i}`, name, count: 1 })));
    for (const [i, row] of rows().entries()) {
      const name = row.querySelector('.participant-name')!;
      expect(name.tagName).toBe('BDI');
      expect(row.querySelector('.participant-handle')!.tagName).toBe('BDI');
      const expected = [names[0], '\u202Eevil', names[2], '\u2067open\u2069', names[4]][i];
      expect(name.textContent).toBe(expected);
    }
  });
});
