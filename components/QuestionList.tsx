// The host questions: the current one pinned at the top, then all of them in order. Selecting a
// question asks the sidebar to scroll the timeline to it; "Answer Q2" asks it to start an answer.
// Question text is rendered as text (JSX children), never as HTML, in its own bidi isolate.
import { Component } from 'preact';
import { useId } from 'preact/hooks';
import type { LiveQuestion } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { formatCount } from './Counters';
import { Isolated } from './Isolated';

export interface QuestionListProps {
  questions: readonly LiveQuestion[];
  /** Key of the current question, or null. */
  current: string | null;
  onSelect(key: string): void;
  onAnswer(key: string): void;
  t: Translate;
}

export function QuestionList({ questions, current, onSelect, onAnswer, t }: QuestionListProps) {
  const headingId = `questions-${useId()}`;
  const currentQuestion = current === null ? undefined : questions.find((q) => q.key === current);
  return (
    <section class="questions" aria-labelledby={headingId}>
      <h3 class="section" id={headingId}>
        {t('questionsHeading')}
      </h3>
      {questions.length === 0 ? (
        <p class="muted questions-empty">{t('noQuestions')}</p>
      ) : (
        <>
          {currentQuestion ? (
            <div class="question question-pinned" aria-current="true" data-testid="current-question">
              <p class="question-badge">{t('currentQuestion')}</p>
              <QuestionBody question={currentQuestion} onSelect={onSelect} onAnswer={onAnswer} t={t} />
            </div>
          ) : null}
          <ol class="question-list">
            {questions.map((q) => (
              <li
                key={q.key}
                class={q.key === current ? 'question question-current' : 'question'}
                aria-current={q.key === current ? 'true' : undefined}
                data-key={q.key}
              >
                <QuestionBody question={q} onSelect={onSelect} onAnswer={onAnswer} t={t} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * A question's row redraws only when what it shows changes: the list redraws with every live report
 * (up to once a second in a busy chat), and a chat collects dozens of questions.
 */
class QuestionBody extends Component<QuestionBodyProps> {
  override shouldComponentUpdate(next: QuestionBodyProps): boolean {
    const a = this.props.question;
    const b = next.question;
    return (
      a.key !== b.key ||
      a.text !== b.text ||
      a.answerCount !== b.answerCount ||
      this.props.t !== next.t ||
      this.props.onSelect !== next.onSelect ||
      this.props.onAnswer !== next.onAnswer
    );
  }

  override render() {
    return questionBody(this.props);
  }
}

interface QuestionBodyProps {
  question: LiveQuestion;
  onSelect(key: string): void;
  onAnswer(key: string): void;
  t: Translate;
}

function questionBody({
  question,
  onSelect,
  onAnswer,
  t,
}: {
  question: LiveQuestion;
  onSelect(key: string): void;
  onAnswer(key: string): void;
  t: Translate;
}) {
  const label = t('questionLabel', question.key);
  const answers = question.answerCount === 1 ? t('answerCountOne') : t('answerCount', formatCount(question.answerCount));
  return (
    <>
      <button type="button" class="question-select" title={t('showQuestion')} onClick={() => onSelect(question.key)}>
        <span class="question-number num">{label}</span> <Isolated class="question-text" text={question.text} />
      </button>
      <div class="question-meta">
        <span class="muted num question-answers">{answers}</span>
        <button type="button" class="button question-answer" onClick={() => onAnswer(question.key)}>
          {t('answerQuestion', label)}
        </button>
      </div>
    </>
  );
}
