// Where `npm run build` puts each browser's build.
export const EXTENSION_DIRS = { chromium: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;
