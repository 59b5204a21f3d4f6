// The background's `SessionFor`: a tweet belongs to the occurrence (evening) of the chat's schedule it
// was posted in. The schedule is the user's own (`chat.schedule`, read in the write transaction) when
// they set one, none when they said the chat has none (null), else the directory's.
import { occurrenceAround } from '../chat/schedule';
import type { Schedule, Tag } from '../chat/types';
import type { SessionFor } from './sessions';

export function scheduledSessionFor(directorySchedule: (tag: Tag) => Schedule | undefined): SessionFor {
  return (tag, time, chat) => {
    const schedule = chat?.schedule === null ? undefined : (chat?.schedule ?? directorySchedule(tag));
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
