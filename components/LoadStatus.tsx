// The loading and failed states every view shows while it waits for the background.
import type { Load } from '@/lib/chat-mode/tab';
import type { Translate } from '@/lib/i18n';

export function LoadStatus({
  load,
  failed,
  onRetry,
  t,
}: {
  load: Load;
  failed: (message: string) => string;
  onRetry: () => void;
  t: Translate;
}) {
  if (load.state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  }
  if (load.state !== 'failed') return null;
  return (
    <div class="error" role="alert">
      <p>{failed(load.message)}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
