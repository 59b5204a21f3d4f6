// The chat filter: which tweets of a page belong in chat mode, and why the others are hidden (the
// sidebar counts hidden tweets per reason).
import { handleIn } from './handles';
import { hasAnyTag } from './hashtags';
import type { FilterOptions, Handle, Tag, Tweet } from './types';

export type HideReason = 'untagged' | 'promoted' | 'retweet' | 'muted' | 'not-host';

export type FilterDecision = { show: true } | { show: false; reason: HideReason };

/** What the filter needs to know about the chat being followed. */
export interface ChatContext {
  /** Main tag and extra tags; a tweet carrying any one of them belongs to the chat. */
  tags: Tag[];
  hosts: Handle[];
  /** Accounts the user muted in chat mode. */
  muted: Handle[];
  options: FilterOptions;
}

const SHOW: FilterDecision = { show: true };

function hide(reason: HideReason): FilterDecision {
  return { show: false, reason };
}

/**
 * Decides whether a tweet is shown in chat mode. Checks run in a fixed order so that each hidden tweet
 * is counted under one reason: promoted (always hidden, ads are never part of a chat), muted (when
 * `hideMuted`), retweet (when `hideRetweets`), untagged, and not-host (when `hostsOnly`).
 *
 * - A tweet is tagged when its own text carries a chat tag. The quoted tweet's text is not part of
 *   `tweet.text`, so quoting a chat tweet does not make a tweet part of the chat.
 * - A retweet shows the original's text, so a retweet of a tagged tweet is tagged.
 * - Muted: hidden when either the author or the account that reposted it is muted.
 * - Hosts only: the author must be a host; a host's repost of someone else's tweet is not the host's
 *   words, so it is hidden too.
 */
export function decideTweet(tweet: Tweet, chat: ChatContext): FilterDecision {
  const { options } = chat;
  if (tweet.kind === 'promoted') return hide('promoted');
  if (options.hideMuted) {
    const reposter = tweet.kind === 'retweet' ? tweet.retweetedBy : undefined;
    if (handleIn(tweet.author.handle, chat.muted) || (reposter !== undefined && handleIn(reposter, chat.muted))) {
      return hide('muted');
    }
  }
  if (options.hideRetweets && tweet.kind === 'retweet') return hide('retweet');
  // A cut-off long post may carry the tag in the part the page does not show: never hide what we
  // could not read.
  if (!hasAnyTag(tweet.text, chat.tags) && !tweet.truncated) return hide('untagged');
  if (options.hostsOnly && !handleIn(tweet.author.handle, chat.hosts)) return hide('not-host');
  return SHOW;
}

export interface FilterSummary {
  shown: Tweet[];
  /** How many tweets were hidden for each reason (every reason present, zero when none). */
  hidden: Record<HideReason, number>;
}

/** Runs `decideTweet` over a list, keeping the shown tweets in order and counting the hidden ones. */
export function filterTweets(tweets: readonly Tweet[], chat: ChatContext): FilterSummary {
  const hidden: Record<HideReason, number> = { untagged: 0, promoted: 0, retweet: 0, muted: 0, 'not-host': 0 };
  const shown: Tweet[] = [];
  for (const tweet of tweets) {
    const decision = decideTweet(tweet, chat);
    if (decision.show) shown.push(tweet);
    else hidden[decision.reason] += 1;
  }
  return { shown, hidden };
}
