// Where `npm run build` puts each browser's build (CHATMODE_OUTPUT_DIR moves it, as in wxt.config.ts).
const root = process.env.CHATMODE_OUTPUT_DIR ?? '.output';
export const EXTENSION_DIRS = { chromium: `${root}/chrome-mv3`, firefox: `${root}/firefox-mv2` } as const;
