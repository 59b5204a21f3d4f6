import { describe, expect, it, vi } from 'vitest';
import { chatSettings } from '@/tests/unit/builders';
import { exportSettings, MAX_SETTINGS_BYTES, parseSettingsFile, readSettingsFile } from './settings-file';

const base = chatSettings('blogchat', {
  extraTags: ['bc2'],
  title: 'Blogchat',
  hosts: ['mackcollier'],
  muted: ['spam'],
  filter: { hideRetweets: true, hideMuted: true, hostsOnly: false },
  autoTag: false,
  chatMode: true,
  sidebar: { collapsed: true },
  createdAt: 1,
  updatedAt: 2,
  schedule: { recurrence: { kind: 'monthly', weekday: 3, nth: -1 }, start: '21:00', durationMinutes: 60, timeZone: 'America/New_York' },
});

describe('settings file', () => {
  it('round-trips every editable setting except device-local ones', () => {
    const text = exportSettings([base], new Date('2024-01-02T03:04:05Z'));
    const file = JSON.parse(text) as { chats: object[] };
    expect(file).toMatchObject({ format: 'chat-mode-settings', version: 1, exportedAt: '2024-01-02T03:04:05.000Z' });
    expect(file.chats[0]).not.toHaveProperty('sidebar');
    expect(file.chats[0]).not.toHaveProperty('createdAt');
    const parsed = parseSettingsFile(text);
    expect(parsed).toEqual({
      ok: true,
      chats: [
        {
          tag: 'blogchat',
          patch: {
            extraTags: ['bc2'],
            title: 'Blogchat',
            hosts: ['mackcollier'],
            muted: ['spam'],
            filter: base.filter,
            autoTag: false,
            chatMode: true,
            schedule: base.schedule,
          },
        },
      ],
    });
  });

  it('refuses bad files with a clear message naming the place', () => {
    const wrap = (chats: unknown) => JSON.stringify({ format: 'chat-mode-settings', version: 1, chats });
    expect(parseSettingsFile('{nope')).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is not valid JSON/) });
    expect(parseSettingsFile('[]')).toEqual({ ok: false, error: 'The file does not hold a settings object.' });
    expect(parseSettingsFile('{"format":"other"}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a Chat mode settings file'),
    });
    expect(parseSettingsFile('{"format":"chat-mode-settings","version":9,"chats":[]}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('version 9'),
    });
    expect(parseSettingsFile(wrap([{ tag: 'ok' }, { tag: 'x', hosts: ['bad handle'] }]))).toEqual({
      ok: false,
      error: 'chats[1].patch.hosts[0]: expected a handle without "@": letters, digits or "_"',
    });
    expect(
      parseSettingsFile(
        wrap([
          { tag: 'a', schedule: { recurrence: { kind: 'weekly', weekday: 1 }, start: '25:00', durationMinutes: 60, timeZone: 'UTC' } },
        ]),
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('chats[0].patch.schedule.start') });
    expect(parseSettingsFile(wrap([{ tag: 'A' }, { tag: 'a' }]))).toEqual({ ok: false, error: 'chats[1].tag: #a appears twice' });
    expect(parseSettingsFile(wrap([{ tag: 'a' }, { tag: 'b' }, { tag: 'c', muted: 'everyone' }]))).toEqual({
      ok: false,
      error: 'chats[2].patch.muted: expected an array',
    });
    expect(parseSettingsFile(wrap([{ tag: 'a' }, 'b']))).toEqual({ ok: false, error: 'chats[1]: expected an object.' });
    expect(parseSettingsFile(wrap([{ tag: '#bad' }]))).toMatchObject({ ok: false, error: expect.stringContaining('chats[0].tag') });
  });

  it('refuses a file over the limit by its size, without reading it', async () => {
    const big = new File(['x'.repeat(6_000_000)], 'settings.json', { type: 'application/json' });
    expect(big.size).toBeGreaterThan(MAX_SETTINGS_BYTES);
    const read = vi.spyOn(big, 'text');
    expect(await readSettingsFile(big)).toEqual({ ok: false, error: 'The file is larger than 5 MB.' });
    expect(read).not.toHaveBeenCalled();
    const small = new File([exportSettings([base], new Date(0))], 'settings.json');
    expect(await readSettingsFile(small)).toMatchObject({ ok: true, chats: [{ tag: 'blogchat' }] });
  });

  it('imports tags without repeats and time zones in their canonical spelling', () => {
    const file = JSON.stringify({
      format: 'chat-mode-settings',
      version: 1,
      chats: [
        {
          tag: 'BlogChat',
          extraTags: ['bc2', 'BC2', 'blogchat', 'ｂｌｏｇｃｈａｔ'],
          schedule: { ...base.schedule, timeZone: 'america/chicago' },
        },
      ],
    });
    expect(parseSettingsFile(file)).toEqual({
      ok: true,
      chats: [{ tag: 'blogchat', patch: { extraTags: ['bc2'], schedule: { ...base.schedule, timeZone: 'America/Chicago' } } }],
    });
  });

  it('exports and imports a host plan and the hosting flag, checked as the background does; files without them still import', () => {
    const plan = {
      welcome: 'Welcome to #blogchat!',
      questions: [{ text: 'Why blog?', subs: ['Why now?'] }],
      wrapUp: 'Thanks!',
      firstAt: 5,
      every: 6,
    };
    const text = exportSettings([{ ...base, plan, hosting: true }, chatSettings('other')], new Date(0));
    const file = JSON.parse(text) as { chats: object[] };
    expect(file.chats[0]).toMatchObject({ tag: 'blogchat', plan, hosting: true });
    expect(file.chats[1]).not.toHaveProperty('plan');
    expect(file.chats[1]).not.toHaveProperty('hosting');
    expect(parseSettingsFile(text)).toMatchObject({
      ok: true,
      chats: [
        { tag: 'blogchat', patch: { plan, hosting: true } },
        { tag: 'other', patch: expect.not.objectContaining({ plan: expect.anything() }) },
      ],
    });
    const wrap = (chats: unknown) => JSON.stringify({ format: 'chat-mode-settings', version: 1, chats });
    expect(parseSettingsFile(wrap([{ tag: 'a', title: 'A' }]))).toEqual({ ok: true, chats: [{ tag: 'a', patch: { title: 'A' } }] });
    expect(parseSettingsFile(wrap([{ tag: 'a', plan: { ...plan, every: 0 } }]))).toEqual({
      ok: false,
      error: 'chats[0].patch.plan.every: expected a whole number of minutes from 1 to 1440',
    });
    expect(parseSettingsFile(wrap([{ tag: 'a', hosting: 'yes' }]))).toEqual({
      ok: false,
      error: 'chats[0].patch.hosting: expected a boolean',
    });
  });
});
