// The chat core: pure functions shared by the content script, the background and the pages.
// No DOM and no extension API here (see purity.test.ts).
export * from './types';
export * from './handles';
export * from './hashtags';
export * from './filter';
export * from './questions';
export * from './question-tracker';
export * from './tag-plan';
export * from './directory';
export * from './schedule';
export * from './live';
export * from './when';
export * from './times';
export * from './recognition';
export * from './view';
export * from './catch-up';
export * from './host-plan';
export * from './host-console';
