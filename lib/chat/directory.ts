// The directory of known chats, taken from the project's source write-ups (a 2010 list of "17 Tweetchats
// for Social Media, Marketing and PR folks", the #socialmedia chat's own announcements and the #mm2010
// launch post). Only what those sources state is recorded: a chat whose day or time is not given has no
// `schedule`, and `hosts` holds only handles the sources name. Where a source gives a start but no
// length, the chat is taken to last an hour, the length the sources give for #socialmedia and #blogchat.
// Weekdays are ISO: 1 = Monday … 7 = Sunday.
import { normalizeTag } from './hashtags';
import type { ChatDefinition, Tag } from './types';

const EASTERN = 'America/New_York';
const CENTRAL = 'America/Chicago';

const ENTRIES: ChatDefinition[] = [
  {
    tag: 'socialmedia',
    // Each week's edition has its own tag (#sm35, #sm48, #sm49…); #sm49 is the latest the sources name.
    extraTags: ['sm49'],
    title: 'Hashtag Social Media',
    description:
      'Advancing the business of social media, co-founded by Marc Meyer and Jason Breed: a new topic and guest host each week, three questions, one hour. Each edition has its own tag (#sm48, #sm49…).',
    hosts: [],
    schedule: { recurrence: { kind: 'weekly', weekday: 2 }, start: '12:00', durationMinutes: 60, timeZone: EASTERN },
  },
  {
    tag: 'blogchat',
    extraTags: [],
    title: 'Blogchat',
    description: 'Blogs and blogging best practices, started by @MackCollier. Sunday nights, 8–9pm Central.',
    hosts: ['mackcollier'],
    schedule: { recurrence: { kind: 'weekly', weekday: 7 }, start: '20:00', durationMinutes: 60, timeZone: CENTRAL },
  },
  {
    tag: 'b2bchat',
    extraTags: [],
    title: 'B2B Chat',
    description: 'A weekly conversation for B2B marketers, Thursdays at 8pm Eastern.',
    hosts: [],
    schedule: { recurrence: { kind: 'weekly', weekday: 4 }, start: '20:00', durationMinutes: 60, timeZone: EASTERN },
  },
  {
    tag: 'solopr',
    extraTags: [],
    title: 'SoloPR',
    description:
      'For independent PR and marcom pros (and those who would like to be), companion to the SoloPRpro.com blog; started and run by Kellye Crane. Chats on Wednesdays at 1pm Eastern.',
    hosts: ['kellyecrane'],
    schedule: { recurrence: { kind: 'weekly', weekday: 3 }, start: '13:00', durationMinutes: 60, timeZone: EASTERN },
  },
  {
    tag: 'tnl',
    extraTags: [],
    title: 'TalentNet Live',
    description: 'The monthly chat for recruiters, on the last Wednesday of each month at 9pm Eastern.',
    hosts: [],
    schedule: {
      recurrence: { kind: 'monthly', weekday: 3, nth: -1 },
      start: '21:00',
      durationMinutes: 60,
      timeZone: EASTERN,
    },
  },
  {
    tag: 'mm2010',
    extraTags: [],
    title: 'microMARKETING 2010',
    // Every other week has no Recurrence form, so no schedule rather than a wrong weekly one.
    description:
      'Micromarketing how-to with Ripple100 (Andre Yap, Amy Desmarais): 60 minutes every other Wednesday at 1pm Eastern, from March 3, 2010.',
    hosts: [],
  },
  {
    tag: '4change',
    extraTags: [],
    title: '4Change',
    description: 'A monthly chat on how social media helps create change.',
    hosts: [],
  },
  {
    tag: 'brandchat',
    extraTags: [],
    title: 'Brandchat',
    description: 'Experts, strategists and learners on personal branding and managing a personal brand.',
    hosts: [],
  },
  {
    tag: 'hcsm',
    extraTags: [],
    title: 'Health Care Social Media',
    description:
      'The Health Care Communication & Social Media community’s weekly chat on communication and marketing by health care organisations.',
    hosts: [],
  },
  {
    tag: 'innochat',
    extraTags: [],
    title: 'Innochat',
    description: 'A chat on innovation.',
    hosts: [],
  },
  {
    tag: 'journchat',
    extraTags: [],
    title: 'Journchat',
    description: 'Journalists, bloggers and PR people in conversation; started by Sarah Evans.',
    hosts: [],
  },
  {
    tag: 'kaizenblog',
    extraTags: [],
    title: 'Kaizenblog',
    description: 'Kaizen in business strategy; started by Valeria Maltoni.',
    hosts: [],
  },
  {
    tag: 'pr20chat',
    extraTags: [],
    title: 'PR 2.0 Chat',
    description: 'PR issues and their social media implications; started by Beth Harte.',
    hosts: [],
  },
  {
    tag: 'seo411',
    extraTags: [],
    title: 'SEO411',
    description: 'A weekly chat for marketers to share questions and ideas about SEO.',
    hosts: [],
  },
  {
    tag: 'smcedu',
    extraTags: [],
    title: 'SMCEDU',
    description: 'Social media and higher education.',
    hosts: [],
  },
  {
    tag: 'socentchat',
    extraTags: [],
    title: 'Socentchat',
    description: 'A monthly chat on social entrepreneurship, one topic or field each month.',
    hosts: [],
  },
  {
    tag: 'socpharm',
    extraTags: [],
    title: 'Socpharm',
    description: 'A weekly chat on pharmaceutical marketing and social media.',
    hosts: [],
  },
  {
    tag: 'u30pro',
    extraTags: [],
    title: 'U30Pro',
    description: 'Issues and trends for young professionals; all ages welcome.',
    hosts: [],
  },
];

/** Freezes an entry and its arrays and schedule, so a caller cannot edit the shared directory by accident. */
function frozen(chat: ChatDefinition): ChatDefinition {
  Object.freeze(chat.extraTags);
  Object.freeze(chat.hosts);
  if (chat.schedule) Object.freeze(Object.freeze(chat.schedule).recurrence);
  return Object.freeze(chat);
}

// Marked pure so bundles that never read the directory (the content script) leave it out.
export const CHAT_DIRECTORY: readonly ChatDefinition[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ENTRIES.map(frozen));

/**
 * The directory entry for a tag, in any case and with or without '#': first by main tag, then by extra
 * tag (a page for `#sm49` is the #socialmedia chat).
 */
export function findChat(tag: Tag): ChatDefinition | undefined {
  const wanted = normalizeTag(tag);
  if (wanted === '') return undefined;
  return CHAT_DIRECTORY.find((c) => c.tag === wanted) ?? CHAT_DIRECTORY.find((c) => c.extraTags.includes(wanted));
}
