// The one place lib/chat touches twitter-text, so the import quirk is handled once.
//
// twitter-text ships CommonJS (`main`, whose `module.exports` is one object of functions) and an ESM
// build (`module`) whose only export is `export default { … }`. There are no real named exports in
// either, so `import { parseTweet } from 'twitter-text'` fails in the Vite bundle of the extension;
// the default import works in both: Vite picks the ESM build, vitest/Node loads the CJS one and hands
// `module.exports` over as the default. @types/twitter-text declares named exports only; the default
// import type-checks through `esModuleInterop`/`allowSyntheticDefaultImports`.
import twitterText from 'twitter-text';

export const { extractUrlsWithIndices, parseTweet } = twitterText;

/**
 * Hashtags with their (UTF-16) indices. `checkUrlOverlap` (default true) drops the hashtags inside a
 * URL: an option of twitter-text's own that its type declarations leave out.
 */
export const extractHashtagsWithIndices: (
  text: string,
  options?: { checkUrlOverlap: boolean },
) => Array<{ hashtag: string; indices: [number, number] }> = twitterText.extractHashtagsWithIndices;
