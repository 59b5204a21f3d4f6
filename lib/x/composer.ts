// Composers on x.com: finding every Draft.js compose box and adding the chat's tag to it, in Draft's
// own state (issue #5). How text reaches Draft's state from a content script: ./draft.ts.
//
// When a composer is tagged: when its editor gets focus, i.e. when the user is about to type. An empty
// editor becomes `' #blogchat'` with the caret at 0, before the tag, so what the user types reads
// `Great question #blogchat`; a non-empty one gets the tag appended and keeps the user's caret (or has
// it put at the end of their own text, before the tag). One `focusin` listener on the document finds
// every composer — modal, reply, quote, inline, home, remounted — without watching the DOM.
//
// - Focus by a mouse click: the browser places the caret *after* focusin (on mousedown's default
//   action, and again on mouseup), so tagging waits for the click (or the first key, whichever first);
//   otherwise the browser would move the caret behind the tag.
// - Once per composer session: a composer tagged (or found carrying the tag) is not tagged again, so a
//   user who deletes the tag keeps it deleted. A composer that is empty again (posted, or cleared by the
//   user) starts a new session and is tagged on its next focus. A remounted editor is a new session (its
//   text keeps the tag, so nothing is added; if the user had deleted it, it comes back — x.com gives us
//   no way to tell the remounted editor from a new one).
// - The limit: when the tag would not fit in 280 weighted characters, nothing is inserted and
//   `onWarning` reports it; while the warning stands we watch that editor, and clear the warning (adding
//   the tag if the editor is focused and it now fits) when the text changes so that it no longer applies,
//   or when the editor goes away.
import { planAutoTag } from '@/lib/chat/tag-plan';
import type { Tag } from '@/lib/chat/types';
import { draftSelection, draftText, insertIntoDraft } from './draft';
import { X } from './selectors';

export interface AutoTagWarning {
  kind: 'too-long';
  weightedLength: number;
  limit: number;
}

export interface AutoTagOptions {
  /** The chat's tags, main tag first; read each time a composer is tagged. */
  tags: () => readonly Tag[];
  /** Adding the tag would pass the 280 weighted-character limit: warn instead of overflowing. */
  onWarning?: (warning: AutoTagWarning | null) => void;
}

/** The Draft editor (contenteditable) of a compose box that `node` is in, if any. */
export function composerEditorOf(node: EventTarget | null): HTMLElement | null {
  const el = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
  return (el?.closest(X.composerEditor) as HTMLElement | null) ?? null;
}

/** Editors being filled by openComposerWithText: auto-tag leaves them alone. */
let opening = 0;

interface Session {
  /** Tagged, or found carrying the tags: not tagged again until the editor is empty. */
  done: boolean;
}

/**
 * Composer sessions, per editor element. Module-wide rather than per start: chat mode restarts its
 * features on navigation (chat page ↔ tweet page), and a tag the user deleted must stay deleted then.
 */
const sessions = new WeakMap<HTMLElement, Session>();

