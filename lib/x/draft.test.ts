import { describe, expect, it } from 'vitest';
import { draftText, findInsertion, offsetToPoint, pointToOffset } from './draft';

/** Draft's DOM for blocks of leaves ('' = an empty block, rendered with <br data-text>). */
function draftDom(blocks: string[][]): HTMLElement {
  const editor = document.createElement('div');
  editor.className = 'public-DraftEditor-content';
  editor.setAttribute('contenteditable', 'true');
  const contents = document.createElement('div');
  contents.setAttribute('data-contents', 'true');
  editor.append(contents);
  blocks.forEach((leaves, b) => {
    const block = document.createElement('div');
    block.setAttribute('data-block', 'true');
    const wrapper = document.createElement('div');
    block.append(wrapper);
    (leaves.length ? leaves : ['']).forEach((text, l) => {
      const leaf = document.createElement('span');
      leaf.setAttribute('data-offset-key', `${b}-0-${l}`);
      let inner: HTMLElement;
      if (text === '') {
        inner = document.createElement('br');
      } else {
        inner = document.createElement('span');
        inner.textContent = text;
      }
      inner.setAttribute('data-text', 'true');
      leaf.append(inner);
      // A decorated leaf (hashtag) is wrapped by the decorator's component.
      if (text.startsWith('#')) {
        const deco = document.createElement('span');
        deco.className = 'composer-entity';
        deco.append(leaf);
        wrapper.append(deco);
      } else {
        wrapper.append(leaf);
      }
    });
    contents.append(block);
  });
  document.body.append(editor);
  return editor;
}

const textNode = (editor: HTMLElement, leaf: number): Node => editor.querySelectorAll('[data-text="true"]')[leaf]!.firstChild!;

describe('draftText', () => {
  it('joins leaves, and blocks with a newline, like getPlainText()', () => {
    expect(draftText(draftDom([['Great question ', '#blogchat']]))).toBe('Great question #blogchat');
    expect(draftText(draftDom([['line one'], [], ['line ', '#three']]))).toBe('line one\n\nline #three');
    expect(draftText(draftDom([[]]))).toBe('');
  });
});

describe('offsetToPoint / pointToOffset', () => {
  it('maps plain-text offsets to text nodes and back, across leaves and blocks', () => {
    const editor = draftDom([['ab ', '#blogchat'], ['cd']]);
    expect(offsetToPoint(editor, 0)).toEqual({ node: textNode(editor, 0), offset: 0 });
    // A leaf boundary is the end of the first leaf: the caret stays out of the hashtag.
    expect(offsetToPoint(editor, 3)).toEqual({ node: textNode(editor, 0), offset: 3 });
    expect(offsetToPoint(editor, 5)).toEqual({ node: textNode(editor, 1), offset: 2 });
    expect(offsetToPoint(editor, 13)).toEqual({ node: textNode(editor, 2), offset: 0 });
    expect(offsetToPoint(editor, 14)).toEqual({ node: textNode(editor, 2), offset: 1 });
    expect(offsetToPoint(editor, 99)).toEqual({ node: textNode(editor, 2), offset: 2 });
    expect(pointToOffset(editor, textNode(editor, 1), 4)).toBe(7);
    expect(pointToOffset(editor, textNode(editor, 2), 2)).toBe(15);
  });

  it('puts the caret of an empty block before its <br>', () => {
    const editor = draftDom([[]]);
    const point = offsetToPoint(editor, 0)!;
    expect((point.node as Element).getAttribute('data-offset-key')).toBe('0-0-0');
    expect(point.offset).toBe(0);
    expect(pointToOffset(editor, point.node, 0)).toBe(0);
  });

  it('reads element points (before a child, or after the last one)', () => {
    const editor = draftDom([['ab'], ['cd']]);
    const blocks = editor.querySelectorAll('[data-block="true"]');
    expect(pointToOffset(editor, blocks[1]!, 0)).toBe(3);
    expect(pointToOffset(editor, blocks[0]!, 1)).toBe(2);
    expect(pointToOffset(editor, editor, 1)).toBe(5); // after the last leaf: "ab\ncd".length
    expect(pointToOffset(editor, document.body, 0)).toBeNull();
  });
});

describe('findInsertion', () => {
  it('finds where an insert went, or null when the text is not the old one plus the insert', () => {
    expect(findInsertion('Hello world', 'Hello world #blogchat', ' #blogchat')).toBe(11);
    expect(findInsertion('Hello world', 'He #blogchatllo world', ' #blogchat')).toBe(2);
    expect(findInsertion('Hello world', 'Hello world!', ' #blogchat')).toBeNull();
  });
});
