// The live filter: on the chat's hashtag page, every cell x.com adds to its timeline is read, decided
// (lib/chat's filter) and marked; the page stylesheet hides what is not the chat's. Cells are handled
// in the MutationObserver callback, before the browser paints, so a hidden tweet never flashes. When
// the page is not recognised, nothing is hidden and the sidebar says so (fail open). Seen chat tweets
// go to the background's store through the outbox; the live counts go to the sidebar.
import {
  createLiveChat,
  decideTweet,
  handleIn,
  parseAnswer,
  questionKey,
  type ChatContext,
  type FilterDecision,
  type LiveChat,
  type Tweet,
} from '@/lib/chat';
import type { StoredTweetInput } from '@/lib/messages';
import type { Outbox } from '@/lib/outbox';
import { installPageStyle, removePageStyle } from '@/lib/x/page-style';
import { clearMarks, markCell, watchTimeline, type TimelineStatus } from '@/lib/x/timeline';
import { readCell } from '@/lib/x/tweet';
import { chatTags, type Feature, type FeatureContext } from '../tab';

export interface LiveFilterDeps {
  outbox: Pick<Outbox, 'add'>;
  /** How often the sidebar's counters are refreshed at most (ms). */
  reportEveryMs?: number;
}

/** Tweets worth keeping in the transcript: the chat's own (tagged), whatever the user's view options. */
function isChatTweet(decision: FilterDecision): boolean {
  return decision.show || (decision.reason !== 'untagged' && decision.reason !== 'promoted');
}

export function liveFilterFeature(doc: Document, deps: LiveFilterDeps): Feature {
  const reportEveryMs = deps.reportEveryMs ?? 400;
  // The live counts outlive restarts of the feature (a mute or an option change re-marks the page),
  // and start afresh for another chat.
  let live: { tag: string; chat: LiveChat } | null = null;

  return {
    name: 'live-filter',
    runsOn: ({ onChatPage }) => onChatPage,
    start(context: FeatureContext) {
      const { chat } = context;
      const tag = context.tags[0]!;
      const tags = [...new Set([...context.tags, ...chatTags(context)])];
      const filter: ChatContext = { tags, hosts: chat.hosts, muted: chat.muted, options: chat.filter };
      if (live?.tag !== tag) live = { tag, chat: createLiveChat({ tags, hosts: chat.hosts, inferHosts: chat.hosts.length === 0 }) };
      else live.chat.setHosts(chat.hosts);
      const counts = live.chat;

      let status: TimelineStatus = 'waiting';
      let reportTimer: ReturnType<typeof setTimeout> | undefined;
      const report = (): void => {
        reportTimer = undefined;
        context.report({ live: counts.snapshot() });
      };
      const scheduleReport = (): void => {
        reportTimer ??= setTimeout(report, reportEveryMs);
      };

      const handleCells = (cells: Element[]): void => {
        if (status === 'unrecognised') return;
        const read: Array<{ cell: Element; tweet: Tweet; decision: FilterDecision }> = [];
        const fresh: StoredTweetInput[] = [];
        for (const cell of cells) {
          const reading = readCell(cell);
          if (reading.kind === 'tweet' || (reading.kind === 'promoted' && reading.tweet)) {
            const tweet = reading.tweet!;
            const decision: FilterDecision = reading.kind === 'promoted' ? { show: false, reason: 'promoted' } : decideTweet(tweet, filter);
            read.push({ cell, tweet, decision });
            if (counts.add(tweet, decision) && isChatTweet(decision)) fresh.push(tweet);
          } else if (reading.kind === 'promoted') {
            markCell(cell, { hidden: 'promoted', question: null, host: false });
          } else {
            // Placeholders, "show more" rows and anything unreadable stay as x.com drew them.
            markCell(cell, { hidden: null, question: null, host: false });
          }
        }
        if (read.length === 0) return;
        const snapshot = counts.snapshot();
        const questionOf = new Map<string, string>(snapshot.questions.map((q) => [q.tweetId, q.key]));
        for (const { cell, tweet, decision } of read) {
          const question = questionOf.get(tweet.id) ?? null;
          markCell(cell, {
            hidden: decision.show ? null : decision.reason,
            question: question && `Q${question.toUpperCase()}`,
            host: handleIn(tweet.author.handle, chat.hosts),
          });
        }
        if (fresh.length > 0) {
          deps.outbox.add(
            tag,
            fresh.map((tweet) => {
              const answer = parseAnswer(tweet.text);
              const question = questionOf.get(tweet.id);
              return { ...tweet, ...(question ? { question } : {}), ...(answer && !question ? { answer: questionKey(answer) } : {}) };
            }),
          );
        }
        scheduleReport();
      };

      installPageStyle(doc);
      const stopWatching = watchTimeline(doc, {
        onCells: handleCells,
        onStatus(next, detail) {
          status = next;
          // Fail open: what we cannot read, we do not hide.
          if (next === 'unrecognised') clearMarks(doc);
          context.report({ page: { status: next, ...(detail ? { detail } : {}) } });
        },
      });
      report();

      return () => {
        stopWatching();
        clearTimeout(reportTimer);
        clearMarks(doc);
        removePageStyle(doc);
        context.report({ page: undefined, live: undefined });
      };
    },
  };
}
