/**
 * Every x.com `data-testid` / structural fact the stand-in reproduces, in one place.
 *
 * WHAT THE STAND-IN REPRODUCES, AND WHERE THE FACT COMES FROM
 * (sources are public code read through the search tool; dates are the stored copies')
 *
 * Timeline
 *   - `div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div` is the timeline node and
 *     its children `div[data-testid="cellInnerDiv"]` are the cells.
 *     insin/control-panel-for-twitter script.js: `TIMELINE: 'div[data-testid="primaryColumn"] section >
 *     h1 + div[aria-label] > div'`, `MODAL_TIMELINE: 'section > h1 + div[aria-label] > div'`; a CPFT
 *     write-up quoted there: "it iterates `for ($item of $timeline.children)` and does
 *     `$item.querySelector('[data-testid="tweet"]')` per row — i.e. it treats the timeline's direct
 *     children as the cells". A timeline node without a `style` attribute is a placeholder
 *     (x.com renders it before the first cells are measured); the search tabs replace the timeline node.
 *   - The h1 is visually hidden ("Search timeline"), the div[aria-label] says "Timeline: Search
 *     timeline" (translated on x.com: never match it).
 *   - Cells: `style="transform: translateY(Npx); position: absolute; width: 100%"`, the timeline node
 *     `style="position: relative; min-height: Npx"` (virtualised list: cells are unmounted off-screen and
 *     re-created when scrolled back; heights are measured).
 *   - `[data-testid="sidebarColumn"]` (CPFT `SIDEBAR: 'div[data-testid="sidebarColumn"]'`),
 *     `header[role=banner] nav` (CPFT `PRIMARY_NAV_DESKTOP: 'header nav'`),
 *     `#layers` for modals/menus (CPFT `PRIMARY_NAV_MOBILE: '#layers nav'`,
 *     `DISPLAY_DONE_BUTTON_DESKTOP: '#layers div[role="button"]...'`).
 *   - Mobile layout (phone widths): the tab bar is `[data-testid="BottomBar"]` holding a `nav` in #layers
 *     (CPFT `PRIMARY_NAV_MOBILE: '#layers nav'`; scripts that hide `[data-testid="BottomBar"]`), a floating
 *     Post button `[data-testid="FloatingActionButtons_Tweet_Button"]` instead of the left nav's (CPFT hides
 *     `:is([data-testid="SideNav_NewTweet_Button"], [data-testid="FloatingActionButtons_Tweet_Button"])`), and
 *     /compose/post is a page in `main`, not a modal (CPFT: "On mobile, these are pages instead of
 *     modals", `main div[data-testid^="tweetTextarea"]`; real mobile x.com puts a `textarea` there, the
 *     stand-in keeps its Draft editor). The right column goes below 988 px (extensions' `min-width: 988px`
 *     rules for the two-column layout).
 *
 * Tweets
 *   - `article[data-testid="tweet"]` inside a couple of wrapper divs of the cell.
 *   - `[data-testid="User-Name"]` holds `a[href="/handle"]` (name), `a[href="/handle"]` (@handle,
 *     tabindex=-1) and the time link `a[href="/handle/status/ID"] > time[datetime]`.
 *   - `[data-testid="tweetText"][lang][dir="auto"]`: text in `span`s, hashtags as
 *     `a[href="/hashtag/tag?src=hashtag_click"]` inside `span.r-18u37iz`, mentions as `a[href="/handle"]`,
 *     URLs as `a[href="https://t.co/…"]` with visually hidden "https://" prefix and tail, emoji as
 *     `img[alt="🎉"]` (so textContent drops them — read `alt`).
 *   - quoted tweet: `div[role="link"]` preceded by a visually hidden (`clip: rect(1px,1px,1px,1px)`,
 *     class r-1xk2f4g in the CPFT saved page CSS) "Quote" text; it has its own User-Name (time without
 *     a link) and tweetText.
 *   - reposts: `span[data-testid="socialContext"]` "Name reposted" in a link to the reposter, above the
 *     original's author row.
 *   - promoted: the article sits inside `[data-testid="placementTracking"]`
 *     (CPFT `PROMOTED_TWEET: '[data-testid="placementTracking"]'`), shows "Ad" and has no time link.
 *   - actions: `div[role="group"]` with `button[data-testid="reply"|"retweet"|"like"|"bookmark"]`;
 *     repost menu in #layers: `div[role="menu"]` with `[data-testid="retweetConfirm"]` and a "Quote" item.
 *
 * Composer (Draft.js on desktop)
 *   - `[data-testid="tweetTextarea_0"]` IS the contenteditable: `div.notranslate.public-DraftEditor-content
 *     [contenteditable=true][role=textbox][aria-label="Post text"][data-testid=tweetTextarea_0]`, i.e. it
 *     is INSIDE `.DraftEditor-root > .DraftEditor-editorContainer`, not around it. Draft renders the
 *     attribute from its `webDriverTestID` prop. Around the editor: `label[data-testid=
 *     "tweetTextarea_0_label"]` and `div[data-testid="tweetTextarea_0RichTextInputContainer"]`, so
 *     `div[data-testid^="tweetTextarea"] .DraftEditor-root` (an editor-root selector) matches via those
 *     wrappers. Sources: a DOM reference "Captured from x.com/compose/post on Jan 16, 2026" ("Tweet
 *     textarea `[data-testid="tweetTextarea_0"]` DIV contenteditable="true", role="textbox"; Textarea
 *     label `[data-testid="tweetTextarea_0_label"]`; Rich text container
 *     `[data-testid="tweetTextarea_0RichTextInputContainer"]`"), many automation scripts that type into
 *     `div[data-testid="tweetTextarea_0"]` directly and wait for
 *     `[data-testid="tweetButtonInline"]:not([aria-disabled="true"])`.
 *   - `[data-testid="toolBar"]` holds the buttons; `button[data-testid="tweetButton"]` in modals,
 *     `button[data-testid="tweetButtonInline"]` inline (home composer, inline reply); disabled as
 *     `disabled` + `aria-disabled="true"` while the text is empty.
 *   - `a[data-testid="SideNav_NewTweet_Button"][href="/compose/post"]` opens the new-post modal and
 *     x.com pushes `/compose/post`; dialogs are `div[role="dialog"][aria-modal="true"]
 *     [aria-labelledby="modal-header"]` in `#layers`, closed by `[data-testid="app-bar-close"]`.
 */

