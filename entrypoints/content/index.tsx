// Content script: wiring only. It watches x.com's route, mounts the chat sidebar on chat pages
// (/search?q=%23tag, /hashtag/tag) and removes it elsewhere. The logic lives in lib/ and components/.
import { render } from 'preact';
import { chatTagsFromUrl, type Tag } from '@/lib/chat';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/messages';
import { watchLocation } from '@/lib/x/route';
import { readTheme, watchTheme } from '@/lib/x/theme';
import { ChatSidebar } from '@/components/ChatSidebar';
import '@/components/sidebar.css';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const client = createClient((message) => browser.runtime.sendMessage(message));
    let mounted: { key: string; remove: () => void } | null = null;
    let wanted = '';

    const show = async (tags: Tag[] | null): Promise<void> => {
      const key = tags?.join(' ') ?? '';
      if (mounted?.key === key) return;
      wanted = key;
      mounted?.remove();
      mounted = null;
      if (!tags) return;
      let stopTheme = (): void => {};
      const ui = await createShadowRootUi(ctx, {
        name: 'chat-mode-sidebar',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        // Keys typed in the sidebar must not trigger x.com's keyboard shortcuts.
        isolateEvents: true,
        onMount(container) {
          const draw = (): void => render(<ChatSidebar tags={tags} client={client} t={t} theme={readTheme(document)} />, container);
          draw();
          stopTheme = watchTheme(document, draw);
        },
        onRemove(container) {
          stopTheme();
          if (container) render(null, container);
        },
      });
      // Navigation may have moved on while the UI's styles loaded.
      if (wanted !== key) return;
      ui.mount();
      mounted = { key, remove: () => ui.remove() };
    };

    await show(chatTagsFromUrl(location.href));
    const stop = watchLocation(document, (href) => void show(chatTagsFromUrl(href)));
    ctx.onInvalidated(() => {
      stop();
      mounted?.remove();
    });
  },
});
