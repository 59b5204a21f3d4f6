// The host questions: the current one pinned at the top, then all of them in order. Selecting a
// question asks the sidebar to scroll the timeline to it; "Show answers" narrows the timeline to it and
// its answers (pressed again, shows all); "Answer Q2" asks it to start an answer.
// Question text is rendered as text (JSX children), never as HTML, in its own bidi isolate.
import { Component } from 'preact';
import { useId } from 'preact/hooks';
import type { LiveQuestion } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { formatCounted } from './Counters';
import { Isolated } from './Isolated';
import { pure } from './pure';
import { trusted } from './trusted';

export interface QuestionListProps {
  questions: readonly LiveQuestion[];
  /** Key of the current question, or null. */
  current: string | null;
  /** Key of the question the timeline is narrowed to, or null. */
  focus: string | null;
  onSelect(key: string): void;
  /** Narrows the timeline to a question's answers; null shows all again. */
  onFocus(key: string | null): void;
  onAnswer(key: string): void;
  t: Translate;
}

/** "1 answer", "12 answers". */
export function formatAnswers(count: number, t: Translate): string {
  return formatCounted(count, 'answerCountOne', 'answerCount', t);
}

export function QuestionList({ questions, current, focus, onSelect, onFocus, onAnswer, t }: QuestionListProps) {
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
            <Question
              question={currentQuestion}
              place="pinned"
              focused={focus === currentQuestion.key}
              onSelect={onSelect}
              onFocus={onFocus}
              onAnswer={onAnswer}
              t={t}
            />
          ) : null}
          <ol class="question-list">
            {questions.map((q) => (
              <Question
                key={q.key}
                question={q}
                place={q.key === current ? 'current' : 'listed'}
                focused={focus === q.key}
                onSelect={onSelect}
                onFocus={onFocus}
                onAnswer={onAnswer}
                t={t}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * A question, pinned at the top or in the list, redraws only when what it shows changes: the list redraws
 * with every live report (up to once a second in a busy chat), and a chat collects dozens of questions.
 */
class Question extends Component<QuestionProps> {
  override shouldComponentUpdate(next: QuestionProps): boolean {
    const a = this.props.question;
    const b = next.question;
    return (
      a.key !== b.key ||
      a.text !== b.text ||
      a.answerCount !== b.answerCount ||
      this.props.place !== next.place ||
      this.props.focused !== next.focused ||
      this.props.t !== next.t ||
      this.props.onSelect !== next.onSelect ||
      this.props.onFocus !== next.onFocus ||
      this.props.onAnswer !== next.onAnswer
    );
  }

  override render() {
    const { question, place, t } = this.props;
    if (place === 'pinned') {
      return (
        <div class="question question-pinned" aria-current="true" data-testid="current-question">
          <p class="question-badge">{t('currentQuestion')}</p>
          {questionBody(this.props)}
        </div>
      );
    }
    const isCurrent = place === 'current';
    return (
      <li
        class={isCurrent ? 'question question-current' : 'question'}
        aria-current={isCurrent ? 'true' : undefined}
        data-key={question.key}
      >
        {questionBody(this.props)}
      </li>
    );
  }
}

interface QuestionProps {
  question: LiveQuestion;
  /** Pinned at the top as the current question, or in the list: the current one, or another. */
  place: 'pinned' | 'current' | 'listed';
  /** Whether the timeline is narrowed to this question. */
  focused: boolean;
  onSelect(key: string): void;
  onFocus(key: string | null): void;
  onAnswer(key: string): void;
  t: Translate;
}

function questionBody({ question, focused, onSelect, onFocus, onAnswer, t }: QuestionProps) {
  const label = t('questionLabel', question.key);
  return (
    <>
      <QuestionSelect questionKey={question.key} label={label} text={question.text} onSelect={onSelect} t={t} />
      <div class="question-meta">
        <span class="muted num question-answers">{formatAnswers(question.answerCount, t)}</span>
        <QuestionActions questionKey={question.key} label={label} focused={focused} onFocus={onFocus} onAnswer={onAnswer} t={t} />
      </div>
    </>
  );
}

// A question's parts besides its answer count, drawn again only when their own props change: answers
// arrive all through a chat, and each changes only the count.

/** The question's number and text: a button that scrolls the timeline to it. */
const QuestionSelect = pure(function QuestionSelect({
  questionKey,
  label,
  text,
  onSelect,
  t,
}: Pick<QuestionProps, 'onSelect' | 't'> & { questionKey: string; label: string; text: string }) {
  return (
    <button type="button" class="question-select" title={t('showQuestion')} onClick={() => onSelect(questionKey)}>
      <span class="question-number num">{label}</span> <Isolated class="question-text" text={text} />
    </button>
  );
});

/** "Show answers" (pressed while the timeline is narrowed to the question) and "Answer Q2". */
const QuestionActions = pure(function QuestionActions({
  questionKey,
  label,
  focused,
  onFocus,
  onAnswer,
  t,
}: Pick<QuestionProps, 'focused' | 'onFocus' | 'onAnswer' | 't'> & { questionKey: string; label: string }) {
  return (
    <span class="question-actions">
      <button
        type="button"
        class="button question-focus"
        aria-label={t('showAnswersTo', label)}
        aria-pressed={focused}
        onClick={trusted(() => onFocus(focused ? null : questionKey))}
      >
        {t('showAnswers')}
      </button>
      <button type="button" class="button question-answer" onClick={() => onAnswer(questionKey)}>
        {t('answerQuestion', label)}
      </button>
    </span>
  );
});
