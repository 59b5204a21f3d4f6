import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatDefinition } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { ChatSettings, Client, Request } from '@/lib/messages';
import { Popup } from './Popup';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const directory: ChatDefinition[] = [
  { tag: 'blogchat', extraTags: [], title: 'Blogchat', hosts: [], schedule: { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' } },
];
const chat = (tag: string, over: Partial<ChatSettings> = {}): ChatSettings => ({ tag, extraTags: [], title: `#${tag}`, hosts: [], muted: [], filter: { hideRetweets: false, hideMuted: true, hostsOnly: false }, autoTag: true, chatMode: false, sidebar: { collapsed: false }, createdAt: 0, updatedAt: 0, ...over });

function fakeClient(chats: ChatSettings[]): Client & { sent: Request[] } {
  const sent: Request[] = [];
  return {
    sent,
    send: (async (request: Request) => {
      sent.push(request);
      if (request.type === 'chat/list') return { ok: true, chats };
      if (request.type === 'chat/get') return { ok: true, chat: chats.find((c) => c.tag === request.tag) ?? chat(request.tag) };
      if (request.type === 'chat/update') return { ok: true, chat: chat(request.tag, request.patch) };
      return { ok: false, error: { code: 'internal', message: 'unexpected' } };
    }) as Client['send'],
  };
}

const flush = () => act(async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); });
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Popup', () => {
  it('features the next chat with its local start and countdown, lists the rest, and opens a chat in chat mode', async () => {
    root = document.body.appendChild(document.createElement('div'));
    const client = fakeClient([chat('mine', { schedule: { recurrence: { kind: 'weekly', weekday: 1 }, start: '09:00', durationMinutes: 30, timeZone: 'Europe/London' } })]);
    const opened: string[] = [];
    const now = new Date('2024-03-10T12:00:00Z'); // Sunday; #blogchat at 01:00Z Monday, #mine at 09:00Z Monday
    await act(() => render(<Popup client={client} t={t} openTab={(u) => void opened.push(u)} reloadActiveTab={() => undefined} openOptions={() => undefined} now={() => now} timeZone="America/New_York" directory={directory} />, root));
    await flush();
    const featured = root.querySelector('.featured')!;
    expect(featured.getAttribute('data-tag')).toBe('blogchat');
    expect(featured.querySelector('[data-testid="featured-when"]')!.textContent!.replace(/\s+/g, ' ')).toMatch(/^nextChat\(Sun, Mar 10, 9:00 PM EDT\)$/);
    expect(featured.querySelector('[data-testid="countdown"]')!.textContent).toBe('popupStartsIn(13h 00m)');
    expect(root.querySelector('li[data-tag="mine"]')!.getAttribute('data-start')).toBe('2024-03-11T09:00:00.000Z');
    await act(() => (featured.querySelector('button') as HTMLButtonElement).click());
    await flush();
    expect(client.sent).toContainEqual({ type: 'chat/update', tag: 'blogchat', patch: { chatMode: true } });
    expect(opened).toEqual(['https://x.com/search?q=%23blogchat&f=live']);
  });

  it('offers the chat-mode switch for the active x.com tab’s chat and reloads the tab after a change', async () => {
    root = document.body.appendChild(document.createElement('div'));
    const client = fakeClient([chat('blogchat')]);
    let reloaded = 0;
    await act(() => render(<Popup client={client} t={t} activeTabUrl="https://x.com/search?q=%23BlogChat&f=live" openTab={() => undefined} reloadActiveTab={() => void reloaded++} openOptions={() => undefined} directory={directory} />, root));
    await flush();
    expect(root.querySelector('#tab-chat-heading')!.textContent).toBe('popupThisTab(#blogchat)');
    const sw = root.querySelector<HTMLButtonElement>('button[role="switch"]')!;
    expect(sw.getAttribute('aria-checked')).toBe('false');
    await act(() => sw.click());
    await flush();
    expect(client.sent).toContainEqual({ type: 'chat/update', tag: 'blogchat', patch: { chatMode: true } });
    expect(root.querySelector('button[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
    expect(reloaded).toBe(1);
  });
});
