import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { benchCounters } from '@/lib/bench-counters';
import { placeSidebar, sidebarSlot, watchPlacement, type SidebarPlacement } from './layout';

type Rect = { left: number; top: number; width: number; height: number };

function box(testid: string | null, rect: Rect, tag = 'div'): HTMLElement {
  const el = document.createElement(tag);
  if (testid) el.dataset.testid = testid;
  return setRect(el, rect);
}

/** Lays `el` out at `rect` (happy-dom lays nothing out). */
function setRect(el: HTMLElement, rect: Rect): HTMLElement {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    ...rect,
    right: rect.left + rect.width,
    bottom: rect.top + rect.height,
    x: rect.left,
    y: rect.top,
    toJSON: () => ({}),
  });
  return el;
}

/** Sets the viewport's width without its scroll bar (happy-dom lays nothing out). */
function viewportWidth(px: number): void {
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(px);
}

afterEach(() => document.body.replaceChildren());

describe('sidebarSlot', () => {
  it('uses the free space right of x.com’s columns when there is room', () => {
    viewportWidth(1800);
    document.body.append(
      box('primaryColumn', { left: 400, top: 0, width: 600, height: 900 }),
      box('sidebarColumn', { left: 1030, top: 0, width: 350, height: 900 }),
    );
    expect(sidebarSlot(document, 300)).toEqual({ top: 12, left: 1392, width: 375 });
  });

  it('otherwise sits in the right column below x.com’s search box', () => {
    viewportWidth(1280);
    const column = box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 });
    column.append(box(null, { left: 930, top: 4, width: 350, height: 50 }, 'form'));
    column.querySelector('form')!.setAttribute('role', 'search');
    document.body.append(box('primaryColumn', { left: 300, top: 0, width: 600, height: 900 }), column);
    expect(sidebarSlot(document, 300)).toEqual({ top: 66, left: 930, width: 350 });
  });

  it('has no slot when x.com shows no right column and there is no room', () => {
    viewportWidth(800);
    document.body.append(box('primaryColumn', { left: 100, top: 0, width: 600, height: 900 }));
    expect(sidebarSlot(document, 300)).toBeNull();
  });
});

describe('placeSidebar', () => {
  it('places the sidebar by its right edge, and steps aside while an x.com dialog covers its place', () => {
    viewportWidth(1280);
    document.body.append(
      box('primaryColumn', { left: 300, top: 0, width: 600, height: 900 }),
      box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 }),
    );
    expect(placeSidebar(document, 300)).toEqual({ top: 12, right: 0, width: 350, hidden: false });
    const dialog = box(null, { left: 340, top: 40, width: 600, height: 300 });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    expect(placeSidebar(document, 300)).toMatchObject({ hidden: true });
  });
});

describe('placeSidebar in x.com’s mobile layout', () => {
  it('tells how much of the window’s bottom x.com’s tab bar covers, so a bottom sheet sits above it', () => {
    viewportWidth(420);
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(900);
    document.body.append(box('primaryColumn', { left: 0, top: 0, width: 420, height: 900 }));
    const sheet = { sheetLeft: 0, sheetRight: 0 };
    expect(placeSidebar(document, 300)).toEqual({ top: 12, right: 12, width: 300, ...sheet, hidden: false });
    const bar = box('BottomBar', { left: 0, top: 847, width: 420, height: 53 });
    document.body.append(bar);
    expect(placeSidebar(document, 300)).toEqual({ top: 12, right: 12, width: 300, bottom: 53, ...sheet, hidden: false });
  });

  it('spans x.com’s primary column, not its left navigation, in a narrow window without the right column', () => {
    viewportWidth(800);
    document.body.append(box('primaryColumn', { left: 88, top: 0, width: 600, height: 900 }));
    expect(placeSidebar(document, 300)).toMatchObject({ sheetLeft: 88, sheetRight: 112 });
    // With a right column too narrow for the sidebar it floats as before: that is no sheet layout.
    document.body.append(box('sidebarColumn', { left: 700, top: 0, width: 100, height: 900 }));
    expect(placeSidebar(document, 300)).toBeNull();
  });
});

/** A ResizeObserver the test drives: `report` is the browser telling of elements laid out anew. */
class FakeResizeObserver {
  static last: FakeResizeObserver;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  /** Reports `els` (observed ones only) with their current size; a removed element has none. */
  report(...els: Element[]): void {
    const entries = els
      .filter((el) => this.observed.has(el))
      .map((target) => {
        const { width, height } = target.isConnected ? target.getBoundingClientRect() : { width: 0, height: 0 };
        return { target, contentRect: { width, height } } as unknown as ResizeObserverEntry;
      });
    if (entries.length) this.callback(entries, this);
  }
}

