// The chat sidebar: renders the tab's chat-mode state and emits the user's intents. Tweet text and
// names are rendered as text nodes only (JSX children), never as HTML. Controls that change settings
// act on the user's own input only (see trusted.ts).
import { Fragment } from 'preact';
import { formatLocalTime, formatTag, occurrencePhase, type OccurrenceTimes } from '@/lib/chat';
import type { TabState } from '@/lib/chat-mode/tab';
import type { ChatSettings } from '@/lib/protocol/domain';
import type { Translate } from '@/lib/i18n';
import type { SidebarPlacement } from '@/lib/x/layout';
import type { XTheme } from '@/lib/x/theme';
import { ActivityChart } from './ActivityChart';
import { ChatModeSwitch } from './ChatModeSwitch';
import { Counters } from './Counters';
import { LoadStatus } from './LoadStatus';
import { Isolated } from './Isolated';
import { Participants } from './Participants';
import { QuestionList } from './QuestionList';
import { trusted } from './trusted';

export interface SidebarIntents {
  setCollapsed(collapsed: boolean): void;
  setChatMode(on: boolean): void;
  retry(): void;
  /** Scroll x.com's timeline to a question's tweet. */
  selectQuestion(key: string): void;
  /** Open a composer answering a question. */
  answer(key: string): void;
  mute(handle: string): void;
}

export interface ChatSidebarProps {
  state: TabState;
  placement?: SidebarPlacement | null;
  intents: SidebarIntents;
  t: Translate;
  theme: XTheme;
  now?: () => Date;
  /** The user's time zone (the browser's by default). */
  timeZone?: string;
}

export function ChatSidebar({ state, placement = null, intents, t, theme, now = () => new Date(), timeZone }: ChatSidebarProps) {
  const tag = state.tags?.[0] ?? '';
  const { load, chat } = state;
  const collapsed = chat?.sidebar.collapsed ?? false;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const bodyId = `chat-mode-body-${tag}`;
  const title = chat?.title;

  return (
    <aside
      class="sidebar"
      data-theme={theme.scheme}
      data-collapsed={collapsed ? 'true' : 'false'}
      data-behind-dialog={placement?.hidden ? 'true' : undefined}
      aria-busy={load.state === 'loading' || state.saving}
      aria-label={t('sidebarLabel', formatTag(tag))}
      style={{
        fontSize: `${theme.fontSize}px`,
        ...(placement
          ? {
              top: `${placement.top}px`,
              right: `${placement.right}px`,
              maxHeight: `calc(100vh - ${placement.top + 12}px)`,
              ...(collapsed ? {} : { width: `${placement.width}px` }),
            }
          : {}),
      }}
    >
      <header class="header">
        <div class="heading">
          <h2 class="tag">{formatTag(tag)}</h2>
          {title && title.toLowerCase() !== tag ? (
            <p class="title" dir="auto">
              {title}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          class="icon-button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={collapsed ? t('expand') : t('collapse')}
          title={collapsed ? t('expand') : t('collapse')}
          disabled={!chat}
          onClick={trusted(() => intents.setCollapsed(!collapsed))}
        >
          <span aria-hidden="true">{collapsed ? '‹' : '›'}</span>
        </button>
      </header>
      <div id={bodyId} class="body" hidden={collapsed}>
        <LoadStatus load={load} failed={(message) => t('unavailable', message)} onRetry={intents.retry} t={t} />
        {state.saveError ? (
          <p class="error" role="alert">
            {t('saveFailed', state.saveError)}
          </p>
        ) : null}
        {chat ? (
          <>
            <ChatModeSwitch on={chat.chatMode} disabled={state.saving} onChange={intents.setChatMode} t={t} />
            {chat.chatMode ? <ChatModeReports state={state} intents={intents} t={t} /> : null}
            <ChatDetails chat={chat} next={state.next} t={t} now={now()} zone={zone} />
          </>
        ) : null}
      </div>
    </aside>
  );
}

function ChatModeReports({ state, intents, t }: { state: TabState; intents: SidebarIntents; t: Translate }) {
  const { page, autoTag, live, transcript } = state.reports;
  return (
    <>
      {page?.status === 'unrecognised' ? (
        <p class="notice" role="status" data-testid="page-notice" data-detail={page.detail ?? ''}>
          {page.tagsMissing
            ? t('pageTagsMissing', String(page.tagsMissing.tagged), String(page.tagsMissing.read), `#${state.tags?.[0] ?? ''}`)
            : t('pageNotRecognised')}
        </p>
      ) : null}
      {autoTag ? (
        <p class="notice" role="alert" data-testid="autotag-warning">
          {t('autoTagTooLong', String(autoTag.weightedLength), String(autoTag.limit))}
        </p>
      ) : null}
      {!state.onChatPage ? (
        <p class="muted" data-testid="elsewhere-note">
          {t('chatModeElsewhere')}
        </p>
      ) : null}
      {transcript ? (
        <p class="muted num" data-testid="transcript-status" data-saved={transcript.saved ?? ''} data-pending={transcript.pending}>
          {transcript.saved === null ? t('transcriptUnknown') : t('transcriptSaved', String(transcript.saved), String(transcript.pending))}
        </p>
      ) : null}
      {transcript && !transcript.kept ? (
        <p class="notice" role="alert" data-testid="transcript-not-kept">
          {t('transcriptNotKept')}
        </p>
      ) : null}
      {transcript?.dropped ? (
        <p class="notice" role="alert" data-testid="transcript-dropped" data-dropped={transcript.dropped}>
          {t('transcriptDropped', String(transcript.dropped))}
        </p>
      ) : null}
      {transcript?.error ? (
        <p class="error" role="alert" data-testid="transcript-error">
          {t('transcriptError', transcript.error)}
        </p>
      ) : null}
      {live ? (
        <>
          <Counters shown={live.shown} hidden={live.hidden} t={t} />
          <QuestionList
            questions={live.questions}
            current={live.current}
            onSelect={intents.selectQuestion}
            onAnswer={intents.answer}
            t={t}
          />
          <ActivityChart perMinute={live.perMinute} t={t} />
          <Participants participants={live.participants.filter((p) => !state.chat?.muted.includes(p.handle))} onMute={intents.mute} t={t} />
        </>
      ) : null}
    </>
  );
}

function ChatDetails({
  chat,
  next,
  t,
  now,
  zone,
}: {
  chat: ChatSettings;
  next: OccurrenceTimes | null;
  t: Translate;
  now: Date;
  zone: string;
}) {
  let when = t('noSchedule');
  if (next) {
    const phase = occurrencePhase(next, now.getTime());
    if (phase === 'upcoming') when = t('nextChat', formatLocalTime(next.start, zone));
    else if (phase === 'live') when = t('liveNow', formatLocalTime(next.end, zone));
    else when = t('chatEnded', formatLocalTime(next.end, zone));
  }
  return (
    <>
      <p class="when" data-testid="chat-when">
        {when}
      </p>
      {chat.extraTags.length > 0 ? (
        <p class="muted">
          {t('otherTags')}:{' '}
          {chat.extraTags.map((extra, i) => (
            <Fragment key={extra}>
              {i > 0 ? ' ' : null}
              <Isolated text={formatTag(extra)} />
            </Fragment>
          ))}
        </p>
      ) : null}
      <h3 class="section">{t('hosts')}</h3>
      {chat.hosts.length > 0 ? (
        <ul class="hosts">
          {chat.hosts.map((handle) => (
            <li key={handle}>
              <a href={`/${handle}`}>
                <Isolated text={`@${handle}`} />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noHosts')}</p>
      )}
    </>
  );
}
