// Shared value types of a tweet chat. Plain data only: these cross the message boundary between the
// content script and the background, and are stored in IndexedDB, so they must stay structured-clonable.

/** A hashtag without its '#', lower-cased and NFKC-normalised: the form tags are compared in. */
export type Tag = string;

/** An x.com handle without '@', lower-cased. */
export type Handle = string;

export type TweetKind = 'tweet' | 'reply' | 'retweet' | 'quote' | 'promoted';

/** A tweet as read from the page: only what the page shows, never the quoted tweet's text as its own. */
export interface Tweet {
  /** The status id (digits), from the `/handle/status/ID` link. */
  id: string;
  author: { handle: Handle; name: string };
  /** ISO 8601 time from `time[datetime]`, or null when the page shows none (e.g. promoted). */
  time: string | null;
  /** The tweet's own text (not the quoted tweet's). */
  text: string;
  kind: TweetKind;
  /** For retweets: who reposted it (handle). */
  retweetedBy?: Handle;
  /**
   * For replies: the handles of the "Replying to" line, lower-cased, at most 10 (x.com shows a reply's
   * leading mentions there, not in `text`). Read for the live room only: the background's validation
   * does not take it, so it is dropped from tweets sent there and never stored.
   */
  replyTo?: Handle[];
  /** BCP 47 language from the text's `lang` attribute, if any. */
  lang?: string;
  /** The page shows only the first part of the text ("Show more"): the rest, tag included, is unread. */
  truncated?: boolean;
  /** Its like count when it was read (from its like button), if the page showed one. */
  likes?: number;
}

/** How often a chat recurs, in its own time zone. */
export type Recurrence =
  | { kind: 'weekly'; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7 }
  /** e.g. "last Wednesday of the month": nth = -1; "first Tuesday": nth = 1. */
  | { kind: 'monthly'; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; nth: 1 | 2 | 3 | 4 | -1 };

export interface Schedule {
  recurrence: Recurrence;
  /** Local start time in the chat's zone, "HH:MM" 24-hour. */
  start: string;
  durationMinutes: number;
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: string;
}

/** A chat as the directory (or the user) defines it. */
export interface ChatDefinition {
  /** The main tag; also the chat's key. */
  tag: Tag;
  /** Extra tags such as an edition tag (`sm49`). */
  extraTags: Tag[];
  title: string;
  description?: string;
  hosts: Handle[];
  schedule?: Schedule;
}

/** Per-chat filter options the user can change. */
export interface FilterOptions {
  hideRetweets: boolean;
  hideMuted: boolean;
  hostsOnly: boolean;
  /**
   * Fold the repeats of a tweet shown (its retweets, the same text posted again) into it. On when
   * absent: settings saved before the option existed fold too.
   */
  foldRepeats?: boolean;
  /** Pause the stream while the reader is scrolled down the timeline, resume back at its top (off when absent). */
  pauseWhileScrolling?: boolean;
}

export const DEFAULT_FILTER_OPTIONS: FilterOptions = {
  hideRetweets: false,
  hideMuted: true,
  hostsOnly: false,
  foldRepeats: true,
  pauseWhileScrolling: false,
};
