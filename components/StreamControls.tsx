// The reader's hold on a fast chat: "Pause" keeps the chat tweets that arrive out of view and becomes
// "Resume (N new)", which shows them in their place; while a question is in focus, a bar says which
// and how many answers it has, with "Show all" to see the whole chat again; after time away, "12 new
// since you looked" scrolls to the line where they end.
import type { LiveQuestion } from '@/lib/chat/live';
import { inFocus, type ViewSnapshot } from '@/lib/chat/view';
import type { Translate } from '@/lib/i18n';
import { formatCount } from './Counters';
import { formatAnswers } from './QuestionList';
import { trusted } from './trusted';

export interface StreamControlsProps {
  view: ViewSnapshot;
  questions: readonly LiveQuestion[];
  onPause(): void;
  onResume(): void;
  onShowAll(): void;
  /** Scrolls to the tweet below the read marker. */
  onShowUnread(tweetId: string): void;
  t: Translate;
}

export function StreamControls({ view, questions, onPause, onResume, onShowAll, onShowUnread, t }: StreamControlsProps) {
  const { focus, unread } = view;
  const answers = focus === null ? 0 : questions.reduce((sum, q) => sum + (inFocus(focus, q.key) ? q.answerCount : 0), 0);
  return (
    <div class="stream-controls">
      <button
        type="button"
        class={view.paused ? 'button stream-pause stream-paused' : 'button stream-pause'}
        data-testid="stream-pause"
        title={view.paused ? undefined : t('pauseStreamHint')}
        onClick={trusted(view.paused ? onResume : onPause)}
      >
        <span class="num">{view.paused ? t('resumeStream', formatCount(view.held)) : t('pauseStream')}</span>
      </button>
      {unread === null ? null : (
        <p class="stream-unread" data-testid="stream-unread">
          {unread.after === null ? (
            <span class="num">{t('unreadSince', formatCount(unread.count))}</span>
          ) : (
            <button type="button" class="link-button num" title={t('unreadSinceHint')} onClick={() => onShowUnread(unread.after!)}>
              {t('unreadSince', formatCount(unread.count))}
            </button>
          )}
        </p>
      )}
      {focus === null ? null : (
        <div class="stream-focus" data-testid="stream-focus">
          <span class="num">{t('showingQuestion', t('questionLabel', focus), formatAnswers(answers, t))}</span>
          <button type="button" class="button stream-show-all" onClick={trusted(onShowAll)}>
            {t('showAll')}
          </button>
        </div>
      )}
    </div>
  );
}
