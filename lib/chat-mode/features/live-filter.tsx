// The live filter: on the chat's hashtag page, every cell x.com adds to its timeline is read, decided
// (lib/chat's filter) and marked; the page stylesheet hides what is not the chat's. Cells are handled
// in the MutationObserver callback, before the browser paints, so a hidden tweet never flashes. When
// the page is not recognised, nothing is hidden and the sidebar says so (fail open): when x.com's markup
// cannot be read (lib/x/timeline), and when tweets read but almost none carries the chat's tags — a
// reading gone wrong would otherwise hide the whole chat (lib/chat/recognition). Both keep being
// checked, so filtering resumes when the page reads as the chat again. Seen chat tweets go to the
// background's store through the outbox; the live counts go to the sidebar.
//
// On top of the filter, the reader's view of the stream (lib/chat/view): a pause holding arrivals, a
// question in focus, repeats folded into the tweet shown, and after time away, a line where the unread
// tweets end. Each adds a hide reason or a mark of its own to the same one pass over each cell; a
// change of the view marks the mounted cells again once. Catch up merges the live counts' top answers
// with the stored session's.
//
// Cost: this runs for every cell x.com mounts, and its virtualised list re-creates a tweet's cell each
// time it scrolls back into view. A new tweet's cell is read once (the timeline watcher hands its
// reading over), decided in O(1) (tags of a text are remembered, see hashtags.ts), counted, and
// marked. A re-created cell of a tweet already decided gets its earlier reading back from the watcher
// (lib/x/cell-cache), and the decision taken for that reading is reused: only an O(1) question lookup
// and the marks. New chat tweets go to the outbox as they are counted (it batches its messages); the
// sidebar's counts are refreshed at most once per `reportEveryMs`, and only when a tweet was counted.
import {
  createChatView,
  createLiveChat,
  mergeCatchUp,
  viewItemOf,
  createRecognition,
  decideTweet,
  hasAnyTag,
  parseTweetRef,
  questionKey,
  type ChatContext,
  type FilterDecision,
  type LiveChat,
  type Recognition,
  type Tweet,
  type CatchUpQuestion,
  type ChatView,
  type ViewItem,
  type ViewSnapshot,
} from '@/lib/chat';
import { t } from '@/lib/i18n';
import type { LiveSnapshot } from '@/lib/chat/live';
import type { StoredTweetInput } from '@/lib/protocol/domain';
import { installPageStyle, removePageStyle } from '@/lib/x/page-style';
import { clearMarks, markCell } from '@/lib/x/marks';
import { createCellCache, createCellReader } from '@/lib/x/cell-cache';
import { findTimeline, timelineCells, watchReadingDown, watchTimeline, type TimelineStatus } from '@/lib/x/timeline';
import { readCell, type CellReading } from '@/lib/x/tweet';
import { LiveSection } from '@/components/LiveSection';
import { formatCount } from '@/components/Counters';
import { chatTags, type Feature } from '../feature';

/**
 * The page as the live filter reads it ('unrecognised': nothing is filtered; `detail` says why, and
 * `tagsMissing` is set when it is because almost none of the latest tweets read carries a chat tag),
 * and the live chat's counters, questions, participants and activity.
 */
export interface LiveFilterReport {
  page?: { status: 'waiting' | 'ok' | 'unrecognised'; detail?: string; tagsMissing?: { read: number; tagged: number } };
  live?: LiveSnapshot;
  /** The reader's view of the stream (pause, question in focus), and how the sidebar changes it. */
  view?: ViewSnapshot;
  control?: ViewControl;
}

/** What the sidebar's stream controls ask of the live filter. */
export interface ViewControl {
  pause(): void;
  resume(): void;
  /** Narrows the timeline to a question and its answers; null shows the whole chat again. */
  focusOn(key: string | null): void;
  /** The catch-up of the chat so far: what this tab read, with the saved session's. */
  catchUp(): Promise<CatchUpView>;
}

export interface CatchUpView {
  questions: CatchUpQuestion[];
  /** Whether the saved session is in it (false: the background could not be asked). */
  stored: boolean;
}

export interface LiveFilterTiming {
  /** How often the sidebar's counters are refreshed at most (ms). */
  reportEveryMs?: number;
  /** How long the tab must be hidden for the chat tweets arriving meanwhile to be marked unread (ms). */
  awayMs?: number;
}

