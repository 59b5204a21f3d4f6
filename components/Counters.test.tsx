import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { Counters, formatCounted } from './Counters';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(shown: number, hidden = { untagged: 3, promoted: 2, retweet: 0, muted: 1, 'not-host': 0 }, held = 0, folded = 0) {
  container = document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns; its promise adds nothing.
  void act(() => render(<Counters shown={shown} hidden={hidden} held={held} folded={folded} t={t} />, container));
}

describe('Counters', () => {
  it('says how many tweets are shown and hidden in a disclosure summary', () => {
    mount(12);
    expect(container.querySelector('details summary')?.textContent).toBe('countShown(12) · countHidden(6)');
    // The dot is decoration.
    expect(container.querySelector('summary [aria-hidden="true"]')?.textContent).toBe(' · ');
  });

  it('breaks the hidden tweets down by reason, in the filter order, in a labelled list', () => {
    mount(0);
    const list = container.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('hiddenBreakdown');
    expect([...list.querySelectorAll('li')].map((li) => [li.dataset.reason, li.textContent])).toEqual([
      ['untagged', 'hiddenUntagged3'],
      ['promoted', 'hiddenPromoted2'],
      ['retweet', 'hiddenRetweet0'],
      ['muted', 'hiddenMuted1'],
      ['not-host', 'hiddenNotHost0'],
      ['paused', 'hiddenPaused0'],
    ]);
  });

  it('counts the tweets the pause holds back as hidden, with a reason of their own, not as shown', () => {
    mount(12, undefined, 5);
    expect(container.querySelector('details summary')?.textContent).toBe('countShown(7) · countHidden(11)');
    expect(container.querySelector('li[data-reason="paused"]')?.textContent).toBe('hiddenPaused5');
  });

  it('says how many repeats are folded, once there are any', () => {
    mount(12);
    expect(container.querySelector('[data-testid="folded"]')).toBeNull();
    render(null, container);
    container.remove();
    mount(12, undefined, 0, 4);
    expect(container.querySelector('[data-testid="folded"]')?.textContent).toBe('foldedCount(4)');
    // Not hidden tweets: the totals are the filter's.
    expect(container.querySelector('details summary')?.textContent).toBe('countShown(12) · countHidden(6)');
  });

  it('formats large numbers and keeps them tabular', () => {
    mount(12345);
    expect(container.querySelector('[data-testid="shown"]')?.textContent).toBe(`countShown(${(12345).toLocaleString()})`);
    expect(container.querySelector('[data-testid="shown"]')?.classList.contains('num')).toBe(true);
  });
});

describe('formatCounted', () => {
  it('takes the singular message at exactly 1 and the plural one, with the count as the locale writes it, otherwise', () => {
    expect(formatCounted(1, 'likeCountOne', 'likeCount', t)).toBe('likeCountOne');
    expect(formatCounted(0, 'likeCountOne', 'likeCount', t)).toBe('likeCount(0)');
    expect(formatCounted(12_345, 'likeCountOne', 'likeCount', t)).toBe(`likeCount(${(12_345).toLocaleString()})`);
  });
});
