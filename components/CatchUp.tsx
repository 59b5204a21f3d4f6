// "Catch up", for a reader who arrives late: each host question with its answer count and its most-liked
// answers so far, from what this tab read and the chat's saved session. Asked for when opened (again
// on each opening). An answer still on x.com's page is scrolled into view; one it no longer shows opens
// in a new tab, so the chat stays where it is.
import { useId, useState } from 'preact/hooks';
import type { CatchUpView } from '@/lib/chat-mode/features/live-filter';
import type { Translate } from '@/lib/i18n';
import { formatCounted } from './Counters';
import { Isolated } from './Isolated';
import { formatAnswers } from './QuestionList';
import { trusted } from './trusted';

export interface CatchUpProps {
  load(): Promise<CatchUpView>;
  /** Brings a tweet on the page into view; false when the page does not show it. */
  onShow(tweetId: string): boolean;
  t: Translate;
}

export function CatchUp({ load, onShow, t }: CatchUpProps) {
  const panelId = `catch-up-${useId()}`;
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<CatchUpView | null>(null);
  const toggle = trusted(() => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setView(null);
    void load().then(setView);
  });
  return (
    <section class="catch-up">
      <button type="button" class="button catch-up-toggle" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {t('catchUp')}
      </button>
      {open ? (
        <div id={panelId} class="catch-up-panel" data-testid="catch-up" aria-busy={view === null}>
          {view === null ? (
            <p class="muted">{t('catchUpLoading')}</p>
          ) : view.questions.length === 0 ? (
            <p class="muted">{t('noQuestions')}</p>
          ) : (
            <ol class="catch-up-list">
              {view.questions.map((q) => (
                <li key={q.key} data-key={q.key} class="catch-up-question">
                  <p class="catch-up-heading">
                    <span class="question-number num">{t('questionLabel', q.key)}</span> <Isolated class="question-text" text={q.text} />
                  </p>
                  <p class="muted num catch-up-count">{formatAnswers(q.answerCount, t)}</p>
                  {q.top.length > 0 ? (
                    <ol class="catch-up-answers" aria-label={t('catchUpTopAnswers', t('questionLabel', q.key))}>
                      {q.top.map((a) => (
                        <li key={a.id}>
                          <a
                            class="catch-up-answer"
                            href={`https://x.com/${encodeURIComponent(a.handle)}/status/${encodeURIComponent(a.id)}`}
                            target="_blank"
                            rel="noopener noreferrer"
                            data-id={a.id}
                            onClick={(e) => {
                              if (onShow(a.id)) e.preventDefault();
                            }}
                          >
                            <bdi>@{a.handle}</bdi> <Isolated class="catch-up-text" text={a.text} />{' '}
                            <span class="muted num">{formatCounted(a.likes, 'likeCountOne', 'likeCount', t)}</span>
                          </a>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {view && !view.stored ? <p class="muted">{t('catchUpTabOnly')}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
