// What the handler's tests share: the senders, a directory, tweets, and a handler on a fresh database
// per test, with a clock the test sets.
import { afterEach, beforeEach } from 'vitest';
import type { ChatDefinition } from '../chat/types';
import type { StoredTweetInput } from '../protocol/domain';
import { openStore } from './db';
import { createHandler, type Handler } from './handler';
import type { StoreDB } from './schema';

export const OWN = 'ownextensionid';
/** The content script of an x.com tab, and an extension page. */
export const CS = { id: OWN, url: 'https://x.com/search?q=%23smchat', tab: { id: 1, url: 'https://x.com/search?q=%23smchat' } };
export const PAGE = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
export const T0 = Date.parse('2024-05-01T18:00:00.000Z');

const directory: ChatDefinition[] = [
  { tag: 'smchat', extraTags: ['sm49'], title: 'Social media chat', hosts: ['Host'], schedule: undefined },
];

export function tw(id: number, minute: number, over: Partial<StoredTweetInput> = {}): StoredTweetInput {
  return {
    id: String(id),
    author: { handle: `u${id}`, name: `U${id}` },
    time: new Date(T0 + minute * 60_000).toISOString(),
    text: `hello ${id}`,
    kind: 'tweet',
    ...over,
  };
}

export interface HandlerTest {
  db: StoreDB;
  handle: Handler;
  /** What the handler's `now()` returns; T0 at the start of each test. */
  clock: number;
}

/** Registers the per-test setup in the calling test file; its fields are set before each test. */
export function handlerPerTest(name: string): HandlerTest {
  const ctx = { clock: T0 } as HandlerTest;
  let n = 0;
  beforeEach(async () => {
    ctx.db = await openStore(`${name}-${++n}`);
    ctx.clock = T0;
    ctx.handle = createHandler({
      db: ctx.db,
      version: '9.9.9',
      ownId: OWN,
      lookupChat: (tag) => directory.find((d) => d.tag === tag),
      now: () => ctx.clock,
    });
  });
  afterEach(() => ctx.db.close());
  return ctx;
}
