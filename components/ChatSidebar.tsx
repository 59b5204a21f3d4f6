// The chat sidebar: renders the tab's chat-mode state and emits the user's intents. Tweet text and
// names are rendered as text nodes only (JSX children), never as HTML. Controls that change settings
// act on the user's own input only (see trusted.ts).
import { Component, Fragment } from 'preact';
import { formatLocalTime, formatTag, occurrencePhase, type OccurrenceTimes } from '@/lib/chat';
import type { Feature, SectionProps } from '@/lib/chat-mode/feature';
import { features } from '@/lib/chat-mode/features';
import type { TabState } from '@/lib/chat-mode/tab';
import type { ChatSettings, ChatSettingsEditable } from '@/lib/protocol/domain';
import type { Translate } from '@/lib/i18n';
import type { XTheme } from '@/lib/x/theme';
import { ChatModeSwitch as ChatModeSwitchPart } from './ChatModeSwitch';
import { formatCount, hiddenTotal } from './Counters';
import { LoadStatus } from './LoadStatus';
import { Isolated } from './Isolated';
import { pure } from './pure';
import { trusted } from './trusted';

// Function properties, not methods: the sidebar hands them on to its controls unbound.
export interface SidebarIntents {
  setCollapsed: (collapsed: boolean) => void;
  setChatMode: (on: boolean) => void;
  retry: () => void;
  /** Change the chat's settings (a feature's section: mute a participant…). */
  update: (patch: Partial<ChatSettingsEditable>) => void;
}

export interface ChatSidebarProps {
  state: TabState;
  intents: SidebarIntents;
  t: Translate;
  theme: XTheme;
  now?: () => Date;
  /** The user's time zone (the browser's by default). */
  timeZone?: string;
}

// Drawn again only when their own props changed: the sidebar is drawn with every live report.
const ChatModeSwitch = pure(ChatModeSwitchPart);

// Read once per page: building a DateTimeFormat on every render cost more than the rest of a render's date work.
let browserTimeZone: string | undefined;

export function ChatSidebar(props: ChatSidebarProps) {
  const { state, intents, t, theme, now = () => new Date(), timeZone } = props;
  const tag = state.tags?.[0] ?? '';
  const { load, chat } = state;
  const collapsed = chat?.sidebar.collapsed ?? false;
  const zone = timeZone ?? (browserTimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
  const bodyId = `chat-mode-body-${tag}`;
  const title = chat?.title;
  const filter = state.reports['live-filter'];

  return (
    <aside
      class="sidebar"
      data-theme={theme.scheme}
      data-collapsed={collapsed ? 'true' : 'false'}
      aria-busy={load.state === 'loading' || state.saving}
      aria-label={t('sidebarLabel', formatTag(tag))}
      style={{ fontSize: `${theme.fontSize}px` }}
    >
      <header class="header">
        <div class="heading">
          <h2 class="tag">{formatTag(tag)}</h2>
          {title && title.toLowerCase() !== tag ? (
            <p class="title" dir="auto">
              {title}
            </p>
          ) : null}
          {collapsed && filter?.live && filter.view ? (
            // Shown by the stylesheet when the sidebar is a bottom sheet: its collapsed bar still tells how the chat goes.
            <p class="title bar-counts num" data-testid="bar-counts">
              {t('countShown', formatCount(filter.live.shown - filter.view.held))} ·{' '}
              {t('countHidden', formatCount(hiddenTotal(filter.live.hidden, filter.view.held)))}
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
            {chat.chatMode ? <ChatModeReports {...props} /> : null}
            <ChatDetails
              chat={chat}
              next={state.next}
              phase={state.next && occurrencePhase(state.next, now().getTime())}
              t={t}
              zone={zone}
            />
          </>
        ) : null}
      </div>
    </aside>
  );
}

/** Each running feature's notice, then each one's section, in the order of the feature list. */
function ChatModeReports({ state, intents, t }: ChatSidebarProps) {
  // Seen as features of any report: each gets back the slot it filled. Sections act on x.com's page.
  const registered: readonly Feature[] = features;
  const doc = document;
  const reports = state.reports as Readonly<Record<string, unknown>>;
  const shown = registered.flatMap((feature) => {
    const report = reports[feature.name];
    return report === undefined ? [] : [{ feature, props: { report, state, t, doc, update: intents.update } }];
  });
  return (
    <>
      {shown.map(({ feature, props }) => (
        <FeaturePart key={`notice-${feature.name}`} feature={feature} part="notice" props={props} />
      ))}
      {!state.onChatPage ? (
        <p class="muted" data-testid="elsewhere-note">
          {t('chatModeElsewhere')}
        </p>
      ) : null}
      {shown.map(({ feature, props }) => (
        <FeaturePart key={`section-${feature.name}`} feature={feature} part="section" props={props} />
      ))}
    </>
  );
}

interface FeaturePartProps {
  feature: Feature;
  part: 'notice' | 'section';
  props: SectionProps<unknown>;
}

/**
 * A feature's notice or section, drawn again only when its own report, the reports it uses, or the tab's
 * state besides the reports changed: each feature reports on its own rhythm (the live filter up to once a
 * second, the transcript with each stored batch), and the others' parts need not follow.
 */
class FeaturePart extends Component<FeaturePartProps> {
  override shouldComponentUpdate(next: FeaturePartProps): boolean {
    const a = this.props.props;
    const b = next.props;
    const stateChanged = (Object.keys(b.state) as Array<keyof TabState>).some((key) => key !== 'reports' && a.state[key] !== b.state[key]);
    return (
      stateChanged ||
      a.report !== b.report ||
      next.feature.uses?.some((name) => a.state.reports[name] !== b.state.reports[name]) ||
      a.t !== b.t ||
      a.doc !== b.doc ||
      a.update !== b.update ||
      this.props.feature !== next.feature ||
      this.props.part !== next.part
    );
  }

  override render() {
    const { feature, part, props } = this.props;
    return feature[part]?.(props) ?? null;
  }
}

const ChatDetails = pure(function ChatDetails({
  chat,
  next,
  phase,
  t,
  zone,
}: {
  chat: ChatSettings;
  next: OccurrenceTimes | null;
  /** Where now stands relative to `next` (null without one). */
  phase: ReturnType<typeof occurrencePhase> | null;
  t: Translate;
  zone: string;
}) {
  let when = t('noSchedule');
  if (next) {
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
});
