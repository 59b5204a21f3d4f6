// Transcript status: while chat mode records a chat, the sidebar says how many of its tweets the
// background has stored, how many are still on their way, and why, if storing fails (a stopped
// worker is retried quietly; a full disk is not quiet) — and, when the tab's storage is full or too
// many waited, that tweets on their way would not survive a reload or were dropped. It only looks:
// the live filter hands the tweets to the outbox, which stores them.
import type { Feature } from '../feature';
import { formatCount } from '@/components/Counters';

/** Tweets stored for the transcript (null: not known yet), still on their way, and a storage error; tweets
 * dropped because too many waited, and whether those on their way would survive a reload. */
export interface TranscriptStatus {
  saved: number | null;
  pending: number;
  error: string | null;
  dropped: number;
  kept: boolean;
}

export interface TranscriptStatusTiming {
  /** How often to ask while tweets are on their way. */
  busyMs?: number;
  /** How often to ask when nothing is: rarely, so an idle chat page lets the MV3 worker sleep. */
  idleMs?: number;
}

export function createTranscriptStatus({ busyMs = 2000, idleMs = 30_000 }: TranscriptStatusTiming = {}): Feature<
  'transcript-status',
  TranscriptStatus
> {
  return {
    name: 'transcript-status',
    runsOn: ({ onChatPage }) => onChatPage,
    key: ({ tags }) => tags[0]!,
    start(context) {
      const { deps, signal } = context;
      const tag = context.tags[0]!;
      let timer: ReturnType<typeof setTimeout> | undefined;
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      // Every busyMs, look at the outbox (no message); ask the background for the count only while
      // tweets are on their way, once more after they all arrived, and otherwise every idleMs — so an
      // idle chat page lets the MV3 worker sleep. A tweet can be queued, sent and stored between two
      // looks (a quiet chat, or the last tweets of a busy one): the outbox's running total of accepted
      // tweets tells that it did, or the count would stay short of it until the next idle look.
      let wasBusy = true;
      let lastAsked = -Infinity;
      let acceptedWhenAsked = -1;
      let asked: { saved: number | null; pending: number; error: string | null } | null = null;
      let reported = '';
      const tick = async (): Promise<void> => {
        const { pending, accepted, dropped } = deps.outbox.stats();
        const busy = pending > 0;
        if (busy || wasBusy || accepted !== acceptedWhenAsked || Date.now() - lastAsked >= idleMs) {
          lastAsked = Date.now();
          acceptedWhenAsked = accepted;
          // `pending` was read before asking: when it was 0, the count includes every tweet accepted so far.
          const reply = await deps.client.send({ type: 'tweets/count', tag });
          if (signal.aborted) return;
          const error = deps.lastError();
          asked = {
            saved: reply.ok ? reply.count : null,
            pending,
            error: error ?? (reply.ok || reply.error.code === 'unavailable' ? null : reply.error.message),
          };
        }
        // Whether tweets are kept and how many were dropped is known here: said as soon as it changes.
        // Said only when something changed: the sidebar draws each report (a look every busyMs while
        // the worker catches up often gets the same answer).
        const transcript = asked && { ...asked, dropped, kept: deps.kept() };
        const next = JSON.stringify(transcript);
        if (transcript && next !== reported) {
          reported = next;
          context.report(transcript);
        }
        wasBusy = busy;
        timer = setTimeout(() => void tick(), busyMs);
      };
      void tick();
    },
    section: ({ report: transcript, t }) => (
      <>
        <p class="muted num" data-testid="transcript-status" data-saved={transcript.saved ?? ''} data-pending={transcript.pending}>
          {transcript.saved === null
            ? t('transcriptUnknown')
            : t('transcriptSaved', formatCount(transcript.saved), formatCount(transcript.pending))}
        </p>
        {!transcript.kept ? (
          <p class="notice" role="alert" data-testid="transcript-not-kept">
            {t('transcriptNotKept')}
          </p>
        ) : null}
        {transcript.dropped ? (
          <p class="notice" role="alert" data-testid="transcript-dropped" data-dropped={transcript.dropped}>
            {t('transcriptDropped', formatCount(transcript.dropped))}
          </p>
        ) : null}
        {transcript.error ? (
          <p class="error" role="alert" data-testid="transcript-error">
            {t('transcriptError', transcript.error)}
          </p>
        ) : null}
      </>
    ),
  };
}

export const transcriptStatus = createTranscriptStatus();
