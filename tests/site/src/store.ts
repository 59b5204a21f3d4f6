/** App state outside React: config, location, feeds (cached per route like x.com), posts, composers. */
import type { ComposerInfo, Drift, PostedInfo, StandinConfig, Theme, TweetSpec } from './api';
import { CONFIG_STORAGE_KEY, DRIFTS } from './api';
import { ChatGenerator, fillSpec, hashString, type Person } from './data';
export type { Person };

export type Item =
  | { key: string; kind: 'tweet'; tweet: TweetSpec }
  | { key: string; kind: 'focal'; tweet: TweetSpec }
  | { key: string; kind: 'composer'; replyTo: TweetSpec }
  | { key: string; kind: 'user'; person: Person };

export interface Feed {
  key: string;
  items: Item[];
  loaded: boolean;
  /** new arrivals go to the top (search Latest, home) or after the reply composer (status) */
  mode: 'top' | 'replies' | 'static';
  gen: ChatGenerator;
  /** measured cell heights by item key (kept across remounts, like x.com's cache) */
  heights: Map<string, number>;
  tag: string;
}

export type Route =
  | { kind: 'search'; q: string; f: string; tag: string; path: string }
  | { kind: 'home'; path: string }
  | { kind: 'status'; handle: string; id: string; path: string }
  | { kind: 'compose'; path: string }
  | { kind: 'other'; path: string };

export interface ModalState {
  modal: 'new' | 'reply' | 'quote';
  tweetId?: string;
  background: string;
}

export const ME: Person = { handle: 'standin_user', name: 'Stand-in User', verified: false };

const DEFAULTS: StandinConfig = { seed: 1, count: 60, liveRate: 0, theme: 'light', fontSize: 15, stress: false };

function readConfig(): StandinConfig {
  let stored: Partial<StandinConfig> = {};
  try {
    const raw = localStorage.getItem(CONFIG_STORAGE_KEY);
    if (raw) stored = JSON.parse(raw) as Partial<StandinConfig>;
  } catch {
    /* ignore */
  }
  return { ...DEFAULTS, ...stored };
}

function tagOf(q: string): string {
  const m = /#([\p{L}\p{N}_]+)/u.exec(q);
  if (m?.[1]) return m[1];
  const w = /[\p{L}\p{N}_]+/u.exec(q);
  return w?.[0] ?? 'blogchat';
}

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname + search;
  const params = new URLSearchParams(search);
  if (pathname === '/search') {
    const q = params.get('q') ?? '';
    return { kind: 'search', q, f: params.get('f') ?? 'top', tag: tagOf(q), path };
  }
  let m = /^\/hashtag\/([^/]+)\/?$/.exec(pathname);
  if (m?.[1]) {
    const tag = decodeURIComponent(m[1]);
    return { kind: 'search', q: `#${tag}`, f: params.get('f') ?? 'top', tag, path };
  }
  if (pathname === '/home' || pathname === '/') return { kind: 'home', path };
  if (pathname === '/compose/post' || pathname === '/compose/tweet') return { kind: 'compose', path };
  m = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/.exec(pathname);
  if (m?.[1] && m[2]) return { kind: 'status', handle: m[1], id: m[2], path };
  return { kind: 'other', path };
}

function itemKey(t: TweetSpec): string {
  return t.retweetedBy ? `rt-${t.retweetedBy.handle}-${t.id}` : t.id;
}

/** A timeline holds each entry once (the generator can repost the same tweet twice by one account). */
function dropDuplicateKeys<T extends { key: string }>(items: T[], taken: Set<string> = new Set()): T[] {
  return items.filter((item) => {
    if (taken.has(item.key)) return false;
    taken.add(item.key);
    return true;
  });
}

export interface ComposerHandle {
  id: number;
  info(): ComposerInfo;
}

type Listener = () => void;

