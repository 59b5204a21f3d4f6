import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSession } from '@/lib/protocol/domain';
import type { Request } from '@/lib/protocol/requests';
import { toJson } from '@/lib/store/export';
import type { StoredTweet } from '@/lib/store/schema';
import { chatSettings, storedTweet } from '@/tests/unit/builders';
import { flush, useRoot } from '@/tests/unit/render';
import { Transcripts } from './Transcripts';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T0 = Date.parse('2024-05-01T18:00:00.000Z');
const session: ChatSession = { id: 'smchat:1', tag: 'smchat', start: T0, end: T0 + 3_600_000, kind: 'rolling', tweetCount: 2 };
const chat = chatSettings('smchat');

const tweet = (id: string, name: string, text: string) =>
  storedTweet(id, T0, { author: { handle: `h${id}`, name }, text, sessionId: session.id });

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

let root: HTMLElement;
useRoot((created) => (root = created));

describe('Transcripts', () => {
  it('shows each author in a bidi isolate a stray PDI cannot close, and each tweet’s text in its own direction', async () => {
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
