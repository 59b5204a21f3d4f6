// What x.com's link addresses say: a profile (`/handle`), a status (`/handle/status/ID` and its
// sub-pages), a hashtag (`/hashtag/tag`). x.com writes them as paths; saved pages make them absolute.
import { normalizeHandle } from '@/lib/chat/handles';
import type { Handle } from '@/lib/chat/types';

/** Single-segment paths that are x.com pages, not profiles. */
const RESERVED = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'settings',
  'compose',
  'hashtag',
  'tos',
  'privacy',
  'login',
  'logout',
  'signup',
  'jobs',
  'lists',
  'communities',
  'premium',
  'verified',
]);

/** A hashtag link: `/hashtag/tag` (x.com adds `?src=hashtag_click`); the tag is the segment, URL-encoded. */
const HASHTAG_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/hashtag\/([^/?#]+)/;
const PROFILE_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/?(?:[?#].*)?$/;
const STATUS_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d+)(?:[/?#].*)?$/;

/** The handle of a profile link (`/Handle`), lower-cased; null for any other link. */
export function profileHandleOf(href: string | null): Handle | null {
  const m = href ? PROFILE_PATH.exec(href) : null;
  if (!m?.[1] || RESERVED.has(m[1].toLowerCase())) return null;
  return normalizeHandle(m[1]);
}

/** `{ handle, id }` of a status link (`/Handle/status/123`, also its sub-pages); null otherwise. */
export function statusOf(href: string | null): { handle: Handle; id: string } | null {
  const m = href ? STATUS_PATH.exec(href) : null;
  if (!m?.[1] || !m[2]) return null;
  return { handle: normalizeHandle(m[1]), id: m[2] };
}

/** The tag of a hashtag link (`/hashtag/tag`), decoded, without '#'; null for any other link. */
export function hashtagOf(href: string | null): string | null {
  const m = href ? HASHTAG_PATH.exec(href) : null;
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
