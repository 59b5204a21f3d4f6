// Finding and watching x.com's timeline (its cells are marked by ./marks.ts).
//
// The timeline is a virtualised list: `div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div`
// whose direct children are the cells (`div[data-testid="cellInnerDiv"]`), mounted near the viewport only
// and re-created when scrolled back. `watchTimeline` reports cells as they appear or change, from one
// MutationObserver on the timeline node — never a rescan of the document — and re-attaches when x.com
// replaces the timeline node (search tabs, SPA navigation). MutationObserver callbacks run before the
// next paint, so a caller that marks a cell synchronously in `onCells` hides it with no flash.
//
// Hiding is done by attributes on the cell (./marks.ts) and a stylesheet (./page-style.ts) that hides the cell's
// children: x.com measures each cell, so a hidden cell measures 0 px and the list closes up. Nothing of
// x.com's is removed or moved (React owns those nodes).
import { createCellCache, createCellReader, type CellCache } from './cell-cache';
import { X } from './selectors';
import { readCell, type CellReading } from './tweet';

export type TimelineStatus = 'ok' | 'waiting' | 'unrecognised';

export interface TimelineHandlers {
  /**
   * New cells, or cells whose content changed; each cell once per call. Keep it synchronous.
   * `readings[i]` is `readCell(cells[i])`, read once here for the status check: reuse it rather than
   * reading the cell again (reading is most of the cost of a cell). A cell x.com re-creates for a tweet
   * already read gets the very reading object it had then (see ./cell-cache): what was decided about
   * that object still holds.
   */
  onCells(cells: Element[], readings: CellReading[]): void;
  /** Called when the status changes (not repeated for the same status and detail). */
  onStatus(status: TimelineStatus, detail?: string): void;
}

