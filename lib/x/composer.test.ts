import { afterEach, describe, expect, it, vi } from 'vitest';
import { composerEditorOf, openComposerWithText, startAutoTag } from './composer';

/** An x.com-like compose box: Draft's contenteditable carries the tweetTextarea test id. */
function composer(text: string): HTMLElement {
  document.body.innerHTML = `<div data-testid="tweetTextarea_0RichTextInputContainer"><div class="DraftEditor-root"><div class="DraftEditor-editorContainer">
    <div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0" tabindex="0">
      <div data-contents="true"><div data-block="true"><div><span data-offset-key="a-0-0">${text ? `<span data-text="true">${text}</span>` : '<br data-text="true">'}</span></div></div></div>
    </div></div></div></div>`;
  return document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('composerEditorOf', () => {
  it('finds the editor from any node inside it, and nothing elsewhere', () => {
    const editor = composer('hi');
    expect(composerEditorOf(editor.querySelector('[data-text]')!.firstChild)).toBe(editor);
    expect(composerEditorOf(editor)).toBe(editor);
    expect(composerEditorOf(document.body)).toBeNull();
    expect(composerEditorOf(null)).toBeNull();
  });
});

describe('startAutoTag', () => {
  it('warns instead of inserting when the tag would pass 280 characters, and stops listening when its signal aborts', async () => {
    const editor = composer('x'.repeat(275));
    const events: string[] = [];
    editor.addEventListener('textInput', (e) => events.push(e.type));
    const onWarning = vi.fn();
    const tagging = new AbortController();
    startAutoTag(document, { tags: () => ['blogchat'], onWarning }, tagging.signal);
    editor.focus();
    await flush();
    expect(onWarning).toHaveBeenCalledWith({ kind: 'too-long', weightedLength: 285, limit: 280 });
    expect(events).toEqual([]);
    tagging.abort();
    onWarning.mockClear();
    editor.blur();
    editor.focus();
    await flush();
    expect(onWarning).not.toHaveBeenCalled();
  });

  it('does nothing to a composer that already carries the tag', async () => {
    const editor = composer('Join #BlogChat');
    const events: string[] = [];
    for (const type of ['textInput', 'paste', 'keydown']) editor.addEventListener(type, (e) => events.push(e.type));
    const onWarning = vi.fn();
    const tagging = new AbortController();
    startAutoTag(document, { tags: () => ['blogchat'], onWarning }, tagging.signal);
    editor.focus();
    await flush();
    expect(events).toEqual([]);
    expect(onWarning).not.toHaveBeenCalled();
    tagging.abort();
  });
});

describe('openComposerWithText', () => {
  it('resolves false, touching nothing, when there is no new-post button', async () => {
    document.body.innerHTML = '<main></main>';
    const before = document.body.innerHTML;
    await expect(openComposerWithText(document, 'A1  #blogchat', 3)).resolves.toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });
});
