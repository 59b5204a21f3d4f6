import { describe, expect, it } from 'vitest';
import type { Client } from '@/lib/protocol/client';
import type { TabStorage } from '@/lib/tab-storage';
import { memoryStorage, tweetInput } from '@/tests/unit/builders';
import { createChatModeDeps } from './deps';

const client: Client = { send: () => new Promise(() => {}) } as unknown as Client;
const storage = (): TabStorage => ({ ...memoryStorage(), kept: () => true, unload: () => {}, resume: () => {} });

describe('createChatModeDeps', () => {
  it('closes the outbox only after the features stopping on the same signal handed it their last tweets', async () => {
    const page = new AbortController();
    const deps = createChatModeDeps(document, client, storage(), page.signal);
    // Registered after the deps, as the tab's features are: they run later in the same abort.
    let accepted = -1;
    page.signal.addEventListener('abort', () => (accepted = deps.outbox.add('blogchat', [tweetInput('1', 0)])));
    page.abort();
    expect(accepted).toBe(1);
    await Promise.resolve();
    expect(deps.outbox.add('blogchat', [tweetInput('2', 0)])).toBe(0);
  });
});
