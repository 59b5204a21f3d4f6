import type { Handle } from './types';

/**
 * The comparable form of an x.com handle: without '@' (or the full-width '＠'), trimmed, lower-cased.
 * x.com handles are ASCII and case-insensitive, so `@MackCollier` and `mackcollier` are one account.
 */
export function normalizeHandle(raw: string): Handle {
  const trimmed = raw.trim();
  const first = trimmed.charCodeAt(0);
  // Most handles come without '@' (read from links): the replace, half the cost, only for those with one.
  return (first === 0x40 || first === 0xff20 ? trimmed.replace(/^[@＠]+/, '') : trimmed).toLowerCase();
}

/** Whether `handle` is one of `handles`, comparing case-insensitively (either side may carry '@'). */
export function handleIn(handle: string, handles: readonly string[]): boolean {
  const wanted = normalizeHandle(handle);
  if (wanted === '') return false;
  return handles.some((h) => normalizeHandle(h) === wanted);
}
