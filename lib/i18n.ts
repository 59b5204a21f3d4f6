// The sidebar's and pages' text comes from public/_locales/*/messages.json through the browser's i18n.
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/** `t('nextChat', when)`; falls back to the key, so a missing string shows up instead of a blank. */
export const t: Translate = (key, ...substitutions) =>
  browser.i18n.getMessage(key, substitutions.length > 0 ? substitutions : undefined) || key;
