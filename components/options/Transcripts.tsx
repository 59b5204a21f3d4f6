// Past sessions per chat; one session grouped by question with search over text and authors, its
// participants and activity, and exports in Markdown, CSV and JSON. Tweet text is rendered as text only;
// names sit in bidi isolates and each tweet's text takes its own direction.
import { useEffect, useId, useState } from 'preact/hooks';
import { formatLocalStart, formatTag } from '@/lib/chat';
import type { Translate } from '@/lib/i18n';
import type { Client } from '@/lib/protocol/client';
import type { ChatSession, ChatSettings, ExportFormat } from '@/lib/protocol/domain';
import {
  chartMinutes,
  countTweets,
  filterTranscript,
  groupTranscript,
  parseTranscript,
  type Transcript,
  type TranscriptTweet,
} from '@/lib/pages/transcript';
import { ActivityChart } from '../ActivityChart';
import { formatCount, formatCounted } from '../Counters';
import { Isolated } from '../Isolated';
import { Participants } from '../Participants';

export interface TranscriptsProps {
  client: Client;
  t: Translate;
  chats: readonly ChatSettings[];
  download(filename: string, mime: string, body: string): void;
  timeZone?: string;
}

export function Transcripts({ client, t, chats, download, timeZone }: TranscriptsProps) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [tag, setTag] = useState('');
  const [sessions, setSessions] = useState<ChatSession[] | null>(null);
  const [open, setOpen] = useState<{ session: ChatSession; transcript: Transcript } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selected = tag || chats[0]?.tag || '';

  const loadSessions = async () => {
    if (!selected) return;
    const reply = await client.send({ type: 'sessions/list', tag: selected });
    if (reply.ok) setSessions(reply.sessions);
    else setError(reply.error.message);
  };
  useEffect(() => {
    setSessions(null);
    setOpen(null);
    void loadSessions();
  }, [selected]);

  const view = async (session: ChatSession) => {
    setError(null);
    const reply = await client.send({ type: 'export', sessionId: session.id, format: 'json' });
    if (!reply.ok) return setError(reply.error.message);
    const transcript = parseTranscript(reply.body);
    if (!transcript) return setError(t('transcriptUnreadable'));
    setOpen({ session, transcript });
  };

  const doExport = async (session: ChatSession, format: ExportFormat) => {
    setError(null);
    const reply = await client.send({ type: 'export', sessionId: session.id, format });
    if (!reply.ok) return setError(reply.error.message);
    download(reply.filename, reply.mime, reply.body);
  };

  /** Mutes a participant for the chat, as the sidebar's Mute does. */
  const mute = async (handle: string) => {
    const chat = chats.find((c) => c.tag === selected);
    if (!chat || chat.muted.includes(handle)) return;
    const reply = await client.send({ type: 'chat/update', tag: chat.tag, patch: { muted: [...chat.muted, handle] } });
    if (!reply.ok) setError(reply.error.message);
  };

  const when = (s: ChatSession) => `${formatLocalStart(new Date(s.start), zone)} – ${formatLocalStart(new Date(s.end), zone)}`;

  return (
    <section id="transcripts" aria-labelledby="transcripts-heading" class="transcripts">
      <h2 id="transcripts-heading">{t('transcriptsHeading')}</h2>
      {chats.length === 0 ? <p class="muted">{t('transcriptsNone')}</p> : null}
      {chats.length > 0 ? (
        <div class="row">
          <label for="transcript-chat">{t('transcriptsChat')}</label>
          <select id="transcript-chat" value={selected} onChange={(e) => setTag(e.currentTarget.value)}>
            {chats.map((c) => (
              <option key={c.tag} value={c.tag}>
                {formatTag(c.tag)}
              </option>
            ))}
          </select>
          <button type="button" class="button" onClick={() => void loadSessions()}>
            {t('transcriptsRefresh')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {sessions && sessions.length === 0 ? <p class="muted">{t('transcriptsNoSessions')}</p> : null}
      {sessions && sessions.length > 0 ? (
        <ul class="session-list">
          {sessions.map((s) => (
            <li key={s.id} data-session={s.id} data-count={s.tweetCount}>
              <span>{when(s)}</span> <span class="muted num">{formatCounted(s.tweetCount, 'tweetCountOne', 'tweetCount', t)}</span>{' '}
              <button type="button" class="button view-session" aria-label={t('transcriptView', when(s))} onClick={() => void view(s)}>
                {t('transcriptViewShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <TranscriptView
          key={open.session.id}
          session={open.session}
          transcript={open.transcript}
          t={t}
          title={when(open.session)}
          onExport={(f) => void doExport(open.session, f)}
          onMute={(h) => void mute(h)}
        />
      ) : null}
    </section>
  );
}

function TranscriptView({
  session,
  transcript,
  t,
  title,
  onExport,
  onMute,
}: {
  session: ChatSession;
  transcript: Transcript;
  t: Translate;
  title: string;
  onExport(format: ExportFormat): void;
  onMute(handle: string): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const grouped = groupTranscript(transcript);
  const shown = filterTranscript(grouped, query);
  const total = countTweets(grouped);
  const matching = countTweets(shown);
  return (
    <article class="transcript" aria-labelledby={`${id}-heading`} data-session={session.id}>
      <h3 id={`${id}-heading`}>{t('transcriptHeading', formatTag(transcript.chat.tag), title)}</h3>
      <div class="row" role="group" aria-label={t('transcriptExport')}>
        {(['markdown', 'csv', 'json'] as const).map((format) => (
          <button key={format} type="button" class="button export" data-format={format} onClick={() => onExport(format)}>
            {t('transcriptExportAs', format === 'markdown' ? 'Markdown' : format.toUpperCase())}
          </button>
        ))}
      </div>
      <div class="transcript-meta">
        <ActivityChart perMinute={chartMinutes(transcript.perMinute)} t={t} />
        <Participants participants={transcript.participants.slice(0, 10)} onMute={onMute} t={t} />
      </div>
      <div class="row">
        <label for={`${id}-search`}>{t('transcriptSearch')}</label>
        <input
          type="search"
          id={`${id}-search`}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          aria-describedby={`${id}-matches`}
        />
        <span id={`${id}-matches`} class="muted" role="status">
          {t('transcriptMatches', formatCount(matching), formatCount(total))}
        </span>
      </div>
      {shown.groups.map((g) => (
        <section key={g.key} class="question-group" data-question={g.key} aria-labelledby={`${id}-q-${g.key}`}>
          <h4 id={`${id}-q-${g.key}`}>{t('transcriptQuestion', g.key.toUpperCase())}</h4>
          {g.questions.length === 0 ? <p class="muted">{t('transcriptQuestionMissing')}</p> : null}
          {g.questions.map((q) => (
            <TweetItem key={q.id} tweet={q} class="question" />
          ))}
          {g.answers.length > 0 ? (
            <div class="answers">
              {g.answers.map((a) => (
                <TweetItem key={a.id} tweet={a} />
              ))}
            </div>
          ) : null}
        </section>
      ))}
      {shown.others.length > 0 ? (
        <section class="other-tweets">
          <h4>{shown.groups.length > 0 ? t('transcriptOthers') : t('transcriptTweets')}</h4>
          {shown.others.map((tw) => (
            <TweetItem key={tw.id} tweet={tw} />
          ))}
        </section>
      ) : null}
    </article>
  );
}

function TweetItem({ tweet, class: extra }: { tweet: TranscriptTweet; class?: string }) {
  const time = tweet.time ? new Date(tweet.time) : null;
  return (
    <div class={`tweet ${extra ?? ''}`} data-id={tweet.id}>
      <Isolated class="who" text={tweet.author.name || `@${tweet.author.handle}`} />{' '}
      <Isolated class="muted" text={`@${tweet.author.handle}`} />{' '}
      <a href={tweet.url} target="_blank" rel="noopener noreferrer" class="muted">
        {time ? time.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : '—'}
      </a>
      <p dir="auto">{tweet.text}</p>
    </div>
  );
}
