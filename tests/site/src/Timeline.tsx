/**
 * Virtualised timeline like x.com's: `div[style="position: relative; min-height: …"]` whose children are
 * absolutely positioned `div[data-testid="cellInnerDiv"]` cells (translateY), mounted only near the
 * viewport (± one screen), measured with ResizeObserver (a cell hidden by an extension measures 0 and
 * the following cells move up), window scrolling, viewport kept stable when content changes above it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Feed, Item } from './feeds';

const ESTIMATE = 140;

function estimate(item: Item): number {
  if (item.kind === 'user') return 72;
  if (item.kind === 'composer') return 120;
  if (item.kind === 'focal') return 260;
  const t = item.tweet;
  let h = 100 + Math.ceil(t.text.length / 60) * 20;
  if (t.quoted) h += 110;
  if (t.mediaHeight) h += t.mediaHeight + 12;
  if (t.retweetedBy) h += 20;
  return h || ESTIMATE;
}

interface Layout {
  tops: Float64Array;
  heights: Float64Array;
  total: number;
  index: Map<string, number>;
}

function computeLayout(items: Item[], measured: Map<string, number>): Layout {
  const n = items.length;
  const tops = new Float64Array(n);
  const heights = new Float64Array(n);
  const index = new Map<string, number>();
  let y = 0;
  for (let i = 0; i < n; i++) {
    const it = items[i] as Item;
    const h = measured.get(it.key) ?? estimate(it);
    tops[i] = y;
    heights[i] = h;
    index.set(it.key, i);
    y += h;
  }
  return { tops, heights, total: y, index };
}

/** first index whose bottom is below y */
function firstBelow(l: Layout, y: number): number {
  let lo = 0;
  let hi = l.tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((l.tops[mid] as number) + (l.heights[mid] as number) <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TimelineProps {
  feed: Feed;
  /** the cells' `data-testid` (`cellInnerDiv`, or its drifted name) */
  cellTestId: string;
  render(item: Item): ReactNode;
}

const cellKeys = new WeakMap<Element, string>();

interface Range {
  start: number;
  end: number;
  startKey: string | null;
}

export function Timeline({ feed, cellTestId, render }: TimelineProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [hv, setHv] = useState(0);
  const items = feed.items;
  const layout = useMemo(() => computeLayout(items, feed.heights), [items, hv, feed.heights]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  // the mounted range; when scrolled (anchored) it follows its first item's key, so items arriving
  // above do not unmount/remount the cells on screen before the scroll position is adjusted
  const [range, setRange] = useState<Range>({ start: 0, end: Math.min(items.length, 12), startKey: null });
  const anchor = useRef<{ key: string; delta: number } | null>(null);

  const ro = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const e of entries) {
          const key = cellKeys.get(e.target);
          if (key === undefined || !e.target.isConnected) continue;
          const box = e.borderBoxSize?.[0];
          const h = box ? box.blockSize : (e.target as HTMLElement).offsetHeight;
          if (feed.heights.get(key) !== h) {
            feed.heights.set(key, h);
            changed = true;
          }
        }
        if (changed) setHv((v) => v + 1);
      }),
    [feed],
  );
  useEffect(() => () => ro.disconnect(), [ro]);

  // the timeline's document offset: measured once per commit/frame, reused by scroll handlers
  // (measuring in every scroll event would force a layout each time)
  const topCache = useRef(0);
  const measureTop = (): number => {
    const el = ref.current;
    topCache.current = el ? el.getBoundingClientRect().top + window.scrollY : 0;
    return topCache.current;
  };
  const containerTop = (): number => topCache.current;

  const captureAnchor = useCallback(() => {
    const l = layoutRef.current;
    const top = containerTop();
    const viewTop = window.scrollY - top;
    if (viewTop <= 0 || l.tops.length === 0) {
      anchor.current = null;
      return;
    }
    const i = firstBelow(l, viewTop);
    const it = feed.items[i];
    if (!it) {
      anchor.current = null;
      return;
    }
    anchor.current = { key: it.key, delta: top + (l.tops[i] as number) - window.scrollY };
  }, [feed]);

  const updateRange = useCallback(() => {
    const l = layoutRef.current;
    const vh = window.innerHeight;
    const viewTop = window.scrollY - containerTop();
    const start = firstBelow(l, viewTop - vh);
    let end = start;
    const limit = viewTop + 2 * vh;
    while (end < l.tops.length && (l.tops[end] as number) <= limit) end++;
    const startKey = anchor.current ? (feed.items[start]?.key ?? null) : null;
    setRange((r) => (r.start === start && r.end === end && r.startKey === startKey ? r : { start, end, startKey }));
  }, [feed]);

  // keep the viewport stable when content above it changes (arrivals, measurements, hidden cells)
  useLayoutEffect(() => {
    measureTop();
    const a = anchor.current;
    if (a) {
      const i = layout.index.get(a.key);
      if (i !== undefined) {
        const desired = containerTop() + (layout.tops[i] as number) - a.delta;
        if (Math.abs(desired - window.scrollY) >= 1) window.scrollTo(window.scrollX, desired);
      }
    }
    captureAnchor();
    updateRange();
  }, [layout, captureAnchor, updateRange]);

  useEffect(() => {
    let raf = 0;
    const onScroll = () => {
      captureAnchor();
      if (raf) return;
      raf = requestAnimationFrame(() => {
        raf = 0;
        measureTop();
        updateRange();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (raf) cancelAnimationFrame(raf);
    };
  }, [captureAnchor, updateRange]);

  let { start, end } = range;
  if (range.startKey !== null) {
    const i = layout.index.get(range.startKey);
    if (i !== undefined) {
      end = i + (end - start);
      start = i;
    }
  }
  const cells: ReactNode[] = [];
  end = Math.min(end, items.length);
  for (let i = Math.min(start, items.length); i < end; i++) {
    const it = items[i] as Item;
    cells.push(
      <Cell key={it.key} itemKey={it.key} y={layout.tops[i] as number} ro={ro} testId={cellTestId}>
        {render(it)}
      </Cell>,
    );
  }
  return (
    <div ref={ref} style={{ position: 'relative', minHeight: `${layout.total}px` }}>
      {cells}
    </div>
  );
}

function Cell({
  itemKey,
  y,
  ro,
  testId,
  children,
}: {
  itemKey: string;
  y: number;
  ro: ResizeObserver;
  testId: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    cellKeys.set(el, itemKey);
    ro.observe(el);
    return () => ro.unobserve(el);
  }, [ro, itemKey]);
  return (
    <div ref={ref} data-testid={testId} style={{ transform: `translateY(${y}px)`, position: 'absolute', width: '100%' }}>
      {children}
    </div>
  );
}
