import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { benchCounters } from '@/lib/bench-counters';
import { chatSettings } from '@/tests/unit/builders';
import { observable } from './observable';
import { showSidebar } from './sidebar';
import type { ChatTab, TabState } from './tab';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function chatTab(): ChatTab {
  const state = observable<TabState>({
    tags: ['blogchat'],
    onChatPage: true,
    load: { state: 'ready' },
    chat: chatSettings('blogchat'),
    next: null,
    saving: false,
    saveError: null,
    reports: {},
  });
  return { state, setUrl: () => {}, setChatMode: async () => {}, update: async () => {}, retry: () => {} };
}

/** Sets the viewport's width without its scroll bar (happy-dom lays nothing out). */
function viewportWidth(px: number): void {
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(px);
}

/** x.com's columns at 1280 px, laid out (happy-dom lays nothing out): the sidebar goes below the search box. */
function columns(): { layers: HTMLElement } {
  viewportWidth(1280);
  const laidOut = (el: HTMLElement, left: number, top: number, width: number, height: number) => {
    vi.spyOn(el, 'getBoundingClientRect').mockReturnValue(new DOMRect(left, top, width, height));
    return el;
  };
  const primary = laidOut(document.createElement('div'), 300, 0, 600, 900);
  primary.dataset.testid = 'primaryColumn';
  const column = laidOut(document.createElement('div'), 930, 0, 350, 900);
  column.dataset.testid = 'sidebarColumn';
  const search = laidOut(document.createElement('form'), 930, 4, 350, 50);
  search.setAttribute('role', 'search');
  column.append(search);
  const layers = document.createElement('div');
  layers.id = 'layers';
  document.body.append(primary, column, layers);
  return { layers };
}

let shown: AbortController;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => [key, ...[subs ?? []].flat()].join(' '));
});
afterEach(() => {
  shown.abort();
  document.body.replaceChildren();
});

function show(tab: ChatTab) {
  const host = document.createElement('div');
  const container = document.createElement('div');
  host.append(container);
  document.body.append(host);
  shown = new AbortController();
  const start = benchCounters.sidebarRenders;
  showSidebar(container, host, tab, shown.signal);
  return { host, container, renders: () => benchCounters.sidebarRenders - start };
}

describe('showSidebar', () => {
  it('renders before the next paint, then at most once a frame, and only when what it shows changed', async () => {
    const tab = chatTab();
    const { container, renders } = show(tab);
    expect(renders()).toBe(0);
    // The state set in the same task is the first one drawn: not the steps before it.
    tab.state.set({ load: { state: 'loading' } });
    tab.state.set({ load: { state: 'ready' } });
    await Promise.resolve();
    expect(renders()).toBe(1);
    expect(container.querySelector('h2')?.textContent).toBe('#blogchat');
    tab.state.set({ saving: true });
    tab.state.set({ saveError: 'Storage is full.' });
    tab.state.set({ saving: false });
    expect(renders()).toBe(1);
    await vi.waitFor(() => expect(renders()).toBe(2));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Storage is full.');
    expect(container.querySelector('aside')?.getAttribute('aria-busy')).toBe('false');
    tab.state.set({ saving: false, saveError: 'Storage is full.' }); // nothing changed
    window.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(renders()).toBe(2);
  });

  it('places its host beside x.com’s columns before it is first shown, and steps aside for a dialog without a render', async () => {
    const { layers } = columns();
    const { host, renders } = show(chatTab());
    const place = () => ['top', 'right', 'width'].map((side) => host.style.getPropertyValue(`--chat-mode-${side}`));
    expect(place()).toEqual(['66px', '0px', '350px']);
    expect(host.hasAttribute('data-behind-dialog')).toBe(false);
    const dialog = document.createElement('div');
    vi.spyOn(dialog, 'getBoundingClientRect').mockReturnValue(new DOMRect(340, 40, 600, 300));
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    layers.append(dialog);
    await vi.waitFor(() => expect(host.hasAttribute('data-behind-dialog')).toBe(true));
    dialog.remove();
    await vi.waitFor(() => expect(host.hasAttribute('data-behind-dialog')).toBe(false));
    expect(place()).toEqual(['66px', '0px', '350px']);
    expect(renders()).toBe(1);
  });

  it('draws again when the chat starts and ends, with no change of state', async () => {
    const tab = chatTab();
    const now = Date.now();
    tab.state.set({ next: { start: now + 1500, end: now + 3000 } });
    const { container } = show(tab);
    const when = () => container.querySelector('[data-testid="chat-when"]')?.textContent ?? '';
    await Promise.resolve();
    expect(when()).toMatch(/^nextChat /);
    await vi.waitFor(() => expect(when()).toMatch(/^liveNow /), { timeout: 10_000 });
    await vi.waitFor(() => expect(when()).toMatch(/^chatEnded /), { timeout: 10_000 });
  });

  it('renders nothing more once its signal aborts', async () => {
    const tab = chatTab();
    const { container, renders } = show(tab);
    await Promise.resolve();
    tab.state.set({ saving: true });
    shown.abort();
    await frame();
    await frame();
    expect(renders()).toBe(1);
    expect(container.childNodes).toHaveLength(0);
  });
});
