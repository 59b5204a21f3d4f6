// "Keep my chats' settings in the browser's sync", turned on in the options page, puts a chat in the
// browser's own `storage.sync`, in both browsers (Firefox: through the add-on id the manifest sets).
// Syncing between computers goes through the browsers' servers and cannot be tested here: the
// merging of two devices' changes is unit-tested (lib/sync).
import { describe, expect, it } from 'vitest';
import { clickElement } from './harness/composer.ts';
import { browsersUnderTest, openExtensionPage, withExtension } from './harness/fixtures.ts';

interface Extension {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
}

describe.each(browsersUnderTest())('$version', (found) => {
  const browser = withExtension(found);

  it('turned on in the options page, a chat lands in the browser’s sync storage; turned off, it stays here', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    // `browser` in Firefox, `chrome` in Chromium: the extension's own page.
    await options.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Extension; chrome: Extension };
      await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'chat/update', tag: 'syncedchat', patch: { hosts: ['ann'] } });
    });
    await options.waitFor(() => document.querySelector<HTMLInputElement>('#sync-enabled')?.disabled === false);
    await clickElement(options, '#sync-enabled');
    await options.waitFor(() => document.querySelector('[data-testid="sync"] [role="status"]')?.textContent?.startsWith('Last synced'));
    const item = await options.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Extension; chrome: Extension };
      return (await (g.browser ?? g.chrome).storage.sync.get('chat:syncedchat'))['chat:syncedchat'];
    });
    expect(item).toMatchObject({ v: 1, chat: { hosts: ['ann'], title: '#syncedchat' } });
    expect(await options.evaluate(() => document.querySelector('[data-testid="sync"] [role="alert"]'))).toBeNull();

    await clickElement(options, '#sync-enabled');
    await options.waitFor(() => document.querySelector<HTMLInputElement>('#sync-enabled')?.checked === false);
    const reply = await options.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Extension; chrome: Extension };
      return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'chat/get', tag: 'syncedchat' });
    });
    expect(reply).toMatchObject({ ok: true, chat: { hosts: ['ann'] } });
    await options.close();
  });
});
