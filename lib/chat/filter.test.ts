import { describe, expect, it } from 'vitest';
import { decideTweet, filterTweets, type ChatContext, type FilterDecision } from './filter';
import { tweet } from '@/tests/unit/builders';
import { DEFAULT_FILTER_OPTIONS, type FilterOptions, type Tweet } from './types';

function chat(options: Partial<FilterOptions> = {}, extra: Partial<ChatContext> = {}): ChatContext {
  return {
    tags: ['socialmedia', 'sm49'],
    hosts: ['kenburbary'],
    muted: ['Troll'],
    options: { hideRetweets: false, hideMuted: false, hostsOnly: false, ...options },
    ...extra,
  };
}

const hidden = (reason: Extract<FilterDecision, { show: false }>['reason']): FilterDecision => ({ show: false, reason });
const SHOWN: FilterDecision = { show: true };

describe('decideTweet: tags', () => {
  it.each<[string, string, FilterDecision]>([
    ['main tag', 'A1 segmentation is alive #socialmedia', SHOWN],
    ['edition tag only', 'A1 segmentation is alive #sm49', SHOWN],
    ['tag in other case', 'A1 yes #SocialMedia', SHOWN],
    ['full-width hash', 'A1 yes ＃socialmedia', SHOWN],
    ["possessive #socialmedia's", "#socialmedia's best chat", SHOWN],
    ['longer tag', 'A1 yes #socialmediaweek', hidden('untagged')],
    ['tag with digit suffix', 'A1 yes #sm490', hidden('untagged')],
    ['tag inside a URL fragment', 'see https://example.com/#socialmedia', hidden('untagged')],
    ['no tag', 'just chatting', hidden('untagged')],
    ['tag word without #', 'socialmedia is fun', hidden('untagged')],
  ])('%s', (_name, text, decision) => {
    expect(decideTweet(tweet({ text }), chat())).toEqual(decision);
  });

  it("uses only the tweet's own text: a quote tweet whose quoted tweet was tagged is untagged", () => {
    // The page reader never puts the quoted tweet's text in `text`; the filter must not look elsewhere.
    const quote = tweet({ kind: 'quote', text: 'So true!' });
    expect(decideTweet(quote, chat())).toEqual(hidden('untagged'));
    expect(decideTweet({ ...quote, text: 'So true! #sm49' }, chat())).toEqual(SHOWN);
  });

  it('counts a retweet of a tagged tweet as tagged (its text is the original)', () => {
    const rt = tweet({ kind: 'retweet', retweetedBy: 'fan', author: 'kenburbary', text: 'Q1) Is it relevant? #sm49' });
    expect(decideTweet(rt, chat())).toEqual(SHOWN);
    expect(decideTweet({ ...rt, text: 'untagged original' }, chat())).toEqual(hidden('untagged'));
  });
});

describe('decideTweet: a long post cut off by “Show more”', () => {
  it('is not hidden for a missing tag (it may be in the unread part), but still for every other reason', () => {
    const cut = (extra: Partial<Tweet> = {}) => tweet({ text: 'A long answer that the page cuts off…', truncated: true, ...extra });
    expect(decideTweet(cut(), chat())).toEqual(SHOWN);
    expect(decideTweet(tweet({ text: 'A long answer that the page cuts off…' }), chat())).toEqual(hidden('untagged'));
    expect(decideTweet(cut({ kind: 'promoted' }), chat())).toEqual(hidden('promoted'));
    expect(decideTweet(cut({ author: { handle: 'troll', name: 'Troll' } }), chat({ hideMuted: true }))).toEqual(hidden('muted'));
  });
});

