// When chats happen. A chat's time is wall-clock time in its own zone ("Sundays 8pm Central"), so each
// occurrence is built from a calendar date and that local time with luxon, which applies the zone's
// offset of that very day: 20:00 America/Chicago is 02:00 UTC in winter and 01:00 UTC in summer, and a
// user elsewhere sees it move by an hour only when their zone and the chat's change on different dates.
//
// Weekdays are ISO, as in luxon: 1 = Monday … 7 = Sunday.
// A start that does not exist on a spring-forward day (02:30 on the day clocks jump to 03:00) is moved
// forward by the gap (03:30); a start that happens twice on a fall-back day takes luxon's choice, the
// second (standard-time) one. Chats start in the evening or at noon, so neither happens in the directory.
import { DateTime } from 'luxon';
import type { Recurrence, Schedule } from './types';
import { formatLocalTime } from './when';

export interface Occurrence {
  start: Date;
  end: Date;
}

/** How far ahead to look: a monthly chat recurs within 31 days, so a year is more than enough. */
const SEARCH_DAYS = 400;

function parseStart(start: string): { hour: number; minute: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(start);
  if (m?.[1] === undefined || m[2] === undefined) throw new RangeError(`Invalid chat start time "${start}" (expected HH:MM)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function inZone(at: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(at, { zone });
  if (!dt.isValid) throw new RangeError(`Invalid time zone "${zone}" or date`);
  return dt;
}

/** Whether a calendar day (a UTC-based luxon date used only for its year, month, day) is a chat day. */
function occursOn(recurrence: Recurrence, day: DateTime): boolean {
  if (day.weekday !== recurrence.weekday) return false;
  if (recurrence.kind === 'weekly') return true;
  if (recurrence.nth === -1) return day.day + 7 > (day.daysInMonth ?? 0);
  return Math.ceil(day.day / 7) === recurrence.nth;
}

/**
 * The occurrences on consecutive calendar days (in the chat's zone) from `fromDaysOffset` days before
 * the day of `at` onwards, for at most `days` days.
 */
function* occurrencesFrom(schedule: Schedule, at: Date, fromDaysOffset: number, days: number): Generator<Occurrence> {
  const { hour, minute } = parseStart(schedule.start);
  if (!(schedule.durationMinutes > 0)) throw new RangeError(`Invalid chat duration ${schedule.durationMinutes}`);
  const local = inZone(at, schedule.timeZone);
  // Calendar arithmetic on a zone-less date, so stepping a day never meets a DST transition.
  const firstDay = DateTime.utc(local.year, local.month, local.day).minus({ days: fromDaysOffset });
  for (let i = 0; i < days; i++) {
    const day = firstDay.plus({ days: i });
    if (!occursOn(schedule.recurrence, day)) continue;
    const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: schedule.timeZone });
    // Duration is elapsed time: a 60-minute chat lasts 60 minutes even across a DST change.
    const end = start.plus({ minutes: schedule.durationMinutes });
    yield { start: start.toJSDate(), end: end.toJSDate() };
  }
}

/** Days to look back so an occurrence that started on an earlier local day and still runs is found. */
function lookBackDays(schedule: Schedule): number {
  return Math.ceil(schedule.durationMinutes / (24 * 60)) + 1;
}

/** The occurrence running at `at` (start ≤ at < end), or null. */
export function occurrenceAround(schedule: Schedule, at: Date): Occurrence | null {
  const back = lookBackDays(schedule);
  for (const occ of occurrencesFrom(schedule, at, back, back + 1)) {
    if (occ.start.getTime() <= at.getTime() && at.getTime() < occ.end.getTime()) return occ;
  }
  return null;
}

/** Whether the chat is on at `now`. */
export function isLive(schedule: Schedule, now: Date): boolean {
  return occurrenceAround(schedule, now) !== null;
}

/** The occurrence running at `now` if there is one, otherwise the next one to start. */
export function nextOccurrence(schedule: Schedule, now: Date): Occurrence {
  const back = lookBackDays(schedule);
  for (const occ of occurrencesFrom(schedule, now, back, back + SEARCH_DAYS)) {
    if (occ.end.getTime() > now.getTime()) return occ;
  }
  throw new RangeError('The schedule has no occurrence within a year');
}

/**
 * A start time as the user reads it, in their zone and locale, e.g. `Mon, Mar 9, 1:00 AM GMT` for
 * #blogchat (Sunday 8pm Central) seen from London. `locale` defaults to the runtime's. Plain `Intl`
 * (see when.ts), so views that only format times need not load luxon.
 */
export function formatLocalStart(start: Date, userZone: string, locale?: string): string {
  inZone(start, userZone); // the same RangeError as the rest of this module for a bad zone
  return formatLocalTime(start, userZone, locale);
}

/** A schedule's start (`20:00`, in the chat's own zone) as `locale` writes a time of day: `8:00 PM` in en-US. */
export function formatScheduleStart(start: string, locale?: string): string {
  const { hour, minute } = parseStart(start);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1, hour, minute),
  );
}
