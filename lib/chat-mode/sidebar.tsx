// The sidebar on x.com's page: an open shadow root that exists only while there is a chat to show,
// redrawn when the tab's state, x.com's theme or the page's layout change.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/lib/i18n';
import { placeSidebar, watchLayout } from '@/lib/x/layout';
import { readTheme, watchTheme } from '@/lib/x/theme';
import { ChatSidebar, type SidebarIntents } from '@/components/ChatSidebar';
import type { ChatTab } from './tab';

/** Shows `tab` in a sidebar until `ctx` is invalidated. */
export async function mountSidebar(ctx: ContentScriptContext, tab: ChatTab): Promise<void> {
  const intents: SidebarIntents = {
    setCollapsed: (collapsed) => void tab.update({ sidebar: { collapsed } }),
    setChatMode: (on) => void tab.setChatMode(on),
    retry: () => tab.retry(),
    update: (patch) => void tab.update(patch),
  };
  const ui = await createShadowRootUi(ctx, {
    name: 'chat-mode-sidebar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the sidebar must not trigger x.com's keyboard shortcuts.
    isolateEvents: true,
    onMount(container) {
      const shown = new AbortController();
      let theme = readTheme(document);
      const draw = (): void => {
        const state = tab.state.get();
        const placement = placeSidebar(document, 20 * theme.fontSize);
        render(state.tags ? <ChatSidebar state={state} placement={placement} intents={intents} t={t} theme={theme} /> : null, container);
      };
      watchLayout(document, draw, shown.signal);
      tab.state.subscribe(draw, shown.signal);
      watchTheme(
        document,
        (next) => {
          theme = next;
          draw();
        },
        shown.signal,
      );
      draw();
      return () => {
        shown.abort();
        render(null, container);
      };
    },
    onRemove(unmount) {
      unmount?.();
    },
  });
  // The host element exists only while there is a chat to show.
  const place = (): void => {
    const wanted = tab.state.get().tags !== null;
    if (wanted && !ui.mounted) ui.mount();
    else if (!wanted && ui.mounted) ui.remove();
  };
  tab.state.subscribe(place, ctx.signal);
  ctx.onInvalidated(() => ui.remove());
}