describe('decideTweet: options and order of checks', () => {
  const tagged = 'A1 yes #socialmedia';
  const cases: Array<[string, Tweet, Partial<FilterOptions>, FilterDecision]> = [
    ['promoted is always hidden', tweet({ kind: 'promoted', text: tagged, time: null }), {}, hidden('promoted')],
    [
      'promoted beats every other reason',
      tweet({ kind: 'promoted', author: 'troll', text: 'ad' }),
      { hideMuted: true, hideRetweets: true, hostsOnly: true },
      hidden('promoted'),
    ],
    ['muted author hidden when hideMuted', tweet({ author: 'troll', text: tagged }), { hideMuted: true }, hidden('muted')],
    ['muted author shown when not hideMuted', tweet({ author: 'troll', text: tagged }), {}, SHOWN],
    ['muted compare ignores case and @', tweet({ author: '@TROLL', text: tagged }), { hideMuted: true }, hidden('muted')],
    [
      'muted reposter hides the retweet',
      tweet({ kind: 'retweet', retweetedBy: 'Troll', author: 'friend', text: tagged }),
      { hideMuted: true },
      hidden('muted'),
    ],
    ['muted beats untagged', tweet({ author: 'troll', text: 'no tag' }), { hideMuted: true }, hidden('muted')],
    [
      'muted beats retweet',
      tweet({ kind: 'retweet', retweetedBy: 'friend', author: 'troll', text: tagged }),
      { hideMuted: true, hideRetweets: true },
      hidden('muted'),
    ],
    [
      'retweet hidden when hideRetweets',
      tweet({ kind: 'retweet', retweetedBy: 'friend', text: tagged }),
      { hideRetweets: true },
      hidden('retweet'),
    ],
    [
      'retweet beats untagged',
      tweet({ kind: 'retweet', retweetedBy: 'friend', text: 'no tag' }),
      { hideRetweets: true },
      hidden('retweet'),
    ],
    ['retweet shown by default', tweet({ kind: 'retweet', retweetedBy: 'friend', text: tagged }), {}, SHOWN],
    ['quote is not a retweet', tweet({ kind: 'quote', text: tagged }), { hideRetweets: true }, SHOWN],
    ['reply is shown', tweet({ kind: 'reply', text: `@kenburbary ${tagged}` }), { hideRetweets: true }, SHOWN],
    ['hosts only hides a participant', tweet({ author: 'fan', text: tagged }), { hostsOnly: true }, hidden('not-host')],
    ['hosts only shows a host', tweet({ author: 'KenBurbary', text: tagged }), { hostsOnly: true }, SHOWN],
    ['untagged beats not-host', tweet({ author: 'fan', text: 'no tag' }), { hostsOnly: true }, hidden('untagged')],
    ['untagged host tweet is still untagged', tweet({ author: 'kenburbary', text: 'lunch' }), { hostsOnly: true }, hidden('untagged')],
    [
      "hosts only hides a host's repost of a participant",
      tweet({ kind: 'retweet', retweetedBy: 'kenburbary', author: 'fan', text: tagged }),
      { hostsOnly: true },
      hidden('not-host'),
    ],
    [
      "hosts only shows a participant's repost of a host",
      tweet({ kind: 'retweet', retweetedBy: 'fan', author: 'kenburbary', text: tagged }),
      { hostsOnly: true },
      SHOWN,
    ],
  ];
  it.each(cases)('%s', (_name, t, options, decision) => {
    expect(decideTweet(t, chat(options))).toEqual(decision);
  });

  it('works with the default options (muted accounts hidden)', () => {
    const ctx = chat(DEFAULT_FILTER_OPTIONS);
    expect(decideTweet(tweet({ author: 'troll', text: tagged }), ctx)).toEqual(hidden('muted'));
    expect(decideTweet(tweet({ author: 'fan', text: tagged }), ctx)).toEqual(SHOWN);
  });

  it('hides everything but promoted as untagged when the chat has no tags', () => {
    expect(decideTweet(tweet({ text: tagged }), chat({}, { tags: [] }))).toEqual(hidden('untagged'));
  });
});

describe('filterTweets', () => {
  it('keeps shown tweets in order and counts every hidden reason', () => {
    const tweets = [
      tweet({ author: 'kenburbary', text: 'Q1) Relevant? #sm49' }),
      tweet({ kind: 'promoted', text: 'Buy now', time: null }),
      tweet({ author: 'fan', text: 'A1 yes #sm49' }),
      tweet({ author: 'troll', text: 'A1 no #sm49' }),
      tweet({ kind: 'retweet', retweetedBy: 'fan', author: 'kenburbary', text: 'Q1) Relevant? #sm49' }),
      tweet({ author: 'fan', text: 'off topic' }),
      tweet({ author: 'fan', text: 'also off topic' }),
    ];
    const result = filterTweets(tweets, chat({ hideMuted: true, hideRetweets: true }));
    expect(result.shown).toEqual([tweets[0], tweets[2]]);
    expect(result.hidden).toEqual({ untagged: 2, promoted: 1, retweet: 1, muted: 1, 'not-host': 0 });
  });
});
