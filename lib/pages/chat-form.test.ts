import { describe, expect, it } from 'vitest';
import type { ChatDefinition } from '../chat/types';
import { chatSettings } from '@/tests/unit/builders';
import { emptyForm, formFromChat, formToRequest, splitList } from './chat-form';

const def: ChatDefinition = {
  tag: 'blogchat',
  extraTags: [],
  title: 'Blogchat',
  hosts: ['mackcollier'],
  schedule: { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' },
};
const chat = chatSettings('blogchat', {
  extraTags: ['bc'],
  title: 'Blogchat',
  hosts: ['mackcollier'],
  muted: ['spam'],
  filter: { hideRetweets: false, hideMuted: true, hostsOnly: true },
});

describe('chat form', () => {
  it('splits handle and tag lists', () => {
    expect(splitList(' @a, b;@c\n#d  ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('builds a new chat’s update, validated and normalised', () => {
    const form = { ...emptyForm('Europe/Berlin'), tag: '#MyChat', hosts: '@Host', weekday: '5', start: '19:30', duration: '45' };
    expect(formToRequest(form)).toEqual({
      ok: true,
      tag: 'mychat',
      patch: {
        title: '#MyChat',
        extraTags: [],
        hosts: ['host'],
        muted: [],
        filter: { hideRetweets: false, hideMuted: true, hostsOnly: false, foldRepeats: true, pauseWhileScrolling: false },
        autoTag: true,
        description: '',
        schedule: { recurrence: { kind: 'weekly', weekday: 5 }, start: '19:30', durationMinutes: 45, timeZone: 'Europe/Berlin' },
      },
    });
  });

  it('maps validation errors to their field', () => {
    const form = emptyForm('UTC');
    expect(formToRequest({ ...form, tag: '' })).toMatchObject({ ok: false, errors: { tag: expect.any(String) } });
    expect(formToRequest({ ...form, tag: 'x', timeZone: 'Mars/Base' })).toMatchObject({
      ok: false,
      errors: { timeZone: expect.stringContaining('IANA') },
    });
    expect(formToRequest({ ...form, tag: 'x', duration: '0' })).toMatchObject({ ok: false, errors: { duration: expect.any(String) } });
    expect(formToRequest({ ...form, tag: 'x', start: '9pm' })).toMatchObject({ ok: false, errors: { start: expect.any(String) } });
    expect(formToRequest({ ...form, tag: 'x', hosts: 'not-a-handle' })).toMatchObject({ ok: false, errors: { hosts: expect.any(String) } });
    expect(formToRequest({ ...form, tag: 'x', recurrence: 'monthly', nth: '7' })).toMatchObject({
      ok: false,
      errors: { nth: expect.any(String) },
    });
  });

  it('folds repeats unless the chat says not to (settings saved before the option existed say nothing)', () => {
    const { foldRepeats: _, ...before } = chat.filter;
    expect(formFromChat({ ...chat, filter: before }, def, 'UTC').foldRepeats).toBe(true);
    expect(formFromChat({ ...chat, filter: { ...before, foldRepeats: false } }, def, 'UTC').foldRepeats).toBe(false);
  });

  it('edits an existing chat: the directory schedule by default, own or none otherwise', () => {
    const form = formFromChat(chat, def, 'UTC');
    expect(form).toMatchObject({
      tag: 'blogchat',
      extraTags: '#bc',
      hosts: '@mackcollier',
      muted: '@spam',
      hostsOnly: true,
      scheduleMode: 'default',
      start: '20:00',
      timeZone: 'America/Chicago',
      weekday: '7',
    });
    const result = formToRequest(form);
    expect(result.ok && 'schedule' in result.patch).toBe(false);
    expect(formFromChat({ ...chat, schedule: null }, def, 'UTC').scheduleMode).toBe('none');
    expect(formToRequest({ ...form, scheduleMode: 'none' })).toMatchObject({ ok: true, patch: { schedule: null } });
    const monthly = formFromChat(
      { ...chat, schedule: { recurrence: { kind: 'monthly', weekday: 3, nth: -1 }, start: '21:00', durationMinutes: 90, timeZone: 'UTC' } },
      def,
      'UTC',
    );
    expect(monthly).toMatchObject({ scheduleMode: 'custom', recurrence: 'monthly', nth: '-1', duration: '90' });
  });

  it('sends the hosting flag and the plan once set, checked as the background does', () => {
    const plan = { welcome: ' Hi ', questions: [{ text: 'Why?', subs: [] }], wrapUp: '', firstAt: 5, every: 6 };
    const form = formFromChat(chat, def, 'UTC');
    expect(form).toMatchObject({ hosting: null, plan: null });
    const untouched = formToRequest(form);
    expect(untouched.ok && ('hosting' in untouched.patch || 'plan' in untouched.patch)).toBe(false);
    expect(formToRequest({ ...form, hosting: true, plan })).toMatchObject({
      ok: true,
      patch: { hosting: true, plan: { ...plan, welcome: 'Hi' } },
    });
    const hosted = formFromChat({ ...chat, hosting: true, plan }, def, 'UTC');
    expect(hosted).toMatchObject({ hosting: true, plan });
    expect(formToRequest({ ...hosted, hosting: false })).toMatchObject({ ok: true, patch: { hosting: false } });
    expect(formToRequest({ ...form, plan: { ...plan, every: NaN } })).toEqual({
      ok: false,
      errors: { plan: 'expected a whole number of minutes from 1 to 1440' },
    });
  });
});
