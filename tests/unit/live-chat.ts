// The live chat under test, on a clock the test moves, and times relative to the chat's start.
import { createLiveChat } from '@/lib/chat/live';
import type { FilterDecision } from '@/lib/chat/filter';

export const SHOW: FilterDecision = { show: true };
export const hide = (reason: Exclude<FilterDecision, { show: true }>['reason']): FilterDecision => ({ show: false, reason });

export const T0 = Date.parse('2026-03-09T01:00:00.000Z');
/** The ISO time `minute` minutes (and `second` seconds) after T0. */
export const at = (minute: number, second = 0) => new Date(T0 + minute * 60_000 + second * 1000).toISOString();

/** A live #blogchat hosted by @mackcollier (unless `hosts` says otherwise), at `nowMinute` after T0. */
export function live(
  opts: { hosts?: string[]; inferHosts?: boolean; nowMinute?: number; topParticipants?: number; minutes?: number } = {},
) {
  const clock = { ms: T0 + (opts.nowMinute ?? 0) * 60_000 };
  const chat = createLiveChat({
    tags: ['blogchat'],
    hosts: opts.hosts ?? ['mackcollier'],
    ...(opts.inferHosts === undefined ? {} : { inferHosts: opts.inferHosts }),
    ...(opts.topParticipants === undefined ? {} : { topParticipants: opts.topParticipants }),
    ...(opts.minutes === undefined ? {} : { minutes: opts.minutes }),
    now: () => clock.ms,
  });
  return { chat, clock };
}
