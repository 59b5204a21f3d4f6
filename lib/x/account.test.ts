import { afterEach, describe, expect, it } from 'vitest';
import { realPage } from '@/tests/fixtures/x-real';
import { signedInHandle } from './account';

// The stand-in's left navigation (tests/site/src/SideColumns.tsx), cut down and without its classes.
const STANDIN_NAV = `<header role="banner"><nav aria-label="Primary" role="navigation">
  <a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link"><span>Home</span></a>
  <a href="/standin_user" aria-label="Profile" role="link" data-testid="AppTabBar_Profile_Link"><span>Profile</span></a>
</nav>
<button aria-label="Account menu" role="button" data-testid="SideNav_AccountSwitcher_Button" type="button">
  <div data-testid="Tweet-User-Avatar"><a href="/standin_user" role="link" aria-hidden="true">S</a></div>
  <div><span class="name">Stand-in User</span><span class="muted">@standin_user</span></div>
</button></header>`;

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const profileLink = (href: string) => `<a href="${href}" role="link" data-testid="AppTabBar_Profile_Link"></a>`;
const switcher = (inner: string) => `<button data-testid="SideNav_AccountSwitcher_Button" type="button">${inner}</button>`;

afterEach(() => document.body.replaceChildren());

describe('signedInHandle', () => {
  it('reads the profile link of a real x.com page (saved with absolute links)', () => {
    expect(signedInHandle(realPage('home'))).toBe('user_a');
  });

  it('falls back to the account menu of the real page when the profile link is gone', () => {
    const doc = realPage('home');
    doc.querySelector('[data-testid="AppTabBar_Profile_Link"]')!.remove();
    expect(signedInHandle(doc)).toBe('user_a');
    // and to its `@handle` line without the avatar
    doc.querySelector('[data-testid="SideNav_AccountSwitcher_Button"] [data-testid^="UserAvatar-Container-"]')!.remove();
    expect(signedInHandle(doc)).toBe('user_a');
  });

  it('reads the stand-in’s navigation, from its profile link or its account menu', () => {
    expect(signedInHandle(page(STANDIN_NAV))).toBe('standin_user');
    document.querySelector('[data-testid="AppTabBar_Profile_Link"]')!.remove();
    expect(signedInHandle(document)).toBe('standin_user');
  });

  it('lower-cases the handle', () => {
    expect(signedInHandle(page(profileLink('/MackCollier')))).toBe('mackcollier');
    expect(signedInHandle(page(switcher('<span>@MackCollier</span>')))).toBe('mackcollier');
  });

  it('is null on a page without the navigation (signed out)', () => {
    expect(signedInHandle(page('<main><a href="/someone">someone</a></main>'))).toBeNull();
    expect(signedInHandle(realPage('status'))).toBeNull();
  });

  it('takes no x.com page, other site or script for a handle', () => {
    for (const href of [
      '/home',
      '/i',
      '/explore',
      '/settings',
      'https://x.com/home',
      'javascript:alert(1)',
      'https://evil.example/user',
      '/a/b',
      '',
    ]) {
      expect(signedInHandle(page(profileLink(href)))).toBeNull();
    }
    expect(signedInHandle(page(profileLink('/' + 'a'.repeat(16))))).toBeNull();
  });

  it('falls back to the account menu when the profile link holds no handle', () => {
    expect(signedInHandle(page(profileLink('/home') + switcher('<span>Me</span><span>@me_too</span>')))).toBe('me_too');
  });

  it('takes the account menu’s `@handle` line, not a display name that reads like one', () => {
    expect(signedInHandle(page(switcher('<span>@admin</span><div><span>@real_one</span></div>')))).toBe('real_one');
  });

  it('takes no odd text or avatar id for a handle', () => {
    const odd = [
      `<span>@${'x'.repeat(100_000)}</span>`,
      '<span>@bad-handle</span>',
      '<span>@two words</span>',
      '<span>mail@example.com</span>',
      '<span>@</span>',
      '<div data-testid="UserAvatar-Container-"></div>',
      '<div data-testid="UserAvatar-Container-<script>"></div>',
      `<div data-testid="UserAvatar-Container-${'y'.repeat(16)}"></div>`,
    ];
    for (const inner of odd) expect(signedInHandle(page(switcher(inner)))).toBeNull();
  });
});
