// The top participants with their tweet counts and a "Mute" button each. Names are rendered as text,
// each in its own bidi isolate.
import { useId } from 'preact/hooks';
import type { LiveParticipant } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { formatCount, formatCounted } from './Counters';
import { Isolated } from './Isolated';
import { pure } from './pure';
import { trusted } from './trusted';

export interface ParticipantsProps {
  participants: readonly LiveParticipant[];
  /** Mute the account for this chat; on the user's own clicks only. */
  onMute(handle: string): void;
  t: Translate;
}

export function Participants({ participants, onMute, t }: ParticipantsProps) {
  const headingId = `participants-${useId()}`;
  return (
    <section class="participants" aria-labelledby={headingId}>
      <h3 class="section" id={headingId}>
        {t('participantsHeading')}
      </h3>
      {participants.length === 0 ? (
        <p class="muted">{t('noParticipants')}</p>
      ) : (
        <ol class="participant-list">
          {participants.map((p) => (
            <Participant key={p.handle} participant={p} onMute={onMute} t={t} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** A participant's row: drawn again only when its count or name changed (lib/chat/live keeps the others' objects). */
const Participant = pure(function Participant({
  participant: p,
  onMute,
  t,
}: { participant: LiveParticipant } & Omit<ParticipantsProps, 'participants'>) {
  return (
    <li class="participant" data-handle={p.handle}>
      <ParticipantName name={p.name} handle={p.handle} />
      <span class="participant-count num">
        <span aria-hidden="true">{formatCount(p.count)}</span>
        <span class="visually-hidden">{formatCounted(p.count, 'tweetCountOne', 'tweetCount', t)}</span>
      </span>
      <MuteButton handle={p.handle} onMute={onMute} t={t} />
    </li>
  );
});

// A row's parts besides its count, drawn again only when their own props change: the count is what
// changes, with each of the participant's tweets.

const ParticipantName = pure(function ParticipantName({ name, handle }: Pick<LiveParticipant, 'name' | 'handle'>) {
  return (
    <span class="participant-who">
      <Isolated class="participant-name" text={name || `@${handle}`} /> <Isolated class="participant-handle muted" text={`@${handle}`} />
    </span>
  );
});

const MuteButton = pure(function MuteButton({
  handle,
  onMute,
  t,
}: Pick<LiveParticipant, 'handle'> & Omit<ParticipantsProps, 'participants'>) {
  return (
    <button
      type="button"
      class="button participant-mute"
      aria-label={t('muteParticipant', `@${handle}`)}
      title={t('muteParticipant', `@${handle}`)}
      onClick={trusted(() => onMute(handle))}
    >
      {t('mute')}
    </button>
  );
});
