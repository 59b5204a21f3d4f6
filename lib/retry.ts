// Retrying what the content script sends the background (the outbox's batches, the tab's writes): which
// replies retrying cannot change, and the wait before the next try.
import type { ErrorCode } from './protocol/requests';

/** Replies that retrying cannot change. */
export const PERMANENT_ERRORS: ReadonlySet<ErrorCode> = new Set(['invalid-request', 'unknown-type', 'forbidden-sender']);

export interface RetryOptions {
  baseMs?: number;
  maxMs?: number;
}

/**
 * The wait before try `attempt + 1` (`attempt` ≥ 1 tries failed): doubling from `baseMs` up to `maxMs`,
 * with jitter (half of it fixed, half drawn from `random`, in [0, 1)) so that tabs retry apart.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(full / 2 + (random() * full) / 2);
}