export interface WatchOptions {
  /** How long the page may show a primaryColumn without a timeline before it is 'unrecognised' (ms). */
  graceMs?: number;
  /**
   * The readings remembered for cells re-created by scrolling (./cell-cache); by default one of this
   * watch's own. Cleared when the timeline reads as unrecognised: what was read may have been wrong.
   */
  cache?: CellCache;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const DEFAULT_GRACE_MS = 8000;

/**
 * Whether a timeline node is the real list rather than its loading placeholder: the list carries a
 * `style` (position, min-height), the placeholder none. A node holding cells counts as live too, so a
 * future x.com that drops the style does not leave us waiting forever.
 */
export function isLiveTimeline(node: Element): boolean {
  return node.hasAttribute('style') || [...node.children].some((c) => c.matches(X.cell));
}

/**
 * The timeline node of the primary column (the sidebar's "What's happening" has the same shape, so
 * the match must be inside primaryColumn). It may be the loading placeholder: see `isLiveTimeline`.
 */
export function findTimeline(doc: Document): Element | null {
  for (const node of doc.querySelectorAll(X.timeline)) {
    if (node.closest(X.primaryColumn) && !node.closest(X.sidebarColumn)) return node;
  }
  return null;
}

function inlineStyled(node: Element): boolean {
  const { style } = node as Partial<ElementCSSInlineStyle>;
  return style === undefined ? node.hasAttribute('style') : style.length > 0;
}

/** The timeline's cells (its direct children), in order. */
export function timelineCells(timeline: Element): Element[] {
  return [...timeline.children];
}

/** The cell (direct child of `timeline`) holding `node`, or null when the node is not inside a cell. */
function cellOf(node: Node, timeline: Element): Element | null {
  let n: Node | null = node;
  while (n && n.parentNode !== timeline) {
    if (n === timeline) return null;
    n = n.parentNode;
  }
  return n && n.nodeType === 1 ? (n as Element) : null;
}

/**
 * Watches the timeline of `doc`: `onCells` first with the cells present, then with only the cells added
 * or changed; re-attaches when the timeline node is replaced. Stops watching when `signal` aborts.
 *
 * Status: 'waiting' until a live timeline is found; 'ok' once it is (also while its cells are only empty
 * ones); 'unrecognised' when, after `graceMs`, the primaryColumn has content but no timeline, or when the
 * timeline's cells hold tweet-like things none of which can be read, or only tweets without their text
 * (checked on every report, so x.com's markup changing under a running page is noticed too). Whether
 * the tweets that do read make sense for the chat is the caller's to judge (see live-filter.tsx).
 */
export function watchTimeline(doc: Document, handlers: TimelineHandlers, signal: AbortSignal, options: WatchOptions = {}): void {
  if (signal.aborted) return;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const MO = doc.defaultView?.MutationObserver ?? MutationObserver;

  let stopped = false;
  let timeline: Element | null = null;
  let graceOver = false;
  let timer: unknown = null;
  let last: { status: TimelineStatus; detail: string | undefined } | null = null;
  // Readings by tweet, for this watch only: a restarted feature reads its page afresh.
  const cache = options.cache ?? createCellCache();
  const readingOf = createCellReader(cache);

  const status = (s: TimelineStatus, detail?: string): void => {
    if (stopped || (last && last.status === s && last.detail === detail)) return;
    last = { status: s, detail };
    if (s === 'unrecognised') cache.clear();
    handlers.onStatus(s, detail);
  };

  /**
   * 'tweet' when a reading is a readable tweet, else the first reason why a tweet-like cell cannot be
   * read (unrecognised, or a tweet without its text), else null. Ads say nothing either way: they are
   * recognised by their wrapper alone, so one on the page must not vouch for tweets that do not read.
   */
  const judge = (readings: Iterable<CellReading>): 'tweet' | { reason: string } | null => {
    let unrecognised: { reason: string } | null = null;
    for (const r of readings) {
      if (r.kind === 'tweet') return 'tweet';
      if (r.kind === 'unrecognised' || r.kind === 'unreadable') unrecognised ??= { reason: r.reason };
    }
    return unrecognised;
  };

  // A batch with a readable tweet means 'ok'. A batch with only unrecognised cells is checked against
  // the timeline's mounted cells (a virtualised list: a couple of dozen, not the document), so one odd
  // new kind of cell does not flip the status while x.com's tweets still read.
  // Every cell of the batch is read once here and the readings handed to `onCells`, which needs them
  // all anyway: reading a cell twice (here, then in the handler) was a good part of the cost per cell.
  // `added`: the cells that are new in the timeline (the others changed in place: read them afresh).
  const emit = (cells: Element[], initial: boolean, added?: ReadonlySet<Element>): void => {
    const t = timeline;
    const readings = cells.map((cell) => readingOf(cell, added?.has(cell) ?? true));
    const verdict = judge(readings);
    if (verdict === 'tweet') status('ok');
    else if (verdict !== null && t) {
      const whole = initial ? verdict : judge(readLazily(timelineCells(t)));
      if (whole === 'tweet') status('ok');
      else status('unrecognised', (whole ?? verdict).reason);
    } else if (initial) status('ok');
    if (cells.length > 0) handlers.onCells(cells, readings);
  };

  // Cells: one observer on the live timeline node.
  const cellObserver = new MO((records) => {
    const t = timeline;
    if (!t || stopped || !t.isConnected) return;
    const changed = new Set<Element>();
    const added = new Set<Element>();
    let lastTarget: Node | null = null;
    for (const rec of records) {
      if (rec.target === t) {
        for (const n of rec.addedNodes) {
          if (n.nodeType !== 1 || n.parentNode !== t) continue;
          changed.add(n as Element);
          added.add(n as Element);
        }
      } else if (rec.target !== lastTarget) {
        // A cell's records come in runs with the same target: walk up once per run.
        lastTarget = rec.target;
        const cell = cellOf(rec.target, t);
        if (cell) changed.add(cell);
      }
    }
    const cells = [...changed].filter((c) => c.parentNode === t);
    if (cells.length > 0) emit(cells, false, added);
  });

  // Structure: the timeline's ancestors (childList, no subtree) notice the node — or any ancestor — being
  // removed or replaced; the timeline's own `style` notices a placeholder turning live. While no timeline
  // is found, the body subtree is watched instead (page loading / navigating).
  // x.com's list rewrites its own `style` (min-height) every time it grows, i.e. for nearly every new
  // tweet. That cannot change which node `findTimeline` finds (its selector does not look at style) nor,
  // while the node keeps a style, whether it is live: skip the document-wide query for those records.
  const structureObserver = new MO((records) => {
    if (stopped) return;
    const t = timeline;
    // (Whether it keeps a style is read from its inline style: reading the attribute makes the browser
    // serialise the style x.com just set, on every record.)
    if (t && records.every((r) => r.type === 'attributes' && r.target === t) && inlineStyled(t)) return;
    sync();
  });

  const armGrace = (): void => {
    if (timer !== null || graceOver) return;
    timer = setTimer(() => {
      timer = null;
      graceOver = true;
      if (!stopped && !timeline) sync();
    }, graceMs);
  };

  const observeStructure = (node: Element | null, candidate: Element | null): void => {
    structureObserver.disconnect();
    if (node) {
      for (let n: Element | null = node.parentElement; n; n = n.parentElement) structureObserver.observe(n, { childList: true });
      structureObserver.observe(node, { attributes: true, attributeFilter: ['style'] });
    } else {
      const root = doc.body ?? doc.documentElement;
      if (root) structureObserver.observe(root, { childList: true, subtree: true });
      if (candidate) structureObserver.observe(candidate, { attributes: true, attributeFilter: ['style'] });
    }
  };

  const attach = (node: Element): void => {
    timeline = node;
    cellObserver.observe(node, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'datetime', 'data-testid', 'lang'],
    });
    observeStructure(node, null);
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    emit(timelineCells(node), true);
  };

  const detach = (): void => {
    cellObserver.disconnect();
    timeline = null;
  };

  function sync(): void {
    const found = findTimeline(doc);
    const live = found && isLiveTimeline(found) ? found : null;
    if (live && live === timeline) return;
    if (timeline) detach();
    if (live) {
      attach(live);
      return;
    }
    observeStructure(null, found);
    const column = doc.querySelector(X.primaryColumn);
    if (graceOver && column && column.childElementCount > 0) {
      status('unrecognised', found ? 'the timeline never finished loading' : 'no timeline in the primary column');
    } else {
      status('waiting', found ? 'timeline loading' : undefined);
      armGrace();
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      stopped = true;
      cellObserver.disconnect();
      structureObserver.disconnect();
      if (timer !== null) clearTimer(timer);
      timer = null;
      timeline = null;
    },
    { once: true },
  );
  sync();
}

