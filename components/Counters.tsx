// "N shown · M hidden", with the hidden tweets broken down by reason in a disclosure, and how many
// repeats (retweets, copies) are folded into the tweets shown.
import type { HideReason } from '@/lib/chat/filter';
import type { MessageKey, Translate } from '@/lib/i18n';
import { pure } from './pure';

// One formatter for the sidebar's life: `toLocaleString` builds a new one on every call, and the
// sidebar redraws its counts up to once a second during a busy chat.
const numbers = new Intl.NumberFormat();

/** A count as the user's locale writes it (`12,345`). */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/**
 * A count with its noun: the `one` message ("1 answer") at exactly 1, `other` with the count otherwise.
 * chrome.i18n has no plurals; for whole numbers this is the rule of every language shipped (Japanese
 * words both alike; French and Portuguese UIs write 0 with the plural too). A language with more forms
 * (Russian, Polish) would need Intl.PluralRules and a message per form.
 */
export function formatCounted(count: number, one: MessageKey, other: MessageKey, t: Translate): string {
  return count === 1 ? t(one) : t(other, formatCount(count));
}

/** The reasons in the filter's order, with their labels. */
const HIDE_REASONS: ReadonlyArray<readonly [HideReason, MessageKey]> = [
  ['untagged', 'hiddenUntagged'],
  ['promoted', 'hiddenPromoted'],
  ['retweet', 'hiddenRetweet'],
  ['muted', 'hiddenMuted'],
  ['not-host', 'hiddenNotHost'],
];

export interface CountersProps {
  /** Distinct tweets the filter shows, the `held` among them included. */
  shown: number;
  hidden: Record<HideReason, number>;
  /** Chat tweets the pause holds back: hidden for now, with a reason of their own. */
  held: number;
  /** Repeats folded into the tweet they repeat (not hidden tweets: each is shown once). */
  folded: number;
  t: Translate;
}

/** The tweets hidden, for every reason, the ones the pause holds included. */
export function hiddenTotal(hidden: Record<HideReason, number>, held: number): number {
  return HIDE_REASONS.reduce((sum, [reason]) => sum + (hidden[reason] ?? 0), held);
}

export function Counters({ shown, hidden, held, folded, t }: CountersProps) {
  const totalHidden = hiddenTotal(hidden, held);
  return (
    <>
      <details class="counters">
        <summary class="counters-summary">
          <span class="num" data-testid="shown">
            {t('countShown', formatCount(shown - held))}
          </span>
          <span aria-hidden="true"> · </span>
          <span class="num" data-testid="hidden">
            {t('countHidden', formatCount(totalHidden))}
          </span>
        </summary>
        <ul class="counters-reasons" aria-label={t('hiddenBreakdown')}>
          {HIDE_REASONS.map(([reason, label]) => (
            <Reason key={reason} reason={reason} label={label} count={hidden[reason] ?? 0} t={t} />
          ))}
          <Reason reason="paused" label="hiddenPaused" count={held} t={t} />
        </ul>
      </details>
      {folded > 0 ? (
        <p class="muted num counters-folded" data-testid="folded">
          {t('foldedCount', formatCount(folded))}
        </p>
      ) : null}
    </>
  );
}

/** A reason's row: drawn again only when its count changed (mostly one or two of them, as tweets arrive). */
const Reason = pure(function Reason({ reason, label, count, t }: { reason: string; label: MessageKey; count: number; t: Translate }) {
  return (
    <li data-reason={reason}>
      <span>{t(label)}</span>
      <span class="num">{formatCount(count)}</span>
    </li>
  );
});
