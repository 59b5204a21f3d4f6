import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from './i18n';

/** The browser's substitution of `$1`… in a message, as Chrome and Firefox do it. */
const browserMessage = (template: string) => (_key: string, subs?: string | string[]) =>
  template.replace(/\$(\d)/g, (_, i: string) => [subs ?? []].flat()[Number(i) - 1] ?? '');

it('asks the browser once per message, whatever its substitutions, and falls back to the key', () => {
  const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(browserMessage('Next chat: $1'));
  expect(t('nextChat', 'Sunday')).toBe('Next chat: Sunday');
  expect(t('nextChat', 'Monday')).toBe('Next chat: Monday');
  expect(t('nextChat', 'Sunday')).toBe('Next chat: Sunday');
  expect(getMessage).toHaveBeenCalledOnce();
  getMessage.mockImplementation(() => '');
  expect(t('pageNotRecognised')).toBe('pageNotRecognised');
  expect(t('pageNotRecognised')).toBe('pageNotRecognised');
  expect(getMessage).toHaveBeenCalledTimes(2);
});

it('puts each substitution where the translation has it, as often as it does, taken literally', () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(browserMessage('$2 of the last $1 ($2) tweets'));
  expect(t('pageTagsMissing', '14', '0', '#blogchat')).toBe('0 of the last 14 (0) tweets');
  // Substitutions come from tweets and names: `$&`, `$1` and markers in them are text.
  expect(t('pageTagsMissing', '$&', '$1 \uE0000\uE001')).toBe('$1 \uE0000\uE001 of the last $& ($1 \uE0000\uE001) tweets');
});
