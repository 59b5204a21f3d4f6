import { describe, expect, it } from 'vitest';
import { answerPrefix, answerText, applyAutoTag, planAutoTag, TWEET_LIMIT, weightedLength, type AutoTagPlan } from './tag-plan';
import { extractTags } from './hashtags';
import { parseAnswer } from './questions';
import { extractUrlsWithIndices } from './twitterText';

describe('weightedLength', () => {
  it.each<[string, string, number]>([
    ['empty', '', 0],
    ['ASCII', 'hello', 5],
    ['accented Latin', 'café', 4],
    ['emoji weighs 2', '😀', 2],
    ['emoji with ZWJ sequence weighs 2', '👨‍👩‍👧', 2],
    ['CJK weighs 2 each', '日本', 4],
    ['a long URL weighs 23', `https://example.com/${'a'.repeat(200)}`, 23],
    ['a short URL weighs 23', 'https://t.co', 23],
    ['a URL without protocol weighs 23', 'example.com', 23],
    ['text plus URL', 'see https://example.com/x', 4 + 23],
  ])('%s', (_name, text, length) => {
    expect(weightedLength(text)).toBe(length);
  });
});

const insert = (text: string, insertText: string): AutoTagPlan => ({
  kind: 'insert',
  insert: insertText,
  at: text.length,
  caret: text.length,
});
const NONE: AutoTagPlan = { kind: 'none', reason: 'already-tagged' };

describe('planAutoTag', () => {
  it.each<[string, string, string[], AutoTagPlan]>([
    ['appends the tag after a space', 'Blogging is fun', ['blogchat'], insert('Blogging is fun', ' #blogchat')],
    ['appends every missing tag in order', 'Segments', ['socialmedia', 'sm49'], insert('Segments', ' #socialmedia #sm49')],
    ['keeps a leading space for an empty composer', '', ['blogchat'], insert('', ' #blogchat')],
    ['adds only the missing tag', 'A1 yes #SocialMedia', ['socialmedia', 'sm49'], insert('A1 yes #SocialMedia', ' #sm49')],
    ['does not repeat a tag present in another case', 'A1 yes #BlogChat', ['blogchat'], NONE],
    ['does not repeat a tag typed with a full-width hash', 'A1 yes ＃blogchat', ['blogchat'], NONE],
    ['does not repeat a tag in the middle of the text', "#blogchat's guest is great", ['blogchat'], NONE],
    ['does not repeat a possessive tag in another case', "A1 #BlogChat's guest", ['blogchat'], NONE],
    ['does not repeat a full-width tag', 'A1 ＃ＢｌｏｇＣｈａｔ', ['blogchat'], NONE],
    ['counts tags given with # and in caps', 'hello', ['#BlogChat', 'blogchat'], insert('hello', ' #blogchat')],
    ['does not count a longer tag as present', 'A1 #blogchatter', ['blogchat'], insert('A1 #blogchatter', ' #blogchat')],
    [
      'does not count a URL fragment as the tag',
      'see https://example.com/#blogchat',
      ['blogchat'],
      insert('see https://example.com/#blogchat', ' #blogchat'),
    ],
    [
      'separates from a URL at the end',
      'read https://example.com/post',
      ['blogchat'],
      insert('read https://example.com/post', ' #blogchat'),
    ],
    ['separates from a trailing @mention', 'thanks @mackcollier', ['blogchat'], insert('thanks @mackcollier', ' #blogchat')],
    ['keeps the separating space after trailing whitespace', 'A1 yes ', ['blogchat'], insert('A1 yes ', ' #blogchat')],
    ['keeps the separating space after a trailing newline', 'A1 yes\n', ['blogchat'], insert('A1 yes\n', ' #blogchat')],
    ['nothing to add with no tags', 'hello', [], NONE],
  ])('%s', (_name, text, tags, plan) => {
    expect(planAutoTag(text, tags)).toEqual(plan);
  });

  it.each([
    ['a URL', 'read https://example.com/post'],
    ['a URL ending in a slash', 'read https://example.com/'],
    ['a URL with a query', 'read https://example.com/?q=1'],
    ['a bare domain', 'read example.com'],
  ])('leaves %s at the end intact and the tag a real hashtag', (_name, text) => {
    const plan = planAutoTag(text, ['blogchat']);
    const result = applyAutoTag(text, plan);
    const urls = extractUrlsWithIndices(text).map((u) => u.url);
    expect(extractUrlsWithIndices(result).map((u) => u.url)).toEqual(urls);
    expect(extractTags(result)).toEqual(['blogchat']);
  });

  it('keeps whatever the user types at the caret before the tag, still a hashtag', () => {
    for (const text of ['', 'A1 yes', 'A1 yes ', 'see https://example.com']) {
      const plan = planAutoTag(text, ['blogchat']);
      if (plan.kind !== 'insert') throw new Error(`expected an insert plan for ${JSON.stringify(text)}`);
      const tagged = applyAutoTag(text, plan);
      const typed = `${tagged.slice(0, plan.caret)}more${tagged.slice(plan.caret)}`;
      expect(typed.endsWith(' #blogchat')).toBe(true);
      expect(extractTags(typed)).toEqual(['blogchat']);
    }
  });

  describe('the 280 limit', () => {
    it('inserts when the tagged text is exactly at the limit', () => {
      const text = 'a'.repeat(TWEET_LIMIT - ' #blogchat'.length);
      expect(planAutoTag(text, ['blogchat'])).toEqual(insert(text, ' #blogchat'));
    });

    it('blocks one character over the limit and reports the length', () => {
      const text = 'a'.repeat(TWEET_LIMIT - ' #blogchat'.length + 1);
      expect(planAutoTag(text, ['blogchat'])).toEqual({ kind: 'blocked', reason: 'too-long', weightedLength: 281, limit: 280 });
    });

    it('counts a URL as 23 whatever its length', () => {
      const url = `https://example.com/${'x'.repeat(300)}`; // 320 characters, weighs 23
      const filler = 'a'.repeat(TWEET_LIMIT - 23 - 1 - ' #blogchat'.length); // text + ' ' + url + tag = 280
      const text = `${filler} ${url}`;
      expect(text.length).toBeGreaterThan(TWEET_LIMIT);
      expect(planAutoTag(text, ['blogchat'])).toEqual(insert(text, ' #blogchat'));
      expect(planAutoTag(`a${text}`, ['blogchat'])).toMatchObject({ kind: 'blocked', weightedLength: 281 });
    });

    it('counts an emoji as 2', () => {
      // 135 emoji weigh 270; ' #blogchat' weighs 10 → 280.
      const text = '😀'.repeat(135);
      expect(planAutoTag(text, ['blogchat'])).toEqual(insert(text, ' #blogchat'));
      expect(planAutoTag(`${text}a`, ['blogchat'])).toEqual({ kind: 'blocked', reason: 'too-long', weightedLength: 281, limit: 280 });
    });

    it('counts all missing tags together', () => {
      const text = 'a'.repeat(TWEET_LIMIT - ' #socialmedia'.length);
      expect(planAutoTag(text, ['socialmedia'])).toMatchObject({ kind: 'insert' });
      expect(planAutoTag(text, ['socialmedia', 'sm49'])).toMatchObject({ kind: 'blocked', weightedLength: 286 });
    });

    it('takes another limit (e.g. a longer-post account)', () => {
      const text = 'a'.repeat(400);
      expect(planAutoTag(text, ['blogchat'])).toMatchObject({ kind: 'blocked', limit: 280 });
      expect(planAutoTag(text, ['blogchat'], { limit: 25_000 })).toEqual(insert(text, ' #blogchat'));
    });

    it('reports already-tagged even for an over-long text', () => {
      expect(planAutoTag(`${'a'.repeat(300)} #blogchat`, ['blogchat'])).toEqual(NONE);
    });
  });
});

