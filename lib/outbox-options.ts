// What an outbox (./outbox) is made with: how it sends, waits, retries, where it keeps what waits, and
// what it reports.
import type { Tag } from './chat/types';
import type { StoredTweetInput } from './protocol/domain';
import type { ErrorReply, RequestOf, ResponseOf } from './protocol/requests';
import type { RetryOptions } from './retry';
import type { KeyValueStorage } from './tab-storage';

export interface OutboxBatch {
  batchId: string;
  tag: Tag;
  tweets: StoredTweetInput[];
}

export type OutboxError = ErrorReply['error'];

export interface OutboxOptions {
  /** Typically `client.send` from `createClient`; must not throw (a rejection is treated as `unavailable`). */
  send: (request: RequestOf<'tweets/put'>) => Promise<ResponseOf<'tweets/put'>>;
  maxBatch?: number;
  /** Queued tweets are sent this long after the first of them was queued (or at once when `maxBatch` are queued)… */
  flushDelayMs?: number;
  /**
   * …unless tweets are still arriving then: the batch waits for more, up to this long after its first
   * tweet (default 1,000 ms, at least `flushDelayMs`). Fewer, fuller batches under load: each batch is
   * one transaction in the background.
   */
  maxDelayMs?: number;
  retry?: RetryOptions;
  /** Where unacknowledged tweets survive a page reload: the tab's extension-only storage. May throw (full). */
  storage?: KeyValueStorage;
  /** The outbox's items in `storage` start with this. */
  storagePrefix?: string;
  /** Most tweets waiting to be acknowledged (default 5,000); past it the oldest are dropped. */
  maxPending?: number;
  /** How many tweet keys are remembered for dedupe (queued or acknowledged); memory stays flat. */
  rememberIds?: number;
  newId?: () => string;
  /** Jitter source for the retry backoff, in [0, 1). */
  random?: () => number;
  /** A send failed and will be retried (e.g. `unavailable`, `quota-exceeded`). */
  onError?: (error: OutboxError, batch: OutboxBatch) => void;
  /** The background rejected a batch for good (`invalid-request`…); retrying would not help. */
  onDrop?: (error: OutboxError, batch: OutboxBatch) => void;
  /** A tweet failed validation in `add` and was skipped. */
  onInvalid?: (message: string) => void;
}
