// Whether a chat page still reads as the chat. On a chat's hashtag page nearly every tweet x.com shows
// carries one of the chat's tags; some do not (accounts matched by name or bio, a quote of a chat tweet,
// a long post cut off before its tag), but when almost none of the tweets read carries one, it is the
// reading that is wrong — x.com changed how it marks hashtags up — and filtering would hide the whole
// chat while saying all is well. Then the page is "unrecognised" and the live filter hides nothing.
//
// The rule looks at the latest distinct tweets read (40 by default, so a page that changes under a running
// chat is noticed, and one that comes back recovers): with at least `minSeen` of them read and at most
// `lowShare` of them tagged, the page is unrecognised; it is recognised again once more than `highShare`
// are tagged. The gap between the two shares keeps a page near the line from flipping back and forth.
// A tweet read again (x.com re-creates a cell each time it scrolls back into view, or re-renders it when
// its markup changes) replaces its earlier reading and counts as recent.
//
// Cost: `see` is O(1) (a Map in insertion order holds the latest tweets); memory is `span` ids.

export interface RecognitionOptions {
  /** How many of the latest distinct tweets read are looked at (40). */
  span?: number;
  /** How many must have been read before the page can be judged unrecognised (12). */
  minSeen?: number;
  /** Unrecognised when at most this share of those tweets is tagged (0.1: none, or almost none). */
  lowShare?: number;
  /** Recognised again when more than this share of them is tagged (0.2). */
  highShare?: number;
}

export interface Recognition {
  /**
   * Records that the tweet `id` was read and whether it carries one of the chat's tags; returns whether
   * the page is recognised. A tweet whose tag may be in a part the page does not show (cut off by
   * "Show more") tells nothing when it reads untagged: don't pass it.
   */
  see(id: string, tagged: boolean): boolean;
  readonly recognised: boolean;
  /** The latest tweets as they stand: how many distinct ones, and how many of them tagged. */
  counts(): { read: number; tagged: number };
}

export function createRecognition(options: RecognitionOptions = {}): Recognition {
  const size = Math.max(1, Math.floor(options.span ?? 40));
  const minSeen = Math.min(size, Math.max(1, Math.floor(options.minSeen ?? 12)));
  const lowShare = options.lowShare ?? 0.1;
  const highShare = Math.max(lowShare, options.highShare ?? 0.2);

  // id → tagged, oldest first.
  const recent = new Map<string, boolean>();
  let tagged = 0;
  let recognised = true;

  return {
    see(id, isTagged) {
      const before = recent.get(id);
      if (before !== undefined) {
        recent.delete(id);
        if (before) tagged--;
      }
      recent.set(id, isTagged);
      if (isTagged) tagged++;
      if (recent.size > size) {
        const [oldest, wasTagged] = recent.entries().next().value!;
        recent.delete(oldest);
        if (wasTagged) tagged--;
      }
      const read = recent.size;
      if (recognised) recognised = !(read >= minSeen && tagged <= read * lowShare);
      else recognised = tagged > read * highShare;
      return recognised;
    },
    get recognised() {
      return recognised;
    },
    counts() {
      return { read: recent.size, tagged };
    },
  };
}
