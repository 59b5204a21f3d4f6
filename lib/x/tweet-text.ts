// A tweet's text as its author wrote it, rebuilt from x.com's markup of it: never parses HTML.
import { normalizeTag } from '@/lib/chat/hashtags';
import { hashtagOf } from './urls';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isEllipsis(node: ChildNode): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    (node as Element).getAttribute('aria-hidden') === 'true' &&
    node.textContent === '…' &&
    node.nextSibling === null
  );
}

/**
 * Whether a link shown as `shown` is a hashtag link showing its tag without '#': its address,
 * `/hashtag/tag`, says it is that hashtag, and the author typed `#tag`.
 */
function isTagWithoutHash(a: Element, shown: string): boolean {
  const first = shown.charCodeAt(0);
  // Most links are mentions and URLs: the address is looked at only for a shown text without '#'/'＃'.
  if (first === 0x23 || first === 0xff03 || shown === '') return false;
  const tag = hashtagOf(a.getAttribute('href'));
  return tag !== null && normalizeTag(tag) === normalizeTag(shown);
}

/** The text of a link: its shown text, with the '#' of a hashtag link that shows its tag without one. */
function linkTextOf(a: Element): string {
  const shown = textOf(a);
  return isTagWithoutHash(a, shown) ? `#${shown}` : shown;
}

/**
 * What makes an element's text differ from its `textContent`, besides some links (`plainLinks`): read
 * otherwise (img, br), skipped (svg, script, style, template), or possibly a link's display-only "…"
 * (which is `aria-hidden`).
 */
const NOT_PLAIN = 'img, br, svg, script, style, template, [aria-hidden="true"]';

/** Whether each link inside `el` (holding nothing NOT_PLAIN) reads as its `textContent`: all but a hashtag link shown without '#'. */
function plainLinks(el: Element): boolean {
  for (const a of el.getElementsByTagName('a')) if (isTagWithoutHash(a, a.textContent ?? '')) return false;
  return true;
}

/**
 * The text of an element as its author wrote it: text nodes, emoji images by their `alt`, `<br>` as a
 * line break, links by their text (a t.co link's visually hidden "https://" prefix and tail are part of
 * it, so the URL comes out whole; the display-only trailing "…" is dropped; a hashtag link is `#tag`,
 * see `linkTextOf`). SVG icons are skipped.
 */
export function textOf(el: Element): string {
  // Most texts are text in spans and links such as "#blogchat": then the browser's own `textContent`,
  // rather than a walk in script over nodes that x.com has just made (the walk was the largest single
  // part of reading a new tweet).
  return el.querySelector(NOT_PLAIN) === null && plainLinks(el) ? (el.textContent ?? '') : walkedTextOf(el);
}

/** `textOf`, by a walk over the element's nodes. */
export function walkedTextOf(el: Element): string {
  let out = '';
  const inLink = el.localName === 'a';
  // Sibling pointers rather than `childNodes`' iterator: this runs for every node of every tweet's text.
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out += child.nodeValue ?? '';
    } else if (child.nodeType === ELEMENT_NODE) {
      const e = child as Element;
      const tag = e.localName;
      if (tag === 'img') out += e.getAttribute('alt') ?? '';
      else if (tag === 'br') out += '\n';
      else if (tag === 'svg' || tag === 'script' || tag === 'style' || tag === 'template') continue;
      else if (inLink && isEllipsis(child)) continue;
      else if (tag === 'a') out += linkTextOf(e);
      else out += walkedTextOf(e);
    }
  }
  return out;
}
