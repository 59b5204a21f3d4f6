/** What generated chats are made of: people, hosts, questions, answers, chatter, emoji, RTL text, links. */

export interface Person {
  handle: string;
  name: string;
  verified: boolean;
}

const HOSTS: Record<string, Person> = {
  blogchat: { handle: 'MackCollier', name: 'Mack Collier', verified: false },
  edchat: { handle: 'tomwhitby', name: 'Tom Whitby', verified: false },
  journchat: { handle: 'PRsarahevans', name: 'Sarah Evans', verified: true },
};

export function hostFor(tag: string): Person {
  const known = HOSTS[tag.toLowerCase()];
  if (known) return known;
  const cap = tag.charAt(0).toUpperCase() + tag.slice(1);
  return { handle: `${cap}Host`.slice(0, 15), name: `${cap} Host`, verified: false };
}

export const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Erin',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jamal',
  'Kate',
  'Liam',
  'Maya',
  'Noah',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Vik',
  'Wen',
  'Yara',
  'Zoe',
  'Marta',
  'Pedro',
  'Sofia',
  'Ken',
  'Lena',
];
export const LAST = [
  'Lopez',
  'Nguyen',
  'Smith',
  'Okafor',
  'Kowalski',
  'Haddad',
  'Cohen',
  'Tanaka',
  'Silva',
  'Brown',
  'Rossi',
  'Patel',
  'Müller',
  'Dubois',
  'Evans',
  'Garcia',
];

export const QUESTIONS = [
  'How often do you publish new posts on your blog?',
  'What is the biggest challenge you face in growing your audience?',
  'Which tools do you use to plan your content calendar?',
  'How do you measure whether a post was successful?',
  'Do you repurpose blog content for other platforms? How?',
  'What advice would you give someone starting a blog today?',
  'How do you handle negative comments on your posts?',
  'What is one thing you will try after tonight’s chat?',
  'How do you find ideas when you feel stuck?',
  'Guest posts: worth it in 2026?',
];

export const ANSWERS = [
  'I try to post twice a week but life gets in the way',
  'Consistency beats volume every single time',
  'Honestly a spreadsheet and a lot of coffee',
  'Comments and shares matter more to me than pageviews',
  'I turn every post into a short thread and a newsletter item',
  'Start before you feel ready, you will learn by doing',
  'Reply calmly, thank them, and move on',
  'Going to test shorter headlines this week',
  'I keep a notes app full of half ideas',
  'Only when the audience overlaps with mine',
  'Great question, still figuring this one out',
  'Time. It is always time.',
];

/**
 * How people put those answers in their own words: an opening and an ending around one of ANSWERS, so
 * that two answers rarely read alike (with ANSWERS alone, about one generated tweet in seven repeated
 * an earlier one word for word — what chat mode folds as copy-paste spam, and no real chat does).
 */
export const ANSWER_OPENINGS = ['', '', 'For me: ', 'Honestly, ', 'Same here. ', 'Lately ', 'Short answer: ', 'Ha, ', 'Still, ', 'Well, '];
export const ANSWER_ENDINGS = [
  '',
  '',
  ' for me at least',
  ', and it shows',
  ' most weeks',
  ' these days',
  ', no regrets',
  ' (still learning)',
  ', honestly',
  ' and it works',
  ' since last year',
  ', slowly',
];

export const CHATTER = [
  'Hi everyone, {name} here from Lisbon, excited for tonight',
  'Late to the party but here now!',
  'This is such a helpful chat every week',
  'Totally agree with that',
  'Saving this whole thread for later',
  'Who else is lurking tonight?',
];

/** Chatter in people's own words too (see ANSWER_OPENINGS). */
export const CHATTER_OPENINGS = ['', '', 'Hey all! ', 'Ok, ', 'Evening! ', 'Yes! ', 'Hello from Denver. ', 'Phew, '];
export const CHATTER_ENDINGS = ['', '', ' :)', ' haha', ' again', ' tonight', ' (mostly)', '!!', ' as always', ' for sure'];

export const EMOJI = ['🎉', '🔥', '👏', '💡', '🙌', '😂', '❤️', '🚀', '👋🏽', '🧑‍💻'];

export const RTL = [
  { lang: 'ar', text: 'مرحبا بالجميع، سعيد بالمشاركة في الدردشة الليلة' },
  { lang: 'ar', text: 'أنشر مقالا جديدا كل أسبوع وأحاول الالتزام بذلك' },
  { lang: 'he', text: 'שלום לכולם, שמח להצטרף לצ׳אט הערב' },
  { lang: 'he', text: 'אני כותב פוסט חדש פעם בשבוע' },
];

export const URLS = [
  'https://example.com/blog/2026/11/how-we-grew-our-newsletter-to-10k-subscribers',
  'https://www.example.org/guides/content-calendar',
  'https://example.net/a',
];
