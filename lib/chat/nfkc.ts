// NFKC, the form tags are compared in (full-width '＃ＢＬＯＧ' → '#BLOG').

// Printable ASCII (and tabs and line breaks): each such character is its own NFKC form.
const PRINTABLE_ASCII = /^[\t\n\r -~]*$/;

/**
 * `text.normalize('NFKC')`, without the call for a text of printable ASCII: it is asked for every new
 * tweet's tags, most of which are plain ASCII, and the call costs even when nothing changes.
 */
export function nfkc(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC');
}
