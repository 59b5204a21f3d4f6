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
