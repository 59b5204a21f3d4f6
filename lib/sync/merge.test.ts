import { describe, expect, it } from 'vitest';
import type { Tag } from '../chat/types';
import { newChatSettings } from '../store/chats';
import {
  digestOf,
  itemKey,
  itemValue,
  MAX_ITEM_BYTES,
  MAX_TOMBSTONES,
  merge,
  syncedSettings,
  TOMBSTONE_TTL_MS,
  type BaseEntry,
  type ChatState,
  type MergeInput,
  type SyncedSettings,
} from './merge';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;

/** A chat's synced settings with `hosts`. */
const settings = (hosts: string[], tag = 'blogchat'): SyncedSettings => syncedSettings({ ...newChatSettings(tag, undefined, 0), hosts });
const chat = (hosts: string[], at: number): ChatState => ({ settings: settings(hosts), at });
const gone = (at: number): ChatState => ({ deleted: true, at });

/** The base entry of a state both sides agreed on. */
const agreedOn = (state: ChatState): BaseEntry => ({ digest: digestOf(state), at: state.at });

function run(input: { local?: Record<Tag, ChatState>; synced?: Record<string, unknown>; base?: Record<Tag, BaseEntry>; now?: number }) {
  const full: MergeInput = {
    local: new Map(Object.entries(input.local ?? {})),
    synced: input.synced ?? {},
    base: input.base ?? {},
    now: input.now ?? NOW,
  };
  return merge(full);
}

/** sync holding these chats' states as items. */
const syncOf = (states: Record<Tag, ChatState>) =>
  Object.fromEntries(Object.entries(states).map(([tag, s]) => [itemKey(tag), itemValue(s)]));

describe('sync merge: one side changed', () => {
  it('a chat only this device has goes to sync; one only sync has comes here', () => {
    const mine = chat(['ann'], NOW - MIN);
    const theirs: ChatState = { settings: settings(['bob'], 'tnl'), at: NOW - 2 * MIN };
    const plan = run({ local: { blogchat: mine }, synced: syncOf({ tnl: theirs }) });
    expect(plan.push).toEqual({ 'chat:blogchat': { v: 1, at: NOW - MIN, chat: settings(['ann']) } });
    expect(plan.pull).toEqual([{ tag: 'tnl', state: theirs }]);
    expect(plan.base).toEqual({ blogchat: agreedOn(mine), tnl: agreedOn(theirs) });
    expect(plan.remove).toEqual([]);
  });

  it('equal on both sides: nothing to write', () => {
    const same = chat(['ann'], NOW - MIN);
    const plan = run({ local: { blogchat: same }, synced: syncOf({ blogchat: { ...same, at: NOW - 5 * MIN } }) });
    expect(plan).toMatchObject({ push: {}, pull: [], remove: [], base: { blogchat: agreedOn({ ...same, at: NOW - 5 * MIN }) } });
  });

  it('a change made on top of an item is later than it, so a clock ahead elsewhere cannot undo it', () => {
    const agreed = chat(['ann'], NOW + 10 * MIN); // written by a device whose clock is 10 minutes ahead
    const base = { blogchat: agreedOn(agreed) };
    // This device edits afterwards, by its right clock: written as later than the item it changed.
    const edited = chat(['ann', 'bob'], NOW);
    const pushed = run({ local: { blogchat: edited }, synced: syncOf({ blogchat: agreed }), base });
    const written = { ...edited, at: NOW + 10 * MIN + 1 };
    expect(pushed.push).toEqual({ 'chat:blogchat': itemValue(written) });
    // The device ahead takes it.
    expect(run({ local: { blogchat: agreed }, synced: pushed.push, base }).pull).toEqual([{ tag: 'blogchat', state: written }]);
  });

  it('an item older than the base (two devices wrote at once) is a conflict, and the later change is written again', () => {
    const mine = chat(['bob'], NOW - MIN);
    const plan = run({ local: { blogchat: mine }, synced: syncOf({ blogchat: gone(NOW - 2 * MIN) }), base: { blogchat: agreedOn(mine) } });
    expect(plan.pull).toEqual([]);
    expect(plan.push).toEqual({ 'chat:blogchat': itemValue(mine) });
  });

  it('a tombstone deletes a chat unchanged here; a chat deleted here goes to sync as a tombstone', () => {
    const agreed = chat(['ann'], NOW - 60 * MIN);
    const base = { blogchat: agreedOn(agreed) };
    const pulled = run({ local: { blogchat: agreed }, synced: syncOf({ blogchat: gone(NOW - MIN) }), base });
    expect(pulled.pull).toEqual([{ tag: 'blogchat', state: gone(NOW - MIN) }]);
    expect(pulled.base).toEqual({});
    const pushed = run({ local: { blogchat: gone(NOW - MIN) }, synced: syncOf({ blogchat: agreed }), base });
    expect(pushed.push).toEqual({ 'chat:blogchat': { v: 1, at: NOW - MIN, deleted: true } });
    // Deleted here with no tombstone kept (the worker stopped first): deleted now.
    expect(run({ synced: syncOf({ blogchat: agreed }), base }).push).toEqual({ 'chat:blogchat': { v: 1, at: NOW, deleted: true } });
  });

  it('an item gone from sync (its tombstone expired) deletes the chat here, unless it changed here', () => {
    const agreed = chat(['ann'], NOW - 60 * MIN);
    const base = { blogchat: agreedOn(agreed) };
    expect(run({ local: { blogchat: agreed }, base }).pull).toEqual([{ tag: 'blogchat', state: gone(NOW) }]);
    const edited = chat(['bob'], NOW - MIN);
    expect(run({ local: { blogchat: edited }, base }).push).toEqual({ 'chat:blogchat': itemValue(edited) });
  });
});

