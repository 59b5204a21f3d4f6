// The form that adds or edits a chat: tags, hosts, schedule and time zone, muted accounts, filter
// options, auto-tag, and the host's part ("I host this chat" and the plan). Validation is the
// background's own (via lib/pages/chat-form); errors show next to their field and are tied to it with
// aria-describedby.
import { useId, useState } from 'preact/hooks';
import type { ChatDefinition } from '@/lib/chat';
import { EMPTY_PLAN } from '@/lib/chat/host-plan';
import type { Translate } from '@/lib/i18n';
import type { ChatSettingsEditable } from '@/lib/protocol/domain';
import { formToRequest, splitList, type ChatForm, type FormField } from '@/lib/pages/chat-form';
import { PlanEditor } from '../PlanEditor';

export interface ChatEditorProps {
  initial: ChatForm;
  /** Editing an existing chat: its tag can't change. */
  existing: boolean;
  definition?: ChatDefinition;
  t: Translate;
  timeZones: readonly string[];
  onSave(tag: string, patch: Partial<ChatSettingsEditable>): Promise<string | null>;
  onCancel(): void;
}

const WEEKDAY_DATES = [1, 2, 3, 4, 5, 6, 7].map((d) => new Date(Date.UTC(2024, 0, d))); // 2024-01-01 is a Monday

export function weekdayName(weekday: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(WEEKDAY_DATES[weekday - 1]);
}

