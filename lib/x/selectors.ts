// Every piece of knowledge about x.com's markup lives in this table, so that when x.com changes its
// DOM there is one place to mend. Prefer data-testid and structure over classes, text and icons:
// classes are generated, text is translated, icons change. See ../shared/x-com-notes.md.
export const X = {
  primaryColumn: 'div[data-testid="primaryColumn"]',
  /** The timeline in any display language: its aria-label is translated, so never match on its text. */
  timeline: 'div[data-testid="primaryColumn"] section > h1 + div[aria-label] > div',
  sidebarColumn: 'div[data-testid="sidebarColumn"]',
  cell: 'div[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  socialContext: '[data-testid="socialContext"]',
  promoted: '[data-testid="placementTracking"]',
  composerTextarea: 'div[data-testid^="tweetTextarea_"]',
  draftRoot: '.DraftEditor-root',
  draftContent: '.public-DraftEditor-content',
  draftText: 'span[data-text="true"]',
  postButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  newPostButton: '[data-testid="SideNav_NewTweet_Button"]',
  replyButton: '[data-testid="reply"]',
  layers: '#layers',
} as const;
