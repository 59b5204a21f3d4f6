// Auto-tag: while chat mode is on, every compose box in the tab gets the chat's tags, on every page
// (a tweet's page, the compose modal…), not only on the chat's search. When the tags would not fit,
// the sidebar warns instead.
import { startAutoTag, type AutoTagWarning } from '@/lib/x/composer';
import { chatTags, type Feature } from '../feature';
import { formatCount } from '@/components/Counters';

export const autoTag: Feature<'auto-tag', AutoTagWarning | null> = {
  name: 'auto-tag',
  runsOn: ({ chat }) => chat.autoTag,
  key: (where) => chatTags(where).join(' '),
  start(context) {
    const tags = chatTags(context);
    startAutoTag(context.deps.document, { tags: () => tags, onWarning: (warning) => context.report(warning) }, context.signal);
  },
  notice: ({ report, t }) =>
    report ? (
      <p class="notice" role="alert" data-testid="autotag-warning">
        {t('autoTagTooLong', formatCount(report.weightedLength), formatCount(report.limit))}
      </p>
    ) : null,
};
