// Which chats are live or coming up, from the directory and the user's own chats. Pure.
import { nextOccurrence } from '../chat/schedule';
import type { ChatDefinition, Schedule, Tag } from '../chat/types';
import type { ChatSettings } from '../protocol/domain';

/** The schedule that applies to a chat: the user's own, else the directory's; `null` from the user means none. */
export function effectiveSchedule(
  chat: Pick<ChatSettings, 'schedule'> | undefined,
  definition: ChatDefinition | undefined,
): Schedule | undefined {
  if (chat?.schedule === null) return undefined;
  return chat?.schedule ?? definition?.schedule;
}

export interface UpcomingChat {
  tag: Tag;
  title: string;
  schedule: Schedule;
  /** Start and end of the running or next occurrence. */
  start: Date;
  end: Date;
  live: boolean;
  /** Whether the user has the chat in their settings (as opposed to the directory only). */
  saved: boolean;
  chatMode: boolean;
}

/**
 * Every chat with a schedule, live ones first (ending soonest first), then by next start. A user's
 * chat with the same tag as a directory chat replaces it. Chats whose schedule cannot be computed
 * (a zone the runtime doesn't know) are left out.
 */
export function upcomingChats(chats: readonly ChatSettings[], directory: readonly ChatDefinition[], now: Date): UpcomingChat[] {
  const saved = new Map(chats.map((c) => [c.tag, c]));
  const tags = [...new Set([...directory.map((d) => d.tag), ...chats.map((c) => c.tag)])];
  const out: UpcomingChat[] = [];
  for (const tag of tags) {
    const chat = saved.get(tag);
    const definition = directory.find((d) => d.tag === tag);
    const schedule = effectiveSchedule(chat, definition);
    if (!schedule) continue;
    let occurrence;
    try {
      occurrence = nextOccurrence(schedule, now);
    } catch {
      continue;
    }
    out.push({
      tag,
      title: chat?.title ?? definition?.title ?? `#${tag}`,
      schedule,
      start: occurrence.start,
      end: occurrence.end,
      live: occurrence.start.getTime() <= now.getTime(),
      saved: chat !== undefined,
      chatMode: chat?.chatMode ?? false,
    });
  }
  return out.sort((a, b) =>
    a.live !== b.live
      ? a.live
        ? -1
        : 1
      : a.live
        ? a.end.getTime() - b.end.getTime()
        : a.start.getTime() - b.start.getTime() || a.tag.localeCompare(b.tag),
  );
}

/**
 * A countdown such as "2d 3h", "3h 05m", "4m 09s" (en; "3h, 05 Min." in de): the two largest units, the
 * second zero-padded, in `locale`'s narrow units (the runtime's by default). `ms` ≤ 0 gives the zero form ("0s").
 */
export function formatCountdown(ms: number, locale?: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute' | 'second', padded = false) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow', minimumIntegerDigits: padded ? 2 : 1 }).format(value);
  const both = (first: string, second: string) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format([first, second]);
  if (days > 0) return both(unit(days, 'day'), unit(hours, 'hour'));
  if (hours > 0) return both(unit(hours, 'hour'), unit(minutes, 'minute', true));
  if (minutes > 0) return both(unit(minutes, 'minute'), unit(seconds, 'second', true));
  return unit(seconds, 'second');
}