/** Tags every composer in the document, now and as they appear, until `signal` aborts. */
export function startAutoTag(doc: Document, options: AutoTagOptions, signal: AbortSignal): void {
  if (signal.aborted) return;
  let pointerDown = false;
  /** Focused by a click that is not over yet: tagged on click / mouseup / first key. */
  let waiting: HTMLElement | null = null;
  let busy: HTMLElement | null = null;
  let warning: { editor: HTMLElement; observer: MutationObserver; text: string } | null = null;

  const clearWarning = (): void => {
    if (!warning) return;
    warning.observer.disconnect();
    warning = null;
    options.onWarning?.(null);
  };

  const warn = (editor: HTMLElement, w: AutoTagWarning, text: string): void => {
    if (warning?.editor !== editor) {
      clearWarning();
      // Only while the warning stands: watch this editor's text, and the document for its removal.
      const observer = new MutationObserver(() => recheckWarning());
      observer.observe(editor, { childList: true, subtree: true, characterData: true });
      observer.observe(doc.body, { childList: true, subtree: true });
      warning = { editor, observer, text };
    } else {
      warning.text = text;
    }
    options.onWarning?.(w);
  };

  const recheckWarning = (): void => {
    if (!warning || signal.aborted) return;
    const { editor } = warning;
    if (!editor.isConnected) return clearWarning();
    const text = draftText(editor);
    if (text === warning.text) return;
    warning.text = text;
    const plan = planAutoTag(text, options.tags());
    if (plan.kind === 'blocked') return warn(editor, { kind: 'too-long', weightedLength: plan.weightedLength, limit: plan.limit }, text);
    clearWarning();
    if (text.trim() === '')
      sessions.delete(editor); // posted or cleared: a new session on next focus
    else if (plan.kind === 'none') sessions.set(editor, { done: true });
    else if (doc.activeElement === editor) void tag(editor);
  };

  const tag = async (editor: HTMLElement): Promise<void> => {
    if (signal.aborted || busy === editor || opening > 0 || !editor.isConnected || doc.activeElement !== editor) return;
    const text = draftText(editor);
    const session = sessions.get(editor);
    if (session?.done && text.trim() !== '') return;
    const plan = planAutoTag(text, options.tags());
    if (plan.kind === 'none') {
      sessions.set(editor, { done: true });
      if (warning?.editor === editor) clearWarning();
      return;
    }
    if (plan.kind === 'blocked') {
      warn(editor, { kind: 'too-long', weightedLength: plan.weightedLength, limit: plan.limit }, text);
      return;
    }
    // Keep the user's caret when it is inside their own text (the tag goes after it); otherwise put it
    // at the end of their text, before the tag.
    const current = draftSelection(editor);
    const caret = current && current.end <= plan.at && text !== '' ? current : { start: plan.caret, end: plan.caret };
    busy = editor;
    try {
      const result = await insertIntoDraft(editor, plan.at, plan.insert, caret);
      if (result.ok) {
        sessions.set(editor, { done: true });
        if (warning?.editor === editor) clearWarning();
      } else {
        console.warn(`[chat mode] could not add the tag: ${result.reason}`);
      }
    } finally {
      busy = null;
    }
  };

  const release = (): void => {
    const editor = waiting;
    waiting = null;
    if (editor) void tag(editor);
  };

  const onFocusIn = (event: FocusEvent): void => {
    const editor = composerEditorOf(event.target);
    if (!editor) return;
    if (pointerDown) {
      waiting = editor;
      return;
    }
    // After the handlers of this focus (Draft's onFocus and React's render of it), before any key.
    queueMicrotask(() => void tag(editor));
  };
  const onMouseDown = (event: MouseEvent): void => {
    if (event.button === 0) pointerDown = true;
  };
  const onMouseUp = (): void => {
    pointerDown = false;
    // The click event follows in the same task when it is a click; a drag ends here. Wait for the
    // browser's caret placement on mouseup either way.
    if (waiting) setTimeout(release, 0);
  };
  const onClick = (): void => {
    pointerDown = false;
    if (waiting) queueMicrotask(release);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // The user types before the click was over (or mouseup was lost): tag first, synchronously enough
    // (microtasks run before the key's textInput), so their key lands before the tag.
    if (waiting && composerEditorOf(event.target) === waiting) {
      pointerDown = false;
      release();
    }
  };

  // Capture phase: our listeners see every event, even those x.com stops.
  const listening = { capture: true, signal };
  doc.addEventListener('focusin', onFocusIn, listening);
  doc.addEventListener('mousedown', onMouseDown, listening);
  doc.addEventListener('mouseup', onMouseUp, listening);
  doc.addEventListener('click', onClick, listening);
  doc.addEventListener('keydown', onKeyDown, listening);

  // A composer already focused when chat mode is switched on (the user clicked the sidebar, so
  // normally none) is tagged at once.
  const active = composerEditorOf(doc.activeElement);
  if (active) queueMicrotask(() => void tag(active));

  signal.addEventListener(
    'abort',
    () => {
      waiting = null;
      warning?.observer.disconnect();
      warning = null;
    },
    { once: true },
  );
}

/** Resolves with the first element matching `find()`, watching `root`, or null after `timeoutMs`. */
function waitForElement<T extends Element>(root: Node, find: () => T | null, timeoutMs: number): Promise<T | null> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const done = (value: T | null): void => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const el = find();
      if (el) done(el);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    const timer = setTimeout(() => done(find()), timeoutMs);
  });
}

/**
 * Opens x.com's new-post composer (its modal; its compose page in the mobile layout) with `text`, caret at
 * `caret`. Resolves false when it cannot: without side effects when there is no Post button; if the
 * composer or its editor does not come, or Draft does not take the text.
 */
export async function openComposerWithText(doc: Document, text: string, caret: number): Promise<boolean> {
  const button = doc.querySelector<HTMLElement>(X.newPostButton);
  if (!button) return false;
  opening++;
  try {
    // Editors present before the click (e.g. the home composer) are not the one we want. The new one is in
    // x.com's modal, or, in its mobile layout, on the compose page that replaces the primary column's page.
    const before = new Set(doc.querySelectorAll(X.composerEditor));
    const modalEditor = (): HTMLElement | null => {
      for (const el of doc.querySelectorAll<HTMLElement>(X.composerEditor)) {
        if ((el.closest(X.dialog) || el.closest(X.primaryColumn)) && !before.has(el)) return el;
      }
      return null;
    };
    button.click();
    const editor = await waitForElement(doc.body, modalEditor, 5000);
    if (!editor) return false;
    // x.com focuses the modal's editor itself; make sure, then wait for that focus to be rendered.
    if (doc.activeElement !== editor) editor.focus();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const existing = draftText(editor);
    if (existing !== '') return false; // a restored draft: do not mix the answer into it
    const result = await insertIntoDraft(editor, 0, text, { start: caret, end: caret });
    return result.ok;
  } finally {
    opening--;
  }
}