/** Reads cells one by one as they are asked for (`judge` stops at the first readable tweet). */
function* readLazily(cells: readonly Element[]): Generator<CellReading> {
  for (const cell of cells) yield readCell(cell);
}

/**
 * Scrolls the timeline to the tweet with this status id, if x.com has it on the page (a virtualized
 * list only holds the cells near the viewport). Returns false when it is not there.
 */
export function scrollToTweet(doc: Document, id: string): boolean {
  const timeline = findTimeline(doc);
  if (!timeline || !/^\d+$/.test(id)) return false;
  for (const time of timeline.querySelectorAll(`${X.tweet} ${X.userName} a[href*="/status/${id}"] time`)) {
    const cell = time.closest(X.cell);
    if (!cell) continue;
    cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }
  return false;
}

/** Scrolled this far down x.com's page (px), the reader is reading down the timeline; this near its top, back at the newest. */
const READING_DOWN_PX = 300;
const AT_NEWEST_PX = 80;

/**
 * Tells whether the reader is down the timeline or back at its top (x.com scrolls the window; the
 * newest tweets are at the top), each time that changes. Reads only `scrollY` (no layout) on scroll.
 */
export function watchReadingDown(doc: Document, onChange: (readingDown: boolean) => void, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win) return;
  let readingDown = false;
  win.addEventListener(
    'scroll',
    () => {
      const y = win.scrollY;
      if (!readingDown && y > READING_DOWN_PX) onChange((readingDown = true));
      else if (readingDown && y < AT_NEWEST_PX) onChange((readingDown = false));
    },
    { passive: true, signal },
  );
}

/** Scrolls to the top of the timeline, where x.com puts the newest tweets. */
export function scrollToNewest(doc: Document): void {
  doc.defaultView?.scrollTo({ top: 0, behavior: 'smooth' });
}
