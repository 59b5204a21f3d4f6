// A host's plan for a chat, edited: the welcome post, the questions (one text, a line per question, a
// sub-question on a line starting with '-'), the wrap-up post and the spacing. A question longer than
// x.com takes once labelled and tagged is warned about, never refused. Saving checks the plan as the
// background will and shows what is wrong next to its field. Used by the options page and the sidebar.
import { useState } from 'preact/hooks';
import { itemLabel, itemPost, planItems, PLAN_LIMITS, questionsFromText, questionsToText, type HostPlan } from '@/lib/chat/host-plan';
import type { Tag } from '@/lib/chat/types';
import type { Translate } from '@/lib/i18n';
import { checkPlan } from '@/lib/protocol/validation';
import { formatCount } from './Counters';
import { trusted } from './trusted';

export interface PlanEditorProps {
  plan: HostPlan;
  /** The chat's tags, appended to each post: they count towards its length. */
  tags: readonly Tag[];
  /** The plan, checked, when the user saves it. */
  onSave(plan: HostPlan): void;
  /** The plan as edited, unchecked, on each change: for a form that saves it along with its own fields. */
  onEdit?(plan: HostPlan): void;
  t: Translate;
  /** Makes the fields' ids unique on the page. */
  idPrefix: string;
}

type PlanField = 'welcome' | 'questions' | 'wrapUp' | 'firstAt' | 'every';
type Draft = Record<PlanField, string>;

function draftOf(plan: HostPlan): Draft {
  return {
    welcome: plan.welcome,
    questions: questionsToText(plan.questions),
    wrapUp: plan.wrapUp,
    firstAt: String(plan.firstAt),
    every: String(plan.every),
  };
}

/** An empty number field is no number (not 0). */
const minutes = (text: string) => (text.trim() === '' ? NaN : Number(text));

function planOf(draft: Draft): HostPlan {
  return {
    welcome: draft.welcome,
    questions: questionsFromText(draft.questions),
    wrapUp: draft.wrapUp,
    firstAt: minutes(draft.firstAt),
    every: minutes(draft.every),
  };
}

/** `plan.questions[2].subs: more than 5 items` → the questions field, "Q3: more than 5 items". */
function errorOf(message: string): { field: PlanField; text: string } {
  const m = /^plan\.(\w+)(?:\[(\d+)\])?[^:]*:\s*(.*)$/s.exec(message);
  const field = (m?.[1] ?? 'questions') as PlanField;
  const text = m?.[3] ?? message;
  return { field, text: field === 'questions' && m?.[2] !== undefined ? `Q${Number(m[2]) + 1}: ${text}` : text };
}

export function PlanEditor({ plan, tags, onSave, onEdit, t, idPrefix }: PlanEditorProps) {
  const [draft, setDraft] = useState(() => draftOf(plan));
  const [error, setError] = useState<{ field: PlanField; text: string } | null>(null);
  const fid = (field: PlanField) => `${idPrefix}-plan-${field}`;
  const set = (field: PlanField, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    onEdit?.(planOf(next));
  };
  const save = () => {
    const checked = checkPlan(planOf(draft));
    if (!checked.ok) return setError(errorOf(checked.message));
    setError(null);
    onSave(checked.plan);
  };

  const tooLong = planItems(planOf(draft)).flatMap((item) => {
    const post = itemPost(item, tags);
    return item.kind === 'question' && post.tooLong ? [{ label: itemLabel(item), length: post.weightedLength }] : [];
  });
  const errorId = (field: PlanField) => `${fid(field)}-error`;
  const fieldError = (field: PlanField) =>
    error?.field === field ? (
      <p class="field-error" id={errorId(field)}>
        {error.text}
      </p>
    ) : null;
  const errorProps = (field: PlanField) => ({
    'aria-invalid': error?.field === field ? ('true' as const) : undefined,
    'aria-describedby': error?.field === field ? errorId(field) : undefined,
  });
  const textArea = (field: 'welcome' | 'wrapUp', label: string) => (
    <>
      <label for={fid(field)}>{label}</label>
      <div>
        <textarea
          id={fid(field)}
          name={field}
          rows={3}
          dir="auto"
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
          {...errorProps(field)}
        />
        {fieldError(field)}
      </div>
    </>
  );
  const number = (field: 'firstAt' | 'every', label: string, min: number) => (
    <>
      <label for={fid(field)}>{label}</label>
      <div>
        <input
          type="number"
          id={fid(field)}
          name={field}
          min={min}
          max={PLAN_LIMITS.minutes}
          step={1}
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
          {...errorProps(field)}
        />
        {fieldError(field)}
      </div>
    </>
  );

  return (
    <div class="plan-editor">
      <div class="form-grid">
        {textArea('welcome', t('planWelcome'))}
        <label for={fid('questions')}>{t('planQuestions')}</label>
        <div>
          <textarea
            id={fid('questions')}
            name="questions"
            rows={8}
            dir="auto"
            value={draft.questions}
            aria-invalid={error?.field === 'questions' ? 'true' : undefined}
            aria-describedby={[
              `${fid('questions')}-hint`,
              `${fid('questions')}-warnings`,
              error?.field === 'questions' ? errorId('questions') : '',
            ]
              .join(' ')
              .trim()}
            onInput={(e) => set('questions', e.currentTarget.value)}
          />
          <p class="muted hint" id={`${fid('questions')}-hint`}>
            {t('planQuestionsHint')}
          </p>
          <ul class="plan-warnings" id={`${fid('questions')}-warnings`} aria-live="polite">
            {tooLong.map(({ label, length }) => (
              <li key={label}>{t('planTooLong', label, formatCount(length))}</li>
            ))}
          </ul>
          {fieldError('questions')}
        </div>
        {textArea('wrapUp', t('planWrapUp'))}
        {number('firstAt', t('planFirstAt'), 0)}
        {number('every', t('planEvery'), 1)}
      </div>
      <div class="row">
        <button type="button" class="button" onClick={trusted(save)}>
          {t('planSave')}
        </button>
      </div>
    </div>
  );
}
