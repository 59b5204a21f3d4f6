// The sidebar on x.com's page: an open shadow root that exists only while there is a chat to show.
// It follows x.com's layout by a style on its host element, without a render; Preact renders it only
// when what it shows changed (the tab's state, x.com's theme), at most once a frame.
import { render } from 'preact';
import type { PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { benchCounters } from '@/lib/bench-counters';
import { t } from '@/lib/i18n';
import { watchPlacement, type SidebarPlacement } from '@/lib/x/layout';
import { readTheme, watchTheme, type XTheme } from '@/lib/x/theme';
import { ChatSidebar, type SidebarIntents } from '@/components/ChatSidebar';
import type { ChatTab, TabState } from './tab';

/**
 * The content script's stylesheet (components/*.css, built into one file next to it and listed as web accessible
 * by WXT for `cssInjectionMode: 'ui'`), for the sidebar's shadow root. Built, so not among WXT's typed public paths.
 */
const STYLESHEET: string = '/content-scripts/content.css';

async function sidebarCss(): Promise<string> {
  try {
    return await (await fetch(browser.runtime.getURL(STYLESHEET as PublicPath))).text();
  } catch {
    // Unstyled rather than missing: the sidebar still works.
    return '';
  }
}

/** Shows `tab` in a sidebar until `ctx` is invalidated. */
export async function mountSidebar(ctx: ContentScriptContext, tab: ChatTab): Promise<void> {
  // An open shadow root on our own element at the end of the body: x.com's styles cannot reach in, and
  // the host is reset so that none of its inherited styles (font, colour, direction) leak in either.
  const host = document.createElement('chat-mode-sidebar');
  // The page says x.com's language; the sidebar speaks the browser's (as the extension's pages do), so
  // that screen readers read it in the right voice.
  host.lang = browser.i18n.getUILanguage();
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}${await sidebarCss()}`;
  const container = document.createElement('div');
  // Keys typed in the sidebar must not trigger x.com's keyboard shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (event) => event.stopPropagation());
  shadow.append(style, container);
  let shown: AbortController | null = null;
  const remove = (): void => {
    shown?.abort();
    shown = null;
    host.remove();
  };
  // The host element exists only while there is a chat to show.
  const place = (): void => {
    const wanted = tab.state.get().tags !== null;
    if (wanted && !shown) {
      shown = new AbortController();
      document.body.append(host);
      showSidebar(container, host, tab, shown.signal);
    } else if (!wanted && shown) remove();
  };
  tab.state.subscribe(place, ctx.signal);
  ctx.onInvalidated(remove);
}

/**
 * Renders `tab` into `container` and places `host` beside x.com's columns until `signal` aborts. Both
 * happen before the first paint, so the sidebar is never painted empty or out of place.
 */
export function showSidebar(container: HTMLElement, host: HTMLElement, tab: ChatTab, signal: AbortSignal): void {
  const intents: SidebarIntents = {
    setCollapsed: (collapsed) => void tab.update({ sidebar: { collapsed } }),
    setChatMode: (on) => void tab.setChatMode(on),
    retry: () => tab.retry(),
    update: (patch) => void tab.update(patch),
  };
  let theme = readTheme(document);
  const replace = watchPlacement(
    document,
    () => 20 * theme.fontSize,
    (placement) => placeHost(host, placement),
    signal,
  );
  let drawn: { state: TabState; theme: XTheme } | null = null;
  let frame = 0;
  // What the sidebar says about the chat's time ("live now", "ended") changes at the occurrence's start
  // and end, not with the tab's state: drawn again then.
  let boundary: ReturnType<typeof setTimeout> | undefined;
  const drawAtNextBoundary = ({ next }: TabState): void => {
    clearTimeout(boundary);
    if (!next) return;
    const now = Date.now();
    const at = [next.start, next.end].find((time) => time > now);
    if (at === undefined) return;
    // setTimeout's longest delay is about 24 days: a farther boundary is looked at again then.
    const delay = Math.min(at - now + 1, 2 ** 31 - 1);
    boundary = setTimeout(() => {
      drawn = null;
      drawSoon();
    }, delay);
  };
  const draw = (): void => {
    frame = 0;
    const state = tab.state.get();
    if (drawn?.state === state && drawn.theme === theme) return;
    drawn = { state, theme };
    benchCounters.sidebarRenders++;
    render(state.tags ? <ChatSidebar state={state} intents={intents} t={t} theme={theme} /> : null, container);
    drawAtNextBoundary(state);
  };
  const drawSoon = (): void => {
    frame ||= requestAnimationFrame(draw);
  };
  tab.state.subscribe(drawSoon, signal);
  watchTheme(
    document,
    (next) => {
      theme = next;
      replace();
      drawSoon();
    },
    signal,
  );
  // The first render at the end of this task (a microtask: still before the first paint), not at once:
  // opening a chat page sets the tab's state in steps (the chat, then "loading") and the sidebar must not
  // show the ones in between (a chat that looks loaded before its settings came).
  queueMicrotask(() => {
    if (!signal.aborted) draw();
  });
  signal.addEventListener(
    'abort',
    () => {
      cancelAnimationFrame(frame);
      clearTimeout(boundary);
      render(null, container);
    },
    { once: true },
  );
}

/** The sidebar's CSS (components/sidebar.css) reads its place from the host's custom properties. */
function placeHost(host: HTMLElement, placement: SidebarPlacement | null): void {
  const sides = {
    top: placement?.top,
    right: placement?.right,
    width: placement?.width,
    bottom: placement?.bottom,
    'sheet-left': placement?.sheetLeft,
    'sheet-right': placement?.sheetRight,
  };
  for (const [side, px] of Object.entries(sides)) {
    if (px === undefined) host.style.removeProperty(`--chat-mode-${side}`);
    else host.style.setProperty(`--chat-mode-${side}`, `${px}px`);
  }
  host.toggleAttribute('data-behind-dialog', placement?.hidden === true);
  host.toggleAttribute('data-tab-bar', placement?.bottom !== undefined);
}
