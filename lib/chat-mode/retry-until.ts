// For what x.com draws a moment after the page (its search tabs, its navigation): a feature looks for
// it now, and again a few times, stopping when found or when the feature stops.

/** Calls `attempt` now, then every `everyMs` until it returns true, at most `tries` times in all, or until `signal` aborts. */
export function retryUntil(attempt: () => boolean, { tries, everyMs }: { tries: number; everyMs: number }, signal: AbortSignal): void {
  let left = tries;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (attempt() || --left <= 0) return;
    timer = setTimeout(run, everyMs);
  };
  run();
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
