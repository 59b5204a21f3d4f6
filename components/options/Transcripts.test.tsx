import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSession, ChatSettings } from '@/lib/protocol/domain';
import type { Request } from '@/lib/protocol/requests';
import { newChatSettings } from '@/lib/store/chats';
import { toJson } from '@/lib/store/export';
import type { StoredTweet } from '@/lib/store/schema';
import { Transcripts } from './Transcripts';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const session: ChatSession = { id: 'smchat:1', tag: 'smchat', start: T0, end: T0 + 3_600_000, kind: 'rolling', tweetCount: 2 };
const chat: ChatSettings = newChatSettings('smchat', undefined, 0);

function tweet(id: string, name: string, text: string): StoredTweet {
  return {
    id,
    author: { handle: `h${id}`, name },
    time: new Date(T0).toISOString(),
    text,
    kind: 'tweet',
    tag: 'smchat',
    sessionId: session.id,
    firstSeen: T0,
    at: T0,
  };
}

function fakeClient(tweets: StoredTweet[]): Client {
  return {
    send: (async (request: Request) => {
      if (request.type === 'sessions/list') return { ok: true, sessions: [session] };
      if (request.type === 'export')
        return { ok: true, filename: 'x.json', mime: 'application/json', body: toJson({ session, tweets, chat }) };
      return { ok: false, error: { code: 'internal', message: 'unexpected' } };
    }) as Client['send'],
  };
}

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Transcripts', () => {
  it('shows each author in a bidi isolate a stray PDI cannot close, and each tweet’s text in its own direction', async () => {
    root = document.body.appendChild(document.createElement('div'));
    const tweets = [tweet('1', '\u2069\u202Eevil', '\u202Eflipped text'), tweet('2', 'שלום', 'שלום #smchat')];
    await act(() =>
      render(<Transcripts client={fakeClient(tweets)} t={t} chats={[chat]} download={() => undefined} timeZone="UTC" />, root),
    );
    await flush();
    await act(() => root.querySelector<HTMLButtonElement>('.view-session')!.click());
    await flush();
    const items = [...root.querySelectorAll('.tweet')];
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.querySelector('.who')?.tagName).toBe('BDI');
      expect(item.querySelector('p')?.getAttribute('dir')).toBe('auto');
    }
    expect(items.map((item) => item.querySelector('.who')!.textContent)).toEqual(['\u202Eevil', 'שלום']);
    expect(root.querySelector('.participant-name')?.tagName).toBe('BDI');
  });
});
