import { describe, expect, it } from 'vitest';
import { nfkc } from './nfkc';

describe('nfkc', () => {
  it('gives a text of printable ASCII back as it is', () => {
    const text = '#blogchat Q1: what\tdo you\nthink?';
    expect(nfkc(text)).toBe(text);
  });

  it('normalises any other text (full-width forms, ligatures, also beside ASCII)', () => {
    expect(nfkc('＃ＢＬＯＧ Ｑ１')).toBe('#BLOG Q1');
    expect(nfkc('#blogchat ﬁne')).toBe('#blogchat fine');
  });
});
