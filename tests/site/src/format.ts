/** Numbers and times as x.com prints them under a tweet. */

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
/** "2m", "3h", "Nov 24" like x.com's relative timestamps */
export function relTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return shortDate.format(new Date(t));
}

export function compact(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 10_000) return `${Math.floor(n / 1000)}K`;
  if (n >= 1000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}K`;
  return String(n);
}
