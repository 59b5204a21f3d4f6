// Chat mode reads a chat in x.com's Latest tab: a chat is a live conversation, and Top reorders it.
import { isLatestSearch, switchToLatest } from '@/lib/x/search';
import type { Feature } from '../feature';

export function createLatest({ tries = 20, intervalMs = 250 } = {}): Feature<'latest', never> {
  return {
    name: 'latest',
    runsOn: ({ onChatPage, href }) => onChatPage && !isLatestSearch(href),
    key: ({ href }) => href,
    start({ deps, signal }) {
      // Right after navigation x.com may not have drawn its tabs yet: try for a few seconds.
      let left = tries;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = (): void => {
        if (switchToLatest(deps.document) || --left <= 0) return;
        timer = setTimeout(attempt, intervalMs);
      };
      attempt();
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    },
  };
}

export const latest = createLatest();