export const T = {
  primaryColumn: 'primaryColumn',
  sidebarColumn: 'sidebarColumn',
  cell: 'cellInnerDiv',
  tweet: 'tweet',
  userName: 'User-Name',
  tweetText: 'tweetText',
  socialContext: 'socialContext',
  placementTracking: 'placementTracking',
  avatar: 'Tweet-User-Avatar',
  caret: 'caret',
  reply: 'reply',
  retweet: 'retweet',
  like: 'like',
  bookmark: 'bookmark',
  retweetConfirm: 'retweetConfirm',
  tweetPhoto: 'tweetPhoto',
  userCell: 'UserCell',
  toolBar: 'toolBar',
  tweetButton: 'tweetButton',
  tweetButtonInline: 'tweetButtonInline',
  newTweet: 'SideNav_NewTweet_Button',
  bottomBar: 'BottomBar',
  fab: 'FloatingActionButtons_Tweet_Button',
  accountSwitcher: 'SideNav_AccountSwitcher_Button',
  appBarClose: 'app-bar-close',
  mask: 'mask',
  toast: 'toast',
  searchInput: 'SearchBox_Search_Input',
  trend: 'trend',
} as const;

/** the editor's own test id: on the contenteditable */
export const textareaId = (i: number): string => `tweetTextarea_${i}`;
export const textareaLabelId = (i: number): string => `tweetTextarea_${i}_label`;
export const textareaContainerId = (i: number): string => `tweetTextarea_${i}RichTextInputContainer`;

/** The renamed test ids of the markup drifts (see `Drift` in api.ts). */
export const BROKEN = {
  cell: 'cellInnerDivV2',
  tweet: 'post',
  userName: 'Post-Author',
  tweetText: 'postText',
} as const;