/** What was decided about a tweet read: the filter's decision, and for a tweet it shows, the view's item. */
interface Decided {
  tweet: Tweet;
  decision: FilterDecision;
  item: ViewItem | null;
}

/** How many shown cells are remembered for their badge (more than x.com mounts at once). */
const BADGE_CELLS = 100;

const PROMOTED: FilterDecision = { show: false, reason: 'promoted' };

/** Tweets worth keeping in the transcript: the chat's own (tagged), whatever the user's view options. */
function isChatTweet(decision: FilterDecision): boolean {
  return decision.show || (decision.reason !== 'untagged' && decision.reason !== 'promoted');
}

export function createLiveFilter({ reportEveryMs = 1_000, awayMs = 60_000 }: LiveFilterTiming = {}): Feature<
  'live-filter',
  LiveFilterReport
> {
  // The live counts and whether the page reads as the chat outlive restarts of the feature (a mute or
  // an option change re-marks the page: a page known not to read as the chat must not hide its first
  // tweets again), and start afresh for another chat. The reader's view (pause, focus, folds, read
  // marker) outlives a restart too — a mute must not end a pause — but not a stop: turning chat mode
  // off or leaving the chat's page ends it (see the abort handler).
  let live: { tag: string; chat: LiveChat; recognition: Recognition; view: ChatView } | null = null;
  let running = 0;

  return {
    name: 'live-filter',
    runsOn: ({ onChatPage }) => onChatPage,
    start(context) {
      const { chat, signal } = context;
      const doc = context.deps.document;
      // The feature's one report slot holds all its parts; each is replaced as it changes.
      let slot: LiveFilterReport = {};
      const publish = (patch: LiveFilterReport): void => context.report((slot = { ...slot, ...patch }));
      const tag = context.tags[0]!;
      const tags = [...new Set([...context.tags, ...chatTags(context)])];
      const filter: ChatContext = { tags, hosts: chat.hosts, muted: chat.muted, options: chat.filter };
      if (live?.tag !== tag) {
        live = {
          tag,
          chat: createLiveChat({ tags, hosts: chat.hosts, inferHosts: chat.hosts.length === 0 }),
          recognition: createRecognition(),
          view: createChatView(),
        };
      } else live.chat.setHosts(chat.hosts);
      const counts = live.chat;
      const answerKeyOf = (id: string): string | null => counts.answerKeyOf(id);
      const { recognition, view } = live;
      view.setFolding(chat.filter.foldRepeats !== false);
      running++;

      // The page as lib/x reads it, and whether the tweets that read carry the chat's tags.
      let timeline: { status: TimelineStatus; detail?: string } = { status: 'waiting' };
      let recognised = recognition.recognised;
      const reportPage = (): void => {
        let page: NonNullable<LiveFilterReport['page']>;
        if (timeline.status !== 'unrecognised' && !recognised) {
          const { read, tagged } = recognition.counts();
          page = {
            status: 'unrecognised',
            detail: `${tagged} of the last ${read} tweets read carry a chat tag`,
            tagsMissing: { read, tagged },
          };
        } else page = { status: timeline.status, ...(timeline.detail ? { detail: timeline.detail } : {}) };
        publish({ page });
      };
      let reportTimer: ReturnType<typeof setTimeout> | undefined;
      const report = (): void => {
        reportTimer = undefined;
        publish({ live: counts.snapshot(), view: view.snapshot() });
      };
      const scheduleReport = (): void => {
        reportTimer ??= setTimeout(report, reportEveryMs);
      };

      // What was decided about each reading. The watcher hands a re-created cell of a known tweet the
      // same reading object (see onCells in lib/x/timeline), so a decision found here means the tweet
      // was decided and counted already. Weak: the watcher's cache bounds it.
      const decided = new WeakMap<CellReading, Decided>();
      // The cells last marked for a tweet shown (the latest BADGE_CELLS, held weakly: x.com drops cells
      // as it scrolls), so that its badge follows when a repeat arrives. The count is in the badge when
      // the tweet has repeats.
      const badgeCells = new Map<string, { cell: WeakRef<Element>; item: ViewItem }>();
      const badge = (item: ViewItem, cell: Element): string | null => {
        if (badgeCells.get(item.group)?.cell.deref() !== cell) {
          badgeCells.delete(item.group);
          badgeCells.set(item.group, { cell: new WeakRef(cell), item });
          if (badgeCells.size > BADGE_CELLS) badgeCells.delete(badgeCells.keys().next().value!);
        }
        const n = view.repeatsOf(item);
        return n > 1 ? t('foldedBadge', formatCount(n)) : null;
      };

      // The watcher's readings by tweet: forgotten when the page stops or starts reading as the chat
      // again, since the readings of a page that does not read right (x.com's markup changed under it)
      // are wrong, and so are those made just before that was noticed.
      const readingsByTweet = createCellCache();

      /** Decides, counts and marks cells (the page reads as the chat). */
      const filterCells = (cells: Element[], readings: CellReading[]): void => {
        // The cells read, their decisions, and whether each cell's tweet was counted for the first time
        // here: side by side, no object made per cell.
        const cellsRead: Element[] = [];
        const decisions: Decided[] = [];
        const firstCounted: boolean[] = [];
        let counted = false;
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i]!;
          const reading = readings[i];
          if (reading === undefined) continue;
          const known = decided.get(reading);
          if (known !== undefined) {
            cellsRead.push(cell);
            decisions.push(known);
            firstCounted.push(false);
          } else if (reading.kind === 'tweet' || (reading.kind === 'promoted' && reading.tweet)) {
            const tweet = reading.tweet!;
            const decision: FilterDecision = reading.kind === 'promoted' ? PROMOTED : decideTweet(tweet, filter);
            const entry: Decided = { tweet, decision, item: decision.show ? viewItemOf(tweet) : null };
            decided.set(reading, entry);
            cellsRead.push(cell);
            decisions.push(entry);
            const first = counts.add(tweet, decision);
            firstCounted.push(first);
            if (first) {
              counted = true;
              if (decision.show) view.arrived(tweet.id);
            }
          } else if (reading.kind === 'promoted') {
            markCell(cell, { hidden: 'promoted', question: null });
          } else {
            // Placeholders, "show more" rows, and anything unreadable — a tweet without its text may
            // well be the chat's — stay as x.com drew them.
            markCell(cell, { hidden: null, question: null });
          }
        }
        if (cellsRead.length === 0) return;
        // Marked once the whole batch is counted: a tweet later in the batch can make an earlier one a
        // question (the Q1 that identifies the host of an earlier-loaded Q3).
        const readUpTo = view.snapshot().unread?.after;
        const fresh: StoredTweetInput[] = [];
        for (let i = 0; i < cellsRead.length; i++) {
          const cell = cellsRead[i]!;
          const { tweet, decision, item } = decisions[i]!;
          const question = counts.questionKeyOf(tweet.id);
          const hidden = !decision.show ? decision.reason : item ? view.hideReason(item, question, answerKeyOf) : null;
          markCell(cell, {
            hidden,
            question: question && `Q${question.toUpperCase()}`,
            folds: item && !hidden ? badge(item, cell) : null,
            readMarker: !hidden && tweet.id === readUpTo ? t('readMarker') : null,
          });
          if (firstCounted[i] && isChatTweet(decision)) {
            // Parsed already when counted (if the tweet is tagged): this asks the parser's memo.
            const { answer } = parseTweetRef(tweet.text);
            fresh.push({ ...tweet, ...(question ? { question } : {}), ...(answer && !question ? { answer: questionKey(answer) } : {}) });
          }
        }
        // A repeat arrived: the tweet it repeats says so, where x.com shows it now.
        for (const group of view.takeGrown()) {
          const shown = badgeCells.get(group);
          const cell = shown?.cell.deref();
          if (shown && cell?.isConnected) markCell(cell, { folds: badge(shown.item, cell) });
        }
        if (fresh.length > 0) context.deps.outbox.add(tag, fresh);
        // Only a tweet counted for the first time changes what the sidebar shows at once. A repeat folded
        // alone is mostly a repost first drawn as the reader scrolls: its count goes with the next report,
        // so the sidebar never draws while the reader only scrolls.
        if (counted) scheduleReport();
      };

      const handleCells = (cells: Element[], readings: CellReading[]): void => {
        if (timeline.status === 'unrecognised') return;
        for (const reading of readings) {
          // A tweet decided already was seen already: seeing it again changes nothing worth its cost.
          if (reading.kind !== 'tweet' || decided.has(reading)) continue;
          const { tweet } = reading;
          const tagged = hasAnyTag(tweet.text, tags);
          // A cut-off post that shows no tag may carry it in the part the page does not show.
          if (tagged || !tweet.truncated) recognition.see(tweet.id, tagged);
        }
        if (recognition.recognised === recognised) {
          if (recognised) filterCells(cells, readings);
          return;
        }
        recognised = recognition.recognised;
        readingsByTweet.clear();
        reportPage();
        if (!recognised) {
          clearMarks(doc);
          return;
        }
        // The page reads as the chat again: filter what x.com shows now, not only this batch (one
        // pass over the mounted cells, on this change only).
        const node = findTimeline(doc);
        const shown = node ? timelineCells(node) : cells;
        filterCells(shown, node ? shown.map(readCell) : readings);
      };

      /** Marks the mounted cells again after the view changed (one pass over them, on this change only). */
      const remark = (): void => {
        const node = findTimeline(doc);
        if (!node || timeline.status === 'unrecognised' || !recognised) return;
        const shown = timelineCells(node);
        const readingOf = createCellReader(readingsByTweet);
        filterCells(
          shown,
          shown.map((cell) => readingOf(cell, true)),
        );
      };
      const changeView = (change: () => void): void => {
        change();
        remark();
        publish({ view: view.snapshot() });
      };
      // Time away: the tab hidden, then shown again.
      let leftAt: number | null = null;
      doc.addEventListener(
        'visibilitychange',
        () => {
          if (doc.visibilityState === 'hidden') {
            leftAt = Date.now();
            view.leave();
          } else if (leftAt !== null) {
            const before = view.snapshot();
            view.returned(Date.now() - leftAt, awayMs);
            leftAt = null;
            if (view.snapshot() !== before) changeView(() => undefined);
          }
        },
        { signal },
      );
      const control: ViewControl = {
        pause: () => changeView(() => view.pause()),
        resume: () => changeView(() => view.resume()),
        focusOn: (key) => changeView(() => view.focusOn(key)),
        async catchUp() {
          const reply = await context.deps.client.send({ type: 'catch-up', tag });
          return { questions: mergeCatchUp(counts.catchUp(), reply.ok ? reply.questions : []), stored: reply.ok };
        },
      };

      installPageStyle(doc);
      watchTimeline(
        doc,
        {
          onCells: handleCells,
          onStatus(next, detail) {
            timeline = { status: next, ...(detail ? { detail } : {}) };
            // Fail open: what we cannot read, we do not hide.
            if (next === 'unrecognised') clearMarks(doc);
            reportPage();
          },
        },
        signal,
        { cache: readingsByTweet },
      );
      // Stopping: the page is left as x.com drew it.
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(reportTimer);
          clearMarks(doc);
          removePageStyle(doc);
          running--;
          // A restart starts the feature again at once (in the same task): only a stop leaves none running.
          const stopped = live;
          queueMicrotask(() => {
            if (running === 0 && stopped) stopped.view = createChatView();
          });
        },
        { once: true },
      );
      // "Pause while I scroll down": paused reading down, resumed back at the newest — unless the reader
      // paused or resumed by hand meanwhile, which stands until they are back at the top.
      if (chat.filter.pauseWhileScrolling === true) {
        let autoPaused = false;
        watchReadingDown(
          doc,
          (readingDown) => {
            const { paused } = view.snapshot();
            if (readingDown && !paused) {
              autoPaused = true;
              control.pause();
            } else if (!readingDown) {
              if (autoPaused && paused) control.resume();
              autoPaused = false;
            }
          },
          signal,
        );
      }
      publish({ control });
      report();
    },
    notice: ({ report: { page }, state, t }) =>
      page?.status === 'unrecognised' ? (
        <p class="notice" role="status" data-testid="page-notice" data-detail={page.detail ?? ''}>
          {page.tagsMissing
            ? t('pageTagsMissing', formatCount(page.tagsMissing.tagged), formatCount(page.tagsMissing.read), `#${state.tags?.[0] ?? ''}`)
            : t('pageNotRecognised')}
        </p>
      ) : null,
    section: (props) => {
      const { live, view, control } = props.report;
      return live && view && control ? <LiveSection {...props} live={live} view={view} control={control} /> : null;
    },
  };
}

export const liveFilter = createLiveFilter();
