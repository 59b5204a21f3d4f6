// The host console in the sidebar: offered to the chat's host (see the host-console feature). The next
// item of the plan with "Post Q3" (x.com's composer opens prefilled; the host posts it), the time since
// the last question against the plan, every item with its planned and actual time and its answers, the
// newcomers to welcome and the questions asked of the host. Texts are rendered as text, never as HTML.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { consoleState, EMPTY_PLAN, formatSpan, type ConsoleItem, type Handle, type HostPlan, type HostPost } from '@/lib/chat';
import type { LiveSnapshot } from '@/lib/chat/live';
import { chatTags, type SectionProps } from '@/lib/chat-mode/feature';
import type { HostConsoleReport } from '@/lib/chat-mode/features/host-console';
import type { Translate } from '@/lib/i18n';
import { openComposerWithText } from '@/lib/x/composer';
import { scrollToTweet } from '@/lib/x/timeline';
import { statusUrl } from '@/lib/x/urls';
import { Isolated } from './Isolated';
import { formatAnswers } from './QuestionList';
import { PlanEditor } from './PlanEditor';
import { trusted } from './trusted';
import { formatCount } from './Counters';

const SECOND = 1_000;
/** The plan is for the chat's next occurrence from this long before it (and for the one running now). */
const PLANNING_AHEAD_MS = 2 * 60 * 60 * 1000;
/** Newcomers and questions listed at most. */
const LISTED = 10;

export type HostConsoleProps = Omit<SectionProps<HostConsoleReport>, 'report'> & { report: HostConsoleReport; now?: () => number };

export function HostConsole({ report, state, t, doc, update, now = Date.now }: HostConsoleProps) {
  const { chat, tags } = state;
  const me = report.me;
  const live = state.reports['live-filter']?.live;
  const isHost = me !== null && (chat?.hosts.includes(me) === true || live?.questions.some((q) => q.author === me) === true);
  const offered = chat !== null && tags !== null && (chat.hosting === true || isHost);
  const hosting = chat?.hosting === true;
  const [open, setOpen] = useState(hosting);
  // Opens when the user says they host the chat (on the options page, while the tab is open, too).
  useEffect(() => {
    if (hosting) setOpen(true);
  }, [hosting]);
  // "I host this chat" makes the signed-in account one of the hosts, so that its questions count: asked
  // once per chat and account (a failed save is not asked again in a loop; the sidebar shows its error).
  const hosts = chat?.hosts;
  const addedAsHost = useRef<string | null>(null);
  useEffect(() => {
    const key = `${tags?.[0]} ${me}`;
    if (!hosting || me === null || !hosts || hosts.includes(me) || addedAsHost.current === key) return;
    addedAsHost.current = key;
    update({ hosts: [...hosts, me] });
  }, [hosting, me, hosts, tags, update]);
  const { refresh } = report;
  useEffect(() => {
    if (open && offered) refresh();
  }, [open, offered, refresh]);
  const panelId = `host-console-${useId()}`;
  if (!offered || chat === null || tags === null) return null;
  return (
    <section class="host-console" data-testid="host-console">
      <button
        type="button"
        class="button host-console-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={trusted(() => setOpen(!open))}
      >
        {t('hostConsole')}
      </button>
      {open ? (
        <div id={panelId} class="host-console-panel">
          <p class="muted" data-testid="host-signed-in">
            {me === null ? t('hostSignedInUnknown') : t('hostSignedInAs', `@${me}`)}
          </p>
          <ConsolePanel
            plan={chat.plan}
            tags={chatTags({ tags, chat })}
            start={state.next && state.next.start - now() < PLANNING_AHEAD_MS ? state.next.start : null}
            sessionStart={report.stored?.sessionStart ?? null}
            live={live}
            report={report}
            hosts={chat.hosts}
            onSavePlan={(plan) => update({ plan })}
            doc={doc}
            now={now}
            t={t}
          />
        </div>
      ) : null}
    </section>
  );
}

