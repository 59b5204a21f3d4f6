import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@/lib/protocol/client';
import type { Request, ResponseOf } from '@/lib/protocol/requests';
import { X } from '@/lib/x/selectors';
import type { FeatureContext } from '../feature';
import { hostConsole, type HostConsoleReport } from './host-console';

type Reply = ResponseOf<'host/posts'>;

/** Starts the console for #blogchat on `doc`; the background's replies wait until the test gives them. */
function start(doc: Document) {
  const reports: HostConsoleReport[] = [];
  const requests: Request[] = [];
  const replies: Array<(reply: Reply) => void> = [];
  const client = {
    send: ((r: Request) => (requests.push(r), new Promise<Reply>((resolve) => replies.push(resolve)))) as Client['send'],
  };
  const running = new AbortController();
  const context = {
    tags: ['blogchat'],
    deps: { document: doc, client },
    signal: running.signal,
    report: (r: HostConsoleReport) => void reports.push(r),
  };
  hostConsole.start(context as unknown as FeatureContext<HostConsoleReport>);
  return { reports, requests, replies, stop: () => running.abort() };
}

/** A page without x.com's navigation yet (it is drawn after the page). */
const page = () => document.implementation.createHTMLDocument('x.com');
function showNavigation(doc: Document, handle: string): void {
  const link = doc.createElement('a');
  link.setAttribute('data-testid', 'AppTabBar_Profile_Link');
  link.setAttribute('href', `/${handle}`);
  doc.body.append(link);
  expect(doc.querySelector(X.profileLink)).toBe(link);
}

const stored: Reply = {
  ok: true,
  posts: [{ id: '1', author: 'host', text: 'Q1) Why? #blogchat', at: 5 }],
  answers: { '1': 2 },
  sessionStart: 1,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('host console feature', () => {
  it('reports no one at once, then the signed-in handle once the page shows it', async () => {
    const doc = page();
    const { reports, stop } = start(doc);
    expect(reports.map((r) => [r.me, r.stored])).toEqual([[null, null]]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reports.at(-1)?.me).toBeNull();
    showNavigation(doc, 'Host_1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reports.at(-1)?.me).toBe('host_1');
    const said = reports.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports.length).toBe(said); // found: no more looks
    stop();
  });

  it('reads the handle at once when the page already shows it', () => {
    const doc = page();
    showNavigation(doc, 'host');
    const { reports, stop } = start(doc);
    expect(reports.map((r) => r.me)).toEqual([null, 'host']);
    stop();
  });

  it('stops looking for the handle when it stops', async () => {
    const doc = page();
    const { reports, stop } = start(doc);
    await vi.advanceTimersByTimeAsync(2_000);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    showNavigation(doc, 'host');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reports.map((r) => r.me)).toEqual([null]);
  });

  it('gives up looking after a minute (a signed-out page)', async () => {
    const { reports, stop } = start(page());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(reports.length).toBe(1);
    stop();
  });

  it('asks the store once at a time and reports what it holds', async () => {
    const { reports, requests, replies, stop } = start(page());
    const { refresh } = reports[0]!;
    refresh();
    refresh(); // still asking: not asked again
    expect(requests).toEqual([{ type: 'host/posts', tag: 'blogchat' }]);
    replies[0]!(stored);
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.at(-1)?.stored).toEqual({ posts: stored.posts, answers: stored.answers, sessionStart: 1 });
    expect(reports.at(-1)?.refresh).toBe(refresh);

    refresh(); // answered: may ask again; a failed reply keeps what was known
    expect(requests.length).toBe(2);
    const said = reports.length;
    replies[1]!({ ok: false, error: { code: 'unavailable', message: 'gone' } } as unknown as Reply);
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.length).toBe(said);
    refresh();
    expect(requests.length).toBe(3);
    stop();
  });

  it('reports nothing after it stopped, nor asks again', async () => {
    const { reports, requests, replies, stop } = start(page());
    reports[0]!.refresh();
    stop();
    replies[0]!(stored);
    await vi.advanceTimersByTimeAsync(0);
    reports[0]!.refresh();
    expect(requests.length).toBe(1);
    expect(reports.length).toBe(1);
  });
});
