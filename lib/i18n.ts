// The sidebar's and pages' text comes from public/_locales/*/messages.json through the browser's i18n.
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

// The sidebar asks for the same few dozen strings on every render; the browser's lookup crosses into
// its own code each time, and a page's language never changes. Bounded: forgotten at MEMO_LIMIT (the
// substitutions, counts and times, make new keys as a chat goes on).
const MEMO_LIMIT = 500;
const memo = new Map<string, string>();

/** `t('nextChat', when)`; falls back to the key, so a missing string shows up instead of a blank. */
export const t: Translate = (key, ...substitutions) => {
  const memoKey = substitutions.length > 0 ? `${key}${JSON.stringify(substitutions)}` : key;
  let text = memo.get(memoKey);
  if (text === undefined) {
    text = browser.i18n.getMessage(key, substitutions.length > 0 ? substitutions : undefined) || key;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(memoKey, text);
  }
  return text;
};