export function ChatEditor({ initial, existing, definition, t, timeZones, onSave, onCancel }: ChatEditorProps) {
  const id = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends FormField>(key: K, value: ChatForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fid = (key: FormField) => `${id}-${key}`;
  const err = (key: FormField) =>
    errors[key] ? (
      <p class="field-error" id={`${fid(key)}-error`}>
        {errors[key]}
      </p>
    ) : null;
  const described = (key: FormField) => (errors[key] ? `${fid(key)}-error` : undefined);

  const text = (key: 'tag' | 'title' | 'extraTags' | 'hosts' | 'timeZone', label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label for={fid(key)}>{label}</label>
      <div>
        <input
          type="text"
          id={fid(key)}
          name={key}
          value={form[key]}
          aria-invalid={errors[key] ? 'true' : undefined}
          aria-describedby={described(key)}
          onInput={(e) => set(key, e.currentTarget.value)}
          {...extra}
        />
        {err(key)}
      </div>
    </>
  );

  const save = async (edited: ChatForm) => {
    const result = formToRequest(edited);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const failure = await onSave(result.tag, result.patch);
    setSaving(false);
    setSaveError(failure);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void save(form);
  };

  const check = (key: 'hideRetweets' | 'hideMuted' | 'hostsOnly' | 'foldRepeats' | 'pauseWhileScrolling' | 'autoTag', label: string) => (
    <label>
      <input type="checkbox" name={key} checked={form[key]} onChange={(e) => set(key, e.currentTarget.checked)} /> {label}
    </label>
  );

  return (
    <form class="chat-editor" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>{existing ? t('optionsEditChat', `#${form.tag}`) : t('optionsAddChat')}</h3>
      <div class="form-grid">
        {text('tag', t('optionsTag'), { readOnly: existing, placeholder: '#mychat', autoComplete: 'off', spellcheck: false, dir: 'auto' })}
        {text('title', t('optionsTitle'), { dir: 'auto' })}
        <label for={fid('description')}>{t('optionsDescription')}</label>
        <div>
          <textarea
            id={fid('description')}
            name="description"
            rows={2}
            dir="auto"
            value={form.description}
            onInput={(e) => set('description', e.currentTarget.value)}
          />
          {err('description')}
        </div>
        {text('extraTags', t('optionsExtraTags'), { placeholder: '#edition1 #edition2' })}
        {text('hosts', t('hosts'), { placeholder: '@host1 @host2' })}
        <label for={fid('muted')}>{t('optionsMuted')}</label>
        <div>
          <textarea
            id={fid('muted')}
            name="muted"
            rows={2}
            value={form.muted}
            aria-invalid={errors.muted ? 'true' : undefined}
            aria-describedby={described('muted')}
            onInput={(e) => set('muted', e.currentTarget.value)}
          />
          {err('muted')}
        </div>
      </div>
      <fieldset class="checks">
        <legend>{t('optionsFilter')}</legend>
        {check('hideRetweets', t('optionsHideRetweets'))}
        {check('hideMuted', t('optionsHideMuted'))}
        {check('hostsOnly', t('optionsHostsOnly'))}
        {check('foldRepeats', t('optionsFoldRepeats'))}
        {check('pauseWhileScrolling', t('optionsPauseWhileScrolling'))}
        {check('autoTag', t('optionsAutoTag'))}
        {err('hideRetweets')}
      </fieldset>
      <fieldset>
        <legend>{t('optionsSchedule')}</legend>
        <div class="row">
          <label for={fid('scheduleMode')}>{t('optionsScheduleMode')}</label>
          <select
            id={fid('scheduleMode')}
            name="scheduleMode"
            value={form.scheduleMode}
            onChange={(e) => set('scheduleMode', e.currentTarget.value as ChatForm['scheduleMode'])}
          >
            {/* The directory's schedule can be chosen while the user has not set their own. */}
            {definition?.schedule && initial.scheduleMode !== 'custom' ? (
              <option value="default">{t('optionsScheduleDefault')}</option>
            ) : null}
            <option value="custom">{t('optionsScheduleCustom')}</option>
            <option value="none">{t('optionsScheduleNone')}</option>
          </select>
        </div>
        {form.scheduleMode === 'custom' ? (
          <div class="form-grid">
            <label for={fid('recurrence')}>{t('optionsRecurrence')}</label>
            <select
              id={fid('recurrence')}
              name="recurrence"
              value={form.recurrence}
              onChange={(e) => set('recurrence', e.currentTarget.value as ChatForm['recurrence'])}
            >
              <option value="weekly">{t('optionsWeekly')}</option>
              <option value="monthly">{t('optionsMonthly')}</option>
            </select>
            {form.recurrence === 'monthly' ? (
              <>
                <label for={fid('nth')}>{t('optionsNth')}</label>
                <select id={fid('nth')} name="nth" value={form.nth} onChange={(e) => set('nth', e.currentTarget.value)}>
                  {['1', '2', '3', '4', '-1'].map((n) => (
                    <option key={n} value={n}>
                      {t(n === '-1' ? 'optionsNthLast' : (`optionsNth${n}` as 'optionsNth1'))}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <label for={fid('weekday')}>{t('optionsWeekday')}</label>
            <div>
              <select id={fid('weekday')} name="weekday" value={form.weekday} onChange={(e) => set('weekday', e.currentTarget.value)}>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={String(d)}>
                    {weekdayName(d)}
                  </option>
                ))}
              </select>
              {err('weekday')}
            </div>
            <label for={fid('start')}>{t('optionsStart')}</label>
            <div>
              <input
                type="time"
                id={fid('start')}
                name="start"
                value={form.start}
                aria-invalid={errors.start ? 'true' : undefined}
                aria-describedby={described('start')}
                onInput={(e) => set('start', e.currentTarget.value)}
              />
              {err('start')}
            </div>
            <label for={fid('duration')}>{t('optionsDuration')}</label>
            <div>
              <input
                type="number"
                id={fid('duration')}
                name="duration"
                min={1}
                max={1440}
                value={form.duration}
                aria-invalid={errors.duration ? 'true' : undefined}
                aria-describedby={described('duration')}
                onInput={(e) => set('duration', e.currentTarget.value)}
              />
              {err('duration')}
            </div>
            {text('timeZone', t('optionsTimeZone'), { list: `${id}-zones`, autoComplete: 'off', spellcheck: false })}
            <datalist id={`${id}-zones`}>
              {timeZones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('planHost')}</legend>
        <label>
          <input type="checkbox" name="hosting" checked={form.hosting === true} onChange={(e) => set('hosting', e.currentTarget.checked)} />{' '}
          {t('planHosting')}
        </label>
        {/* The plan's own Save saves the whole chat, as the form's does; each keeps the other's edits. */}
        <PlanEditor
          plan={initial.plan ?? EMPTY_PLAN}
          tags={splitList(`${form.tag} ${form.extraTags}`)}
          onSave={(plan) => void save({ ...form, plan })}
          onEdit={(plan) => set('plan', plan)}
          t={t}
          idPrefix={id}
        />
        {err('plan')}
      </fieldset>
      {saveError ? (
        <p class="error" role="alert">
          {t('saveFailed', saveError)}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p class="error" role="alert">
          {t('optionsFixErrors')}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="button primary" disabled={saving}>
          {t('optionsSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </form>
  );
}
