// The chat-mode switch: a real switch (`role="switch"`, `aria-checked`) with a line saying what it does.
import { useId } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { trusted } from './trusted';

export interface ChatModeSwitchProps {
  on: boolean;
  disabled?: boolean;
  /** Called with the state the user asked for (the opposite of `on`); on the user's own clicks only. */
  onChange(on: boolean): void;
  t: Translate;
}

export function ChatModeSwitch({ on, disabled = false, onChange, t }: ChatModeSwitchProps) {
  const descriptionId = `chat-mode-switch-${useId()}`;
  return (
    <div class="chat-switch">
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={on ? 'true' : 'false'}
        aria-describedby={descriptionId}
        disabled={disabled}
        onClick={trusted(() => onChange(!on))}
      >
        <span class="switch-label">{t('chatModeSwitch')}</span>
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
      </button>
      <p id={descriptionId} class="switch-description">
        {t('chatModeSwitchDescription')}
      </p>
    </div>
  );
}
