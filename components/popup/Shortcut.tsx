// The chat-mode shortcut as the browser has it (the user may have changed or removed it) and a button
// to the browser's page where it is changed.
import type { Translate } from '@/lib/i18n';

export interface ShortcutInfo {
  /** The keys the browser assigned to the command, e.g. "Alt+Shift+H"; empty when none is set. */
  keys: string;
  /** Opens the browser's shortcut settings. */
  openSettings: () => void;
}

export function Shortcut({ keys, openSettings, t }: ShortcutInfo & { t: Translate }) {
  return (
    <section class="shortcut" aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading">{t('popupShortcutHeading')}</h2>
      <p data-testid="shortcut-keys">{keys ? <kbd>{keys}</kbd> : <span class="muted">{t('popupShortcutNotSet')}</span>}</p>
      <button type="button" class="button" onClick={openSettings}>
        {t('popupShortcutChange')}
      </button>
    </section>
  );
}
