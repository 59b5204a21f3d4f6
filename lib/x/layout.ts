// Where the chat sidebar can sit without covering x.com's controls or moving its columns: in the free
// space right of x.com's columns when the window is wide enough, otherwise in x.com's right column
// below its search box (the trends and suggestions it covers are not needed during a chat). Without
// a right column (x.com drops it below 988 px) there is no such place: the sidebar's stylesheet makes
// it a sheet along the window's bottom edge, above x.com's tab bar in its mobile layout.
import { benchCounters } from '@/lib/bench-counters';
import { X } from './selectors';

export interface SidebarSlot {
  top: number;
  left: number;
  width: number;
}

const MARGIN = 12;

export function sidebarSlot(doc: Document, minWidth: number): SidebarSlot | null {
  const primary = doc.querySelector(X.primaryColumn)?.getBoundingClientRect();
  const column = doc.querySelector(X.sidebarColumn)?.getBoundingClientRect();
  const contentRight = Math.max(primary?.right ?? 0, column && column.width > 0 ? column.right : 0);
  const gutter = doc.documentElement.clientWidth - contentRight;
  if (contentRight > 0 && gutter >= minWidth + 2 * MARGIN) {
    return { top: MARGIN, left: contentRight + MARGIN, width: Math.min(gutter - 2 * MARGIN, minWidth * 1.25) };
  }
  if (column && column.width >= minWidth) {
    const search = doc.querySelector(`${X.sidebarColumn} ${X.searchForm}`)?.getBoundingClientRect();
    const below = search && search.height > 0 ? search.bottom + MARGIN : column.top + MARGIN;
    return { top: Math.max(MARGIN, below), left: column.left, width: column.width };
  }
  return null;
}

/** x.com's open dialog (the compose or reply modal), if one is open: the sidebar must not cover it. */
function openDialogRect(doc: Document): DOMRect | null {
  const dialog = doc.querySelector(X.dialog);
  const rect = dialog?.getBoundingClientRect();
  return rect && rect.width > 0 ? rect : null;
}

/**
 * Where the sidebar goes, in viewport pixels: `right` from the right edge of the viewport without its
 * scroll bar (the document element's width), which is where a fixed element's `right` counts from.
 */
export interface SidebarPlacement {
  top: number;
  right: number;
  width: number;
  /** x.com's tab bar covers this much of the window's bottom (mobile layout): a bottom sheet sits above it. */
  bottom?: number;
  /**
   * Without x.com's right column, where its primary column is, from the window's left and right edges: a
   * bottom sheet spans that column only, leaving x.com's left navigation (narrow windows) uncovered.
   */
  sheetLeft?: number;
  sheetRight?: number;
  /** An x.com dialog is open where the sidebar would be: step aside until it closes. */
  hidden?: boolean;
}

/** How far x.com's tab bar reaches up from the window's bottom edge, if it shows one. */
function bottomBarHeight(doc: Document): number {
  const bar = doc.querySelector(X.bottomBar)?.getBoundingClientRect();
  return bar && bar.height > 0 ? Math.max(0, doc.documentElement.clientHeight - bar.top) : 0;
}

/** The sidebar's placement for a given width, or null to float at the window's top right. */
export function placeSidebar(doc: Document, minWidth: number): SidebarPlacement | null {
  if (!doc.defaultView) return null;
  benchCounters.placements++;
  const slot = sidebarSlot(doc, minWidth);
  const dialog = openDialogRect(doc);
  const covers = !!dialog && (!slot || dialog.right > slot.left);
  if (!slot) {
    const bottom = bottomBarHeight(doc);
    const column = doc.querySelector(X.sidebarColumn)?.getBoundingClientRect();
    const primary = column && column.width > 0 ? undefined : doc.querySelector(X.primaryColumn)?.getBoundingClientRect();
    const sheet =
      primary && primary.width > 0 ? { sheetLeft: primary.left, sheetRight: doc.documentElement.clientWidth - primary.right } : null;
    if (!covers && !bottom && !sheet) return null;
    return { top: MARGIN, right: MARGIN, width: minWidth, ...(bottom ? { bottom } : {}), ...sheet, hidden: covers };
  }
  return { top: slot.top, right: doc.documentElement.clientWidth - (slot.left + slot.width), width: slot.width, hidden: covers };
}

function samePlacement(a: SidebarPlacement | null, b: SidebarPlacement | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.top === b.top &&
    a.right === b.right &&
    a.width === b.width &&
    a.bottom === b.bottom &&
    a.sheetLeft === b.sheetLeft &&
    a.sheetRight === b.sheetRight &&
    !!a.hidden === !!b.hidden
  );
}