describe('watchPlacement', () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  let watching: AbortController;
  let places: Array<SidebarPlacement | null>;
  let computed: () => number;
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    watching = new AbortController();
    places = [];
    const start = benchCounters.placements;
    computed = () => benchCounters.placements - start;
  });
  afterEach(() => {
    watching.abort();
    vi.unstubAllGlobals();
  });

  /** x.com at 1280 px: the sidebar goes in the right column, below the search box. */
  function page() {
    viewportWidth(1280);
    const primary = box('primaryColumn', { left: 300, top: 0, width: 600, height: 900 });
    const column = box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 });
    const search = box(null, { left: 930, top: 4, width: 350, height: 50 }, 'form');
    search.setAttribute('role', 'search');
    column.append(search);
    const layers = document.createElement('div');
    layers.id = 'layers';
    document.body.append(primary, column, layers);
    return { primary, column, search, layers, boxes: () => FakeResizeObserver.last };
  }
  const watch = () =>
    watchPlacement(
      document,
      () => 300,
      (placement) => places.push(placement),
      watching.signal,
    );

  it('places at once, then again only when the window, a column or the search box changes size: never on scroll', async () => {
    const { primary, column, search, boxes } = page();
    watch();
    expect(places).toEqual([{ top: 66, right: 0, width: 350, hidden: false }]);
    boxes().report(document.documentElement, primary, column, search); // the first layout after observing
    expect(computed()).toBe(2);
    expect(places).toHaveLength(1); // the same place: no call

    // Scrolling: the timeline grows and moves, the sticky search box stays; nothing is computed.
    setRect(primary, { left: 300, top: -2000, width: 600, height: 5000 });
    window.dispatchEvent(new Event('scroll'));
    boxes().report(primary);
    await frame();
    expect(computed()).toBe(2);

    // x.com's search box grows: the sidebar moves below it.
    setRect(search, { left: 930, top: 4, width: 350, height: 90 });
    boxes().report(search);
    expect(places.at(-1)).toEqual({ top: 106, right: 0, width: 350, hidden: false });

    // The window widens: there is room beside the columns.
    viewportWidth(1900);
    setRect(document.documentElement, { left: 0, top: 0, width: 1900, height: 900 });
    setRect(primary, { left: 560, top: -2000, width: 600, height: 5000 });
    setRect(column, { left: 1190, top: 0, width: 350, height: 900 });
    boxes().report(document.documentElement);
    expect(places.at(-1)).toEqual({ top: 12, right: 12, width: 336, hidden: false });
    expect(computed()).toBe(4);
  });

  it('finds x.com’s right column again when it is removed or replaced', async () => {
    const { column, boxes } = page();
    watch();
    column.remove();
    boxes().report(column); // a ResizeObserver reports an element removed from the document
    expect(places.at(-1)).toEqual({ top: 12, right: 12, width: 356, hidden: false }); // beside the primary column
    const replacement = box('sidebarColumn', { left: 930, top: 0, width: 350, height: 900 });
    document.body.append(replacement);
    await vi.waitFor(() => expect(boxes().observed.has(replacement)).toBe(true));
    boxes().report(replacement);
    expect(places.at(-1)).toEqual({ top: 12, right: 0, width: 350, hidden: false });
    expect(boxes().observed.has(column)).toBe(false);
  });

  it('steps aside while an x.com dialog is open, and ignores #layers’ other changes', async () => {
    const { layers } = page();
    watch();
    const tooltip = document.createElement('div');
    layers.append(tooltip);
    await frame();
    await frame();
    expect(computed()).toBe(1);
    const dialog = box(null, { left: 340, top: 40, width: 600, height: 300 });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    layers.append(dialog);
    await vi.waitFor(() => expect(places.at(-1)).toMatchObject({ hidden: true }));
    dialog.remove();
    await vi.waitFor(() => expect(places.at(-1)).toMatchObject({ hidden: false }));
    expect(places).toHaveLength(3);
  });

  it('follows x.com’s tab bar coming into #layers, changing height and going, and nothing else there', async () => {
    const { layers, primary, column, boxes } = page();
    // x.com at 420 px: no right column (it has none below 988 px), the primary column fills the window.
    viewportWidth(420);
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(900);
    column.remove();
    setRect(primary, { left: 0, top: 0, width: 420, height: 900 });
    watch();
    const sheet = { top: 12, right: 12, width: 300, sheetLeft: 0, sheetRight: 0, hidden: false };
    expect(places.at(-1)).toEqual(sheet);
    const bar = box('BottomBar', { left: 0, top: 847, width: 420, height: 53 });
    layers.append(bar);
    await vi.waitFor(() => expect(places.at(-1)).toMatchObject({ bottom: 53 }));
    setRect(bar, { left: 0, top: 833, width: 420, height: 67 }); // taller: the phone's home indicator below it
    boxes().report(bar);
    expect(places.at(-1)).toMatchObject({ bottom: 67 });
    const count = places.length;
    layers.append(document.createElement('div')); // a tooltip
    await frame();
    await frame();
    expect(places).toHaveLength(count);
    bar.remove();
    await vi.waitFor(() => expect(places.at(-1)).toEqual(sheet));
  });

  it('sees dialogs open in a #layers created after it started, and nothing once its signal aborts', async () => {
    const { layers, primary, boxes } = page();
    layers.remove();
    watch();
    const root = document.createElement('div');
    document.body.append(root);
    root.append(layers); // x.com creates #layers late, deep in its root
    const dialog = box(null, { left: 340, top: 40, width: 600, height: 300 });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    layers.append(dialog);
    await vi.waitFor(() => expect(places.at(-1)).toMatchObject({ hidden: true }));
    const before = computed();
    watching.abort();
    dialog.remove();
    setRect(primary, { left: 0, top: 0, width: 100, height: 900 });
    boxes().report(primary);
    await frame();
    await frame();
    expect(computed()).toBe(before);
    expect(places).toHaveLength(2);
  });

  it('computes again in the next frame when asked (the font size changed)', async () => {
    page();
    let minWidth = 300;
    const refresh = watchPlacement(
      document,
      () => minWidth,
      (placement) => places.push(placement),
      watching.signal,
    );
    minWidth = 400; // wider than the right column: no place there
    refresh();
    refresh();
    await vi.waitFor(() => expect(places).toHaveLength(2));
    expect(places.at(-1)).toBeNull();
    expect(computed()).toBe(2);
  });
});
