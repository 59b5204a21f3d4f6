import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/tests/unit/builders';
import { parseRequest } from '../protocol/parse-request';
import type { Request } from '../protocol/requests';
import { createHandler } from './handler';
import type { StoreDB } from './schema';

const OWN = 'own';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/popup.html` };
const CS = { id: OWN, url: 'https://x.com/search?q=%23blogchat', tab: { id: 1, url: 'https://x.com/search?q=%23blogchat' } };

let db: StoreDB;
useTestDatabase((opened) => (db = opened));

describe('reminders: messages', () => {
  it('validates reminders/list, /set and /clear', () => {
    expect(parseRequest({ type: 'reminders/list', extra: 1 })).toEqual({ ok: true, request: { type: 'reminders/list' } });
    expect(parseRequest({ type: 'reminders/set', tag: 'BlogChat', leadMinutes: 15 })).toEqual({
      ok: true,
      request: { type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 },
    });
    expect(parseRequest({ type: 'reminders/clear', tag: 'blogchat' })).toEqual({
      ok: true,
      request: { type: 'reminders/clear', tag: 'blogchat' },
    });
    for (const leadMinutes of [0, -5, 1.5, 1441, '15', null, undefined, NaN, Infinity]) {
      expect(parseRequest({ type: 'reminders/set', tag: 'blogchat', leadMinutes }), String(leadMinutes)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('leadMinutes') },
      });
    }
    expect(parseRequest({ type: 'reminders/set', tag: 'blog chat', leadMinutes: 15 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(parseRequest({ type: 'reminders/clear' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('reminders: handler', () => {
  it('stores, lists, changes and clears reminders; set and clear only from the extension pages', async () => {
    let clock = 1000;
    const written: Request[] = [];
    const handle = createHandler({
      db,
      version: '1',
      ownId: OWN,
      lookupChat: () => undefined,
      now: () => clock,
      afterWrite: (r) => void written.push(r),
    });
    expect(await handle({ type: 'reminders/list' }, PAGE)).toEqual({ ok: true, reminders: [] });
    expect(await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, CS)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await handle({ type: 'reminders/clear', tag: 'blogchat' }, CS)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE)).toEqual({
      ok: true,
      reminder: { tag: 'blogchat', leadMinutes: 15, createdAt: 1000, updatedAt: 1000 },
    });
    clock = 2000;
    await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 60 }, PAGE);
    await handle({ type: 'reminders/set', tag: 'smchat', leadMinutes: 5 }, PAGE);
    expect(await handle({ type: 'reminders/list' }, CS)).toEqual({
      ok: true,
      reminders: [
        { tag: 'blogchat', leadMinutes: 60, createdAt: 1000, updatedAt: 2000 },
        { tag: 'smchat', leadMinutes: 5, createdAt: 2000, updatedAt: 2000 },
      ],
    });
    expect(await handle({ type: 'reminders/clear', tag: 'smchat' }, PAGE)).toEqual({ ok: true, cleared: true });
    expect(await handle({ type: 'reminders/clear', tag: 'smchat' }, PAGE)).toEqual({ ok: true, cleared: false });
    await handle({ type: 'chat/update', tag: 'blogchat', patch: { chatMode: true } }, PAGE);
    await handle({ type: 'reminders/list' }, PAGE);
    // afterWrite hears the successful writes of settings and reminders, not reads nor refused requests.
    expect(written.map((r) => r.type)).toEqual([
      'reminders/set',
      'reminders/set',
      'reminders/set',
      'reminders/clear',
      'reminders/clear',
      'chat/update',
    ]);
  });

  it('a failing afterWrite is logged; the reply still reports the stored change', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handle = createHandler({
      db,
      version: '1',
      ownId: OWN,
      lookupChat: () => undefined,
      afterWrite: () => Promise.reject(new Error('alarms broken')),
    });
    expect(await handle({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 }, PAGE)).toMatchObject({
      ok: true,
      reminder: { leadMinutes: 15 },
    });
    expect(logged).toHaveBeenCalled();
  });
});