describe('applyAutoTag', () => {
  it('applies an insert plan and leaves the text alone otherwise', () => {
    expect(applyAutoTag('hi', planAutoTag('hi', ['blogchat']))).toBe('hi #blogchat');
    expect(applyAutoTag('hi #blogchat', planAutoTag('hi #blogchat', ['blogchat']))).toBe('hi #blogchat');
    const long = 'a'.repeat(280);
    expect(applyAutoTag(long, planAutoTag(long, ['blogchat']))).toBe(long);
  });
});

describe('answer helper', () => {
  it.each<[number, string | undefined, string]>([
    [1, undefined, 'A1 '],
    [12, undefined, 'A12 '],
    [2, 'a', 'A2a '],
  ])('answerPrefix(%d, %j) → %j', (n, part, prefix) => {
    expect(answerPrefix(n, part)).toBe(prefix);
  });

  it('builds the answer text with the caret after the prefix', () => {
    expect(answerText({ number: 1 }, ['blogchat'])).toEqual({ text: 'A1  #blogchat', caret: 3 });
    expect(answerText({ number: 2, part: 'b' }, ['socialmedia', 'sm49'])).toEqual({
      text: 'A2b  #socialmedia #sm49',
      caret: 4,
    });
    expect(answerText({ number: 3 }, [])).toEqual({ text: 'A3 ', caret: 3 });
  });

  it('produces a text that parses back as the answer, with the tag intact after typing', () => {
    const draft = answerText({ number: 4, part: 'a' }, ['blogchat']);
    const typed = `${draft.text.slice(0, draft.caret)}my answer${draft.text.slice(draft.caret)}`;
    expect(typed).toBe('A4a my answer #blogchat');
    expect(parseAnswer(typed)).toEqual({ number: 4, part: 'a' });
    expect(extractTags(typed)).toEqual(['blogchat']);
  });
});
