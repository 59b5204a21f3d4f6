import { describe, expect, it } from 'vitest';
import { createTabSession, type SessionArea } from './tab-session';

/** `storage.session` in memory, with its quota (counted as Chrome does: keys and JSON values). */
function memoryArea(quota = Infinity) {
  const data = new Map<string, unknown>();
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  const area: SessionArea = {
    get: async () => Object.fromEntries(data),
    set: async (items) => {
      const before = new Map(data);
      for (const [k, v] of Object.entries(items)) data.set(k, v);
      if (size() > quota) {
        data.clear();
        before.forEach((v, k) => data.set(k, v));
        throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      }
    },
    remove: async (keys) => void keys.forEach((k) => data.delete(k)),
  };
  return { area, data };
}

describe('tab session', () => {
  it('keeps each tab’s items apart: a tab reads and writes only its own', async () => {
    const { area, data } = memoryArea();
    const session = createTabSession({ area });
    await session.write(1, { 'active-chat': 'blogchat', 'outbox:q:a.0': '[1]' }, []);
    await session.write(2, { 'active-chat': 'smchat' }, []);
    await session.write(2, {}, ['outbox:q:a.0']); // another tab's key: not touched
    expect(await session.load(1)).toEqual({ 'active-chat': 'blogchat', 'outbox:q:a.0': '[1]' });
    expect(await session.load(2)).toEqual({ 'active-chat': 'smchat' });
    await session.write(1, { b: 'x' }, ['outbox:q:a.0']);
    expect(await session.load(1)).toEqual({ 'active-chat': 'blogchat', b: 'x' });
    expect([...data.keys()].sort()).toEqual(['tab:1:active-chat', 'tab:1:b', 'tab:2:active-chat']);
  });

  it('refuses a write that does not fit as quota-exceeded, and removes before it sets', async () => {
    const { area } = memoryArea(200);
    const session = createTabSession({ area });
    expect(await session.write(1, { a: 'x'.repeat(150) }, [])).toEqual({ ok: true });
    expect(await session.write(1, { b: 'y'.repeat(150) }, [])).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect(await session.write(1, { b: 'y'.repeat(150) }, ['a'])).toEqual({ ok: true });
    expect(await session.load(1)).toEqual({ b: 'y'.repeat(150) });
  });

  it('forgets the items of closed tabs when a tab loads', async () => {
    const { area, data } = memoryArea();
    let open = [1, 2, 3];
    const session = createTabSession({ area, openTabs: async () => open });
    for (const tab of open) await session.write(tab, { 'active-chat': `chat${tab}` }, []);
    data.set('not-a-tab', 'kept');
    open = [2];
    expect(await session.load(2)).toEqual({ 'active-chat': 'chat2' });
    expect([...data.keys()].sort()).toEqual(['not-a-tab', 'tab:2:active-chat']);
  });
});
