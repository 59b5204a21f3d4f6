// Reminders before a chat starts: when to fire, what the alarm is called, what the notification says.
// Pure: no extension API here (the background wiring is in ./service.ts).
//
// An alarm is always armed for ONE occurrence, at an absolute instant (`alarms.create(name, { when })`),
// computed from the chat's wall-clock schedule in its own zone with `nextOccurrence` (luxon, DST-correct).
// After it fires the next occurrence is computed afresh, so a weekly chat at 20:00 Chicago time is
// reminded at 19:45 Chicago time on both sides of a DST change, wherever the user is. A fixed
// `periodInMinutes` would drift by an hour at each change, so it is never used.
import { TAG_RE } from '../protocol/validation';
import { DateTime } from 'luxon';
import { nextOccurrence } from '../chat/schedule';
import type { Schedule, Tag } from '../chat/types';

/** The lead times the UI offers, in minutes. */
export const LEAD_MINUTES = [5, 15, 30, 60] as const;
export const DEFAULT_LEAD_MINUTES = 15;

/** The permissions reminders need; the optional ones among them are asked for from the popup when first used. */
export const REMINDER_PERMISSIONS = ['alarms', 'notifications'] as const;
export type ReminderPermission = (typeof REMINDER_PERMISSIONS)[number];

/**
 * Which of the reminders' permissions to `permissions.request`: those the manifest lists as optional
 * (Chrome: both; Firefox: only "notifications", as it can't make "alarms" optional). Requesting one
 * that isn't declared optional is an error in Firefox.
 */
export function reminderPermissionsToRequest(optionalPermissions: readonly unknown[] | undefined): ReminderPermission[] {
  return REMINDER_PERMISSIONS.filter((p) => optionalPermissions?.includes(p) ?? false);
}

const MINUTE = 60_000;
const ALARM_PREFIX = 'chat-reminder:';

/** The alarm (and notification) name of a chat's reminder: one per chat. */
export function alarmName(tag: Tag): string {
  return `${ALARM_PREFIX}${tag}`;
}

/** The chat of a reminder alarm or notification, or null for a name that isn't ours. */
export function parseAlarmName(name: string): Tag | null {
  if (!name.startsWith(ALARM_PREFIX)) return null;
  const tag = name.slice(ALARM_PREFIX.length);
  return TAG_RE.test(tag) ? tag : null;
}

export interface PlannedReminder {
  /** When the alarm fires (epoch ms): the occurrence's start minus the lead. */
  when: number;
  start: Date;
  end: Date;
}

/**
 * The next reminder strictly after `now`: for the first occurrence whose start minus `leadMinutes` is
 * later than `now` (an occurrence already running, or starting within the lead, is skipped). Null when
 * the schedule cannot be computed (e.g. a zone the runtime doesn't know).
 */
export function nextReminder(schedule: Schedule, leadMinutes: number, now: number): PlannedReminder | null {
  const lead = leadMinutes * MINUTE;
  let at = now;
  try {
    // Occurrences don't overlap (a chat lasts at most a day and recurs at most weekly), so stepping to
    // the end of each skipped one reaches the next; a few steps always suffice.
    for (let i = 0; i < 5; i++) {
      const occurrence = nextOccurrence(schedule, new Date(at));
      const when = occurrence.start.getTime() - lead;
      if (when > now) return { when, start: occurrence.start, end: occurrence.end };
      at = Math.max(occurrence.end.getTime(), at + 1);
    }
  } catch {
    return null;
  }
  return null;
}

/** `nextReminder(...).when`, or null. */
export function nextAlarm(schedule: Schedule, leadMinutes: number, now: number): number | null {
  return nextReminder(schedule, leadMinutes, now)?.when ?? null;
}

/**
 * The occurrence an alarm that was due at `scheduledTime` reminds of, if it is still worth a
 * notification at `now` (the chat has not ended: a browser asleep at the alarm's time fires it late).
 * Null if the schedule no longer has an occurrence at that reminder time (it changed since arming).
 */
export function dueReminder(schedule: Schedule, leadMinutes: number, scheduledTime: number, now: number): PlannedReminder | null {
  const planned = nextReminder(schedule, leadMinutes, scheduledTime - MINUTE);
  if (!planned || Math.abs(planned.when - scheduledTime) > MINUTE) return null;
  return now < planned.end.getTime() ? planned : null;
}

/** A time of day as the user reads it, in their zone and locale: "9:00 PM". */
export function formatClockTime(at: Date, userZone: string, locale?: string): string {
  const dt = DateTime.fromJSDate(at, { zone: userZone });
  return (locale ? dt.setLocale(locale) : dt).toLocaleString(DateTime.TIME_SIMPLE);
}

/** Whole minutes from `now` until `start`, rounded (a late-firing alarm gives fewer). */
export function minutesUntil(start: Date, now: number): number {
  return Math.round((start.getTime() - now) / MINUTE);
}
