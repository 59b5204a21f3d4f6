// The background store: IndexedDB schema, chats, tweets, sessions, exports and the message handler.
export { openStore, storeOpener } from './db';
export { createHandler, type Handler, type HandlerOptions } from './handler';
export { DB_NAME, DB_VERSION, type StoredTweet, type StoreDB } from './schema';
export { DEFAULT_CHAT_FLAGS, type LookupChat } from './chats';
export { type SessionFor } from './sessions';
export { DEFAULT_CAP_PER_CHAT, putTweetBatch, countTweets, tweetsOfSession } from './tweets';
export { toMarkdown, toCsv, toJson, participants, perMinute, exportSession } from './export';
