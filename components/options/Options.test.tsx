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
import { Options } from './Options';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const OWN = 'ownextensionid';
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };

let db: StoreDB;
let root: HTMLElement;
useTestDatabase((opened) => (db = opened));
useRoot((created) => (root = created));
beforeEach(async () => {
  await db.put('chats', { ...newChatSettings('before', undefined, 1), title: 'As it was', muted: ['spam'] });
  const handle = createHandler({ db, version: '1', ownId: OWN, lookupChat: () => undefined });
  const client = createClient((message) => handle(structuredClone(message), PAGE));
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
