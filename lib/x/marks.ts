// Marking x.com's timeline cells for the chat-mode stylesheet (./page-style.ts), and taking the marks off.
import type { HideReason } from '@/lib/chat/filter';
import type { ViewHideReason } from '@/lib/chat/view';
import { FOLDS_ATTR, HIDDEN_ATTR, QUESTION_ATTR, READ_MARKER_ATTR } from './page-style';

export { FOLDS_ATTR, HIDDEN_ATTR, QUESTION_ATTR, READ_MARKER_ATTR };
/** Every attribute chat mode puts on x.com's cells. */
const CELL_ATTRS = [HIDDEN_ATTR, QUESTION_ATTR, FOLDS_ATTR, READ_MARKER_ATTR] as const;

/** What chat mode says about a cell; `null`/`false`/absent clears the mark. */
export interface CellMarks {
  /** Why the cell is hidden: the filter's reason, or the reader's view (a pause, a question in focus). */
  hidden?: HideReason | ViewHideReason | null;
  /** The question's label (e.g. "Q3") when the cell is a host's question. */
  question?: string | null;
  /** The badge of a tweet shown with repeats folded into it ("↻ 3 in this chat"): drawn by the stylesheet. */
  folds?: string | null;
  /** The read marker's label, on the newest tweet read before time away (the line above it ends the unread). */
  readMarker?: string | null;
}

/**
 * Sets or removes chat mode's attributes on a cell (the stylesheet does the rest). Only the keys given
 * are changed; an attribute is written only when its value changes, so no needless mutations.
 */
export function markCell(cell: Element, attrs: CellMarks): void {
  const set = (name: string, value: string | null): void => {
    if (value === null) {
      if (cell.hasAttribute(name)) cell.removeAttribute(name);
    } else if (cell.getAttribute(name) !== value) cell.setAttribute(name, value);
  };
  if ('hidden' in attrs) set(HIDDEN_ATTR, attrs.hidden ?? null);
  if ('question' in attrs) set(QUESTION_ATTR, attrs.question ?? null);
  if ('folds' in attrs) set(FOLDS_ATTR, attrs.folds ?? null);
  if ('readMarker' in attrs) set(READ_MARKER_ATTR, attrs.readMarker ?? null);
}

/** Removes every chat-mode mark from the page (turning chat mode off restores x.com's DOM exactly). */
export function clearMarks(doc: Document): void {
  const selector = CELL_ATTRS.map((a) => `[${a}]`).join(',');
  for (const el of doc.querySelectorAll(selector)) for (const a of CELL_ATTRS) el.removeAttribute(a);
}
