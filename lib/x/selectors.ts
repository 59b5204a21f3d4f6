// Every piece of knowledge about x.com's markup lives in this table, so that when x.com changes its
// DOM there is one place to mend. Prefer data-testid and structure over classes, text and icons:
// classes are generated, text is translated (the timeline's aria-label too), icons change. What breaks
// most often is wrapper depth, wording ("Tweet" became "Post") and icons. Every entry is checked against
// real x.com pages in tests/fixtures/x-real by ./selectors.test.ts.
export const X = {
  primaryColumn: 'div[data-testid="primaryColumn"]',
  /** The timeline in any display language: its aria-label is translated, so never match on its text. */
  timeline: 'div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div',
  sidebarColumn: 'div[data-testid="sidebarColumn"]',
  /** x.com's search box (in the right column on most pages). */
  searchForm: 'form[role="search"]',
  cell: 'div[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  /** x.com cuts long posts off in timelines, with this "Show more" button after the text. */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  socialContext: '[data-testid="socialContext"]',
  promoted: '[data-testid="placementTracking"]',
  /** x.com's Post button: in its left nav, or floating above the tab bar in its mobile layout (which opens a page). */
  newPostButton: '[data-testid="SideNav_NewTweet_Button"], [data-testid="FloatingActionButtons_Tweet_Button"]',
  layers: '#layers',
  /** x.com's tab bar along the window's bottom edge in its mobile layout (phone widths), rendered in #layers. */
  bottomBar: '[data-testid="BottomBar"]',
  /**
   * Draft's contenteditable of a compose box. On x.com (and the stand-in) the contenteditable itself carries
   * `data-testid="tweetTextarea_N"`; older markup put that test id on a wrapper, so both forms are accepted.
   */
  composerEditor:
    'div[data-testid^="tweetTextarea_"].public-DraftEditor-content[contenteditable="true"], div[data-testid^="tweetTextarea_"] .public-DraftEditor-content[contenteditable="true"]',
  /**
   * A Draft block (one line of the post); blocks are joined by '\n' in Draft's plain text. On x.com each
   * block sits in a drag-and-drop wrapper (`div[data-rbd-draggable-id]`), not directly in `data-contents`.
   */
  draftBlock: '[data-block="true"]',
  /** A Draft leaf: `span[data-text]` holding its text node, or `br[data-text]` in an empty block. */
  draftLeaf: '[data-text="true"]',
  /** A modal dialog (compose, reply, quote); x.com renders modals and popups into #layers. */
  dialog: '[role="dialog"][aria-modal="true"]',
  /** The search page's "Latest" tab (a link carrying f=live). */
  latestTab: 'div[data-testid="primaryColumn"] [role="tablist"] a[role="tab"][href*="f=live"]',
  // Reading tweets and cells (lib/x/tweet.ts, lib/x/timeline.ts).
  /** The tweet's timestamp; the time link around it is `/handle/status/ID` (promoted tweets have none). */
  time: 'time[datetime]',
  /** Any link to a status: `/handle/status/ID` (time link) and its `/analytics`, `/photo/1`… sub-pages. */
  statusLink: 'a[href*="/status/"]',
  /** The quoted tweet's card inside an article (preceded by a visually hidden, translated "Quote"). */
  quotedTweet: 'div[role="link"]',
  avatar: '[data-testid="Tweet-User-Avatar"]',
  /**
   * The tweet's like button ("unlike" once the user liked it). Its aria-label starts with the exact count
   * ("205 Likes. Like", translated after the number; just "Like" without likes); the text shows it rounded.
   */
  likeButton: 'button[data-testid="like"], button[data-testid="unlike"]',
  /**
   * Finds the like button by its test ids' common ending: Chromium matches one selector several times
   * faster than a list of two, and this lookup scans nearly the whole article (the button is at its end).
   * It may find more than likeButton; what it finds is checked against likeButton.
   */
  likeButtonLookup: 'button[data-testid$="like"]',
  link: 'a[href]',
  // Who is signed in (lib/x/account.ts), from the left navigation x.com shows a signed-in account.
  /** The navigation's link to the signed-in account's profile: `/handle` (a saved page: `https://x.com/handle`). */
  profileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
  /** The account menu button at the navigation's foot: the avatar, the display name and `@handle`. */
  accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
  /** An avatar whose test id ends with the account's handle (`UserAvatar-Container-handle`). */
  avatarContainer: '[data-testid^="UserAvatar-Container-"]',
  /** Anything article-like: a cell holding one that is not `tweet` means x.com renamed the tweet. */
  anyArticle: 'article, [role="article"]',
} as const;
