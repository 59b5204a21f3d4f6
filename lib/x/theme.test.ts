import { describe, expect, it } from 'vitest';
import { parseRgb, readTheme, schemeOf, watchTheme } from './theme';

describe('schemeOf', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgb(21, 32, 43)', 'dark'], // the old Dim theme still reads as dark
    ['rgba(0, 0, 0, 0)', 'dark'],
    ['transparent', 'light'],
    ['', 'light'],
  ])('%s is %s', (background, scheme) => {
    expect(schemeOf(background)).toBe(scheme);
  });

  it('parses rgb and rgba, and rejects other forms', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseRgb('rgba(4,5,6,0.5)')).toEqual([4, 5, 6]);
    expect(parseRgb('#fff')).toBeNull();
  });
});

describe('readTheme / watchTheme', () => {
  it('reads the body background and root font size, and reports a switch to dark', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    document.documentElement.style.fontSize = '17px';
    expect(readTheme(document)).toMatchObject({ scheme: 'light', fontSize: 17 });
    const seen: string[] = [];
    const watching = new AbortController();
    watchTheme(document, (theme) => seen.push(theme.scheme), watching.signal);
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    await new Promise((resolve) => setTimeout(resolve, 0));
    watching.abort();
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['dark']);
  });
});
