// Chat mode reads a chat in x.com's Latest tab: a chat is a live conversation, and Top reorders it.
import { switchToLatest } from '@/lib/x/search';
import { isLatestSearch } from '@/lib/x/urls';
import type { Feature } from '../feature';
import { retryUntil } from '../retry-until';

/** Right after navigation x.com may not have drawn its tabs yet: try for a few seconds. */
const TRIES = 20;
const INTERVAL_MS = 250;

export const latest: Feature<'latest', never> = {
  name: 'latest',
  runsOn: ({ onChatPage, href }) => onChatPage && !isLatestSearch(href),
  key: ({ href }) => href,
  start({ deps, signal }) {
    retryUntil(() => switchToLatest(deps.document), { tries: TRIES, everyMs: INTERVAL_MS }, signal);
  },
};
