// The builds' stand-in for twemoji-parser must weigh every text as twitter-text weighs it with the real
// one: both are run through twitter-text's own parseTweet (its CommonJS build, whose `require` of
// twemoji-parser is swapped for the stand-in here).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from './twemoji-parser';

const require = createRequire(import.meta.url);
const real = require('twemoji-parser') as { parse: typeof parse };
const { parseTweet } = require('twitter-text') as { parseTweet(text: string): { weightedLength: number } };

/** Weighted lengths of `texts` by twitter-text with the real twemoji-parser, then with the stand-in. */
function weights(texts: readonly string[]): [number[], number[]] {
  const realParse = real.parse;
  const measure = () => texts.map((text) => parseTweet(text).weightedLength);
  const withReal = measure();
  real.parse = parse;
  try {
    return [withReal, measure()];
  } finally {
    real.parse = realParse;
  }
}

describe('the emoji stand-in for twemoji-parser', () => {
  it('finds emoji with their indices, a sequence as one', () => {
    expect(parse('a😀 👨‍👩‍👧 🇫🇷 1️⃣ 👍🏽 ❤️ ©')).toEqual([
      { text: '😀', indices: [1, 3], type: 'emoji', url: '' },
      { text: '👨‍👩‍👧', indices: [4, 12], type: 'emoji', url: '' },
      { text: '🇫🇷', indices: [13, 17], type: 'emoji', url: '' },
      { text: '1️⃣', indices: [18, 21], type: 'emoji', url: '' },
      { text: '👍🏽', indices: [22, 26], type: 'emoji', url: '' },
      { text: '❤️', indices: [27, 29], type: 'emoji', url: '' },
    ]);
  });

  // About 3 s of CPU alone (400,000 texts, weighed twice): on a busy machine, several times vitest's default 5 s.
  it('weighs every code point, alone and followed by VS16, as the real one does (but a redundant VS16)', { timeout: 30_000 }, () => {
    const texts: string[] = [];
    for (let cp = 0x20; cp < 0x110000; cp += cp < 0x30000 ? 1 : 0x101) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      texts.push(String.fromCodePoint(cp), `${String.fromCodePoint(cp)}\uFE0F`);
    }
    const [withReal, withStandIn] = weights(texts);
    const differing = texts.filter((_, i) => withReal[i] !== withStandIn[i]);
    // twemoji-parser counts an emoji that is shown as one by default, followed by VS16, as two emoji (4).
    expect(differing.every((text) => text.endsWith('\uFE0F') && parse(text).length === 1 && parse(text)[0]!.text === text)).toBe(true);
    expect(differing.length).toBeLessThan(1_200);
    expect(texts.length - differing.length).toBeGreaterThan(300_000);
  });

  it('weighs posts of text, emoji sequences, URLs and tags as the real one does', () => {
    const posts = [
      'A1 my answer 🎉🎉 #blogchat',
      '👨‍👩‍👧‍👦 family 🏳️‍🌈 flags 🇺🇸🇫🇷 keycaps 1️⃣#️⃣ skin 👋🏿 #blogchat https://example.com/a?b=c',
      '日本語のツイート😀 #ブログチャット',
      'Q3) What’s your ✍️ routine? ☕️ or 🍵 #blogchat #sm48',
      '😀'.repeat(140),
    ];
    const [withReal, withStandIn] = weights(posts);
    expect(withStandIn).toEqual(withReal);
  });
});
