import { describe, expect, it } from 'vitest';
import type { Schedule } from '../chat/types';
import {
  alarmName,
  dueReminder,
  formatClockTime,
  minutesUntil,
  nextAlarm,
  nextReminder,
  parseAlarmName,
  reminderPermissionsToRequest,
} from './schedule';

// Worked out by hand from the offsets, not by luxon. 2024: US DST starts Sun Mar 10, ends Sun Nov 3;
// UK BST runs Mar 31 – Oct 27. CST = UTC−6, CDT = UTC−5; GMT = UTC, BST = UTC+1.
const BLOGCHAT: Schedule = { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const LONDON = 'Europe/London';
/** ICU may put a narrow no-break space before AM/PM. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('nextAlarm: 15 minutes before #blogchat (Sundays 20:00 Chicago) across DST, seen from London', () => {
  it.each([
    // [now, alarm (UTC), the chat's start on a London clock]
    ['the week before US spring-forward (CST, GMT)', '2024-03-01T12:00:00Z', '2024-03-04T01:45:00.000Z', '2:00 AM'],
    ['the US has sprung forward, the UK not yet (CDT, GMT)', '2024-03-05T12:00:00Z', '2024-03-11T00:45:00.000Z', '1:00 AM'],
    ['the morning of the US change', '2024-03-10T09:00:00Z', '2024-03-11T00:45:00.000Z', '1:00 AM'],
    ['both on summer time (CDT, BST)', '2024-04-01T12:00:00Z', '2024-04-08T00:45:00.000Z', '2:00 AM'],
    ['the UK has fallen back, the US not yet (CDT, GMT)', '2024-10-28T12:00:00Z', '2024-11-04T01:45:00.000Z', '2:00 AM'],
    ['the week after the US fell back (CST, GMT)', '2024-11-04T12:00:00Z', '2024-11-11T01:45:00.000Z', '2:00 AM'],
  ])('%s', (_name, now, alarm, londonStart) => {
    const r = nextReminder(BLOGCHAT, 15, at(now))!;
    expect(iso(r.when)).toBe(alarm);
    expect(r.start.getTime() - r.when).toBe(15 * 60_000);
    expect(plain(formatClockTime(r.start, LONDON, 'en-US'))).toBe(londonStart);
    // Always 7:45 PM on a Chicago clock.
    expect(plain(formatClockTime(new Date(r.when), 'America/Chicago', 'en-US'))).toBe('7:45 PM');
  });

  it('re-arming after the alarm before the US change gives the one after it: 7 days minus an hour later', () => {
    const first = nextAlarm(BLOGCHAT, 15, at('2024-03-03T12:00:00Z'))!;
    expect(iso(first)).toBe('2024-03-04T01:45:00.000Z');
    const second = nextAlarm(BLOGCHAT, 15, first)!;
    expect(iso(second)).toBe('2024-03-11T00:45:00.000Z');
    expect(second - first).toBe(7 * 24 * 3600_000 - 3600_000);
    // …and across the fall-back an hour more than a week.
    const before = nextAlarm(BLOGCHAT, 15, at('2024-10-27T12:00:00Z'))!;
    expect(iso(before)).toBe('2024-10-28T00:45:00.000Z');
    expect(nextAlarm(BLOGCHAT, 15, before)! - before).toBe(7 * 24 * 3600_000 + 3600_000);
  });

  it('skips an occurrence that is running or starts within the lead', () => {
    expect(iso(nextAlarm(BLOGCHAT, 15, at('2024-03-04T01:50:00Z')))).toBe('2024-03-11T00:45:00.000Z'); // 10 min before
    expect(iso(nextAlarm(BLOGCHAT, 15, at('2024-03-04T02:30:00Z')))).toBe('2024-03-11T00:45:00.000Z'); // live
    expect(iso(nextAlarm(BLOGCHAT, 5, at('2024-03-04T01:50:00Z')))).toBe('2024-03-04T01:55:00.000Z');
    expect(iso(nextAlarm(BLOGCHAT, 60, at('2024-03-01T00:00:00Z')))).toBe('2024-03-04T01:00:00.000Z');
  });

  it('a monthly chat, and a schedule that cannot be computed', () => {
    const lastWed: Schedule = {
      recurrence: { kind: 'monthly', weekday: 3, nth: -1 },
      start: '21:00',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    };
    expect(iso(nextAlarm(lastWed, 30, at('2024-03-28T12:00:00Z')))).toBe('2024-04-25T00:30:00.000Z'); // Wed Apr 24 20:30 EDT
    expect(nextAlarm({ ...BLOGCHAT, timeZone: 'Not/AZone' }, 15, at('2024-03-01T00:00:00Z'))).toBeNull();
  });
});

describe('dueReminder', () => {
  const scheduled = at('2024-03-11T00:45:00Z');
  it('is the occurrence the alarm was armed for, on time or late until the chat ends', () => {
    expect(iso(dueReminder(BLOGCHAT, 15, scheduled, scheduled)!.start.getTime())).toBe('2024-03-11T01:00:00.000Z');
    expect(dueReminder(BLOGCHAT, 15, scheduled, at('2024-03-11T01:30:00Z'))).not.toBeNull(); // woke late, still on
    expect(dueReminder(BLOGCHAT, 15, scheduled, at('2024-03-11T02:00:00Z'))).toBeNull(); // over
  });
  it('is null when the schedule no longer has an occurrence at that time', () => {
    expect(dueReminder({ ...BLOGCHAT, start: '18:00' }, 15, scheduled, scheduled)).toBeNull();
    expect(dueReminder(BLOGCHAT, 30, scheduled, scheduled)).toBeNull();
  });
  it('minutesUntil rounds', () => {
    expect(minutesUntil(new Date(scheduled + 15 * 60_000), scheduled + 200)).toBe(15);
  });
});

describe('alarm names', () => {
  it('round-trip a tag and reject other names', () => {
    expect(parseAlarmName(alarmName('blogchat'))).toBe('blogchat');
    expect(parseAlarmName(alarmName('日本語_1'))).toBe('日本語_1');
    for (const name of ['', 'blogchat', 'chat-reminder:', 'chat-reminder:a b', 'other:blogchat']) expect(parseAlarmName(name)).toBeNull();
  });
});

describe('reminderPermissionsToRequest', () => {
  it('asks only for what the manifest declares optional', () => {
    expect(reminderPermissionsToRequest(['alarms', 'notifications'])).toEqual(['alarms', 'notifications']); // Chrome
    expect(reminderPermissionsToRequest(['notifications'])).toEqual(['notifications']); // Firefox: alarms is required there
    expect(reminderPermissionsToRequest(undefined)).toEqual([]);
    expect(reminderPermissionsToRequest(['tabs', 'https://x.com/*'])).toEqual([]);
  });
});
