import { describe, expect, it } from 'vitest';
import { CHAT_DIRECTORY, findChat } from './directory';
import { normalizeTag } from './hashtags';
import { normalizeHandle } from './handles';
import { nextOccurrence } from './schedule';
import type { Schedule } from './types';

describe('CHAT_DIRECTORY', () => {
  it('lists the chats named in the sources', () => {
    expect(CHAT_DIRECTORY.map((c) => c.tag).sort()).toEqual(
      [
        '4change',
        'b2bchat',
        'blogchat',
        'brandchat',
        'hcsm',
        'innochat',
        'journchat',
        'kaizenblog',
        'mm2010',
        'pr20chat',
        'seo411',
        'smcedu',
        'socentchat',
        'socialmedia',
        'socpharm',
        'solopr',
        'tnl',
        'u30pro',
      ].sort(),
    );
  });

  it('stores every tag and host in normalised form, each tag once', () => {
    const allTags = CHAT_DIRECTORY.flatMap((c) => [c.tag, ...c.extraTags]);
    for (const tag of allTags) expect(normalizeTag(tag)).toBe(tag);
    expect(new Set(allTags).size).toBe(allTags.length);
    for (const host of CHAT_DIRECTORY.flatMap((c) => c.hosts)) expect(normalizeHandle(host)).toBe(host);
  });

  it.each<[string, Schedule]>([
    ['socialmedia', { recurrence: { kind: 'weekly', weekday: 2 }, start: '12:00', durationMinutes: 60, timeZone: 'America/New_York' }],
    ['blogchat', { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' }],
    ['b2bchat', { recurrence: { kind: 'weekly', weekday: 4 }, start: '20:00', durationMinutes: 60, timeZone: 'America/New_York' }],
    ['solopr', { recurrence: { kind: 'weekly', weekday: 3 }, start: '13:00', durationMinutes: 60, timeZone: 'America/New_York' }],
    ['tnl', { recurrence: { kind: 'monthly', weekday: 3, nth: -1 }, start: '21:00', durationMinutes: 60, timeZone: 'America/New_York' }],
  ])('schedules #%s as the sources state', (tag, schedule) => {
    expect(findChat(tag)?.schedule).toEqual(schedule);
  });

  it('has no schedule where the sources give no day and time', () => {
    const unscheduled = CHAT_DIRECTORY.filter((c) => c.schedule === undefined).map((c) => c.tag);
    expect(unscheduled.sort()).toEqual(
      [
        '4change',
        'brandchat',
        'hcsm',
        'innochat',
        'journchat',
        'kaizenblog',
        'mm2010',
        'pr20chat',
        'seo411',
        'smcedu',
        'socentchat',
        'socpharm',
        'u30pro',
      ].sort(),
    );
  });

  it('names hosts only where the sources give a handle', () => {
    const withHosts = Object.fromEntries(CHAT_DIRECTORY.filter((c) => c.hosts.length > 0).map((c) => [c.tag, c.hosts]));
    expect(withHosts).toEqual({ blogchat: ['mackcollier'], solopr: ['kellyecrane'] });
  });

  it('gives #socialmedia its edition tag', () => {
    expect(findChat('socialmedia')?.extraTags).toEqual(['sm49']);
  });

  it('has schedules that compute', () => {
    for (const chat of CHAT_DIRECTORY) {
      if (chat.schedule === undefined) continue;
      const { start, end } = nextOccurrence(chat.schedule, new Date('2026-03-01T00:00:00Z'));
      expect(end.getTime() - start.getTime()).toBe(chat.schedule.durationMinutes * 60_000);
    }
  });

  it('cannot be changed by accident', () => {
    const blogchat = findChat('blogchat');
    expect(Object.isFrozen(CHAT_DIRECTORY)).toBe(true);
    expect(() => {
      (blogchat?.hosts as string[]).push('intruder');
    }).toThrow(TypeError);
    expect(findChat('blogchat')?.hosts).toEqual(['mackcollier']);
  });

  it('is structured-clonable (it crosses the message boundary)', () => {
    expect(structuredClone(CHAT_DIRECTORY)).toEqual(CHAT_DIRECTORY);
  });
});

describe('findChat', () => {
  it.each<[string, string | undefined]>([
    ['blogchat', 'blogchat'],
    ['#BlogChat', 'blogchat'],
    ['＃ＢＬＯＧＣＨＡＴ', 'blogchat'],
    ['TNL', 'tnl'],
    ['#SoloPR', 'solopr'],
    ['sm49', 'socialmedia'], // an edition tag finds its chat
    ['#SM49', 'socialmedia'],
    ['blogchatter', undefined],
    ['blogchat2', undefined],
    ['sm50', undefined],
    ['', undefined],
    ['#', undefined],
  ])('%j → %j', (tag, found) => {
    expect(findChat(tag)?.tag).toBe(found);
  });
});
