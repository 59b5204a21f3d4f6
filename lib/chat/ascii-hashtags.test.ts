import { describe, expect, it } from 'vitest';
import { asciiHashtags } from './ascii-hashtags';
import { extractTags, normalizeTag } from './hashtags';
import { extractHashtagsWithIndices } from './twitterText';

/** twitter-text's answer, the reference. */
function reference(text: string): string[] {
  return extractHashtagsWithIndices(text).map((h) => h.hashtag);
}

/** The texts where `asciiHashtags` answers something else than twitter-text (null is no answer). */
function disagreements(texts: Iterable<string>): Array<{ text: string; quick: string[]; reference: string[] }> {
  const wrong = [];
  for (const text of texts) {
    const quick = asciiHashtags(text);
    if (quick === null) continue;
    const expected = reference(text);
    if (quick.length !== expected.length || quick.some((t, i) => t !== expected[i])) wrong.push({ text, quick, reference: expected });
  }
  return wrong;
}

describe('asciiHashtags', () => {
  it.each<[string, string[] | null]>([
    ['no hash sign', []],
    ['A1 I think so #blogchat', ['blogchat']],
    ['#BlogChat Q1) why? #SM49', ['BlogChat', 'SM49']],
    ["#blogchat's best", ['blogchat']],
    ['#blogchat’s best', ['blogchat']],
    ['#blogchat, #sm49. #x!', ['blogchat', 'sm49', 'x']],
    ['#123 is a number', []],
    ['#2024chat is a tag', ['2024chat']],
    ['#_ and #a_b', ['a_b']],
    ['# alone, and at the end #', []],
    ['#http://example.com', []],
    ['#blogchat 😀 #sm49😀', ['blogchat', 'sm49']],
    ['\u00a0#blogchat after a no-break space', ['blogchat']],
    // Left to twitter-text:
    ['x#blogchat', null],
    ['(#blogchat)', null],
    ['#blogchat#sm49', null],
    ['#café', null],
    ['#blogchat\u200d', null],
    ['#️⃣ keycap', null],
    ['＃blogchat', null],
    ['#blogchat and ＃sm49', null],
  ])('%j → %j', (text, tags) => {
    expect(asciiHashtags(text)).toEqual(tags);
    if (tags !== null) expect(reference(text)).toEqual(tags);
  });

  // The matcher's three character tests (before a '#', right after it, after a tag), each against
  // twitter-text for every character of the first two planes (the BMP, and the one of emoji).
  it('agrees with twitter-text on every character before a #, after it and after a tag', () => {
    const texts: string[] = [];
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      texts.push(`${c}#blog x`, `#${c}b x`, `#blog${c} x`, `#12${c} x`);
    }
    expect(disagreements(texts)).toEqual([]);
  });

  // About a second of CPU alone: on a busy machine, several times vitest's default 5 s.
  it('agrees with twitter-text on 24,000 generated texts', { timeout: 30_000 }, () => {
    const texts = generatedTexts(24_000, 0x5eed);
    expect(disagreements(texts)).toEqual([]);
    const answered = texts.filter((t) => asciiHashtags(t) !== null);
    console.log(
      answered.length,
      answered.filter((t) => asciiHashtags(t)!.length > 0).length,
      answered.filter((t) => t.includes('#') && asciiHashtags(t)!.length === 0).length,
      texts.filter((t) => !t.includes('#')).length,
    );
    // The comparison means something: both the matcher's answers and its refusals are many, and so are
    // its answers with tags, without tags, and with a tag twitter-text refuses (`#123`, `#a://`).
    expect(answered.length).toBeGreaterThan(texts.length / 4);
    expect(texts.length - answered.length).toBeGreaterThan(texts.length / 4);
    expect(answered.filter((t) => asciiHashtags(t)!.length > 0).length).toBeGreaterThan(2000);
    expect(answered.filter((t) => t.includes('#') && asciiHashtags(t)!.length === 0).length).toBeGreaterThan(300);
    // The whole of extractTags (matcher, or twitter-text when it is unsure) against twitter-text.
    const wrongTags = texts.filter((t) => {
      const expected = [...new Set(reference(t).map(normalizeTag))].filter((tag) => tag !== '');
      return JSON.stringify(extractTags(t)) !== JSON.stringify(expected);
    });
    expect(wrongTags).toEqual([]);
  });
});

/** A small seeded generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = {
  tag: ['#blogchat', '#BlogChat', '#sm49', '#a_b', '#_x', '#2024chat', '#blog2', '#Q1', '#x'],
  // No tag here, for twitter-text and the matcher alike.
  notTag: ['#123', '#42', '#2024', '#1_2', '#_', '#', '#http://x.com', '#tag://'],
  // Left to twitter-text.
  oddTag: [
    '##double',
    '#a#b',
    '#café',
    '#日本語',
    '#blog\u0301',
    '#a\u200dchat',
    '#️⃣',
    '#\ufe0f',
    '＃blogchat',
    '#ＢＬＯＧ',
    '#١٢٣',
    '#Привет',
  ],
  word: ['I', 'think', 'A1', 'Q2)', 'a1:', 'so', 'café', 'naïve', '日本語', 'Привет', 'مرحبا', 'blog', '123', '2024', 'ＡＢＣ', '１２３'],
  punctuation: [
    '.',
    ',',
    '!',
    '?',
    "'",
    '’',
    '‘',
    '“',
    '”',
    '…',
    '—',
    '–',
    '(',
    ')',
    '[',
    ']',
    '&',
    ':',
    '/',
    '-',
    '$',
    '%',
    '"',
    '·',
    '~',
    '*',
    '+',
    '=',
    '|',
    '\\',
    '^',
    '`',
    '<',
    '>',
    ';',
    '{',
    '}',
  ],
  url: [
    'https://t.co/abc',
    'https://example.com/#blogchat',
    'example.com/#tag',
    'x.com',
    'http://a.b/c?d=e#frag',
    'www.x.com/#a',
    'https://t.co/x#y',
  ],
  mention: ['@someone', '@Host_1', '@a'],
  emoji: ['😀', '❤️', '✅', '👍🏽', '🇺🇸', '🙂', '⭐', '➡️', '🔥'],
  space: [' ', ' ', ' ', '\n', '\u00a0', '\u3000', '\t', '\u2028', '\u200b'],
} as const;

function generatedTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const kinds = Object.keys(PIECES) as Array<keyof typeof PIECES>;
  // Mostly well-formed tags and words; some odd tags, stray characters and glued pieces.
  const weights: Record<keyof typeof PIECES, number> = {
    tag: 6,
    notTag: 1,
    oddTag: 1,
    word: 8,
    punctuation: 3,
    url: 1,
    mention: 1,
    emoji: 1,
    space: 0,
  };
  const weighted = kinds.flatMap((k) => Array<keyof typeof PIECES>(weights[k]).fill(k));
  const stray = (): string => {
    const ranges = [
      [0x21, 0x7e],
      [0xa0, 0x2ff],
      [0x300, 0x36f],
      [0x2000, 0x206f],
      [0x3000, 0x30ff],
      [0xfe00, 0xfe0f],
      [0xff01, 0xff5e],
      [0x1f300, 0x1faff],
    ] as const;
    const [lo, hi] = pick(ranges);
    return String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const pieces = 1 + Math.floor(next() * 12);
    for (let p = 0; p < pieces; p++) {
      if (p > 0) text += next() < 0.75 ? pick(PIECES.space) : '';
      text += next() < 0.08 ? stray() : pick(PIECES[pick(weighted)]);
    }
    texts.push(text);
  }
  return texts;
}
