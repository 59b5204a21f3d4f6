// Where the chat sidebar can sit without covering x.com's controls or moving its columns: in the free
// space right of x.com's columns when the window is wide enough, otherwise in x.com's right column
// below its search box (the trends and suggestions it covers are not needed during a chat). Without
// a right column (narrow windows) there is no such place: the sidebar floats at the right edge and
// the user can collapse it.
import { X } from './selectors';

export interface SidebarSlot {
  top: number;
  left: number;
  width: number;
}

const MARGIN = 12;

export function sidebarSlot(doc: Document, minWidth: number): SidebarSlot | null {
  const win = doc.defaultView;
  if (!win) return null;
  const primary = doc.querySelector(X.primaryColumn)?.getBoundingClientRect();
  const column = doc.querySelector(X.sidebarColumn)?.getBoundingClientRect();
  const contentRight = Math.max(primary?.right ?? 0, column && column.width > 0 ? column.right : 0);
  const gutter = win.innerWidth - contentRight;
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

/** Where the sidebar goes, in viewport pixels (`right` from the window's right edge). */
export interface SidebarPlacement {
  top: number;
  right: number;
  width: number;
  /** An x.com dialog is open where the sidebar would be: step aside until it closes. */
  hidden?: boolean;
}

/** The sidebar's placement for a given width, or null to float at the window's top right. */
export function placeSidebar(doc: Document, minWidth: number): SidebarPlacement | null {
  const win = doc.defaultView;
  if (!win) return null;
  const slot = sidebarSlot(doc, minWidth);
  const dialog = openDialogRect(doc);
  const covers = !!dialog && (!slot || dialog.right > slot.left);
  if (!slot) return covers ? { top: MARGIN, right: MARGIN, width: minWidth, hidden: true } : null;
  return { top: slot.top, right: win.innerWidth - (slot.left + slot.width), width: slot.width, hidden: covers };
}

/**
 * Calls `onChange` (at most once a frame) when the sidebar's place may have changed: the window was
 * resized or scrolled (x.com's right column scrolls with the page), or a dialog opened or closed in
 * #layers (a small subtree: modals, menus, tooltips). Call `refresh()` after each render so a
 * #layers created later is watched too.
 */
export function watchLayout(doc: Document, onChange: () => void): { refresh(): void; stop(): void } {
  const win = doc.defaultView!;
  let frame = 0;
  const soon = (): void => {
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  };
  const layers = new MutationObserver(soon);
  let watched: Element | null = null;
  win.addEventListener('resize', soon);
  win.addEventListener('scroll', soon, { passive: true });
  return {
    refresh() {
      const node = doc.querySelector(X.layers);
      if (!node || node === watched) return;
      layers.disconnect();
      layers.observe(node, { childList: true, subtree: true });
      watched = node;
    },
    stop() {
      win.removeEventListener('resize', soon);
      win.removeEventListener('scroll', soon);
      layers.disconnect();
      win.cancelAnimationFrame(frame);
    },
  };
}
