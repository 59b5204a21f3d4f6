import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall } from './welcome';

describe('openWelcomeOnInstall', () => {
  it('opens the welcome page on install only, not on an update or a browser update', () => {
    let listener: ((details: { reason: string }) => void) | undefined;
    const openWelcome = vi.fn(() => Promise.resolve());
    openWelcomeOnInstall({ addListener: (l) => (listener = l) }, openWelcome);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) listener!({ reason });
    expect(openWelcome).not.toHaveBeenCalled();
    listener!({ reason: 'install' });
    expect(openWelcome).toHaveBeenCalledTimes(1);
  });
});
