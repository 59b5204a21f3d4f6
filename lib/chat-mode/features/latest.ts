// Chat mode reads a chat in x.com's Latest tab: a chat is a live conversation, and Top reorders it.
import { switchToLatest } from '@/lib/x/search';
import { isLatestSearch } from '@/lib/x/urls';
import type { Feature } from '../tab';

export function latestFeature(doc: Document, { tries = 20, intervalMs = 250 } = {}): Feature {
  return {
    name: 'latest',
    runsOn: ({ onChatPage, href }) => onChatPage && !isLatestSearch(href),
    key: ({ href }) => href,
    start() {
      // Right after navigation x.com may not have drawn its tabs yet: try for a few seconds.
      let left = tries;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = (): void => {
        if (switchToLatest(doc) || --left <= 0) return;
        timer = setTimeout(attempt, intervalMs);
      };
      attempt();
      return () => clearTimeout(timer);
    },
  };
}
