import { render, type ComponentProps } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { ChatDefinition } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSettings, Reminder } from '@/lib/protocol/domain';
import type { Request } from '@/lib/protocol/requests';
import { chatSettings as chat } from '@/tests/unit/builders';
import { flush, useRoot } from '@/tests/unit/render';
import { userClick } from '@/tests/unit/user-input';
import { Popup } from './Popup';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const directory: ChatDefinition[] = [
  {
    tag: 'blogchat',
    extraTags: [],
    title: 'Blogchat',
    hosts: [],
    schedule: { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: 'America/Chicago' },
  },
];

function fakeClient(chats: ChatSettings[], stored: Reminder[] = []): Client & { sent: Request[] } {
  const sent: Request[] = [];
  const reminders = new Map(stored.map((r) => [r.tag, r]));
  return {
    sent,
    send: (async (request: Request) => {
      sent.push(request);
      if (request.type === 'chat/list') return { ok: true, chats };
      if (request.type === 'chat/get') return { ok: true, chat: chats.find((c) => c.tag === request.tag) ?? chat(request.tag) };
      if (request.type === 'chat/update') return { ok: true, chat: chat(request.tag, request.patch) };
      if (request.type === 'reminders/list') return { ok: true, reminders: [...reminders.values()] };
      if (request.type === 'reminders/set') {
        const reminder = { tag: request.tag, leadMinutes: request.leadMinutes, createdAt: 0, updatedAt: 0 };
        reminders.set(request.tag, reminder);
        return { ok: true, reminder };
      }
      if (request.type === 'reminders/clear') return { ok: true, cleared: reminders.delete(request.tag) };
      return { ok: false, error: { code: 'internal', message: 'unexpected' } };
    }) as Client['send'],
  };
}

let root: HTMLElement;
useRoot((created) => (root = created));

/** Renders the popup for `client`, with links and buttons that do nothing unless `props` says otherwise. */
async function showPopup(client: Client, props: Partial<ComponentProps<typeof Popup>> = {}) {
  await act(() =>
    render(
      <Popup
        client={client}
        t={t}
        openTab={() => undefined}
        reloadActiveTab={() => undefined}
        openOptions={() => undefined}
        directory={directory}
        {...props}
      />,
      root,
    ),
  );
}