interface ConsolePanelProps {
  plan: HostPlan | undefined;
  tags: string[];
  start: number | null;
  sessionStart: number | null;
  live: LiveSnapshot | undefined;
  report: HostConsoleReport;
  hosts: readonly Handle[];
  onSavePlan(plan: HostPlan): void;
  doc: Document;
  now: () => number;
  t: Translate;
}

function ConsolePanel({ plan, tags, start, sessionStart, live, report, hosts, onSavePlan, doc, now, t }: ConsolePanelProps) {
  const [editing, setEditing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  // The timers move every second while the console is open.
  const [at, setAt] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), SECOND);
    return () => clearInterval(timer);
  }, [now]);
  // The host's own posts, remembered while the console is open: the tab's list keeps only every host's
  // latest, and a busy chat's hosts post more than that in an hour.
  const ownPosts = useRef(new Map<string, HostPost>());
  const posts = useMemo(
    () => mergedPosts(ownPosts.current, report.me, report.stored?.posts, live?.room.hostPosts),
    [report.me, report.stored, live?.room.hostPosts],
  );
  const answers = useMemo(() => mergedAnswers(report.stored?.answers, live?.questions), [report.stored, live?.questions]);
  if (!plan || plan.questions.length === 0 || editing) {
    return (
      <>
        {!editing ? <p class="muted">{t('hostNoPlan')}</p> : null}
        <PlanEditor
          plan={plan ?? EMPTY_PLAN}
          tags={tags}
          idPrefix="sidebar-plan"
          onSave={(next) => {
            onSavePlan(next);
            setEditing(false);
          }}
          t={t}
        />
        {editing ? (
          <button type="button" class="link-button" onClick={() => setEditing(false)}>
            {t('hostCancelEdit')}
          </button>
        ) : null}
      </>
    );
  }
  const view = consoleState({ plan, tags, start, sessionStart, posts, answers, recentAnswers: live?.room.recentAnswers ?? [], now: at });
  const post = (item: ConsoleItem): void => {
    setFailed(null);
    void openComposerWithText(doc, item.post.text, item.post.text.length).then((ok) => {
      if (!ok) setFailed(item.label);
    });
  };
  const { next, nextDue, lastQuestion } = view;
  return (
    <>
      {lastQuestion?.posted ? (
        <p class="num" data-testid="host-timer">
          {t('hostSincePosted', lastQuestion.label, formatSpan(at - lastQuestion.posted.at), formatCount(plan.every))}
        </p>
      ) : null}
      {next ? (
        <div class="host-next" data-testid="host-next">
          <p>
            <strong>{t('hostNext', next.label)}</strong> <Isolated text={next.item.text} />
          </p>
          {nextDue !== null ? (
            <p class="muted num" data-testid="host-due">
              {nextDue >= at ? t('hostDueIn', formatSpan(nextDue - at)) : t('hostLate', formatSpan(at - nextDue))}
            </p>
          ) : null}
          {next.post.tooLong ? (
            <p class="notice" role="status">
              {t('hostTooLong', next.label, formatCount(next.post.weightedLength))}
            </p>
          ) : null}
          <button type="button" class="button" onClick={trusted(() => post(next))}>
            {t('hostPost', next.label)}
          </button>
        </div>
      ) : (
        <p class="muted">{t('hostAllPosted')}</p>
      )}
      {failed !== null ? (
        <p class="error" role="alert">
          {t('hostComposerFailed', failed)}
        </p>
      ) : null}
      <ol class="host-items" aria-label={t('hostPlanHeading')}>
        {view.items.map((entry) => (
          <li key={entry.item.key} data-key={entry.item.key} data-posted={entry.posted ? 'true' : 'false'} class="host-item">
            <span class="question-number num">{entry.label}</span> <Isolated class="host-item-text" text={entry.item.text} />
            <span class="muted num host-item-times">
              {entry.due !== null ? t('hostPlanned', clock(entry.due)) : ''}{' '}
              {entry.posted ? t('hostPostedAt', clock(entry.posted.at)) : t('hostNotPosted')}
            </span>
            {entry.item.kind === 'question' && entry.posted ? (
              <span class="muted num host-item-answers">
                {formatAnswers(entry.answers, t)} · {t('hostLastMinute', formatCount(entry.answersLastMinute))}
              </span>
            ) : null}
            {!entry.posted && entry !== next ? (
              <button type="button" class="link-button" onClick={trusted(() => post(entry))}>
                {t('hostPost', entry.label)}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button type="button" class="link-button" onClick={trusted(() => setEditing(true))}>
        {t('hostEditPlan')}
      </button>
      {live ? <Room live={live} start={view.origin} hosts={hosts} doc={doc} t={t} /> : null}
    </>
  );
}

/** How many of the host's own posts the console remembers (a plan has at most 30 questions of 5 parts). */
const OWN_POSTS = 500;

/**
 * The signed-in host's own posts (every host's while it is unknown) of the store and the tab, each once,
 * added to those `known` (kept in insertion order, the oldest dropped past `OWN_POSTS`).
 */
function mergedPosts(
  known: Map<string, HostPost>,
  me: Handle | null,
  stored: readonly HostPost[] | undefined,
  read: readonly HostPost[] | undefined,
): HostPost[] {
  for (const post of [...(stored ?? []), ...(read ?? [])]) if (me === null || post.author === me) known.set(post.id, post);
  for (const id of known.keys()) {
    if (known.size <= OWN_POSTS) break;
    known.delete(id);
  }
  return [...known.values()].filter((post) => me === null || post.author === me);
}

/** Answers per question: the larger of the store's count (which lags) and the tab's (which forgets on reload). */
function mergedAnswers(stored: Record<string, number> | undefined, read: LiveSnapshot['questions'] | undefined): Map<string, number> {
  const answers = new Map(Object.entries(stored ?? {}));
  for (const q of read ?? []) answers.set(q.key, Math.max(q.answerCount, answers.get(q.key) ?? 0));
  return answers;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
function clock(ms: number): string {
  return clockFormat.format(ms);
}

interface RoomProps {
  live: LiveSnapshot;
  start: number | null;
  hosts: readonly Handle[];
  doc: Document;
  t: Translate;
}

function Room({ live, start, hosts, doc, t }: RoomProps) {
  const headingId = `room-${useId()}`;
  const newcomers = live.room.newcomers.filter((p) => !hosts.includes(p.handle) && (start === null || p.at >= start)).slice(0, LISTED);
  const asks = live.room.asks.filter((a) => !a.answered).slice(0, LISTED);
  const show = (id: string) => (e: Event) => {
    if (scrollToTweet(doc, id)) e.preventDefault();
  };
  return (
    <section class="host-room" aria-labelledby={headingId}>
      <h3 class="section" id={headingId}>
        {t('hostRoomHeading')}
      </h3>
      <p class="muted">{t('hostNewcomers')}</p>
      <TweetLinks
        testId="host-newcomers"
        links={newcomers.map((p) => ({ handle: p.handle, id: p.tweetId, text: p.name, muted: true }))}
        show={show}
        t={t}
      />
      <p class="muted">{t('hostAsks')}</p>
      <TweetLinks testId="host-asks" links={asks.map((a) => ({ handle: a.handle, id: a.id, text: a.text }))} show={show} t={t} />
    </section>
  );
}

interface TweetLink {
  handle: Handle;
  id: string;
  /** The tweet's text, or its author's name (`muted`). */
  text: string;
  muted?: boolean;
}

/** Tweets as `@handle text` links: brought into view while x.com has them on the page, else opened in a new tab. */
function TweetLinks({
  testId,
  links,
  show,
  t,
}: {
  testId: string;
  links: TweetLink[];
  show: (id: string) => (e: Event) => void;
  t: Translate;
}) {
  if (links.length === 0) return <p class="muted">{t('hostNone')}</p>;
  return (
    <ul class="host-tweets" data-testid={testId}>
      {links.map((link) => (
        <li key={link.id}>
          <a href={statusUrl(link.handle, link.id)} target="_blank" rel="noopener noreferrer" onClick={show(link.id)}>
            <bdi>@{link.handle}</bdi> <Isolated class={link.muted ? 'muted' : undefined} text={link.text} />
          </a>
        </li>
      ))}
    </ul>
  );
}