class Store {
  config: StandinConfig = readConfig();
  now = this.config.now ?? Date.now();
  version = 0;
  feeds = new Map<string, Feed>();
  tweets = new Map<string, TweetSpec>();
  posts: PostedInfo[] = [];
  composers = new Map<number, ComposerHandle>();
  drifts = new Set<Drift>(this.config.drift ?? []);
  currentFeedKey: string | null = null;
  toast: { id: number; text: string } | null = null;
  menu: { tweet: TweetSpec; x: number; y: number } | null = null;
  location = { pathname: location.pathname, search: location.search, state: history.state as unknown };
  scrollPositions = new Map<string, number>();
  private listeners = new Set<Listener>();
  private liveTimer: ReturnType<typeof setInterval> | null = null;
  private liveAcc = 0;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = (): number => this.version;
  emit(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  // ----- location
  entryKey(): string {
    const st = history.state as { key?: string } | null;
    return st?.key ?? 'initial';
  }
  syncLocation(): void {
    this.location = { pathname: location.pathname, search: location.search, state: history.state as unknown };
    this.menu = null;
    this.emit();
  }
  navigate(path: string, state?: Record<string, unknown>, replace = false): void {
    const url = new URL(path, location.origin);
    const full = {
      ...(state ?? {}),
      key: Math.random().toString(36).slice(2, 10),
    };
    if (replace) history.replaceState(full, '', url.pathname + url.search + url.hash);
    else history.pushState(full, '', url.pathname + url.search + url.hash);
    this.syncLocation();
  }
  route(): Route {
    return parseRoute(this.location.pathname, this.location.search);
  }
  modalState(): ModalState | null {
    const r = this.route();
    if (r.kind !== 'compose') return null;
    const st = (this.location.state ?? {}) as Partial<ModalState>;
    return { modal: st.modal ?? 'new', tweetId: st.tweetId, background: st.background ?? '/home' };
  }
  /** the page under any modal */
  backgroundPath(): string {
    const m = this.modalState();
    if (m) return m.background;
    return this.location.pathname + this.location.search;
  }
  closeModal(): void {
    const st = (this.location.state ?? {}) as { pushed?: boolean; background?: string };
    if (st.pushed) history.back();
    else this.navigate(st.background ?? '/home', undefined, true);
  }
  openModal(modal: ModalState['modal'], tweetId?: string): void {
    this.menu = null;
    this.navigate('/compose/post', { modal, tweetId, background: this.backgroundPath(), pushed: true });
  }

  // ----- feeds
  private generator(tag: string, salt: string): ChatGenerator {
    return new ChatGenerator(tag, (this.config.seed ^ hashString(salt)) >>> 0, this.config.count, !!this.config.stress);
  }
  feedKeyFor(r: Route): string | null {
    if (r.kind === 'search') return `search:${r.tag.toLowerCase()}:${r.f}`;
    if (r.kind === 'home') return 'home';
    if (r.kind === 'status') return `status:${r.id}`;
    return null;
  }
  private index(ts: TweetSpec[]): void {
    for (const t of ts) {
      if (!this.tweets.has(t.id)) this.tweets.set(t.id, t);
      if (t.quoted && !this.tweets.has(t.quoted.id)) this.tweets.set(t.quoted.id, t.quoted);
    }
  }
  feed(r: Route): Feed | null {
    const key = this.feedKeyFor(r);
    if (!key) return null;
    let f = this.feeds.get(key);
    if (f) return f;
    f = this.build(r, key);
    this.feeds.set(key, f);
    const delay = this.config.loadDelay ?? 120;
    const feed = f;
    if (delay > 0) {
      setTimeout(() => {
        feed.loaded = true;
        this.emit();
      }, delay);
    } else feed.loaded = true;
    return f;
  }
  private build(r: Route, key: string): Feed {
    if (r.kind === 'search' || r.kind === 'home') {
      const tag = r.kind === 'search' ? r.tag : 'blogchat';
      // all tabs of a query share the seed: the same tweets, differently selected/ordered
      const gen = this.generator(tag, tag.toLowerCase());
      const tweets = gen.initial(this.config.count, this.now);
      this.index(tweets);
      let items: Item[];
      let mode: Feed['mode'] = 'top';
      const f = r.kind === 'search' ? r.f : 'live';
      if (f === 'user') {
        mode = 'static';
        const seen = new Set<string>();
        const people: Person[] = [gen.host];
        for (const t of tweets)
          if (!t.promoted && !seen.has(t.handle)) {
            seen.add(t.handle);
            people.push(t);
          }
        items = people.slice(0, 30).map((p) => ({ key: `user-${p.handle}`, kind: 'user' as const, person: p }));
      } else if (f === 'media') {
        mode = 'static';
        items = tweets
          .filter((_, i) => i % 3 === 0)
          .map((t) => ({
            key: itemKey(t),
            kind: 'tweet' as const,
            tweet: { ...t, mediaHeight: t.mediaHeight ?? 200 + (hashString(t.id) % 160) },
          }));
      } else if (f === 'live') {
        items = tweets.map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t }));
      } else {
        mode = 'static';
        items = [...tweets]
          .sort((a, b) => b.likes - a.likes || (a.id < b.id ? 1 : -1))
          .map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t }));
      }
      return { key, items: dropDuplicateKeys(items), loaded: false, mode, gen, heights: new Map(), tag };
    }
    if (r.kind === 'status') {
      const known = this.tweets.get(r.id);
      const tag = known ? tagOf(known.text + ' ' + (known.quoted?.text ?? '')) : 'blogchat';
      const gen = this.generator(tag, `status:${r.id}`);
      const focal = known ?? gen.forStatus(r.handle, r.id);
      this.tweets.set(focal.id, focal);
      const replies = gen.replies(focal, 8, Math.max(Date.now(), this.now));
      this.index(replies);
      const items: Item[] = [
        { key: `focal-${focal.id}`, kind: 'focal', tweet: focal },
        { key: `composer-${focal.id}`, kind: 'composer', replyTo: focal },
        ...replies.map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t })),
      ];
      return { key, items, loaded: false, mode: 'replies', gen, heights: new Map(), tag };
    }
    throw new Error('no feed');
  }
  currentFeed(): Feed | null {
    return this.currentFeedKey ? (this.feeds.get(this.currentFeedKey) ?? null) : null;
  }
  private insert(feed: Feed, tweets: TweetSpec[]): void {
    this.index(tweets);
    const items = dropDuplicateKeys(
      tweets.map((t) => ({ key: itemKey(t), kind: 'tweet' as const, tweet: t })),
      new Set(feed.items.map((i) => i.key)),
    );
    if (feed.mode === 'replies') {
      const at = feed.items.findIndex((i) => i.kind === 'composer') + 1;
      feed.items = [...feed.items.slice(0, at), ...items, ...feed.items.slice(at)];
    } else {
      feed.items = [...items, ...feed.items];
    }
  }
  pushTweets(arg: number | Array<Partial<TweetSpec>>): void {
    const feed = this.currentFeed();
    if (!feed || feed.mode === 'static') return;
    const now = Date.now();
    const list: TweetSpec[] = [];
    if (typeof arg === 'number') {
      for (let i = 0; i < arg; i++) {
        let t = feed.gen.next(now - (arg - 1 - i));
        if (feed.mode === 'replies') {
          const focal = feed.items[0];
          if (focal && focal.kind === 'focal')
            t = { ...t, replyTo: [focal.tweet.handle], inReplyToId: focal.tweet.id, text: `@${focal.tweet.handle} ${t.text}` };
        }
        list.push(t);
      }
    } else {
      for (const spec of arg) list.push(fillSpec(feed.gen, spec, now));
    }
    // newest first
    list.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    this.insert(feed, list);
    this.emit();
  }
  startLive(perSecond: number): void {
    this.stopLive();
    if (!(perSecond > 0)) return;
    this.liveAcc = 0;
    let last = performance.now();
    this.liveTimer = setInterval(() => {
      const t = performance.now();
      this.liveAcc += ((t - last) / 1000) * perSecond;
      last = t;
      const n = Math.floor(this.liveAcc);
      if (n > 0) {
        this.liveAcc -= n;
        this.pushTweets(n);
      }
    }, 100);
  }
  stopLive(): void {
    if (this.liveTimer) clearInterval(this.liveTimer);
    this.liveTimer = null;
  }

  // ----- posting
  post(text: string, where: string, replyTo?: TweetSpec, quoted?: TweetSpec): void {
    const info: PostedInfo = { text, where };
    if (replyTo) info.inReplyTo = replyTo.id;
    if (quoted) info.quoted = quoted.id;
    this.posts.push(info);
    const now = Date.now();
    const tweet: TweetSpec = {
      id: ((BigInt(now - 1288834974657) << 22n) | BigInt(this.posts.length)).toString(),
      handle: ME.handle,
      name: ME.name,
      verified: false,
      text,
      lang: 'en',
      time: new Date(now).toISOString(),
      replies: 0,
      reposts: 0,
      likes: 0,
      views: 0,
    };
    if (replyTo) {
      tweet.replyTo = [replyTo.handle];
      tweet.inReplyToId = replyTo.id;
    }
    if (quoted) tweet.quoted = { ...quoted, quoted: undefined, retweetedBy: undefined };
    this.tweets.set(tweet.id, tweet);
    const bg = parseRoute(...splitPath(this.backgroundPath()));
    const key = this.feedKeyFor(bg);
    const feed = key ? this.feeds.get(key) : undefined;
    if (feed) {
      if (feed.mode === 'replies') {
        const focal = feed.items[0];
        if (focal?.kind === 'focal' && replyTo?.id === focal.tweet.id) this.insert(feed, [tweet]);
      } else if (feed.mode === 'top') {
        const matches = key === 'home' || text.toLowerCase().includes(`#${feed.tag.toLowerCase()}`);
        if (matches) this.insert(feed, [tweet]);
      }
    }
    this.showToast('Your post was sent.');
    this.emit();
  }
  showToast(text: string): void {
    this.toast = { id: Date.now(), text };
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      this.toast = null;
      this.emit();
    }, 3000);
  }

  // ----- config
  setTheme(theme: Theme): void {
    this.config = { ...this.config, theme };
    applyTheme(this.config);
    this.emit();
  }
  reset(partial?: Partial<StandinConfig>): void {
    this.config = { ...this.config, ...(partial ?? {}) };
    this.now = this.config.now ?? Date.now();
    this.feeds.clear();
    this.drifts = new Set(this.config.drift ?? []);
    this.menu = null;
    applyTheme(this.config);
    window.scrollTo(0, 0);
    this.startLive(this.config.liveRate);
    this.emit();
  }
  /** Whether markup drift `kind` is on (`testIds` renames the test ids of every other id drift too). */
  drifted(kind: Drift): boolean {
    return this.drifts.has(kind) || ((kind === 'tweetText' || kind === 'cellInnerDiv') && this.drifts.has('testIds'));
  }
  drift(kind: Drift, on = true): void {
    if (!DRIFTS.includes(kind)) throw new Error(`unknown drift ${String(kind)}`);
    if (on === this.drifts.has(kind)) return;
    if (on) this.drifts.add(kind);
    else this.drifts.delete(kind);
    this.emit();
  }
}

export function splitPath(p: string): [string, string] {
  const u = new URL(p, location.origin);
  return [u.pathname, u.search];
}

export function applyTheme(c: StandinConfig): void {
  const dark = c.theme === 'dark';
  const html = document.documentElement;
  html.style.fontSize = `${c.fontSize}px`;
  html.style.colorScheme = dark ? 'dark' : 'light';
  html.dataset.theme = c.theme;
  document.body.style.backgroundColor = dark ? '#000000' : '#FFFFFF';
}

export const store = new Store();
