import { describe, expect, it, vi } from 'vitest';
import { createHandler, type Handler } from './handler';
import { CS, handlerPerTest, OWN, PAGE } from './handler-testing';
import { createTabSession } from './tab-session';

const ctx = handlerPerTest('handler');
const handle: Handler = (message, sender) => ctx.handle(message, sender);

describe('handler: senders and bad messages', () => {
  it('answers ping with the version', async () => {
    expect(await handle({ type: 'ping' }, CS)).toEqual({ ok: true, version: '9.9.9' });
  });

  it('rejects forbidden senders before reading the message', async () => {
    for (const sender of [
      {},
      { id: 'other', url: CS.url, tab: CS.tab },
      { id: OWN, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } },
    ]) {
      expect(await handle({ type: 'ping' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await handle({ type: 'ping' }, undefined as never)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('rejects malformed and unknown messages with the right code', async () => {
    expect(await handle({ type: 'nope' }, CS)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await handle('ping', CS)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle({ type: 'tweets/put', batchId: 'b', tag: 'smchat', tweets: [{ id: 'x' }] }, CS)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await handle({ type: 'export', sessionId: 'smchat:0', format: 'markdown' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('never throws: failures inside become internal replies', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = createHandler({ db: Promise.reject(new Error('disk gone')), version: '1', ownId: OWN, lookupChat: () => undefined });
    expect(await broken({ type: 'chat/list' }, PAGE)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk gone') as string },
    });
    const failingOpener = createHandler({
      db: () => Promise.reject(new Error('cannot open')),
      version: '1',
      ownId: OWN,
      lookupChat: () => undefined,
    });
    expect(await failingOpener({ type: 'ping' }, PAGE)).toEqual({ ok: true, version: '1' }); // liveness needs no store
    expect(await failingOpener({ type: 'chat/list' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('cannot open') as string },
    });
    const throwingLookup = createHandler({
      db: ctx.db,
      version: '1',
      ownId: OWN,
      lookupChat: () => {
        throw new Error('directory broken');
      },
    });
    expect(await throwingLookup({ type: 'chat/get', tag: 'new' }, CS)).toMatchObject({ ok: false, error: { code: 'internal' } });
    for (const junk of [
      undefined,
      null,
      0,
      NaN,
      '',
      [],
      () => 1,
      Symbol('x'),
      new Proxy(
        {},
        {
          get() {
            throw new Error('x');
          },
        },
      ),
    ]) {
      await expect(handle(junk, CS)).resolves.toMatchObject({ ok: false });
    }
    expect(logged).toHaveBeenCalledTimes(3);
  });
});

describe('handler: what a tab keeps', () => {
  function tabHandler() {
    const data = new Map<string, unknown>();
    const tabSession = createTabSession({
      area: {
        get: () => Promise.resolve(Object.fromEntries(data)),
        set: (items) => Promise.resolve(void Object.entries(items).forEach(([k, v]) => data.set(k, v))),
        remove: (keys) => Promise.resolve(void keys.forEach((k) => data.delete(k))),
      },
    });
    return { data, handle: createHandler({ db: ctx.db, version: '1', ownId: OWN, lookupChat: () => undefined, tabSession }) };
  }

  it('keeps items under the sending tab’s id', async () => {
    const { data, handle } = tabHandler();
    expect(await handle({ type: 'tab/write', set: { 'active-chat': 'smchat' }, remove: [] }, CS)).toEqual({ ok: true });
    expect(await handle({ type: 'tab/load' }, CS)).toEqual({ ok: true, items: { 'active-chat': 'smchat' } });
    const other = { ...CS, tab: { ...CS.tab, id: 2 } };
    expect(await handle({ type: 'tab/load' }, other)).toEqual({ ok: true, items: {} });
    expect([...data.keys()]).toEqual(['tab:1:active-chat']);
  });

  it('accepts them only from a content script in an x.com tab’s top frame', async () => {
    const { data, handle } = tabHandler();
    const write = { type: 'tab/write', set: { a: '1' }, remove: [] };
    for (const sender of [
      PAGE,
      { ...PAGE, tab: { id: 3, url: PAGE.url } },
      { ...CS, tab: { url: CS.tab.url } },
      { ...CS, frameId: 4 },
      { id: 'other', url: CS.url, tab: CS.tab },
    ]) {
      expect(await handle(write, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(await handle({ type: 'tab/load' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await handle(write, { ...CS, frameId: 0 })).toEqual({ ok: true });
    expect(data.size).toBe(1);
  });

  it('validates keys and sizes strictly', async () => {
    const { data, handle } = tabHandler();
    for (const bad of [
      { set: { __proto__x: '1' }, remove: [] },
      { set: { 'a b': '1' }, remove: [] },
      { set: { a: 1 }, remove: [] },
      { set: { a: 'x'.repeat(4_000_001) }, remove: [] },
      { set: {}, remove: ['../x'] },
      { set: {}, remove: 'a' },
      { set: [], remove: [] },
      { set: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, 'v'])), remove: [] },
    ]) {
      expect(await handle({ type: 'tab/write', ...bad }, CS)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(data.size).toBe(0);
  });
});
