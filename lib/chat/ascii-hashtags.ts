// A hand-written matcher for the hashtags of most chat tweets (`A1 … #blogchat`), giving exactly
// twitter-text's answer without its regexes, or saying it is unsure. ascii-hashtags.test.ts checks it
// against twitter-text over generated texts, and each character class below against twitter-text's own.

const SPACE = /\s/;

/** Whether the character at `index` starts the text or follows white space (which no tag or URL holds). */
export function atWordStart(text: string, index: number): boolean {
  return index === 0 || SPACE.test(text.charAt(index - 1));
}

/**
 * Characters after an ASCII tag that end it for sure: none is a letter, mark, number or other character
 * twitter-text lets a tag go on with. General punctuation (curly quotes, dashes, '…'), white space,
 * arrows and dingbats (`✅`, `❤`), and emoji (U+1F000–U+1FAFF, as surrogate pairs). A character
 * outside this set and outside ASCII may go on with the tag (`#café`, `#a\u200d`): unsure.
 */
const NON_ASCII_STOP = /^(?:[\s\u2010-\u2027\u2030-\u205e\u2190-\u27bf]|[\ud83c\ud83d][\udc00-\udfff]|\ud83e[\udc00-\udeff])/;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiTagChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f; /* _ */
}

/**
 * twitter-text's hashtags of the text (as `extractHashtags`, with the URL check), when every '#' in it
 * is ASCII and starts the text or follows white space, and every tag is ASCII and ends for sure; null
 * otherwise (ask twitter-text). Why that is exactly twitter-text's answer:
 * - a tag starts only at a '#' or '＃' (a text with a '＃' is left to twitter-text) that starts the text
 *   or follows a character that is neither part of a tag nor '&': white space is neither;
 * - the tag is the longest run of tag characters after the '#', if that holds a letter (`#123` is none);
 * - it is dropped when '#' or '://' follows the run (a '#' right after a run does not start a word, so
 *   never gets here);
 * - a URL never holds white space nor starts with '#', so no URL can overlap a tag that follows white
 *   space or starts the text (a URL starting inside the tag comes after it and loses the overlap).
 */
export function asciiHashtags(text: string): string[] | null {
  if (text.includes('＃')) return null;
  const tags: string[] = [];
  for (let hash = text.indexOf('#'); hash !== -1; hash = text.indexOf('#', hash + 1)) {
    if (!atWordStart(text, hash)) return null;
    const start = hash + 1;
    const first = text.charCodeAt(start);
    // A non-ASCII character may start a tag (`#日本語`), or be a keycap's (`#️⃣`): unsure.
    if (first >= 0x80) return null;
    // Anything else that is not a tag character (white space, punctuation, the end of the text): no tag.
    if (!isAsciiTagChar(first)) continue;
    let end = start;
    let hasLetter = false;
    for (let c = first; isAsciiTagChar(c); c = text.charCodeAt(++end)) if (isAsciiLetter(c)) hasLetter = true;
    if (text.charCodeAt(end) >= 0x80 && !NON_ASCII_STOP.test(text.slice(end, end + 2))) return null;
    if (!hasLetter || text.startsWith('://', end)) continue;
    tags.push(text.slice(start, end));
  }
  return tags;
}
