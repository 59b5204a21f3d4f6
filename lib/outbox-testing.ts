// What the outbox's tests share: tweets, a stand-in for the background, a storage that counts its writes.
import { createClient } from './protocol/client';
import type { StoredTweetInput } from './protocol/domain';
import type { RequestOf } from './protocol/requests';

export const tw = (id: number): StoredTweetInput => ({
  id: String(id),
  author: { handle: `u${id % 7}`, name: 'U' },
  time: new Date(Date.UTC(2024, 4, 1, 18, 0, id % 60)).toISOString(),
  text: `t${id}`,
  kind: 'tweet',
});
export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => tw(from + i));

/** A stand-in for the background: idempotent by batch id and by [tag, id], can be down, can lose replies. */
export function fakeBackground() {
  const stored = new Map<string, number>(); // `${tag}/${id}` → times stored
  const order: string[] = [];
  const batches = new Set<string>();
  const attempts: { batchId: string; size: number; at: number }[] = [];
  const state = { available: true, loseReplies: 0, rejectNext: null as null | 'invalid-request' | 'quota-exceeded' };
  const answer = (message: unknown) => {
    const req = message as RequestOf<'tweets/put'>;
    attempts.push({ batchId: req.batchId, size: req.tweets.length, at: Date.now() });
    if (!state.available) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (state.rejectNext) {
      const code = state.rejectNext;
      state.rejectNext = null;
      return { ok: false, error: { code, message: code } };
    }
    let storedNow = 0;
    if (!batches.has(req.batchId)) {
      batches.add(req.batchId);
      for (const t of req.tweets) {
        const key = `${req.tag}/${t.id}`;
        if (!stored.has(key)) {
          storedNow++;
          order.push(key);
        }
        stored.set(key, (stored.get(key) ?? 0) + 1);
      }
    }
    if (state.loseReplies > 0) {
      state.loseReplies--;
      throw new Error('The message port closed before a response was received.');
    }
    return { ok: true, batchId: req.batchId, stored: storedNow, duplicates: req.tweets.length - storedNow };
  };
  // Called like the real port: a throw becomes a rejection.
  const sendMessage = (message: unknown) => new Promise<unknown>((resolve) => resolve(answer(message)));
  const client = createClient(sendMessage);
  return { stored, order, batches, attempts, state, send: client.send };
}

/** Batch ids in order: batch-1, batch-2… (restarted by `resetIds`). */
let ids = 0;
export const newId = () => `batch-${++ids}`;
export function resetIds(): void {
  ids = 0;
}