describe('sync merge: both sides changed, the later change wins', () => {
  const agreed = chat(['ann'], NOW - 60 * MIN);
  const base = { blogchat: agreedOn(agreed) };

  it('edits of the same chat on two devices', () => {
    const early = chat(['early'], NOW - 10 * MIN);
    const late = chat(['late'], NOW - 5 * MIN);
    expect(run({ local: { blogchat: early }, synced: syncOf({ blogchat: late }), base }).pull).toEqual([{ tag: 'blogchat', state: late }]);
    const plan = run({ local: { blogchat: late }, synced: syncOf({ blogchat: early }), base });
    expect(plan.pull).toEqual([]);
    expect(plan.push).toEqual({ 'chat:blogchat': itemValue(late) });
  });

  it('delete against edit, either way round', () => {
    const edit = chat(['bob'], NOW - 5 * MIN);
    expect(run({ local: { blogchat: gone(NOW - 10 * MIN) }, synced: syncOf({ blogchat: edit }), base }).pull).toEqual([
      { tag: 'blogchat', state: edit },
    ]);
    expect(run({ local: { blogchat: gone(NOW - MIN) }, synced: syncOf({ blogchat: edit }), base }).push).toEqual({
      'chat:blogchat': itemValue(gone(NOW - MIN)),
    });
    // The tombstone is the later change: the edit here loses.
    expect(run({ local: { blogchat: edit }, synced: syncOf({ blogchat: gone(NOW - MIN) }), base }).pull).toEqual([
      { tag: 'blogchat', state: gone(NOW - MIN) },
    ]);
  });

  it('first time on (no base): the later side wins, and two devices at the same time pick the same side', () => {
    const a = chat(['a'], NOW - MIN);
    const b = chat(['b'], NOW - MIN);
    const onA = run({ local: { blogchat: a }, synced: syncOf({ blogchat: b }) });
    const onB = run({ local: { blogchat: b }, synced: syncOf({ blogchat: a }) });
    const winnerOnA = onA.pull.length > 0 ? b : a;
    const winnerOnB = onB.pull.length > 0 ? a : b;
    expect(winnerOnA).toBe(winnerOnB);
    // A device that had deleted the chat before turning sync on does not win against a later edit.
    expect(run({ local: { blogchat: gone(NOW - 2 * MIN) }, synced: syncOf({ blogchat: a }) }).pull).toEqual([
      { tag: 'blogchat', state: a },
    ]);
  });
});

describe('sync merge: tombstones are bounded', () => {
  it('expire after their time, and only the newest are kept', () => {
    const old = gone(NOW - TOMBSTONE_TTL_MS - MIN);
    const states: Record<Tag, ChatState> = { expired: old };
    for (let i = 0; i < MAX_TOMBSTONES + 2; i++) states[`t${i}`] = gone(NOW - (i + 1) * MIN);
    const plan = run({ synced: syncOf(states) });
    expect(plan.remove.sort()).toEqual(['chat:expired', `chat:t${MAX_TOMBSTONES}`, `chat:t${MAX_TOMBSTONES + 1}`].sort());
    expect(plan.push).toEqual({});
    // A deletion made here long ago is not written: the item goes instead.
    const agreed = chat(['ann'], NOW - 60 * 24 * 60 * MIN);
    const longAgo = run({ local: { blogchat: old }, synced: syncOf({ blogchat: agreed }), base: { blogchat: agreedOn(agreed) } });
    expect(longAgo).toMatchObject({ push: {}, remove: ['chat:blogchat'] });
  });
});

