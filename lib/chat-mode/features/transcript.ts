// Transcript status: while chat mode records a chat, the sidebar says how many of its tweets the
// background has stored, how many are still on their way, and why, if storing fails (a stopped
// worker is retried quietly; a full disk is not quiet) — and, when the tab's storage is full or too
// many waited, that tweets on their way would not survive a reload or were dropped.
import type { Client } from '@/lib/protocol/client';
import type { Outbox } from '@/lib/outbox';
import type { Feature } from '../tab';

export interface TranscriptDeps {
  client: Client;
  outbox: Pick<Outbox, 'stats'>;
  /** Whether tweets on their way are kept across a reload (false: the tab's storage is full). */
  kept: () => boolean;
  /** The outbox's latest error that the user must know about (e.g. storage full), or null. */
  lastError: () => string | null;
  /** How often to ask while tweets are on their way. */
  busyMs?: number;
  /** How often to ask when nothing is: rarely, so an idle chat page lets the MV3 worker sleep. */
  idleMs?: number;
}

export function transcriptFeature(deps: TranscriptDeps): Feature {
  const busyMs = deps.busyMs ?? 2000;
  const idleMs = deps.idleMs ?? 30_000;
  return {
    name: 'transcript',
    runsOn: ({ onChatPage }) => onChatPage,
    key: ({ tags }) => tags[0]!,
    start(context) {
      const tag = context.tags[0]!;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
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
          if (stopped) return;
          const error = deps.lastError();
          asked = {
            saved: reply.ok ? reply.count : null,
            pending,
            error: error ?? (reply.ok || reply.error.code === 'unavailable' ? null : reply.error.message),
          };
          reported = '';
        }
        // Whether tweets are kept and how many were dropped is known here: said as soon as it changes.
        const transcript = asked && { ...asked, dropped, kept: deps.kept() };
        const next = JSON.stringify(transcript);
        if (transcript && next !== reported) {
          reported = next;
          context.report({ transcript });
        }
        wasBusy = busy;
        timer = setTimeout(() => void tick(), busyMs);
      };
      void tick();
      return () => {
        stopped = true;
        clearTimeout(timer);
        context.report({ transcript: undefined });
      };
    },
  };
}
