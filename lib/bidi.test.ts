import { describe, expect, it } from 'vitest';
import { balanceBidi, isolate } from './bidi';

const RLO = '\u202E';
const LRE = '\u202A';
const RLE = '\u202B';
const PDF = '\u202C';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

describe('balanceBidi', () => {
  it('leaves ordinary text, and embeddings an isolate confines, as they are', () => {
    for (const s of ['', 'Ann', 'שלום עולם', 'مرحبا', `${RLO}evil`, `${LRE}a${PDF}`, `${RLE}b`, `x${PDF}${PDF}`])
      expect(balanceBidi(s)).toBe(s);
  });

  it('drops a PDI that would close the surrounding isolate', () => {
    expect(balanceBidi(`${PDI}${RLO}evil`)).toBe(`${RLO}evil`);
    expect(balanceBidi(`a${PDI}${PDI}b`)).toBe('ab');
    expect(balanceBidi(`${FSI}a${PDI}${PDI}b`)).toBe(`${FSI}a${PDI}b`);
  });

  it('closes isolates the text leaves open', () => {
    expect(balanceBidi(`${RLI}evil`)).toBe(`${RLI}evil${PDI}`);
    expect(balanceBidi(`${LRI}${FSI}a${PDI}`)).toBe(`${LRI}${FSI}a${PDI}${PDI}`);
  });

  it('turns paragraph breaks, which would end the isolate, into spaces', () => {
    expect(balanceBidi(`a\nb\r\nc\u2029d\u0085e\u001cf`)).toBe('a b  c d e f');
  });
});

describe('isolate', () => {
  it('wraps balanced text in FSI … PDI', () => {
    expect(isolate('Ann')).toBe(`${FSI}Ann${PDI}`);
    expect(isolate(`${PDI}${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
  });
});
