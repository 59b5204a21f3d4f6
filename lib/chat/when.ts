// Telling the user when a chat is, with the runtime's own Intl only: the content script shows
// times but must not carry a date library (its size budget), so the background computes occurrences
// (schedule.ts, with luxon) and views format them here.

/** An occurrence of a chat, in epoch milliseconds. */
export interface OccurrenceTimes {
  start: number;
  end: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** e.g. `Sun, Nov 29, 9:00 PM EST` in the user's zone and locale (the runtime's by default). */
export function formatLocalTime(at: Date | number, zone: string, locale?: string): string {
  const key = `${locale ?? ''}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: zone,
    });
    formats.set(key, format);
  }
  return format.format(at);
}

/** Where `now` stands relative to an occurrence: before it, during it, or after it ended. */
export function occurrencePhase(occurrence: OccurrenceTimes, now: number): 'upcoming' | 'live' | 'ended' {
  if (now < occurrence.start) return 'upcoming';
  return now < occurrence.end ? 'live' : 'ended';
}
