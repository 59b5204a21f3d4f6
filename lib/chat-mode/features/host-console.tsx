// Host console: for the account that hosts the chat (one of its hosts, known or inferred, or the user said
// "I host this chat"), the plan's next post one click from x.com's composer — prefilled, never posted:
// the host posts it with x.com's own Post button — the timer against the plan, and the room (answers per
// question, newcomers, questions asked of the host). Who is signed in is read from x.com's page; what
// was posted before a reload comes from the store, the rest from the live filter's counts.
import type { Handle, HostPost } from '@/lib/chat';
import { signedInHandle } from '@/lib/x/account';
import { HostConsole } from '@/components/HostConsole';
import type { Feature } from '../feature';
import { retryUntil } from '../retry-until';

/** What the store holds of the chat's latest session for the console. */
export interface StoredHostPosts {
  posts: HostPost[];
  answers: Record<string, number>;
  /** The session's start (epoch ms), or null without one. */
  sessionStart: number | null;
}

export interface HostConsoleReport {
  /** The signed-in account, or null while x.com has not shown it. */
  me: Handle | null;
  /** The store's part, once asked for (null before, or when the background could not answer). */
  stored: StoredHostPosts | null;
  /** Asks the store again (the console does on opening). */
  refresh(): void;
}

/** x.com draws its navigation soon after the page: looked for every second, for a minute. */
const HANDLE_TRIES = 60;
const HANDLE_EVERY_MS = 1_000;

export const hostConsole: Feature<'host-console', HostConsoleReport> = {
  name: 'host-console',
  uses: ['live-filter'],
  runsOn: () => true,
  // The plan and hosts are read by the console as they change: only another chat restarts it.
  key: ({ tags }) => tags[0]!,
  start(context) {
    const { deps, signal } = context;
    const tag = context.tags[0]!;
    let asking = false;
    const refresh = (): void => {
      if (asking || signal.aborted) return;
      asking = true;
      void deps.client.send({ type: 'host/posts', tag }).then((reply) => {
        asking = false;
        if (reply.ok && !signal.aborted)
          publish({ stored: { posts: reply.posts, answers: reply.answers, sessionStart: reply.sessionStart } });
      });
    };
    let report: HostConsoleReport = { me: null, stored: null, refresh };
    const publish = (patch: Partial<HostConsoleReport>): void => context.report((report = { ...report, ...patch }));
    publish({});
    retryUntil(
      () => {
        const me = signedInHandle(deps.document);
        if (me !== null) publish({ me });
        return me !== null;
      },
      { tries: HANDLE_TRIES, everyMs: HANDLE_EVERY_MS },
      signal,
    );
  },
  section: ({ report, state, t, doc, update }) => <HostConsole report={report} state={state} t={t} doc={doc} update={update} />,
};
