import { describe, expect, it } from 'vitest';
import { formatLocalStart, formatScheduleStart, isLive, nextOccurrence, occurrenceAround } from './schedule';
import type { Schedule } from './types';

// Expected instants below are worked out by hand from the zones' offsets, not by luxon:
// US DST 2026 starts Sunday March 8 and ends Sunday November 1; UK BST runs March 29 – October 25;
// India has no DST (UTC+5:30). CST = UTC−6, CDT = UTC−5, EST = UTC−5, EDT = UTC−4.

const BLOGCHAT: Schedule = {
  recurrence: { kind: 'weekly', weekday: 7 },
  start: '20:00',
  durationMinutes: 60,
  timeZone: 'America/Chicago',
};
const SOCIALMEDIA: Schedule = {
  recurrence: { kind: 'weekly', weekday: 2 },
  start: '12:00',
  durationMinutes: 60,
  timeZone: 'America/New_York',
};
const TNL: Schedule = {
  recurrence: { kind: 'monthly', weekday: 3, nth: -1 },
  start: '21:00',
  durationMinutes: 60,
  timeZone: 'America/New_York',
};

const d = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();
/** ICU may put a narrow no-break space before AM/PM; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('nextOccurrence: weekly across US DST (#blogchat, Sundays 20:00 America/Chicago)', () => {
  it.each([
    ['the week before spring-forward (CST)', '2026-02-25T12:00:00Z', '2026-03-02T02:00:00.000Z'],
    ['the day DST starts (CDT)', '2026-03-02T12:00:00Z', '2026-03-09T01:00:00.000Z'],
    ['the morning of the DST change', '2026-03-08T09:00:00Z', '2026-03-09T01:00:00.000Z'],
    ['the Sunday before fall-back (CDT)', '2026-10-20T12:00:00Z', '2026-10-26T01:00:00.000Z'],
    ['the day DST ends (CST)', '2026-10-27T12:00:00Z', '2026-11-02T02:00:00.000Z'],
  ])('%s', (_name, now, start) => {
    const occ = nextOccurrence(BLOGCHAT, d(now));
    expect(iso(occ.start)).toBe(start);
    expect(occ.end.getTime() - occ.start.getTime()).toBe(60 * 60_000);
  });

  it('stays at 20:00 Chicago time on both sides of each change', () => {
    for (const now of ['2026-02-25T12:00:00Z', '2026-03-02T12:00:00Z', '2026-10-20T12:00:00Z', '2026-10-27T12:00:00Z']) {
      const { start } = nextOccurrence(BLOGCHAT, d(now));
      expect(plain(formatLocalStart(start, 'America/Chicago', 'en-US'))).toMatch(/^Sun, \w{3} \d{1,2}, 8:00 PM C[DS]T$/);
    }
  });
});

describe('nextOccurrence: live and boundaries', () => {
  it.each([
    ['returns the running occurrence at its start', '2026-03-09T01:00:00Z', '2026-03-09T01:00:00.000Z'],
    ['returns the running occurrence in its last second', '2026-03-09T01:59:59Z', '2026-03-09T01:00:00.000Z'],
    ['moves on at the end (end is exclusive)', '2026-03-09T02:00:00Z', '2026-03-16T01:00:00.000Z'],
    ['a minute before the start', '2026-03-09T00:59:00Z', '2026-03-09T01:00:00.000Z'],
  ])('%s', (_name, now, start) => {
    expect(iso(nextOccurrence(BLOGCHAT, d(now)).start)).toBe(start);
  });
});

describe('nextOccurrence: monthly, last Wednesday (#TNL, 21:00 America/New_York)', () => {
  it.each([
    ['February (4 Wednesdays, EST)', '2026-02-01T00:00:00Z', '2026-02-26T02:00:00.000Z'],
    ['March, after DST starts (EDT)', '2026-03-01T00:00:00Z', '2026-03-26T01:00:00.000Z'],
    ['April has 5 Wednesdays: the 29th, not the 22nd', '2026-03-26T02:00:00Z', '2026-04-30T01:00:00.000Z'],
    ['live on Oct 28 local while it is already Oct 29 UTC', '2026-10-29T01:30:00Z', '2026-10-29T01:00:00.000Z'],
    ['November, after DST ends (EST)', '2026-10-29T02:00:00Z', '2026-11-26T02:00:00.000Z'],
    ['across the new year', '2026-12-31T03:00:00Z', '2027-01-28T02:00:00.000Z'],
  ])('%s', (_name, now, start) => {
    expect(iso(nextOccurrence(TNL, d(now)).start)).toBe(start);
  });
});

describe('nextOccurrence: monthly nth weekday', () => {
  // March 2026: Tuesdays are the 3rd, 10th, 17th, 24th and 31st; DST (EDT, UTC−4) from the 8th.
  it.each<[1 | 2 | 3 | 4 | -1, string]>([
    [1, '2026-03-03T17:00:00.000Z'],
    [2, '2026-03-10T16:00:00.000Z'],
    [3, '2026-03-17T16:00:00.000Z'],
    [4, '2026-03-24T16:00:00.000Z'],
    [-1, '2026-03-31T16:00:00.000Z'],
  ])('nth %d Tuesday of March 2026 at noon Eastern', (nth, start) => {
    const schedule: Schedule = { ...SOCIALMEDIA, recurrence: { kind: 'monthly', weekday: 2, nth } };
    expect(iso(nextOccurrence(schedule, d('2026-03-01T00:00:00Z')).start)).toBe(start);
  });

  it('skips to next month once this month’s occurrence is over', () => {
    const firstTuesday: Schedule = { ...SOCIALMEDIA, recurrence: { kind: 'monthly', weekday: 2, nth: 1 } };
    // April 2026: the 1st is a Wednesday, so the first Tuesday is the 7th.
    expect(iso(nextOccurrence(firstTuesday, d('2026-03-03T18:00:00Z')).start)).toBe('2026-04-07T16:00:00.000Z');
  });
});

describe('isLive and occurrenceAround', () => {
  it.each([
    ['before', '2026-03-09T00:59:59Z', false],
    ['at the start', '2026-03-09T01:00:00Z', true],
    ['in the middle', '2026-03-09T01:30:00Z', true],
    ['at the end', '2026-03-09T02:00:00Z', false],
    ['the same hour on a Monday', '2026-03-10T01:30:00Z', false],
    ['the CST hour after DST started (an hour late)', '2026-03-09T02:30:00Z', false],
  ])('#blogchat %s → %s', (_name, at, live) => {
    expect(isLive(BLOGCHAT, d(at))).toBe(live);
    const occ = occurrenceAround(BLOGCHAT, d(at));
    if (live) expect(occ && iso(occ.start)).toBe('2026-03-09T01:00:00.000Z');
    else expect(occ).toBeNull();
  });

  it('finds a chat that started on the previous local day (runs past midnight)', () => {
    // Saturday 23:30 London for an hour; 2026-03-28 is a Saturday (GMT).
    const lateNight: Schedule = {
      recurrence: { kind: 'weekly', weekday: 6 },
      start: '23:30',
      durationMinutes: 60,
      timeZone: 'Europe/London',
    };
    const occ = occurrenceAround(lateNight, d('2026-03-29T00:15:00Z'));
    expect(occ && [iso(occ.start), iso(occ.end)]).toEqual(['2026-03-28T23:30:00.000Z', '2026-03-29T00:30:00.000Z']);
    expect(isLive(lateNight, d('2026-03-29T00:30:00Z'))).toBe(false);
  });

  it('finds a multi-day occurrence', () => {
    const weekend: Schedule = { recurrence: { kind: 'weekly', weekday: 6 }, start: '09:00', durationMinutes: 2 * 24 * 60, timeZone: 'UTC' };
    expect(occurrenceAround(weekend, d('2026-03-09T08:00:00Z'))?.start.toISOString()).toBe('2026-03-07T09:00:00.000Z');
    expect(isLive(weekend, d('2026-03-09T09:00:00Z'))).toBe(false);
  });

  it('keeps the duration as elapsed time across a DST change', () => {
    // London springs forward at 01:00 GMT on 2026-03-29: a chat 00:30–(01:30 GMT = 02:30 BST).
    const overChange: Schedule = {
      recurrence: { kind: 'weekly', weekday: 7 },
      start: '00:30',
      durationMinutes: 60,
      timeZone: 'Europe/London',
    };
    const occ = nextOccurrence(overChange, d('2026-03-28T12:00:00Z'));
    expect([iso(occ.start), iso(occ.end)]).toEqual(['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z']);
  });

  it('moves a start inside the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in New York on 2026-03-08; it becomes 03:30 EDT (07:30 UTC).
    const inGap: Schedule = {
      recurrence: { kind: 'weekly', weekday: 7 },
      start: '02:30',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    };
    expect(iso(nextOccurrence(inGap, d('2026-03-07T12:00:00Z')).start)).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(nextOccurrence(inGap, d('2026-03-09T12:00:00Z')).start)).toBe('2026-03-15T06:30:00.000Z');
  });
});

describe('formatLocalStart: in the user’s zone', () => {
  it.each([
    // #blogchat seen from London: 2am GMT the week before US DST, 1am GMT for the three weeks when the
    // US has changed and the UK has not, 2am BST after March 29.
    [BLOGCHAT, '2026-02-25T12:00:00Z', 'Europe/London', 'Mon, Mar 2, 2:00 AM GMT'],
    [BLOGCHAT, '2026-03-02T12:00:00Z', 'Europe/London', 'Mon, Mar 9, 1:00 AM GMT'],
    [BLOGCHAT, '2026-03-23T12:00:00Z', 'Europe/London', 'Mon, Mar 30, 2:00 AM GMT+1'],
    // In autumn the UK changes first (Oct 25), the US a week later (Nov 1): 2am BST, then 1am GMT for
    // that one week, then 2am GMT.
    [BLOGCHAT, '2026-10-13T12:00:00Z', 'Europe/London', 'Mon, Oct 19, 2:00 AM GMT+1'],
    [BLOGCHAT, '2026-10-20T12:00:00Z', 'Europe/London', 'Mon, Oct 26, 1:00 AM GMT'],
    [BLOGCHAT, '2026-10-27T12:00:00Z', 'Europe/London', 'Mon, Nov 2, 2:00 AM GMT'],
    // …and from Kolkata, which never changes: 7:30 then 6:30 in the morning.
    [BLOGCHAT, '2026-02-25T12:00:00Z', 'Asia/Kolkata', 'Mon, Mar 2, 7:30 AM GMT+5:30'],
    [BLOGCHAT, '2026-03-02T12:00:00Z', 'Asia/Kolkata', 'Mon, Mar 9, 6:30 AM GMT+5:30'],
    [BLOGCHAT, '2026-10-27T12:00:00Z', 'Asia/Kolkata', 'Mon, Nov 2, 7:30 AM GMT+5:30'],
    // #socialmedia (noon Eastern) from London: 5pm, then 4pm during the US-only DST weeks.
    [SOCIALMEDIA, '2026-03-02T00:00:00Z', 'Europe/London', 'Tue, Mar 3, 5:00 PM GMT'],
    [SOCIALMEDIA, '2026-03-09T00:00:00Z', 'Europe/London', 'Tue, Mar 10, 4:00 PM GMT'],
    [SOCIALMEDIA, '2026-03-30T00:00:00Z', 'Europe/London', 'Tue, Mar 31, 5:00 PM GMT+1'],
    [TNL, '2026-03-01T00:00:00Z', 'America/New_York', 'Wed, Mar 25, 9:00 PM EDT'],
    [TNL, '2026-03-01T00:00:00Z', 'America/Los_Angeles', 'Wed, Mar 25, 6:00 PM PDT'],
  ])('%#: %s → %s', (schedule, now, zone, expected) => {
    expect(plain(formatLocalStart(nextOccurrence(schedule, d(now)).start, zone, 'en-US'))).toBe(expected);
  });

  it('uses the given locale', () => {
    expect(plain(formatLocalStart(d('2026-03-09T01:00:00Z'), 'Asia/Kolkata', 'en-GB'))).toBe('Mon 9 Mar, 06:30 GMT+5:30');
  });

  it('rejects an unknown zone', () => {
    expect(() => formatLocalStart(d('2026-03-09T01:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('invalid schedules', () => {
  it.each<[string, Schedule]>([
    ['an unknown zone', { ...BLOGCHAT, timeZone: 'America/Nowhere' }],
    ['a bad start', { ...BLOGCHAT, start: '8pm' }],
    ['an hour out of range', { ...BLOGCHAT, start: '24:00' }],
    ['a zero duration', { ...BLOGCHAT, durationMinutes: 0 }],
  ])('throws for %s', (_name, schedule) => {
    expect(() => nextOccurrence(schedule, d('2026-03-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => isLive(schedule, d('2026-03-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('formatScheduleStart: a schedule’s HH:MM as the locale writes a time of day', () => {
  it('in 12 or 24 hours by locale, and refuses what is not a time', () => {
    expect(plain(formatScheduleStart('20:00', 'en-US'))).toBe('8:00 PM');
    expect(formatScheduleStart('20:00', 'de')).toBe('20:00');
    expect(formatScheduleStart('9:05', 'ja')).toBe('9:05');
    expect(() => formatScheduleStart('25:00', 'en-US')).toThrow(RangeError);
  });
});
