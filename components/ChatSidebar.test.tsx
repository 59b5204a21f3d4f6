import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatSettings, Client, Request } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { ChatSidebar } from './ChatSidebar';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const light = { scheme: 'light' as const, background: 'rgb(255, 255, 255)', fontSize: 15 };

function chat(overrides: Partial<ChatSettings> = {}): ChatSettings {
  return {
    tag: 'blogchat',
    extraTags: [],
    title: 'Blogchat',
    hosts: ['mackcollier'],
    muted: [],
    filter: { hideRetweets: false, hideMuted: true, hostsOnly: false },
    autoTag: true,
    chatMode: false,
    sidebar: { collapsed: false },
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A client whose replies the test scripts, recording every request. */
function fakeClient(reply: (request: Request) => unknown): Client & { requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    send: (async (request: Request) => {
      requests.push(request);
      return reply(request);
    }) as Client['send'],
  };
}

const flush = () => act(async () => { await new Promise((resolve) => setTimeout(resolve, 0)); });

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(client: Client, now = new Date('2026-11-24T12:00:00Z')) {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<ChatSidebar tags={['blogchat']} client={client} t={t} theme={light} now={() => now} timeZone="America/New_York" />, container));
  await flush();
}

const q = (selector: string) => container.querySelector<HTMLElement>(selector);

describe('ChatSidebar', () => {
  it('loads the chat from the background and shows its tag, next occurrence in the user zone and hosts', async () => {
    const client = fakeClient(() => ({ ok: true, chat: chat() }));
    await mount(client);
    expect(client.requests).toEqual([{ type: 'chat/get', tag: 'blogchat' }]);
    expect(q('h2')?.textContent).toBe('#blogchat');
    expect(q('aside')?.getAttribute('aria-label')).toBe('sidebarLabel(#blogchat)');
    // Tuesday noon in New York → next Sunday 8pm Central = 9pm Eastern.
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('nextChat(Sun, Nov 29, 9:00 PM EST)');
    expect([...container.querySelectorAll('.hosts a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['@mackcollier', '/mackcollier']]);
  });

  it('says when the chat is live', async () => {
    const client = fakeClient(() => ({ ok: true, chat: chat() }));
    await mount(client, new Date('2026-11-30T02:30:00Z')); // Sunday 8:30pm Central
    expect(q('[data-testid="chat-when"]')?.textContent).toBe('liveNow(Sun, Nov 29, 10:00 PM EST)');
  });

  it('collapses with a button that says its state, and saves the choice', async () => {
    const client = fakeClient((request) =>
      request.type === 'chat/update' ? { ok: true, chat: chat({ sidebar: { collapsed: true } }) } : { ok: true, chat: chat() },
    );
    await mount(client);
    const button = q('button[aria-controls]')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('collapse');
    await act(() => button.click());
    await flush();
    expect(client.requests.at(-1)).toEqual({ type: 'chat/update', tag: 'blogchat', patch: { sidebar: { collapsed: true } } });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('expand');
    expect(q('.body')?.hidden).toBe(true);
  });

  it('rolls the collapse back and says so when the save fails', async () => {
    const client = fakeClient((request) =>
      request.type === 'chat/update' ? { ok: false, error: { code: 'quota-exceeded', message: 'Storage is full.' } } : { ok: true, chat: chat() },
    );
    await mount(client);
    await act(() => q('button[aria-controls]')!.click());
    await flush();
    expect(q('aside')?.getAttribute('data-collapsed')).toBe('false');
    expect(q('[role="alert"]')?.textContent).toBe('saveFailed(Storage is full.)');
  });

  it('shows a clear error with a retry when the background cannot be reached', async () => {
    let up = false;
    const client = fakeClient(() => (up ? { ok: true, chat: chat() } : { ok: false, error: { code: 'unavailable', message: 'No worker.' } }));
    await mount(client);
    expect(q('[role="alert"] p')?.textContent).toBe('unavailable(No worker.)');
    expect(q('button[aria-controls]')?.hasAttribute('disabled')).toBe(true);
    up = true;
    await act(() => q('[role="alert"] button')!.click());
    await flush();
    expect(q('[role="alert"]')).toBeNull();
    expect(q('h2')?.textContent).toBe('#blogchat');
  });

  it('renders hostile chat titles as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const client = fakeClient(() => ({ ok: true, chat: chat({ title: hostile }) }));
    await mount(client);
    expect(q('.title')?.textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
  });
});
