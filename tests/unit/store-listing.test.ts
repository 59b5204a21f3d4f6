// The store listing (store/) stays in step with the languages the extension speaks, within the stores' limits.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = 'public/_locales';
const LISTING_DIR = 'store/listing';
// Chrome reads at most 132 characters of the manifest's description; addons.mozilla.org takes names of
// at most 50; the Chrome Web Store's detailed description holds 16,000.
const LIMITS = { name: 50, description: 132, listing: 16_000 };

const locales = readdirSync(LOCALES_DIR).sort();
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('store listing', () => {
  it('has a long description for every language of the extension, and none for another', () => {
    const listings = readdirSync(LISTING_DIR)
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.slice(0, -'.md'.length))
      .sort();
    expect(locales).toContain('en');
    expect(listings).toEqual(locales);
  });

  it.each(locales)('%s: name, short and long description fit the stores', (locale) => {
    const messages = messagesOf(locale);
    const name = messages.extName?.message ?? '';
    const description = messages.extDescription?.message ?? '';
    expect(name.length).toBeGreaterThan(0);
    expect([...name].length).toBeLessThanOrEqual(LIMITS.name);
    expect(description.length).toBeGreaterThan(0);
    expect([...description].length).toBeLessThanOrEqual(LIMITS.description);
    const listing = readFileSync(`${LISTING_DIR}/${locale}.md`, 'utf8');
    expect([...listing].length).toBeLessThanOrEqual(LIMITS.listing);
    // The product's name stays untranslated, and every listing says where the data stays.
    expect(listing.startsWith('Chat mode for x.com')).toBe(true);
    expect(listing).toContain('#blogchat');
  });

  it('has the privacy statement and the promo tile source', () => {
    expect(readFileSync('store/PRIVACY.md', 'utf8')).toMatch(/Nothing leaves your browser/);
    expect(existsSync('store/promo-tile.html')).toBe(true);
  });
});
