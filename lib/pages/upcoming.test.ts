import { describe, expect, it } from 'vitest';
import type { ChatDefinition, Schedule } from '../chat/types';
import { chatSettings as chat } from '@/tests/unit/builders';
import { effectiveSchedule, formatCountdown, upcomingChats } from './upcoming';

const weekly = (weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7, start: string, timeZone: string): Schedule => ({
  recurrence: { kind: 'weekly', weekday },
  start,
  durationMinutes: 60,
  timeZone,
});
const directory: ChatDefinition[] = [
  { tag: 'blogchat', extraTags: [], title: 'Blogchat', hosts: [], schedule: weekly(7, '20:00', 'America/Chicago') },
  { tag: 'nosched', extraTags: [], title: 'No schedule', hosts: [] },
];

describe('effectiveSchedule', () => {
  it('prefers the user’s schedule, falls back to the directory, and null means none', () => {
    const own = weekly(1, '10:00', 'Europe/Paris');
    expect(effectiveSchedule(chat('blogchat', { schedule: own }), directory[0])).toBe(own);
    expect(effectiveSchedule(chat('blogchat'), directory[0])).toBe(directory[0]!.schedule);
    expect(effectiveSchedule(chat('blogchat', { schedule: null }), directory[0])).toBeUndefined();
    expect(effectiveSchedule(undefined, directory[1])).toBeUndefined();
  });
});

describe('upcomingChats', () => {
  // Sunday 2024-03-10 is the US spring-forward day; 2024-03-31 the EU one.
  it('puts a live chat first, then the next by start, across zones and DST', () => {
    const now = new Date('2024-03-11T01:30:00Z'); // Sunday 20:30 CDT in Chicago: #blogchat is live
    const mine = chat('mine', { title: 'Mine', schedule: weekly(1, '09:00', 'Europe/London'), chatMode: true });
    const list = upcomingChats([mine], directory, now);
    expect(list.map((c) => [c.tag, c.live])).toEqual([
      ['blogchat', true],
      ['mine', false],
    ]);
    expect(list[0]!.start.toISOString()).toBe('2024-03-11T01:00:00.000Z'); // 20:00 CDT (UTC-5) the day the US changed
    expect(list[1]).toMatchObject({ title: 'Mine', saved: true, chatMode: true });
    expect(list[1]!.start.toISOString()).toBe('2024-03-11T09:00:00.000Z'); // London still on GMT
  });

  it('a user schedule replaces the directory’s; unknown zones are skipped', () => {
    const now = new Date('2024-07-01T00:00:00Z');
    const list = upcomingChats(
      [chat('blogchat', { schedule: weekly(3, '12:00', 'Asia/Tokyo') }), chat('bad', { schedule: weekly(3, '12:00', 'Not/AZone') })],
      directory,
      now,
    );
    expect(list).toHaveLength(1);
    expect(list[0]!.start.toISOString()).toBe('2024-07-03T03:00:00.000Z');
  });
});

describe('formatCountdown', () => {
  it('shows the two largest units', () => {
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 5_000)).toBe('2d 3h');
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatCountdown(4 * 60_000 + 9_000)).toBe('4m 09s');
    expect(formatCountdown(-5)).toBe('0s');
  });

  it('writes the units as the locale does', () => {
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000, 'en')).toBe('3h 05m');
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000, 'de')).toBe('3h, 05 Min.');
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000, 'fr')).toBe('2j 3h');
  });
});
