import { describe, expect, it, vi } from 'vitest';
import { switchToLatest } from './search';

describe('switchToLatest', () => {
  it('clicks the Latest tab of the search page, not another tab list’s link', () => {
    const column = document.createElement('div');
    column.dataset.testid = 'primaryColumn';
    const tabs = document.createElement('div');
    tabs.setAttribute('role', 'tablist');
    const top = Object.assign(document.createElement('a'), { href: '/search?q=%23blogchat' });
    const latest = Object.assign(document.createElement('a'), { href: '/search?q=%23blogchat&f=live' });
    for (const a of [top, latest]) a.setAttribute('role', 'tab');
    tabs.append(top, latest);
    column.append(tabs);
    document.body.append(column);
    const clicked = vi.fn((event: Event) => event.preventDefault());
    latest.addEventListener('click', clicked);
    expect(switchToLatest(document)).toBe(true);
    expect(clicked).toHaveBeenCalledTimes(1);
    column.remove();
    expect(switchToLatest(document)).toBe(false);
  });
});