describe('Popup', () => {
  it('features the next chat with its local start and countdown, lists the rest, and opens a chat in chat mode', async () => {
    const client = fakeClient([
      chat('mine', {
        schedule: { recurrence: { kind: 'weekly', weekday: 1 }, start: '09:00', durationMinutes: 30, timeZone: 'Europe/London' },
      }),
    ]);
    const opened: string[] = [];
    const now = new Date('2024-03-10T12:00:00Z'); // Sunday; #blogchat at 01:00Z Monday, #mine at 09:00Z Monday
    await showPopup(client, { openTab: (u) => void opened.push(u), now: () => now, timeZone: 'America/New_York' });
    await flush();
    const featured = root.querySelector('.featured')!;
    expect(featured.getAttribute('data-tag')).toBe('blogchat');
    expect(featured.querySelector('[data-testid="featured-when"]')!.textContent.replace(/\s+/g, ' ')).toMatch(
      /^nextChat\(Sun, Mar 10, 9:00 PM EDT\)$/,
    );
    expect(featured.querySelector('[data-testid="countdown"]')!.textContent).toBe('popupStartsIn(13h 00m)');
    expect(root.querySelector('li[data-tag="mine"]')!.getAttribute('data-start')).toBe('2024-03-11T09:00:00.000Z');
    await act(() => (featured.querySelector('button') as HTMLButtonElement).click());
    await flush();
    expect(client.sent).toContainEqual({ type: 'chat/update', tag: 'blogchat', patch: { chatMode: true } });
    expect(opened).toEqual(['https://x.com/search?q=%23blogchat&f=live']);
  });

  it('shows chat titles in their own bidi isolate and direction', async () => {
    const weekly = { recurrence: { kind: 'weekly', weekday: 1 }, start: '09:00', durationMinutes: 30, timeZone: 'Europe/London' } as const;
    const client = fakeClient([
      chat('blogchat', { title: '\u202Efeatured' }),
      chat('mine', { title: '\u2069\u202Eevil', schedule: weekly }),
    ]);
    const now = new Date('2024-03-10T12:00:00Z');
    await showPopup(client, { now: () => now, timeZone: 'America/New_York' });
    await flush();
    expect(root.querySelector('.featured .title')!.getAttribute('dir')).toBe('auto');
    const later = root.querySelector('li[data-tag="mine"] bdi')!;
    expect(later.textContent).toBe('\u202Eevil');
  });

  it('offers the chat-mode switch for the active x.com tab’s chat and reloads the tab after a change', async () => {
    const client = fakeClient([chat('blogchat')]);
    let reloaded = 0;
    await showPopup(client, { activeTabUrl: 'https://x.com/search?q=%23BlogChat&f=live', reloadActiveTab: () => void reloaded++ });
    await flush();
    expect(root.querySelector('#tab-chat-heading')!.textContent).toBe('popupThisTab(#blogchat)');
    const sw = root.querySelector<HTMLButtonElement>('button[role="switch"]')!;
    expect(sw.getAttribute('aria-checked')).toBe('false');
    await act(() => userClick(sw));
    await flush();
    expect(client.sent).toContainEqual({ type: 'chat/update', tag: 'blogchat', patch: { chatMode: true } });
    expect(root.querySelector('button[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
    expect(reloaded).toBe(1);
  });

  describe('reminders', () => {
    const now = new Date('2024-03-10T12:00:00Z'); // Sunday; #blogchat at 20:00 CDT = 01:00Z Monday
    const mine = chat('mine', {
      schedule: { recurrence: { kind: 'weekly', weekday: 1 }, start: '09:00', durationMinutes: 30, timeZone: 'Europe/London' },
    });
    async function renderPopup(client: Client, requestReminderPermission: () => Promise<boolean>) {
      await showPopup(client, { now: () => now, timeZone: 'America/New_York', requestReminderPermission });
      await flush();
    }
    const featuredSwitch = () => root.querySelector<HTMLButtonElement>('.featured .reminder button[role="switch"]')!;
    const leadSelect = () => root.querySelector<HTMLSelectElement>('.featured .reminder select')!;

    it('asks for the permissions in the click itself, then stores a 15-minute reminder and says when it comes', async () => {
      const client = fakeClient([mine]);
      let asked = 0;
      let sentWhenAsked = -1;
      await renderPopup(client, () => {
        asked++;
        sentWhenAsked = client.sent.length;
        return Promise.resolve(true);
      });
      expect(featuredSwitch().textContent).toContain('reminderLabel(#blogchat)');
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('false');
      expect(leadSelect().value).toBe('15');
      expect([...leadSelect().options].map((o) => o.textContent)).toEqual([
        'reminderBefore(5)',
        'reminderBefore(15)',
        'reminderBefore(30)',
        'reminderBefore(60)',
      ]);
      const before = client.sent.length;
      featuredSwitch().click(); // synchronously: the request must start within the user gesture
      expect(asked).toBe(1);
      expect(sentWhenAsked).toBe(before);
      await flush();
      expect(client.sent).toContainEqual({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 15 });
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('true');
      expect(root.querySelector('.featured [role="status"]')!.textContent.replace(/\s+/g, ' ')).toBe(
        'reminderSet(Sun, Mar 10, 8:45 PM EDT)',
      );

      // Changing the lead while on stores it; no new permission request.
      await act(() => {
        leadSelect().value = '60';
        leadSelect().dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
      expect(client.sent).toContainEqual({ type: 'reminders/set', tag: 'blogchat', leadMinutes: 60 });
      expect(asked).toBe(1);

      // Off again.
      await act(() => featuredSwitch().click());
      await flush();
      expect(client.sent).toContainEqual({ type: 'reminders/clear', tag: 'blogchat' });
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('false');
      expect(asked).toBe(1);
    });

    it('refused permissions: a clear message, nothing stored', async () => {
      const client = fakeClient([mine]);
      await renderPopup(client, () => Promise.resolve(false));
      await act(() => featuredSwitch().click());
      await flush();
      expect(root.querySelector('.featured [role="alert"]')!.textContent).toBe('reminderDenied');
      expect(client.sent.some((r) => r.type === 'reminders/set')).toBe(false);
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('false');
      // A request that throws counts as refused too.
      await renderPopupAgain(client, () => Promise.reject(new Error('not a user gesture')));
      await act(() => featuredSwitch().click());
      await flush();
      expect(root.querySelector('.featured [role="alert"]')!.textContent).toBe('reminderDenied');
    });

    async function renderPopupAgain(client: Client, ask: () => Promise<boolean>) {
      render(null, root);
      await renderPopup(client, ask);
    }

    it('shows stored reminders as on, with their lead; later chats have a compact switch', async () => {
      const client = fakeClient([mine], [{ tag: 'mine', leadMinutes: 30, createdAt: 0, updatedAt: 0 }]);
      await renderPopup(client, () => Promise.resolve(true));
      const later = root.querySelector('li[data-tag="mine"] .reminder')!;
      expect(later.getAttribute('data-reminder')).toBe('on');
      const compactSwitch = later.querySelector('button[role="switch"]')!;
      expect(compactSwitch.getAttribute('aria-label')).toBe('reminderLabel(#mine)');
      // A drawn bell, hidden from assistive technology (the label names the switch), and no emoji to render as a box.
      const bell = compactSwitch.querySelector('svg.bell')!;
      expect(bell.getAttribute('aria-hidden')).toBe('true');
      expect(bell.querySelector('line')).toBeNull(); // struck through only when off
      expect(compactSwitch.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(later.querySelector('select')!.value).toBe('30');
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('false');
      expect(root.querySelector('.featured .reminder select')).not.toBeNull();
    });

    it('still shows the chats when reminders cannot be listed', async () => {
      const client = fakeClient([mine]);
      const send = client.send;
      client.send = async (r: Request) =>
        r.type === 'reminders/list' ? { ok: false, error: { code: 'internal', message: 'x' } } : send(r as never);
      await renderPopup(client, () => Promise.resolve(true));
      expect(root.querySelector('.featured')!.getAttribute('data-tag')).toBe('blogchat');
      expect(featuredSwitch().getAttribute('aria-checked')).toBe('false');
    });
  });

  it('shows the chat-mode shortcut the browser has and opens the browser’s shortcut settings', async () => {
    const opened: string[] = [];
    await showPopup(fakeClient([]), { shortcut: { keys: 'Alt+Shift+H', openSettings: () => void opened.push('settings') } });
    await flush();
    const section = root.querySelector('section.shortcut')!;
    expect(section.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.textContent).toBe('popupShortcutHeading');
    expect(section.querySelector('kbd')?.textContent).toBe('Alt+Shift+H');
    const change = [...section.querySelectorAll('button')].find((b) => b.textContent === 'popupShortcutChange')!;
    userClick(change);
    expect(opened).toEqual(['settings']);
  });

  it('says when no shortcut is set', async () => {
    await showPopup(fakeClient([]), { shortcut: { keys: '', openSettings: () => undefined } });
    await flush();
    const section = root.querySelector('section.shortcut')!;
    expect(section.querySelector('kbd')).toBeNull();
    expect(section.querySelector('[data-testid="shortcut-keys"]')?.textContent).toBe('popupShortcutNotSet');
  });
});
