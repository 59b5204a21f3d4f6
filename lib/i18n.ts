// The sidebar's and pages' text comes from public/_locales/*/messages.json through the browser's i18n.
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

// The sidebar asks for the same few dozen messages on every render, with ever-new counts and times in
// them; the browser's lookup crosses into its own code each time, and a page's language never changes.
// So the browser is asked once per message (and number of substitutions), with markers for the
// substitutions, which are then put in here.
const templates = new Map<string, string>();
const marker = (i: number): string => `\uE000${i}\uE001`;
const MARKERS = /\uE000(\d)\uE001/g;

/** `t('nextChat', when)`; falls back to the key, so a missing string shows up instead of a blank. */
export const t: Translate = (key, ...substitutions) => {
  const n = substitutions.length;
  const templateKey = n > 0 ? `${key}/${n}` : key;
  let template = templates.get(templateKey);
  if (template === undefined) {
    template = browser.i18n.getMessage(key, n > 0 ? substitutions.map((_, i) => marker(i)) : undefined) || key;
    templates.set(templateKey, template);
  }
  return n > 0 ? template.replace(MARKERS, (_, i: string) => substitutions[Number(i)] ?? '') : template;
};
