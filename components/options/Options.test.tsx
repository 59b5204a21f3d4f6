import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Translate } from '@/lib/i18n';
import { createClient } from '@/lib/protocol/client';
import { exportSettings } from '@/lib/pages/settings-file';
import { createHandler } from '@/lib/store/handler';
import type { StoreDB } from '@/lib/store/schema';
import { newChatSettings } from '@/lib/store/chats';
import { useTestDatabase } from '@/tests/unit/builders';
import { useRoot } from '@/tests/unit/render';
import { userClick } from '@/tests/unit/user-input';
import { Options } from './Options';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const OWN = 'ownextensionid';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };

let db: StoreDB;
let root: HTMLElement;
/** The requests the page sent, in order. */
let sent: unknown[];
useTestDatabase((opened) => (db = opened));
useRoot((created) => (root = created));
beforeEach(async () => {
  await db.put('chats', { ...newChatSettings('before', undefined, 1), title: 'As it was', muted: ['spam'] });
  const handle = createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined });
  sent = [];
  const client = createClient((message) => {
    sent.push(structuredClone(message));
    return handle(structuredClone(message), PAGE);
  });
  await act(() => render(<Options client={client} t={t} download={() => undefined} timeZone="UTC" />, root));
  await vi.waitFor(() => expect(root.querySelector('tr[data-tag="before"]')).not.toBeNull());
});

/** Picks `file` in the import control, as the user does. */
function pick(file: File) {
  const input = root.querySelector<HTMLInputElement>('#import-settings')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const settingsFile = (tags: string[]) =>
  new File(
    [
      exportSettings(
        tags.map((tag) => ({ ...newChatSettings(tag, undefined, 1), title: `Imported ${tag}` })),
        new Date(0),
      ),
    ],
    'settings.json',
    { type: 'application/json' },
  );
const stored = async () => (await db.getAll('chats')).sort((a, b) => a.tag.localeCompare(b.tag));

describe('Options: settings import', () => {
  it('imports every chat of a file', async () => {
    pick(settingsFile(['before', 'second', 'third']));
    await vi.waitFor(() => expect(root.querySelector('#transfer [role="status"]')?.textContent).toBe('optionsImported(3)'));
    expect((await stored()).map((c) => [c.tag, c.title, c.muted])).toEqual([
      ['before', 'Imported before', []],
      ['second', 'Imported second', []],
      ['third', 'Imported third', []],
    ]);
  });

  it('changes nothing when a write fails midway, and says so', async () => {
    const before = await stored();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    pick(settingsFile(['before', 'second', 'third']));
    await vi.waitFor(() => expect(root.querySelector('#import-error')?.textContent).toMatch(/^optionsImportFailed\(.*quota/));
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over 5 MB by its size, without reading it', async () => {
    const big = new File(['x'.repeat(6_000_000)], 'settings.json', { type: 'application/json' });
    const read = vi.spyOn(big, 'text');
    pick(big);
    await vi.waitFor(() =>
      expect(root.querySelector('#import-error')?.textContent).toBe('optionsImportInvalid(The file is larger than 5 MB.)'),
    );
    expect(read).not.toHaveBeenCalled();
  });
});

describe('Options: a chat’s host part', () => {
  const update = () => sent.filter((m) => (m as { type: string }).type === 'chat/update');
  const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
  /** Types `value` into the field named `name`, as the user does. */
  const type = (name: string, value: string) =>
    act(() => {
      const input = root.querySelector<HTMLTextAreaElement | HTMLInputElement>(`.chat-editor [name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const edit = async () => {
    await act(() => root.querySelector<HTMLButtonElement>('tr[data-tag="before"] button')!.click());
    expect(root.querySelector('.chat-editor')).not.toBeNull();
  };

  it('saves "I host this chat" and the plan with the chat, from the plan’s Save', async () => {
    await edit();
    const hosting = root.querySelector<HTMLInputElement>('.chat-editor input[name="hosting"]')!;
    expect(hosting.checked).toBe(false);
    expect(root.querySelector(`label[for="${root.querySelector('[name="questions"]')!.id}"]`)).not.toBeNull();
    await act(() => hosting.click());
    await type('questions', 'Why blog?\n- Why now?');
    await type('every', '8');
    await act(() => userClick(button('planSave')));
    await vi.waitFor(() => expect(root.querySelector('.chat-editor')).toBeNull());
    const plan = { welcome: '', questions: [{ text: 'Why blog?', subs: ['Why now?'] }], wrapUp: '', firstAt: 5, every: 8 };
    expect(update()).toEqual([
      { type: 'chat/update', tag: 'before', patch: expect.objectContaining({ hosting: true, plan, muted: ['spam'] }) },
    ]);
    expect(await db.get('chats', 'before')).toMatchObject({ hosting: true, plan, title: 'As it was' });

    await edit();
    expect(root.querySelector<HTMLInputElement>('.chat-editor input[name="hosting"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLTextAreaElement>('.chat-editor [name="questions"]')!.value).toBe('Why blog?\n- Why now?');
  });

  it('saves the plan as edited from the form’s own Save too, and sends none for a chat whose plan was never touched', async () => {
    await edit();
    await act(() => userClick(button('optionsSave')));
    await vi.waitFor(() => expect(root.querySelector('.chat-editor')).toBeNull());
    expect(update()[0]).toEqual({ type: 'chat/update', tag: 'before', patch: expect.not.objectContaining({ plan: expect.anything() }) });
    expect(await db.get('chats', 'before')).not.toHaveProperty('plan');

    await edit();
    await type('welcome', 'Welcome!');
    await act(() => userClick(button('optionsSave')));
    await vi.waitFor(() => expect(root.querySelector('.chat-editor')).toBeNull());
    expect((await db.get('chats', 'before'))?.plan).toEqual({ welcome: 'Welcome!', questions: [], wrapUp: '', firstAt: 5, every: 6 });
  });
});
