// Where the content script runs: x.com, twitter.com and their mobile sites, over https. One list for the
// manifest (its `matches` and `host_permissions`, read by wxt.config.ts) and for recognising a tab's URL
// (./urls.ts), so the two cannot disagree.
export const X_TAB_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'] as const;

/** The match patterns of `X_TAB_HOSTS`: `https://x.com/*`… */
export const X_TAB_MATCHES = X_TAB_HOSTS.map((host) => `https://${host}/*`);
