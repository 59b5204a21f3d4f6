// Editing a Draft.js editor (x.com's desktop composer) from a content script, so that the change is in
// Draft's own EditorState — what gets posted — and not only in the DOM, which Draft would overwrite.
//
// We cannot reach Draft's state (it lives in the page's JavaScript, out of a content script's reach), so
// we speak to it the way the browser does, with events its handlers already understand:
//
// - Draft inserts text from React's `onBeforeInput`, which React 17+ builds from the `textInput` event
//   wherever `TextEvent` exists (Chromium, and Firefox since it added `TextEvent`). A synthetic
//   `textInput` goes through `editOnBeforeInput`, which inserts at Draft's *state* selection and — for
//   our inserts (a new hashtag, or at the start of a leaf) — re-renders itself and calls
//   `preventDefault()`. Verified in Chromium 156 and Firefox ESR 153 (content script and page alike).
// - Draft's state selection follows the DOM through React's `onSelect`, which React fires on
//   `selectionchange`. The browser's own `selectionchange` is asynchronous (a keystroke could be handled
//   before it), so after moving the DOM selection we dispatch a synthetic `selectionchange` on the
//   document: Draft's `editOnSelect` then updates its selection synchronously. Draft ignores it while a
//   render of its own is pending, which is why every step waits for React's commit (a microtask for the
//   discrete events we use; no user keystroke can run in between) and checks the result.
// - Fallbacks, for editors whose React does not use `textInput`: `execCommand('insertText')` (Draft's
//   native-input path; in Firefox it works in a non-empty editor only) and a synthetic `paste` with a
//   `DataTransfer` (works in Chromium only: Firefox hands Draft an empty clipboard).
import { X } from './selectors';

/** One Draft leaf as found in the DOM, with its place in Draft's plain text. */
interface Leaf {
  /** `span[data-text]` (with one text node) or `br[data-text]` (an empty block). */
  el: Element;
  block: number;
  /** Offsets in the plain text (blocks joined by '\n'). */
  start: number;
  end: number;
}

function leavesOf(editor: Element): { leaves: Leaf[]; text: string } {
  const leaves: Leaf[] = [];
  const lines: string[] = [];
  let pos = 0;
  const blocks = editor.querySelectorAll(X.draftBlock);
  blocks.forEach((block, index) => {
    let line = '';
    for (const el of block.querySelectorAll(X.draftLeaf)) {
      const text = el.tagName === 'BR' ? '' : (el.textContent ?? '');
      leaves.push({ el, block: index, start: pos + line.length, end: pos + line.length + text.length });
      line += text;
    }
    lines.push(line);
    pos += line.length + 1;
  });
  return { leaves, text: lines.join('\n') };
}

/** Draft's plain text as the DOM shows it (`getPlainText()`: blocks joined by '\n'). */
export function draftText(editor: Element): string {
  return leavesOf(editor).text;
}

/** A DOM point for a plain-text offset; at a boundary between two leaves, the end of the first. */
export function offsetToPoint(editor: Element, offset: number): { node: Node; offset: number } | null {
  const { leaves } = leavesOf(editor);
  for (const leaf of leaves) {
    if (offset > leaf.end) continue;
    if (offset < leaf.start) break; // inside a '\n' between blocks: cannot happen for a valid offset
    const node = leaf.el.tagName === 'BR' ? null : leaf.el.firstChild;
    // An empty block: the caret goes before the <br>, in the leaf's span.
    if (!node) return { node: leaf.el.parentNode ?? leaf.el, offset: 0 };
    return { node, offset: offset - leaf.start };
  }
  const last = leaves.at(-1);
  if (!last) return null;
  return last.el.tagName === 'BR' || !last.el.firstChild
    ? { node: last.el.parentNode ?? last.el, offset: 0 }
    : { node: last.el.firstChild, offset: last.end - last.start };
}

