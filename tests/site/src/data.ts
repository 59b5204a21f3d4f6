/** Deterministic tweet generation (seeded PRNG) for a tweet chat around a hashtag. */
import type { TweetSpec } from './api';
import { hashString, mulberry32, snowflake, snowflakeTime } from './random';
import {
  ANSWERS,
  ANSWER_ENDINGS,
  ANSWER_OPENINGS,
  CHATTER,
  CHATTER_ENDINGS,
  CHATTER_OPENINGS,
  EMOJI,
  FIRST,
  LAST,
  QUESTIONS,
  RTL,
  URLS,
  hostFor,
  type Person,
} from './corpus';

export type TweetKind =
  | 'question'
  | 'answer'
  | 'replyAnswer'
  | 'lowerAnswer'
  | 'chatter'
  | 'noTag'
  | 'quote'
  | 'retweet'
  | 'promoted'
  | 'fakeQuestion'
  | 'long'
  | 'rtl'
  | 'emoji'
  | 'url'
  | 'html'
  | 'hostComment';

/** Generates a chat for one hashtag; `next()` continues it (live arrivals). */
export class ChatGenerator {
  readonly tag: string;
  readonly host: Person;
  private rng: () => number;
  private wordingRng: () => number;
  private people: Person[];
  q = 0;
  private sinceQuestion = 0;
  private perQuestion: number;
  private recent: TweetSpec[] = [];
  private seq = 0;
  private specialQueue: TweetKind[];
  stress: boolean;

