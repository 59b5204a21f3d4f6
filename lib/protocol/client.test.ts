import { describe, expect, it } from 'vitest';
import { createClient } from './client';

describe('createClient', () => {
  it('returns the reply', async () => {
    const client = createClient((m) => Promise.resolve({ ok: true, version: '1.2.3', echo: m }));
    const r = await client.send({ type: 'ping' });
    expect(r).toMatchObject({ ok: true, version: '1.2.3', echo: { type: 'ping' } });
  });

  it('turns a rejected sendMessage into unavailable instead of throwing', async () => {
    const client = createClient(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    const r = await client.send({ type: 'chat/get', tag: 'smchat' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('Could not establish connection') as string },
    });
  });

  it('treats no reply as unavailable and a malformed reply as internal', async () => {
    expect(await createClient(() => Promise.resolve(undefined)).send({ type: 'ping' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(await createClient(() => Promise.resolve('yes')).send({ type: 'ping' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await createClient(() => Promise.resolve({ ok: false })).send({ type: 'ping' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes error replies through', async () => {
    const reply = { ok: false, error: { code: 'quota-exceeded', message: 'full' } };
    expect(await createClient(() => Promise.resolve(reply)).send({ type: 'ping' })).toEqual(reply);
  });
});
