// The background's `SessionFor`: a tweet belongs to the occurrence (evening) of the chat's schedule it
// was posted in. The schedule is the user's own (`chat.schedule`, read in the write transaction) when
// they set one, none when they said the chat has none (null), else the directory's.
import { nextOccurrence, occurrenceAround } from '../chat/schedule';
import type { Schedule, Tag } from '../chat/types';
import type { OccurrenceTimes } from '../chat/when';
import type { ChatSettings } from '../protocol/domain';
import type { SessionFor } from './sessions';

/** The schedule a chat follows: the user's own, none if they said so (null), else the directory's. */
export function scheduleOf(chat: Pick<ChatSettings, 'schedule'> | undefined, directory: Schedule | undefined): Schedule | undefined {
  return chat?.schedule === null ? undefined : (chat?.schedule ?? directory);
}

/** The occurrence running at `now`, else the next one; null without a (computable) schedule. */
export function currentOrNext(schedule: Schedule | undefined, now: number): OccurrenceTimes | null {
  if (!schedule) return null;
  try {
    const { start, end } = nextOccurrence(schedule, new Date(now));
    return { start: start.getTime(), end: end.getTime() };
  } catch {
    return null; // a zone the runtime doesn't know
  }
}

export function scheduledSessionFor(directorySchedule: (tag: Tag) => Schedule | undefined): SessionFor {
  return (tag, time, chat) => {
    const schedule = scheduleOf(chat, directorySchedule(tag));
    if (!schedule) return null;
    let occurrence;
    try {
      occurrence = occurrenceAround(schedule, new Date(time));
    } catch {
      return null; // a zone the runtime doesn't know: rolling sessions
    }
    return occurrence
      ? { id: `${tag}:${occurrence.start.toISOString()}`, start: occurrence.start.getTime(), end: occurrence.end.getTime() }
      : null;
  };
}
