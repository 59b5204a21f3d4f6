/** Types of the stand-in's test API, `window.__standin` (import these from e2e tests). */

export type Theme = 'light' | 'dark';

/**
 * Ways x.com's markup drifts, each on or off at any moment (`drift(kind, on)`), so a test can break the
 * page under a running extension and then bring it back:
 * - `tweetText`: the tweet text's test id is renamed (`postText`);
 * - `cellInnerDiv`: the timeline cells' test id is renamed (`cellInnerDivV2`);
 * - `hashtagText`: hashtag links show the tag without its '#' (`blogchat`), the link still `/hashtag/blogchat`;
 * - `hashtagSearch`: hashtag links show the tag without '#' and link to `/search?q=%23blogchat`;
 * - `articleWrapper`: a new element wraps each tweet article;
 * - `testIds`: every test id extensions rely on is renamed at once (cell, tweet, User-Name, tweetText).
 */
export type Drift = 'tweetText' | 'cellInnerDiv' | 'hashtagText' | 'hashtagSearch' | 'articleWrapper' | 'testIds';

export const DRIFTS: readonly Drift[] = ['tweetText', 'cellInnerDiv', 'hashtagText', 'hashtagSearch', 'articleWrapper', 'testIds'];

export interface StandinConfig {
  /** PRNG seed for the generated tweets (default 1) */
  seed: number;
  /** initial tweets of a search/hashtag/home timeline (default 60) */
  count: number;
  /** live arrivals, tweets per second (default 0 = none) */
  liveRate: number;
  theme: Theme;
  /** root font size in px (x.com's "Font size" setting; default 15) */
  fontSize: number;
  /** heavier tweets: photo placeholders of varied heights and more wrappers (default false) */
  stress?: boolean;
  /** epoch ms the generated chat ends at (default: page load time) — set it for fixed datetimes */
  now?: number;
  /** ms the timeline shows its unstyled placeholder before the tweets "load" (default 120) */
  loadDelay?: number;
  /** markup drifts on from the start (default none; see `Drift`) */
  drift?: Drift[];
}

export interface TweetSpec {
  /** numeric string (snowflake derived from `time`) */
  id: string;
  handle: string;
  name: string;
  verified: boolean;
  text: string;
  /** value of tweetText's `lang` ('en', 'ar', 'he', 'und', …) */
  lang: string;
  /** ISO datetime */
  time: string;
  /** "Replying to @…" handles */
  replyTo?: string[];
  inReplyToId?: string;
  /** the quoted tweet (rendered in a div[role=link] card) */
  quoted?: TweetSpec;
  /** set for a repost: the cell shows socialContext "Name reposted" and this (original) tweet */
  retweetedBy?: { handle: string; name: string };
  /** promoted: inside [data-testid=placementTracking], "Ad" label, no time link */
  promoted?: boolean;
  /** photo placeholder ([data-testid=tweetPhoto]) of this height */
  mediaHeight?: number;
  /**
   * A long post's rest: x.com shows only the first part in timelines, with a
   * `button[data-testid="tweet-text-show-more-link"]` "Show more" after the text (the full text is on
   * the post's page). Clicking it here shows the rest in place.
   */
  more?: string;
  replies: number;
  reposts: number;
  likes: number;
  views: number;
}

/** `page`: the new-post composer as a page of its own, at phone widths (x.com's mobile layout). */
export type ComposerWhere = 'modal' | 'reply' | 'quote' | 'inline' | 'page';

export interface ComposerInfo {
  testId: string;
  where: ComposerWhere;
  /** editorState.getCurrentContent().getPlainText() */
  text: string;
  /** offsets in the plain text (blocks joined by '\n') */
  selection: { start: number; end: number; hasFocus: boolean };
  postEnabled: boolean;
}

export interface PostedInfo {
  text: string;
  where: string;
  inReplyTo?: string;
  quoted?: string;
}

export interface StandinStats {
  mountedCells: number;
  totalTweets: number;
  scrollHeight: number;
}

export interface StandinApi {
  composers(): ComposerInfo[];
  posted(): PostedInfo[];
  reset(config?: Partial<StandinConfig>): void;
  pushTweets(n: number | Array<Partial<TweetSpec>>): void;
  startLive(perSecond: number): void;
  stopLive(): void;
  setTheme(theme: Theme): void;
  navigate(path: string): void;
  stats(): StandinStats;
  /** turns a markup drift on (default) or off; the page re-renders at once */
  drift(kind: Drift, on?: boolean): void;
  /** the drifts on now */
  drifts(): Drift[];
  /** `drift('testIds')` */
  breakMarkup(): void;
  /** the current config (read-only copy) */
  config(): StandinConfig;
}

export type StandinWindow = Window & typeof globalThis & { __standin: StandinApi };

export const CONFIG_STORAGE_KEY = 'standin:config';