/**
 * Follows the sidebar's placement until `signal` aborts: calls `onPlace` with it now (synchronously,
 * so that the caller applies it before the sidebar's first paint), then whenever it changed. It is
 * computed again only when something it reads may have moved, never on scroll (the columns do not
 * move across, and the search box the sidebar sits under is sticky at the top of the right column):
 * - the window's width, x.com's columns or the search box changed size (a ResizeObserver; computed in
 *   its callback, when the browser has just laid the page out, so reading the layout costs nothing).
 *   A ResizeObserver also reports an element removed from the document: the columns are then found
 *   again. Missing ones are looked for when the window's width changes or the columns' row changes
 *   its children, never on the timeline's mutations;
 * - a dialog opened or closed in #layers (a small subtree: modals, menus, tooltips; computed in the
 *   next frame), or x.com's tab bar there came, went or changed height. x.com creates #layers when it first needs it and may replace it: until it exists
 *   the body's subtree is watched for it, then only its ancestors' child lists (its removal). A
 *   MutationObserver sees a dialog before it is painted, and sees it close;
 * - the function returned is called (the font size the width depends on changed): in the next frame.
 */
export function watchPlacement(
  doc: Document,
  minWidth: () => number,
  onPlace: (placement: SidebarPlacement | null) => void,
  signal: AbortSignal,
): () => void {
  let placement = placeSidebar(doc, minWidth());
  onPlace(placement);
  const win = doc.defaultView;
  if (!win || signal.aborted) return () => {};
  const place = (): void => {
    const next = placeSidebar(doc, minWidth());
    if (samePlacement(placement, next)) return;
    placement = next;
    onPlace(next);
  };
  let frame = 0;
  const placeSoon = (): void => {
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };

  // What the placement reads, each with the last size seen: widths, and the search box's height.
  let primary: Element | null = null;
  let column: Element | null = null;
  let search: Element | null = null;
  let bar: Element | null = null;
  const sizes = new Map<Element, string>();
  const sizeOf = (target: Element, box: DOMRectReadOnly): string =>
    target === search || target === bar ? `${box.width}x${box.height}` : `${box.width}`;
  const swap = (old: Element | null, found: Element | null): Element | null => {
    if (old === found) return old;
    if (old) boxes.unobserve(old);
    if (old) sizes.delete(old);
    if (found) boxes.observe(found);
    return found;
  };
  /**
   * Finds the columns and search box again where replaced or missing: a missing right column only if
   * `everywhere` (a search of the whole document), a missing search box only if `inColumn` too.
   */
  const refind = (everywhere: boolean, inColumn: boolean): boolean => {
    const before = [primary, column, search];
    if (!primary?.isConnected) {
      primary = swap(primary, doc.querySelector(X.primaryColumn));
      row.disconnect();
      if (primary?.parentNode) row.observe(primary.parentNode, { childList: true });
    }
    if (column ? !column.isConnected : everywhere) column = swap(column, doc.querySelector(X.sidebarColumn));
    const searchGone = search ? !column?.contains(search) : everywhere || inColumn || column !== before[1];
    if (searchGone) search = swap(search, column?.querySelector(X.searchForm) ?? null);
    return before.some((el, i) => el !== [primary, column, search][i]);
  };
  const boxes = new ResizeObserver((entries) => {
    let resized = false;
    let windowResized = false;
    for (const { target, contentRect } of entries) {
      const size = sizeOf(target, contentRect);
      if (sizes.get(target) === size) continue;
      sizes.set(target, size);
      resized = true;
      windowResized ||= target === doc.documentElement;
    }
    const columnNotified = entries.some(({ target }) => target === column);
    if (refind(windowResized, columnNotified) || resized) place();
  });
  // The columns' row: x.com adds, removes or replaces a column there.
  const row = new MutationObserver(() => {
    if (refind(true, true)) placeSoon();
  });
  boxes.observe(doc.documentElement);
  refind(true, true);

  let watched: Element | null | undefined;
  let dialog = doc.querySelector(X.layers)?.querySelector(X.dialog) ?? null;
  bar = swap(null, doc.querySelector(X.layers)?.querySelector(X.bottomBar) ?? null);
  const seeDialog = (): void => {
    const open = watched?.querySelector(X.dialog) ?? null;
    const tabBar = watched?.querySelector(X.bottomBar) ?? null;
    if (open === dialog && tabBar === bar) return;
    dialog = open;
    bar = swap(bar, tabBar);
    placeSoon();
  };
  const dialogs = new MutationObserver(seeDialog);
  const follow = (): void => {
    const node = doc.querySelector(X.layers);
    if (node === watched) return;
    watched = node;
    dialogs.disconnect();
    where.disconnect();
    if (node) {
      dialogs.observe(node, { childList: true, subtree: true });
      for (let n = node.parentNode; n; n = n.parentNode) where.observe(n, { childList: true });
    } else where.observe(doc.body, { childList: true, subtree: true });
    seeDialog();
  };
  const where = new MutationObserver(follow);
  follow();
  signal.addEventListener(
    'abort',
    () => {
      boxes.disconnect();
      row.disconnect();
      dialogs.disconnect();
      where.disconnect();
      win.cancelAnimationFrame(frame);
    },
    { once: true },
  );
  return placeSoon;
}
