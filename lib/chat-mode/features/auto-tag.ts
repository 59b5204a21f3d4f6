// Auto-tag: while chat mode is on, every compose box in the tab gets the chat's tags, on every page
// (a tweet's page, the compose modal…), not only on the chat's search.
import { startAutoTag } from '@/lib/x/composer';
import { chatTags, type Feature } from '../tab';

export function autoTagFeature(doc: Document): Feature {
  return {
    name: 'auto-tag',
    runsOn: ({ chat }) => chat.autoTag,
    key: (context) => chatTags(context).join(' '),
    start(context) {
      const tags = chatTags(context);
      const stop = startAutoTag(doc, { tags: () => tags, onWarning: (warning) => context.report({ autoTag: warning }) });
      return () => {
        stop();
        context.report({ autoTag: null });
      };
    },
  };
}
