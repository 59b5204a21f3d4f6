/** x.com's paths as the stand-in routes them: search (and /hashtag), home, a tweet, compose, anything else. */

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
export function tagOf(q: string): string {
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
export function splitPath(p: string): [string, string] {
  const u = new URL(p, location.origin);
  return [u.pathname, u.search];
}
