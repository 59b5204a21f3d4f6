// Every entry of the selectors table against real x.com markup (tests/fixtures/x-real, sanitised from
// saved pages): an entry that matches nothing there is a guess, and a new entry must come with a page.
import { describe, expect, it } from 'vitest';
import { REAL_PAGES, realPage } from '@/tests/fixtures/x-real';
import { draftText } from './draft';
import { X } from './selectors';
import { findTimeline, isLiveTimeline } from './timeline';

type Entry = keyof typeof X;

/** Entries no saved page we found can show, each with why; everything else must match real markup. */
const NOT_IN_SAVED_PAGES: Partial<Record<Entry, string>> = {
  dialog: 'no published saved page has an open compose/reply dialog; the stand-in and the e2e tests open one',
  latestTab: 'no published saved page is a search results page; the stand-in and the e2e tests switch to Latest',
  bottomBar: 'the saved pages are desktop-wide; the stand-in draws the tab bar at phone widths and the mobile e2e test sits above it',
};

const pages = REAL_PAGES.map((name) => ({ name, doc: realPage(name) }));
const count = (selector: string) => pages.reduce((n, { doc }) => n + doc.querySelectorAll(selector).length, 0);
const home = pages.find((p) => p.name === 'home')!.doc;

describe('the X selectors table on real x.com markup', () => {
  it.each(Object.keys(X).filter((k) => !(k in NOT_IN_SAVED_PAGES)) as Entry[])('%s matches real markup', (entry) => {
    expect(count(X[entry])).toBeGreaterThan(0);
  });

  it('allows only entries of the table that no saved page holds', () => {
    for (const entry of Object.keys(NOT_IN_SAVED_PAGES)) {
      expect(Object.keys(X)).toContain(entry);
      expect(count(X[entry as Entry])).toBe(0);
    }
  });

  it('finds one live timeline per page, in the primary column', () => {
    for (const { doc } of pages) {
      expect(doc.querySelectorAll(X.timeline)).toHaveLength(1);
      const timeline = findTimeline(doc);
      expect(timeline && isLiveTimeline(timeline)).toBe(true);
      expect(timeline?.closest(X.primaryColumn)).not.toBeNull();
    }
  });

  it('finds exactly the Draft editor of the inline composer, its block inside a drag-and-drop wrapper', () => {
    const editors = home.querySelectorAll(X.composerEditor);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.getAttribute('role')).toBe('textbox');
    // x.com's test ids starting "tweetTextarea_" are on three nested elements: label, container, editor
    expect(home.querySelectorAll('[data-testid^="tweetTextarea_"]')).toHaveLength(3);
    const block = editors[0]!.querySelector(X.draftBlock)!;
    expect(block.parentElement!.hasAttribute('data-rbd-draggable-id')).toBe(true);
    expect(block.querySelector(X.draftLeaf)!.localName).toBe('br');
    expect(draftText(editors[0]!)).toBe('');
  });

  it('finds the search form in the right column, the post button in the navigation and #layers', () => {
    expect(home.querySelectorAll(`${X.sidebarColumn} ${X.searchForm}`)).toHaveLength(1);
    expect(home.querySelector(`header[role="banner"] ${X.newPostButton}`)).not.toBeNull();
    expect(home.querySelectorAll(X.layers)).toHaveLength(1);
  });

  it('finds one profile link and one account menu, with its avatar, in the navigation', () => {
    expect(home.querySelectorAll(`header[role="banner"] ${X.profileLink}`)).toHaveLength(1);
    expect(home.querySelectorAll(`header[role="banner"] ${X.accountSwitcher}`)).toHaveLength(1);
    expect(home.querySelectorAll(`${X.accountSwitcher} ${X.avatarContainer}`)).toHaveLength(1);
  });

  it('finds every like button with the like button lookup', () => {
    for (const { doc } of pages) {
      const lookedUp = new Set(doc.querySelectorAll(X.likeButtonLookup));
      for (const button of doc.querySelectorAll(X.likeButton)) expect(lookedUp.has(button)).toBe(true);
    }
  });

  it('finds each tweet article in its own cell, with its author row, avatar and status links', () => {
    for (const { doc } of pages) {
      for (const article of doc.querySelectorAll(X.tweet)) {
        expect(article.closest(X.cell)).not.toBeNull();
        expect(article.matches(X.anyArticle)).toBe(true);
        expect(article.querySelector(X.userName)).not.toBeNull();
        expect(article.querySelector(X.avatar)).not.toBeNull();
        expect(article.querySelector(X.statusLink)).not.toBeNull();
      }
    }
  });
});