  constructor(tag: string, seed: number, totalHint: number, stress = false) {
    this.tag = tag;
    this.host = hostFor(tag);
    this.stress = stress;
    this.rng = mulberry32(seed ^ hashString(tag.toLowerCase()));
    // Its own sequence: the wording varies the answers' texts without changing anything else generated.
    this.wordingRng = mulberry32((seed ^ hashString(`wording:${tag.toLowerCase()}`)) >>> 0);
    this.people = [];
    for (let i = 0; i < 40; i++) {
      const first = this.pick(FIRST);
      const last = this.pick(LAST);
      const handle =
        `${first}${last}`
          .normalize('NFD')
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 11) + Math.floor(this.rng() * 100);
      this.people.push({ handle, name: `${first} ${last}`, verified: this.rng() < 0.2 });
    }
    this.perQuestion = Math.max(6, Math.min(40, Math.floor(totalHint / 8)));
    // the special cases, in the order they appear (spread through the initial timeline)
    this.specialQueue = [
      'noTag',
      'quote',
      'retweet',
      'rtl',
      'emoji',
      'promoted',
      'url',
      'long',
      'lowerAnswer',
      'fakeQuestion',
      'html',
      'replyAnswer',
      'rtl',
      'retweet',
      'quote',
      'promoted',
    ];
  }

  private pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.rng() * a.length)] as T;
  }
  /** A phrase as a person would word it, between one of `openings` and one of `endings` (see ANSWER_OPENINGS). */
  private inOwnWords(phrase: string, openings = ANSWER_OPENINGS, endings = ANSWER_ENDINGS): string {
    const opening = openings[Math.floor(this.wordingRng() * openings.length)] as string;
    const ending = endings[Math.floor(this.wordingRng() * endings.length)] as string;
    const body = opening === '' ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
    return `${opening}${body}${ending}`;
  }
  private person(): Person {
    return this.pick(this.people);
  }
  private counts() {
    const r = this.rng();
    return {
      replies: Math.floor(r * 12),
      reposts: Math.floor(this.rng() * 30),
      likes: Math.floor(this.rng() * 200),
      views: Math.floor(100 + this.rng() * 20000),
    };
  }
  private base(p: Person, text: string, time: number, lang = 'en'): TweetSpec {
    const t: TweetSpec = {
      id: snowflake(time, ++this.seq),
      handle: p.handle,
      name: p.name,
      verified: p.verified,
      text,
      lang,
      time: new Date(time).toISOString(),
      ...this.counts(),
    };
    if (this.stress && this.rng() < 0.5) t.mediaHeight = 120 + Math.floor(this.rng() * 260);
    return t;
  }
  get hashtag(): string {
    return `#${this.tag}`;
  }

  question(n: number, time: number): TweetSpec {
    const forms = [`Q${n}) `, `Q${n}: `, `Q${n}. `, `Q${n} `];
    const text = `${forms[(n - 1) % forms.length]}${QUESTIONS[(n - 1) % QUESTIONS.length]} ${this.hashtag}`;
    return this.base(this.host, text, time);
  }

  make(kind: TweetKind, time: number): TweetSpec {
    const tag = this.hashtag;
    const q = Math.max(1, this.q);
    const p = this.person();
    const answer = this.inOwnWords(this.pick(ANSWERS));
    switch (kind) {
      case 'question':
        return this.question(q, time);
      case 'answer':
        return this.base(p, `${this.pick([`A${q} `, `A${q}: `, `A${q}) `, `A${q}. `])}${answer} ${tag}`, time);
      case 'lowerAnswer':
        return this.base(p, `a${q}: ${answer.toLowerCase()} ${tag}`, time);
      case 'replyAnswer': {
        const t = this.base(p, `@${this.host.handle} A${q} ${answer} ${tag}`, time);
        t.replyTo = [this.host.handle];
        return t;
      }
      case 'chatter':
        return this.base(
          p,
          `${this.inOwnWords(this.pick(CHATTER).replace('{name}', p.name.split(' ')[0] ?? ''), CHATTER_OPENINGS, CHATTER_ENDINGS)} ${tag}`,
          time,
        );
      case 'hostComment': {
        const other = this.person();
        return this.base(this.host, `Great point @${other.handle}! ${tag}`, time);
      }
      case 'noTag': {
        // matched by the author's name/bio, not the text
        const who: Person = { handle: p.handle, name: `${p.name} | ${tag} regular`, verified: p.verified };
        return this.base(who, `${answer}. See you all next week!`, time);
      }
      case 'quote': {
        const quoted =
          this.recent.find((r) => r.text.includes(tag) && !r.quoted && !r.retweetedBy && !r.promoted) ?? this.question(q, time - 60_000);
        const t = this.base(p, `This, so much this 👇`, time);
        t.quoted = { ...quoted, retweetedBy: undefined, quoted: undefined };
        return t;
      }
      case 'retweet': {
        const orig =
          this.recent.find((r) => r.handle === this.host.handle && /^Q\d/.test(r.text)) ??
          this.recent.find((r) => r.text.includes(tag) && !r.retweetedBy && !r.promoted) ??
          this.question(q, time - 90_000);
        return { ...orig, quoted: orig.quoted, retweetedBy: { handle: p.handle, name: p.name } };
      }
      case 'promoted': {
        const brand: Person = { handle: 'AcmeAnalytics', name: 'Acme Analytics', verified: true };
        const t = this.base(brand, `Grow your blog 10x with Acme. Try it free for 30 days ${this.pick(EMOJI)}`, time);
        t.promoted = true;
        return t;
      }
      case 'fakeQuestion':
        return this.base(p, `Q9) Bonus question from me: who reads every comment? ${tag}`, time);
      case 'long': {
        const text =
          `A${q}: Long answer, bear with me.\nFirst, pick one topic you can write about for a year.\n` +
          `Second, publish on a schedule you can keep even in a bad week.\nThird, talk to your readers, ` +
          `not at them — reply to every comment for the first year. ${tag}`;
        return this.base(p, text.slice(0, 280), time);
      }
      case 'rtl': {
        const r = this.pick(RTL);
        return this.base(p, `${r.text} ${tag}`, time, r.lang);
      }
      case 'emoji':
        return this.base(p, `A${q} ${this.pick(EMOJI)}${this.pick(EMOJI)} love this chat ${this.pick(EMOJI)} ${tag}`, time);
      case 'url':
        return this.base(p, `A${q} I wrote about this here: ${this.pick(URLS)} ${tag}`, time);
      case 'html':
        return this.base(p, `<img src=x onerror="window.__pwned=1"> ${tag}`, time);
    }
  }

  /** next tweet of the chat at `time` */
  next(time: number, allowSpecial = true): TweetSpec {
    let t: TweetSpec;
    if (this.q === 0 || this.sinceQuestion >= this.perQuestion) {
      this.q += 1;
      this.sinceQuestion = 0;
      t = this.question(this.q, time);
    } else {
      this.sinceQuestion += 1;
      const r = this.rng();
      let kind: TweetKind;
      if (allowSpecial && this.specialQueue.length > 0 && r < 0.3) kind = this.specialQueue.shift() as TweetKind;
      else {
        const k = this.rng();
        kind =
          k < 0.42
            ? 'answer'
            : k < 0.55
              ? 'replyAnswer'
              : k < 0.62
                ? 'lowerAnswer'
                : k < 0.7
                  ? 'chatter'
                  : k < 0.75
                    ? 'hostComment'
                    : k < 0.8
                      ? 'noTag'
                      : k < 0.84
                        ? 'quote'
                        : k < 0.89
                          ? 'retweet'
                          : k < 0.91
                            ? 'promoted'
                            : k < 0.94
                              ? 'emoji'
                              : k < 0.96
                                ? 'url'
                                : k < 0.98
                                  ? 'rtl'
                                  : 'long';
      }
      t = this.make(kind, time);
    }
    this.recent.unshift(t);
    if (this.recent.length > 30) this.recent.pop();
    return t;
  }

  /** `count` tweets over the hour before `now`, newest first */
  initial(count: number, now: number): TweetSpec[] {
    const span = 60 * 60_000;
    const out: TweetSpec[] = [];
    for (let i = 0; i < count; i++) {
      const time = now - span + ((i + 0.5) * span) / count + (this.rng() - 0.5) * (span / count) * 0.5;
      out.push(this.next(Math.floor(time)));
    }
    // guarantee the special cases in small timelines
    while (this.specialQueue.length > 0 && out.length > 0) {
      const kind = this.specialQueue.shift() as TweetKind;
      const idx = Math.floor(this.rng() * out.length);
      const prev = out[idx] as TweetSpec;
      if (/^Q\d/.test(prev.text) && prev.handle === this.host.handle) continue;
      const t = this.make(kind, Date.parse(prev.time));
      out[idx] = t;
    }
    return out.reverse();
  }

  /** replies under a status page */
  replies(to: TweetSpec, n: number, now: number): TweetSpec[] {
    const out: TweetSpec[] = [];
    const start = Date.parse(to.time);
    for (let i = 0; i < n; i++) {
      const p = this.person();
      const time = Math.min(now, start + (i + 1) * 45_000);
      const qm = /^Q(\d+)/.exec(to.text);
      const text = qm
        ? `@${to.handle} A${qm[1]} ${this.pick(ANSWERS)} ${this.hashtag}`
        : `@${to.handle} ${this.pick(CHATTER).replace('{name}', '')} ${this.hashtag}`;
      const t = this.base(p, text.replace(/\s+/g, ' ').trim(), time);
      t.replyTo = [to.handle];
      t.inReplyToId = to.id;
      out.push(t);
    }
    return out;
  }

  /** a deterministic tweet for an unknown status id */
  forStatus(handle: string, id: string): TweetSpec {
    const time = snowflakeTime(id);
    const isHost = handle.toLowerCase() === this.host.handle.toLowerCase();
    const p: Person = isHost ? this.host : { handle, name: handle, verified: false };
    const t = isHost ? this.question(1 + (hashString(id) % 8), time) : this.base(p, `A1 ${this.pick(ANSWERS)} ${this.hashtag}`, time);
    return { ...t, id, handle: p.handle, name: p.name };
  }
}

/** A tweet a test pushes: a plain one (no reply line, quote, repost, ad, photo or "Show more") unless `spec` says so. */
export function fillSpec(gen: ChatGenerator, spec: Partial<TweetSpec>, time: number): TweetSpec {
  const t = { ...gen.next(time, false) };
  for (const key of ['replyTo', 'inReplyToId', 'quoted', 'retweetedBy', 'promoted', 'mediaHeight', 'more'] as const) delete t[key];
  const merged: TweetSpec = { ...t, ...spec };
  if (spec.time && !spec.id) merged.id = snowflake(Date.parse(spec.time));
  return merged;
}
