import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from './i18n';

it('asks the browser once per message and substitutions, and falls back to the key', () => {
  const getMessage = vi
    .spyOn(fakeBrowser.i18n, 'getMessage')
    .mockImplementation((key, subs) => (key === 'pageNotRecognised' ? '' : [key, ...[subs ?? []].flat()].join(' ')));
  expect(t('nextChat', 'Sunday')).toBe('nextChat Sunday');
  expect(t('nextChat', 'Sunday')).toBe('nextChat Sunday');
  expect(t('nextChat', 'Monday')).toBe('nextChat Monday');
  expect(t('pageNotRecognised')).toBe('pageNotRecognised');
  expect(getMessage).toHaveBeenCalledTimes(3);
  // two substitutions are not one that holds both
  getMessage.mockImplementation((key, subs) => `${key} ${JSON.stringify(subs)}`);
  expect(t('pageTagsMissing', 'a', 'b')).toBe('pageTagsMissing ["a","b"]');
  expect(t('pageTagsMissing', 'a\u0000b')).toBe('pageTagsMissing ["a\\u0000b"]');
});

it('stays bounded: a chat’s ever-new counts do not grow it without end', () => {
  const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => [key, ...[subs ?? []].flat()].join(' '));
  for (let i = 0; i < 2_000; i++) t('nextChat', String(i));
  getMessage.mockClear();
  t('nextChat', '1999');
  expect(getMessage).not.toHaveBeenCalled();
  t('nextChat', '0');
  expect(getMessage).toHaveBeenCalledOnce();
});
