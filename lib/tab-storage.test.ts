import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './protocol/client';
import type { RequestOf } from './protocol/requests';
import { createTabStorage, openTabStorage } from './tab-storage';

/** The background's side of one tab: its items, and how it answers (down, full). */
function fakeBackground(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const writes: RequestOf<'tab/write'>[] = [];
  const state = { available: true, full: false, loads: 0 };
  const send = createClient(async (message) => {
    const request = message as RequestOf<'tab/load'> | RequestOf<'tab/write'>;
    if (!state.available) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (request.type === 'tab/load') {
      state.loads++;
      return { ok: true, items: Object.fromEntries(items) };
    }
    writes.push(structuredClone(request));
    for (const key of request.remove) items.delete(key);
    if (state.full && Object.keys(request.set).length > 0) {
      return { ok: false, error: { code: 'quota-exceeded', message: "The extension's temporary storage is full." } };
    }
    for (const [key, value] of Object.entries(request.set)) items.set(key, value);
    return { ok: true };
  }).send;
  return { items, writes, state, send };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('tab storage', () => {
  it('starts with the tab’s items, asking again while the worker restarts', async () => {
    const bg = fakeBackground({ 'active-chat': 'blogchat' });
    bg.state.available = false;
    const opening = openTabStorage({ send: bg.send });
    await vi.advanceTimersByTimeAsync(500);
    bg.state.available = true;
    await vi.advanceTimersByTimeAsync(1_000);
    const storage = await opening;
    expect(storage.getItem('active-chat')).toBe('blogchat');
    expect(storage.keys()).toEqual(['active-chat']);
  });

  it('starts empty when the background never answers, and says so', async () => {
    const bg = fakeBackground({ 'active-chat': 'blogchat' });
    bg.state.available = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const opening = openTabStorage({ send: bg.send, loadAttempts: 3 });
    await vi.advanceTimersByTimeAsync(5_000);
    const storage = await opening;
    expect(storage.keys()).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('writes what changed in a task as one message, and only that', async () => {
    const bg = fakeBackground({ old: 'x' });
    const storage = createTabStorage({ send: bg.send }, new Map(bg.items));
    storage.setItem('a', '1');
    storage.setItem('b', '2');
    storage.setItem('a', '3');
    storage.removeItem('old');
    storage.setItem('gone', '4');
    storage.removeItem('gone');
    expect(storage.getItem('a')).toBe('3');
    expect(storage.getItem('gone')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    // 'gone' never reached the background: its removal is nothing to send
    expect(bg.writes).toEqual([{ type: 'tab/write', set: { a: '3', b: '2' }, remove: ['old'] }]);
    expect(Object.fromEntries(bg.items)).toEqual({ a: '3', b: '2' });
    storage.setItem('c', '5');
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.writes.at(-1)).toEqual({ type: 'tab/write', set: { c: '5' }, remove: [] });
  });

  it('retries while the worker is unreachable, in order: a later write of a key wins', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, random: () => 1 });
    bg.state.available = false;
    storage.setItem('active-chat', 'one');
    storage.setItem('q1', 'x');
    await vi.advanceTimersByTimeAsync(100);
    storage.setItem('active-chat', 'two');
    storage.removeItem('q1');
    bg.state.available = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(Object.fromEntries(bg.items)).toEqual({ 'active-chat': 'two' });
    expect(storage.kept()).toBe(true); // an unreachable worker is not a full storage
  });

  it('says when the background has no room, keeps trying, and recovers when there is room again', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, random: () => 1, retry: { baseMs: 500, maxMs: 4_000 } });
    bg.state.full = true;
    storage.setItem('outbox:q1', 'x');
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.kept()).toBe(false);
    storage.setItem('outbox:q2', 'y');
    await vi.advanceTimersByTimeAsync(0);
    const tries = bg.writes.length;
    expect(tries).toBe(1); // while failing, only the retry timer writes
    await vi.advanceTimersByTimeAsync(500);
    expect(bg.writes.length).toBe(tries + 1);
    expect(bg.writes.at(-1)?.set).toEqual({ 'outbox:q1': 'x', 'outbox:q2': 'y' });
    storage.removeItem('outbox:q1'); // removing succeeds in a full storage, but shows no room
    storage.removeItem('outbox:q2');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(bg.writes.at(-1)).toEqual({ type: 'tab/write', set: {}, remove: ['outbox:q1', 'outbox:q2'] });
    expect(storage.kept()).toBe(false);
    bg.state.full = false;
    storage.setItem('outbox:q3', 'z');
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.kept()).toBe(true);
    expect(Object.fromEntries(bg.items)).toEqual({ 'outbox:q3': 'z' });
  });

  it('is not fooled by a small value that still fits: a group of items is kept once its own latest value is', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, random: () => 1 });
    bg.state.full = true;
    storage.setItem('outbox:q:a.0', 'tweets');
    storage.setItem('active-chat', 'blogchat');
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.kept()).toBe(false);
    bg.state.full = false; // room for the tab's chat only
    storage.removeItem('outbox:q:a.0');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(Object.fromEntries(bg.items)).toEqual({ 'active-chat': 'blogchat' });
    expect(storage.kept()).toBe(false);
    storage.setItem('outbox:q:a.1', 'more tweets');
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.kept()).toBe(true);
  });

  it('on unload, sends everything unwritten at once — also what is in flight — and every later write as made', async () => {
    const bg = fakeBackground();
    // the first write's reply is held back
    let release: (() => void) | null = null;
    const slow: typeof bg.send = (request) =>
      request.type === 'tab/write' && !release
        ? new Promise((resolve) => (release = () => void bg.send(request).then(resolve)))
        : bg.send(request);
    const storage = createTabStorage({ send: slow });
    storage.setItem('q1', 'x');
    await vi.advanceTimersByTimeAsync(0); // in flight, unanswered
    storage.setItem('q2', 'y');
    storage.unload();
    storage.setItem('q3', 'z');
    expect(bg.writes).toEqual([
      { type: 'tab/write', set: { q1: 'x', q2: 'y' }, remove: [] },
      { type: 'tab/write', set: { q3: 'z' }, remove: [] },
    ]);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.fromEntries(bg.items)).toEqual({ q1: 'x', q2: 'y', q3: 'z' });
  });

  it('holds each write writeDelayMs: an item removed meanwhile costs no message, one that stays is sent', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, writeDelayMs: 2_000 });
    // The first value of each group goes at once: whether the background has room is known at once.
    storage.setItem('outbox:q:a.0', 'first tweets');
    storage.setItem('active-chat', 'blogchat');
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.writes).toEqual([{ type: 'tab/write', set: { 'outbox:q:a.0': 'first tweets', 'active-chat': 'blogchat' }, remove: [] }]);
    storage.removeItem('outbox:q:a.0');
    storage.setItem('outbox:q:a.1', 'acknowledged soon');
    await vi.advanceTimersByTimeAsync(1_000);
    storage.removeItem('outbox:q:a.1');
    storage.setItem('outbox:q:a.2', 'still waiting');
    await vi.advanceTimersByTimeAsync(999);
    expect(bg.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.writes.at(-1)).toEqual({ type: 'tab/write', set: {}, remove: ['outbox:q:a.0'] });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bg.writes.at(-1)).toEqual({ type: 'tab/write', set: { 'outbox:q:a.2': 'still waiting' }, remove: [] });
    expect(bg.writes).toHaveLength(3);
    expect(Object.fromEntries(bg.items)).toEqual({ 'active-chat': 'blogchat', 'outbox:q:a.2': 'still waiting' });
    // Ten seconds after the group's last, its next value goes at once again (a storage filled meanwhile is noticed).
    await vi.advanceTimersByTimeAsync(10_000);
    storage.setItem('outbox:q:a.3', 'probe');
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.writes.at(-1)).toEqual({ type: 'tab/write', set: { 'outbox:q:a.3': 'probe' }, remove: [] });
  });

  it('sends a group’s values at once while the background refuses them, so room again is noticed at once', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, writeDelayMs: 2_000, random: () => 1 });
    bg.state.full = true;
    storage.setItem('outbox:q:a.0', 'tweets');
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.kept()).toBe(false);
    // acknowledged meanwhile: the retry has no value of the group to try any more, the next one is
    storage.removeItem('outbox:q:a.0');
    storage.setItem('outbox:q:a.1', 'more tweets');
    bg.state.full = false;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(storage.kept()).toBe(true);
    expect(Object.fromEntries(bg.items)).toEqual({ 'outbox:q:a.1': 'more tweets' });
  });

  it('a key written again waits anew, and unload sends what waits at once', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, writeDelayMs: 2_000 });
    storage.setItem('active-chat', 'one');
    await vi.advanceTimersByTimeAsync(500);
    storage.setItem('active-chat', 'two');
    await vi.advanceTimersByTimeAsync(1_500);
    storage.setItem('active-chat', 'three');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(bg.writes.map((w) => w.set)).toEqual([{ 'active-chat': 'one' }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.writes.map((w) => w.set)).toEqual([{ 'active-chat': 'one' }, { 'active-chat': 'three' }]);
    storage.setItem('active-chat', 'four');
    storage.unload();
    expect(Object.fromEntries(bg.items)).toEqual({ 'active-chat': 'four' });
  });

  it('sends every removal when the background’s items could not be read (it may hold any key)', async () => {
    const bg = fakeBackground({ 'outbox:q:old.0': 'from the last page' });
    const storage = createTabStorage({ send: bg.send }, new Map(), false);
    storage.removeItem('outbox:q:old.0');
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.writes).toEqual([{ type: 'tab/write', set: {}, remove: ['outbox:q:old.0'] }]);
    expect(bg.items.size).toBe(0);
  });

  it('makes a value given as a function once, when it is read or sent, and never for one removed first', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send, writeDelayMs: 2_000 });
    storage.setItem('active-chat', 'blogchat'); // the group's first value goes at once; the next ones wait
    storage.setItem('outbox:q:a.0', 'first');
    await vi.advanceTimersByTimeAsync(0);
    const make = vi.fn(() => 'tweets');
    storage.setItem('outbox:q:a.1', make);
    storage.removeItem('outbox:q:a.1');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(make).not.toHaveBeenCalled();

    const kept = vi.fn(() => 'more tweets');
    storage.setItem('outbox:q:a.2', kept);
    expect(storage.getItem('outbox:q:a.2')).toBe('more tweets');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(bg.items.get('outbox:q:a.2')).toBe('more tweets');
    expect(kept).toHaveBeenCalledOnce();
  });

  it('splits a large write into messages the background accepts', async () => {
    const bg = fakeBackground();
    const storage = createTabStorage({ send: bg.send });
    for (let i = 0; i < 1_200; i++) storage.setItem(`q${i}`, 'x');
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.writes.map((w) => Object.keys(w.set).length)).toEqual([500, 500, 200]);
    expect(bg.items.size).toBe(1_200);
  });
});