/** The plain-text offset of a DOM point inside the editor, or null when it is outside it. */
export function pointToOffset(editor: Element, node: Node, offset: number): number | null {
  if (!editor.contains(node)) return null;
  const { leaves, text } = leavesOf(editor);
  if (node.nodeType === Node.TEXT_NODE) {
    const leaf = leaves.find((l) => l.el.contains(node));
    if (leaf) return leaf.start + Math.min(offset, leaf.end - leaf.start);
  }
  // An element point: before its child at `offset`, or after its last child.
  const ref = node.childNodes[offset] ?? null;
  if (ref) {
    const next = leaves.find(
      (l) => ref === l.el || ref.contains(l.el) || (ref.compareDocumentPosition(l.el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    return next ? next.start : text.length;
  }
  const before = [...leaves]
    .reverse()
    .find((l) => node.contains(l.el) || (node.compareDocumentPosition(l.el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0);
  return before ? before.end : 0;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The document selection in plain-text offsets, or null when it is not inside the editor. */
export function draftSelection(editor: Element): TextRange | null {
  const sel = editor.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  const a = pointToOffset(editor, sel.anchorNode, sel.anchorOffset);
  const f = pointToOffset(editor, sel.focusNode, sel.focusOffset);
  if (a === null || f === null) return null;
  return { start: Math.min(a, f), end: Math.max(a, f) };
}

/**
 * Selects [start, end) in the DOM and tells Draft at once with a synthetic `selectionchange` (React turns
 * it into `onSelect`; the browser's own event comes a task later). Returns false if the range has no
 * DOM point.
 */
function selectInDraft(editor: HTMLElement, range: TextRange): boolean {
  const doc = editor.ownerDocument;
  const a = offsetToPoint(editor, range.start);
  const b = range.end === range.start ? a : offsetToPoint(editor, range.end);
  const sel = doc.getSelection();
  if (!a || !b || !sel) return false;
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  doc.dispatchEvent(new Event('selectionchange'));
  return true;
}

/** Dispatches `textInput` (React's source of `onBeforeInput`). True when Draft handled it itself. */
function fireTextInput(editor: HTMLElement, text: string): boolean {
  const doc = editor.ownerDocument;
  const event = doc.createEvent('TextEvent') as Event & {
    initTextEvent(type: string, bubbles: boolean, cancelable: boolean, view: Window | null, data: string): void;
  };
  event.initTextEvent('textInput', true, true, doc.defaultView, text);
  editor.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Deletes the selection through Draft's own 'backspace' key command (a synthetic keydown). */
function fireBackspace(editor: HTMLElement): void {
  editor.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Backspace', code: 'Backspace', keyCode: 8, which: 8, bubbles: true, cancelable: true }),
  );
}

/**
 * Chromium only: Draft's `onPaste` reads `clipboardData`. Firefox gives a synthetic paste event an
 * empty clipboard, so there this does nothing.
 */
function firePaste(editor: HTMLElement, text: string): void {
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  } catch {
    // No DataTransfer constructor: nothing to try.
  }
}

/**
 * Waits for React to commit what the last event changed. Draft updates from discrete events (textInput,
 * keydown, paste, input, selectionchange) are rendered in a microtask, so microtasks are enough and no
 * user input can be handled in between. Only when nothing changed in microtasks (a failed strategy, or
 * a React that schedules differently) does it wait a few ms more, to avoid inserting twice.
 */
async function settle(editor: Element, before: string, patientMs = 0): Promise<string> {
  for (let i = 0; i < 20; i++) {
    await Promise.resolve();
    const now = draftText(editor);
    if (now !== before) return now;
  }
  const until = Date.now() + patientMs;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = draftText(editor);
    if (now !== before) return now;
  }
  return draftText(editor);
}

/** Where `insert` went in `after` (if `after` is `before` with `insert` added at one place). */
export function findInsertion(before: string, after: string, insert: string): number | null {
  if (after.length !== before.length + insert.length) return null;
  for (let p = 0; p <= before.length; p++) {
    if (after.startsWith(insert, p) && after.slice(0, p) === before.slice(0, p) && after.slice(p + insert.length) === before.slice(p))
      return p;
  }
  return null;
}

export type InsertResult = { ok: true; strategy: 'textInput' | 'execCommand' | 'paste' } | { ok: false; reason: string };

/**
 * Inserts `insert` at plain-text offset `at` of a focused Draft editor, in Draft's state, then puts the
 * selection at `caret` (plain-text offsets in the new text). The editor must be focused.
 */
export async function insertIntoDraft(editor: HTMLElement, at: number, insert: string, caret: TextRange): Promise<InsertResult> {
  const doc = editor.ownerDocument;
  const before = draftText(editor);
  const expected = before.slice(0, at) + insert + before.slice(at);
  const strategies = [
    ['textInput', () => fireTextInput(editor, insert)],
    // Draft let the browser insert natively (no preventDefault), or React does not listen to textInput:
    // insert the way the browser would, which Draft picks up in onInput.
    ['execCommand', () => doc.execCommand('insertText', false, insert)],
    ['paste', () => firePaste(editor, insert)],
  ] as const;
  let repaired = false;
  for (let i = 0; i < strategies.length; i++) {
    const [name, run] = strategies[i]!;
    if (draftText(editor) !== before) return { ok: false, reason: 'the text changed meanwhile' };
    selectInDraft(editor, { start: at, end: at });
    const prevented = run();
    // A prevented textInput means Draft inserted and re-renders; otherwise give the next strategy a try
    // (after waiting in case Draft does render).
    const after = await settle(editor, before, name === 'textInput' && prevented ? 50 : 100);
    if (after === expected) {
      selectInDraft(editor, caret);
      return { ok: true, strategy: name };
    }
    if (after === before) continue;
    // Draft inserted at its own (stale) selection instead of ours: this happens when the editor was
    // focused by a page script outside an event (a pending render makes Draft ignore selectionchange).
    // Take it out again through Draft's backspace command, then retry once, now that Draft has committed.
    const misplaced = findInsertion(before, after, insert);
    if (misplaced === null || repaired) return { ok: false, reason: `unexpected text after ${name}` };
    repaired = true;
    selectInDraft(editor, { start: misplaced, end: misplaced + insert.length });
    fireBackspace(editor);
    if ((await settle(editor, after, 100)) !== before) return { ok: false, reason: 'could not undo a misplaced insertion' };
    i--;
  }
  return { ok: false, reason: 'Draft did not take the text' };
}
