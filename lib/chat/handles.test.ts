import { describe, expect, it } from 'vitest';
import { handleIn, normalizeHandle } from './handles';

describe('normalizeHandle', () => {
  it('drops leading @ and ＠ (any number, after spaces), trims and lower-cases', () => {
    expect(normalizeHandle('MackCollier')).toBe('mackcollier');
    expect(normalizeHandle('@MackCollier')).toBe('mackcollier');
    expect(normalizeHandle('＠MackCollier')).toBe('mackcollier');
    expect(normalizeHandle(' @@＠Mack_Collier ')).toBe('mack_collier');
    expect(normalizeHandle('mack@collier')).toBe('mack@collier');
    expect(normalizeHandle('  ')).toBe('');
    expect(normalizeHandle('@')).toBe('');
  });

  it('compares handles either side may carry @', () => {
    expect(handleIn('@MackCollier', ['someone', 'mackcollier'])).toBe(true);
    expect(handleIn('mackcollier', ['＠MACKCOLLIER'])).toBe(true);
    expect(handleIn('@', ['', '@'])).toBe(false);
  });
});
