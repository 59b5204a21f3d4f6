// Every language's messages.json against en's: the browser falls back to en message by message, so a
// missing key shows English in the middle of another language, and a placeholder that differs shows a
// blank or a raw `$1`. Each problem is listed as `<locale> <key>: …`, so a failure says what to translate.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../public/_locales');
const LANGUAGES = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR'];

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

function readBytes(locale: string): Buffer {
  return readFileSync(join(LOCALES_DIR, locale, 'messages.json'));
}

function readMessages(locale: string): Record<string, Message> {
  return JSON.parse(readBytes(locale).toString('utf8')) as Record<string, Message>;
}

/** What the browser substitutes in a message: `$NAME$` (any case) and `$1`…`$9`, sorted; `$$` is a plain `$`. */
function substitutions(message: string): string[] {
  return (message.match(/\$\$|\$[A-Za-z0-9_@]+\$|\$[1-9]/g) ?? [])
    .filter((token) => token !== '$$')
    .map((token) => token.toLowerCase())
    .sort();
}

const locales = readdirSync(LOCALES_DIR).sort();
const en = readMessages('en');

describe('public/_locales', () => {
  it('has the languages the extension ships in', () => {
    expect(locales).toEqual(LANGUAGES);
  });

  it.each(locales)('%s is valid JSON in UTF-8 without a byte order mark, of messages only', (locale) => {
    const bytes = readBytes(locale);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const problems = Object.entries(readMessages(locale)).flatMap(([key, entry]) => [
      ...(typeof entry.message === 'string' && entry.message.trim() !== '' ? [] : [`${locale} ${key}: no message`]),
      ...Object.keys(entry)
        .filter((field) => !['message', 'description', 'placeholders'].includes(field))
        .map((field) => `${locale} ${key}: unknown field ${field}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('en defines every named placeholder its messages use, and uses every one it defines', () => {
    const problems = Object.entries(en).flatMap(([key, entry]) => {
      const used = new Set(substitutions(entry.message).filter((s) => s.endsWith('$')));
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((name) => `$${name.toLowerCase()}$`));
      return [
        ...[...used].filter((name) => !defined.has(name)).map((name) => `en ${key}: ${name} used, not defined`),
        ...[...defined].filter((name) => !used.has(name)).map((name) => `en ${key}: ${name} defined, not used`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it.each(locales.filter((locale) => locale !== 'en'))('%s has every message of en, no other, with en’s placeholders', (locale) => {
    const messages = readMessages(locale);
    const problems = [
      ...Object.entries(en).flatMap(([key, source]) => {
        const translated = messages[key];
        if (translated === undefined) return [`${locale} ${key}: missing (en: ${JSON.stringify(source.message)})`];
        const [theirs, ours] = [substitutions(translated.message).join(), substitutions(source.message).join()];
        return [
          ...(theirs === ours ? [] : [`${locale} ${key}: substitutes ${theirs || 'nothing'}, en ${ours || 'nothing'}`]),
          ...(JSON.stringify(translated.placeholders) === JSON.stringify(source.placeholders)
            ? []
            : [`${locale} ${key}: placeholders differ from en's`]),
        ];
      }),
      ...Object.keys(messages)
        .filter((key) => !(key in en))
        .map((key) => `${locale} ${key}: not in en`),
    ];
    expect(problems).toEqual([]);
  });
});
