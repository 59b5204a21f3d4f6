// The extension in a German browser: the sidebar's text comes from public/_locales/de, and the chat's
// time is written as German writes dates (Intl in the browser's locale). Chromium only: Firefox gives
// an add-on the messages of its own UI language, which needs that language's pack (Debian's
// firefox-esr-l10n-de); intl.locale.requested alone leaves a Firefox without it in en-US, messages
// and Intl alike (tried: "Next chat: Sun, Dec 6, 9:00 PM EST").
import { describe, expect, it } from 'vitest';
import { openChat } from './harness/chat-page.ts';
import { browsersUnderTest, withExtension } from './harness/fixtures.ts';

describe.each(browsersUnderTest().filter((found) => found.name === 'chromium'))('$version', (found) => {
  const browser = withExtension(found, { locale: 'de' });

  it('the sidebar speaks German and writes the chat’s time German-style', async () => {
    const page = await browser.newPage();
    await openChat(page);
    const sidebar = await page.waitFor(() => {
      const host = document.querySelector('chat-mode-sidebar');
      const root = host?.shadowRoot;
      const when = root?.querySelector('[data-testid="chat-when"]')?.textContent;
      return when ? { lang: host?.getAttribute('lang'), label: root?.querySelector('aside')?.getAttribute('aria-label'), when } : null;
    });
    expect(sidebar?.lang).toBe('de');
    expect(sidebar?.label).toBe('Chat-Modus-Seitenleiste für #blogchat');
    // e.g. "Nächster Chat: So., 6. Dez., 21:00 GMT-5": German words, the day before the month, a 24-hour clock.
    expect(sidebar?.when).toMatch(
      /^(Nächster Chat: |Jetzt live, bis |Dieser Chat endete um )(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. \S+ \d{1,2}:\d{2} /,
    );
    await page.close();
  });
});
