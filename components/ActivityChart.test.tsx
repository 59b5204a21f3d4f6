import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { ActivityChart, CHART_HEIGHT, CHART_WIDTH } from './ActivityChart';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

const series = (counts: number[]) => counts.map((count, i) => ({ minute: 1_700_000_000_000 + i * 60_000, count }));

function mount(counts: number[]) {
  container = document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns; its promise adds nothing.
  void act(() => render(<ActivityChart perMinute={series(counts)} t={t} />, container));
  return container.querySelector('svg')!;
}

describe('ActivityChart', () => {
  it('is an image summarised by its label: minutes, peak and now', () => {
    const counts = Array.from({ length: 30 }, (_, i) => (i === 10 ? 42 : i === 29 ? 17 : 3));
    const svg = mount(counts);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('activitySummary(30|42|17)');
  });

  it('says when there were no tweets', () => {
    expect(mount(new Array<number>(30).fill(0)).getAttribute('aria-label')).toBe('activityNone(30)');
  });

  it('draws one bar per minute as SVG elements, scaled to the peak, at a fixed size', () => {
    const svg = mount([0, 5, 10]);
    expect(svg.getAttribute('width')).toBe(String(CHART_WIDTH));
    expect(svg.getAttribute('height')).toBe(String(CHART_HEIGHT));
    const bars = [...svg.querySelectorAll('rect')];
    expect(bars.map((b) => [b.getAttribute('data-count'), Number(b.getAttribute('height'))])).toEqual([
      ['0', 0],
      ['5', CHART_HEIGHT / 2],
      ['10', CHART_HEIGHT],
    ]);
    expect(bars[2]?.getAttribute('class')).toContain('activity-now');
    expect(Number(bars[1]?.getAttribute('x'))).toBeCloseTo(CHART_WIDTH / 3);
  });

  it('keeps the same size whatever the data', () => {
    const a = mount([1]);
    const size = [a.getAttribute('width'), a.getAttribute('height'), a.getAttribute('viewBox')];
    render(<ActivityChart perMinute={series(new Array<number>(30).fill(100))} t={t} />, container);
    const b = container.querySelector('svg')!;
    expect([b.getAttribute('width'), b.getAttribute('height'), b.getAttribute('viewBox')]).toEqual(size);
  });
});
