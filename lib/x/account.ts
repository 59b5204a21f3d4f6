// Who is signed in to x.com: the handle the host console compares with the chat's hosts. x.com shows
// a signed-in account's navigation (profile link, account menu) on every page; a signed-out page has none.
import type { Handle } from '../chat/types';
import { X } from './selectors';
import { profileHandleOf } from './urls';

const AVATAR_PREFIX = 'UserAvatar-Container-';
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const AT_HANDLE = /^@([A-Za-z0-9_]{1,15})$/;

/** The signed-in account's handle (lower-cased, without '@'), or null when the page shows none. */
export function signedInHandle(doc: Document): Handle | null {
  const link = doc.querySelector(X.profileLink);
  const linked = link === null ? null : profileHandleOf(link.getAttribute('href'));
  if (linked !== null) return linked;
  const switcher = doc.querySelector(X.accountSwitcher);
  return switcher === null ? null : switcherHandle(switcher);
}

/**
 * The account menu's handle: its avatar's test id first (x.com writes the handle there, the user does
 * not), else its `@handle` line. That line follows the display name, which may itself read like a
 * handle, so the last leaf that is exactly `@handle` wins.
 */
function switcherHandle(switcher: Element): Handle | null {
  const testId = switcher.querySelector(X.avatarContainer)?.getAttribute('data-testid') ?? '';
  const fromAvatar = testId.slice(AVATAR_PREFIX.length);
  if (HANDLE.test(fromAvatar)) return fromAvatar.toLowerCase();
  let found: string | null = null;
  for (const el of switcher.querySelectorAll('*')) {
    if (el.childElementCount !== 0) continue;
    const m = AT_HANDLE.exec((el.textContent ?? '').trim());
    if (m?.[1]) found = m[1];
  }
  return found === null ? null : found.toLowerCase();
}
