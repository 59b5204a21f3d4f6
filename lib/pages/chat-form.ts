// The options page's chat editor as plain data: a form built from a chat's settings, and turned back
// into a `chat/update` request checked by the protocol's own validation. Pure.
import type { HostPlan } from '../chat/host-plan';
import type { ChatDefinition, Schedule, Tag } from '../chat/types';
import type { ChatSettings, ChatSettingsEditable } from '../protocol/domain';
import { parseRequest } from '../protocol/parse-request';

export type ScheduleMode = 'default' | 'custom' | 'none';

export interface ChatForm {
  tag: string;
  title: string;
  description: string;
  extraTags: string;
  hosts: string;
  muted: string;
  hideRetweets: boolean;
  hideMuted: boolean;
  hostsOnly: boolean;
  foldRepeats: boolean;
  pauseWhileScrolling: boolean;
  autoTag: boolean;
  /** 'default': the directory's schedule; 'custom': the fields below; 'none': no schedule. */
  scheduleMode: ScheduleMode;
  recurrence: 'weekly' | 'monthly';
  weekday: string;
  nth: string;
  start: string;
  duration: string;
  timeZone: string;
  /** "I host this chat"; null: never said (not sent). */
  hosting: boolean | null;
  /** The host's plan as edited; null: none yet (not sent). */
  plan: HostPlan | null;
}

export type FormField = keyof ChatForm;

export function emptyForm(userZone: string): ChatForm {
  return {
    tag: '',
    title: '',
    description: '',
    extraTags: '',
    hosts: '',
    muted: '',
    hideRetweets: false,
    hideMuted: true,
    hostsOnly: false,
    foldRepeats: true,
    pauseWhileScrolling: false,
    autoTag: true,
    scheduleMode: 'custom',
    recurrence: 'weekly',
    weekday: '1',
    nth: '1',
    start: '20:00',
    duration: '60',
    timeZone: userZone,
    hosting: null,
    plan: null,
  };
}

const handles = (list: readonly string[]) => list.map((h) => `@${h}`).join(' ');
const tags = (list: readonly string[]) => list.map((h) => `#${h}`).join(' ');

function withSchedule(form: ChatForm, schedule: Schedule): ChatForm {
  return {
    ...form,
    recurrence: schedule.recurrence.kind,
    weekday: String(schedule.recurrence.weekday),
    nth: schedule.recurrence.kind === 'monthly' ? String(schedule.recurrence.nth) : '1',
    start: schedule.start,
    duration: String(schedule.durationMinutes),
    timeZone: schedule.timeZone,
  };
}

export function formFromChat(chat: ChatSettings, definition: ChatDefinition | undefined, userZone: string): ChatForm {
  let form: ChatForm = {
    ...emptyForm(userZone),
    tag: chat.tag,
    title: chat.title,
    description: chat.description ?? definition?.description ?? '',
    extraTags: tags(chat.extraTags),
    hosts: handles(chat.hosts),
    muted: handles(chat.muted),
    ...chat.filter,
    foldRepeats: chat.filter.foldRepeats !== false,
    pauseWhileScrolling: chat.filter.pauseWhileScrolling === true,
    autoTag: chat.autoTag,
    hosting: chat.hosting ?? null,
    plan: chat.plan ?? null,
  };
  if (chat.schedule === null) form.scheduleMode = 'none';
  else if (chat.schedule) form = { ...withSchedule(form, chat.schedule), scheduleMode: 'custom' };
  else if (definition?.schedule) form = { ...withSchedule(form, definition.schedule), scheduleMode: 'default' };
  else form.scheduleMode = 'none';
  return form;
}

/** "@a, b  @c" → ['a', 'b', 'c'] (also for '#' tags). */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.replace(/^[@#＃]/, ''))
    .filter(Boolean);
}

export type FormResult =
  { ok: true; tag: Tag; patch: Partial<ChatSettingsEditable> } | { ok: false; errors: Partial<Record<FormField, string>> };

/** Which form field a validation message (e.g. `patch.schedule.start: …`) is about. */
function fieldOf(message: string): FormField {
  const path = message.split(':')[0] ?? '';
  if (path === 'tag') return 'tag';
  const m = /^patch\.(\w+)(?:\.(\w+))?(?:\.(\w+))?/.exec(path);
  const [, top, sub, leaf] = m ?? [];
  if (top === 'schedule') {
    if (sub === 'durationMinutes') return 'duration';
    if (sub === 'recurrence') return leaf === 'nth' ? 'nth' : 'weekday';
    if (sub === 'start' || sub === 'timeZone') return sub;
    return 'start';
  }
  if (top === 'filter') return 'hideRetweets';
  if (top === 'plan' || top === 'hosting') return top;
  if (top === 'title' || top === 'description' || top === 'extraTags' || top === 'hosts' || top === 'muted' || top === 'autoTag')
    return top;
  return 'tag';
}

/** The `chat/update` the form stands for, validated as the background will; errors per field. */
export function formToRequest(form: ChatForm): FormResult {
  const tag = form.tag.trim().replace(/^[#＃]/, '');
  if (tag === '') return { ok: false, errors: { tag: 'Enter the chat’s hashtag.' } };
  const patch: Record<string, unknown> = {
    title: form.title.trim() || `#${tag}`,
    extraTags: splitList(form.extraTags),
    hosts: splitList(form.hosts),
    muted: splitList(form.muted),
    filter: {
      hideRetweets: form.hideRetweets,
      hideMuted: form.hideMuted,
      hostsOnly: form.hostsOnly,
      foldRepeats: form.foldRepeats,
      pauseWhileScrolling: form.pauseWhileScrolling,
    },
    autoTag: form.autoTag,
    description: form.description.trim(),
  };
  if (form.hosting !== null) patch.hosting = form.hosting;
  if (form.plan !== null) patch.plan = form.plan;
  if (form.scheduleMode === 'none') patch.schedule = null;
  if (form.scheduleMode === 'custom') {
    const duration = Number(form.duration);
    patch.schedule = {
      recurrence:
        form.recurrence === 'weekly'
          ? { kind: 'weekly', weekday: Number(form.weekday) }
          : { kind: 'monthly', weekday: Number(form.weekday), nth: Number(form.nth) },
      start: form.start.trim(),
      durationMinutes: form.duration.trim() === '' ? NaN : duration,
      timeZone: form.timeZone.trim(),
    };
  }
  const parsed = parseRequest({ type: 'chat/update', tag, patch });
  if (!parsed.ok) {
    const message = parsed.error.message;
    return { ok: false, errors: { [fieldOf(message)]: message.replace(/^[^:]*:\s*/, '') } };
  }
  if (parsed.request.type !== 'chat/update') return { ok: false, errors: { tag: 'Could not be read.' } };
  // 'default' sends no schedule, so the directory's keeps applying (offered only while none is set).
  return { ok: true, tag: parsed.request.tag, patch: parsed.request.patch };
}
