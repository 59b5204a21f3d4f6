// Tweets per minute as a small fixed-size SVG bar chart, summarised for assistive technology.
import type { LiveSnapshot } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { formatCount } from './Counters';
import { pure } from './pure';

export interface ActivityChartProps {
  /** Oldest first, one entry per minute (as `LiveSnapshot.perMinute`). */
  perMinute: LiveSnapshot['perMinute'];
  t: Translate;
}

/** The chart's size in SVG units (and CSS pixels): fixed, so new data never moves the layout. */
export const CHART_WIDTH = 240;
export const CHART_HEIGHT = 40;

export function ActivityChart({ perMinute, t }: ActivityChartProps) {
  const minutes = formatCount(perMinute.length);
  const peak = perMinute.reduce((max, m) => Math.max(max, m.count), 0);
  const now = perMinute[perMinute.length - 1]?.count ?? 0;
  const label = peak === 0 ? t('activityNone', minutes) : t('activitySummary', minutes, formatCount(peak), formatCount(now));
  const slot = perMinute.length > 0 ? CHART_WIDTH / perMinute.length : CHART_WIDTH;
  const gap = slot > 3 ? 1 : 0;
  return (
    <section class="activity">
      <h3 class="section">{t('activityHeading')}</h3>
      <svg
        class="activity-chart"
        role="img"
        aria-label={label}
        width={CHART_WIDTH}
        height={CHART_HEIGHT}
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        <line class="activity-baseline" x1={0} y1={CHART_HEIGHT - 0.5} x2={CHART_WIDTH} y2={CHART_HEIGHT - 0.5} />
        {perMinute.map((m, i) => (
          // A minute with tweets is at least 2 units tall, so a single tweet is visible next to a peak.
          <Bar
            key={m.minute}
            now={i === perMinute.length - 1}
            x={i * slot}
            width={Math.max(slot - gap, 0.5)}
            height={m.count === 0 ? 0 : Math.max(2, (m.count / peak) * CHART_HEIGHT)}
            count={m.count}
          />
        ))}
      </svg>
    </section>
  );
}

/** A minute's bar: drawn again only when it changed (mostly the current minute's, as its tweets arrive). */
const Bar = pure(function Bar({ now, x, width, height, count }: { now: boolean; x: number; width: number; height: number; count: number }) {
  return (
    <rect
      class={now ? 'activity-bar activity-now' : 'activity-bar'}
      x={x}
      y={CHART_HEIGHT - height}
      width={width}
      height={height}
      data-count={count}
    />
  );
});
