// The welcome page, opened once when the extension is installed (not when it is updated or the browser
// restarts): how to use it, how to pin its button, what it keeps and where.

/** The welcome page's path in the extension (entrypoints/welcome). */
export const WELCOME_PAGE = '/welcome.html' as const;

export interface InstalledEvent {
  addListener(listener: (details: { reason: string }) => void): void;
}

export function openWelcomeOnInstall(onInstalled: InstalledEvent, openWelcome: () => Promise<unknown>): void {
  onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    openWelcome().catch((e: unknown) => console.error('chat-mode: the welcome page did not open', e));
  });
}
