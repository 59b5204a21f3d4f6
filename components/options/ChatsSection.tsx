// The options page's list of the user's chats: add, edit, remove, each with its next occurrence.
import { useState } from 'preact/hooks';
import { findChat, formatLocalStart, formatScheduleStart, formatTag, nextOccurrence, type ChatDefinition } from '@/lib/chat';
import type { ChatSettings, ChatSettingsEditable } from '@/lib/protocol/domain';
import { emptyForm, formFromChat, type ChatForm } from '@/lib/pages/chat-form';
import { effectiveSchedule } from '@/lib/pages/upcoming';
import { ChatEditor, weekdayName } from './ChatEditor';
import type { OptionsProps } from './Options';
import { SectionStatus } from './SectionStatus';

type Editing = { form: ChatForm; existing: boolean; definition?: ChatDefinition } | null;

export function ChatsSection({
  client,
  t,
  chats,
  refresh,
  now = () => new Date(),
  timeZone,
  timeZones = [],
  lookup = findChat,
}: OptionsProps & { chats: ChatSettings[] | null; refresh: () => Promise<void> }) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (tag: string, patch: Partial<ChatSettingsEditable>): Promise<string | null> => {
    const reply = await client.send({ type: 'chat/update', tag, patch });
    if (!reply.ok) return reply.error.message;
    setEditing(null);
    setStatus(t('optionsSaved', formatTag(reply.chat.tag)));
    await refresh();
    return null;
  };
  const remove = async (chat: ChatSettings) => {
    setError(null);
    const reply = await client.send({ type: 'chat/delete', tag: chat.tag });
    if (!reply.ok) return setError(reply.error.message);
    setStatus(t('optionsRemoved', formatTag(chat.tag)));
    await refresh();
  };

  return (
    <section id="chats" aria-labelledby="chats-heading">
      <h2 id="chats-heading">{t('optionsChats')}</h2>
      <SectionStatus status={status} error={error} />
      {chats === null ? <p class="muted">{t('loading')}</p> : null}
      {chats && chats.length === 0 ? <p class="muted">{t('optionsNoChats')}</p> : null}
      {chats && chats.length > 0 ? (
        <table class="chat-table">
          <thead>
            <tr>
              <th scope="col">{t('optionsTag')}</th>
              <th scope="col">{t('optionsSchedule')}</th>
              <th scope="col">{t('hosts')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('optionsActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chats.map((chat) => {
              const definition = lookup(chat.tag);
              const schedule = effectiveSchedule(chat, definition);
              let when = t('noSchedule');
              if (schedule) {
                try {
                  when = `${weekdayName(schedule.recurrence.weekday)} ${formatScheduleStart(schedule.start)} (${schedule.timeZone}) · ${t('nextChat', formatLocalStart(nextOccurrence(schedule, now()).start, zone))}`;
                } catch {
                  when = t('noSchedule');
                }
              }
              return (
                <tr key={chat.tag} data-tag={chat.tag}>
                  <th scope="row">
                    {formatTag(chat.tag)}
                    {chat.title !== `#${chat.tag}` ? (
                      <div class="muted" dir="auto">
                        {chat.title}
                      </div>
                    ) : null}
                  </th>
                  <td class="chat-when">{when}</td>
                  <td>{chat.hosts.map((h) => `@${h}`).join(' ')}</td>
                  <td class="row">
                    <button
                      type="button"
                      class="button"
                      aria-label={t('optionsEditChat', formatTag(chat.tag))}
                      onClick={() => setEditing({ form: formFromChat(chat, definition, zone), existing: true, definition })}
                    >
                      {t('optionsEdit')}
                    </button>
                    <button
                      type="button"
                      class="button danger"
                      aria-label={t('optionsRemoveChat', formatTag(chat.tag))}
                      onClick={() => void remove(chat)}
                    >
                      {t('optionsRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ChatEditor
          key={editing.form.tag || 'new'}
          initial={editing.form}
          existing={editing.existing}
          definition={editing.definition}
          t={t}
          timeZones={timeZones}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button type="button" class="button primary" id="add-chat" onClick={() => setEditing({ form: emptyForm(zone), existing: false })}>
            {t('optionsAddChat')}
          </button>
        </p>
      )}
    </section>
  );
}
