// Transcript status: while chat mode records a chat, the sidebar says how many of its tweets the
// background has stored, how many are still on their way, and why, if storing fails (a stopped
// worker is retried quietly; a full disk is not quiet).
import type { Client } from '@/lib/messages';
import type { Outbox } from '@/lib/outbox';
import type { Feature } from '../tab';

export interface TranscriptDeps {
  client: Client;
  outbox: Pick<Outbox, 'pending'>;
  /** The outbox's latest error that the user must know about (e.g. storage full), or null. */
  lastError: () => string | null;
  everyMs?: number;
}

export function transcriptFeature(deps: TranscriptDeps): Feature {
  const everyMs = deps.everyMs ?? 2000;
  return {
    name: 'transcript',
    runsOn: ({ onChatPage }) => onChatPage,
    key: ({ tags }) => tags[0]!,
    start(context) {
      const tag = context.tags[0]!;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async (): Promise<void> => {
        const reply = await deps.client.send({ type: 'tweets/count', tag });
        if (stopped) return;
        const error = deps.lastError();
        context.report({
          transcript: {
            saved: reply.ok ? reply.count : null,
            pending: deps.outbox.pending(),
            error: error ?? (reply.ok || reply.error.code === 'unavailable' ? null : reply.error.message),
          },
        });
        timer = setTimeout(() => void tick(), everyMs);
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
