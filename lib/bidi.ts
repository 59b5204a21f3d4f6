// Others' text (display names, tweets, titles) next to ours must not reorder what surrounds it: an
// RLO (U+202E) in a display name would otherwise flip the rest of the row or line. Such text goes
// in a bidi isolate — `<bdi>` on pages, FSI … PDI in plain text — and is balanced first: a stray PDI
// in it would close our isolate early (real browsers let it end a `<bdi>` too), an unclosed opener
// would keep it open, and a paragraph break would end it.

const FSI = '\u2068';
const PDI = '\u2069';
/** LRI, RLI, FSI: each opens an isolate that a PDI closes. */
const OPENERS = /[\u2066-\u2068]/;
/* eslint-disable no-control-regex -- U+001C–U+001E are among those separators */
/** Isolate controls, and the paragraph separators (bidi class B) that would end the isolate. */
const SPECIAL = /[\u2066-\u2069\n\r\u001c-\u001e\u0085\u2029]/;
const PARAGRAPH_BREAK = /[\n\r\u001c-\u001e\u0085\u2029]/;
/* eslint-enable no-control-regex */

/**
 * `text` fit for one isolate: PDIs without their opener dropped, a PDI added for each opener left
 * open, paragraph breaks turned into spaces. Everything else (RLO, LRE, PDF…) stays: an isolate
 * confines it.
 */
export function balanceBidi(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let open = 0;
  let out = '';
  for (const ch of text) {
    if (ch === PDI) {
      if (open === 0) continue;
      open--;
    } else if (OPENERS.test(ch)) {
      open++;
    } else if (PARAGRAPH_BREAK.test(ch)) {
      out += ' ';
      continue;
    }
    out += ch;
  }
  return out + PDI.repeat(open);
}

/** `text` as one first-strong isolate (FSI … PDI), for plain-text output such as Markdown. */
export function isolate(text: string): string {
  return FSI + balanceBidi(text) + PDI;
}