describe('sync merge: what another device wrote is hostile input', () => {
  const garbage: Array<[string, unknown]> = [
    ['not an object', 'hello'],
    ['an array', [1, 2]],
    ['no version', { at: NOW, chat: settings(['ann']) }],
    ['no time', { v: 1, chat: settings(['ann']) }],
    ['a time far ahead', { v: 1, at: NOW + 2 * 24 * 60 * MIN, chat: settings(['ann']) }],
    ['a negative time', { v: 1, at: -1, chat: settings(['ann']) }],
    ['no settings', { v: 1, at: NOW }],
    ['a bad handle', { v: 1, at: NOW, chat: { ...settings([]), hosts: ['not a handle!'] } }],
    ['a list that is a string', { v: 1, at: NOW, chat: { ...settings([]), muted: 'spam' } }],
    ['a title too long', { v: 1, at: NOW, chat: { ...settings([]), title: 'x'.repeat(10_000) } }],
    ['a bad schedule', { v: 1, at: NOW, chat: { ...settings([]), schedule: { timeZone: 'Mars/Olympus' } } }],
  ];

  it.each(garbage)('%s: replaced by this device chat, never read into it', (_, value) => {
    const mine = chat(['ann'], NOW - 60 * MIN);
    const plan = run({ local: { blogchat: mine }, synced: { 'chat:blogchat': value }, base: { blogchat: agreedOn(mine) } });
    expect(plan.pull).toEqual([]);
    expect(plan.push).toEqual({ 'chat:blogchat': itemValue(mine) });
  });

  it.each(garbage)('%s: removed when this device has no such chat', (_, value) => {
    expect(run({ synced: { 'chat:blogchat': value } })).toMatchObject({ pull: [], push: {}, remove: ['chat:blogchat'] });
  });

  it('keys that are not a normalised tag are removed; keys not ours are left alone', () => {
    const value = itemValue(chat(['ann'], NOW));
    const plan = run({
      synced: { 'chat:BlogChat': value, 'chat:bad tag': value, 'chat:': value, 'other-extension': value, 'chat:invalid': value },
    });
    expect(plan.remove.sort()).toEqual(['chat:', 'chat:BlogChat', 'chat:bad tag']);
    expect(plan.pull.map((p) => p.tag)).toEqual(['invalid']);
  });

  it('settings are read as the validators make them: unknown keys dropped, handles lower-cased, the sidebar left out', () => {
    const value = { v: 1, at: NOW, chat: { ...settings(['Ann', 'ann']), sidebar: { collapsed: true }, evil: '<script>' }, extra: 1 };
    const [pulled] = run({ synced: { 'chat:blogchat': value } }).pull;
    expect(pulled?.state).toEqual({ settings: settings(['ann']), at: NOW });
  });

  it('an item of a newer version of the extension is left alone', () => {
    const mine = chat(['ann'], NOW);
    const plan = run({ local: { blogchat: mine }, synced: { 'chat:blogchat': { v: 2, at: NOW, anything: true } } });
    expect(plan).toMatchObject({ pull: [], push: {}, remove: [] });
  });
});

describe('sync merge: a chat too large for an item', () => {
  it('is not written, is said with its size, and keeps its base so it is tried again', () => {
    const big: ChatState = {
      settings: { ...settings([]), muted: Array.from({ length: 1000 }, (_, i) => `muted_account_${i}`) },
      at: NOW,
    };
    const plan = run({ local: { blogchat: big }, base: { blogchat: { digest: 'old', at: 0 } } });
    expect(plan.push).toEqual({});
    expect(plan.tooLarge).toEqual([{ tag: 'blogchat', bytes: expect.any(Number) as number }]);
    expect(plan.tooLarge[0]!.bytes).toBeGreaterThan(MAX_ITEM_BYTES);
    expect(plan.base).toEqual({ blogchat: { digest: 'old', at: 0 } });
  });
});
