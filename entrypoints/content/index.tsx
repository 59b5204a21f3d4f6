// Content script: wiring only. The tab's chat mode (lib/chat-mode) follows x.com's route; the
// sidebar (components/) renders its state inside an open shadow root and sends back intents.
import { render } from 'preact';
import { answerText } from '@/lib/chat';
import { chatTags, createChatTab } from '@/lib/chat-mode/tab';
import { autoTagFeature } from '@/lib/chat-mode/features/auto-tag';
import { latestFeature } from '@/lib/chat-mode/features/latest';
import { liveFilterFeature } from '@/lib/chat-mode/features/live-filter';
import { transcriptFeature } from '@/lib/chat-mode/features/transcript';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/protocol/client';
import { createOutbox } from '@/lib/outbox';
import { openTabStorage } from '@/lib/tab-storage';
import { openComposerWithText } from '@/lib/x/composer';
import { placeSidebar, watchLayout } from '@/lib/x/layout';
import { watchLocation } from '@/lib/x/route';
import { scrollToTweet } from '@/lib/x/timeline';
import { readTheme, watchTheme } from '@/lib/x/theme';
import { ChatSidebar, type SidebarIntents } from '@/components/ChatSidebar';
import '@/components/sidebar.css';
import '@/components/chat-views.css';
import '@/components/visually-hidden.css';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const client = createClient((message) => browser.runtime.sendMessage(message));
    // What the tab keeps across reloads — its chat, tweets on their way — the background keeps for it,
    // out of the page's reach. The page's sessionStorage held them before: never read again.
    forgetOldPageKeys();
    const tabStorage = await openTabStorage({ send: client.send });
    // Leaving or reloading the page: written now, not after a task that may never run (capture: before
    // the features hand the outbox their last tweets, which are then written as they come).
    ctx.addEventListener(window, 'pagehide', () => tabStorage.unload(), { capture: true });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) tabStorage.resume();
    });
    // Seen chat tweets wait here until the background has stored them; the tab's storage keeps them
    // across a reload, and a stopped service worker is retried until it answers.
    let storeError: string | null = null;
    const outbox = createOutbox({
      send: async (request) => {
        const reply = await client.send(request);
        if (reply.ok) storeError = null;
        return reply;
      },
      storage: tabStorage,
      // A restarting worker is retried quietly; anything else (a full disk) the user must hear about.
      onError: (error) => {
        if (error.code !== 'unavailable') storeError = error.message;
      },
      onDrop: (error) => {
        storeError = error.message;
      },
    });
    const tab = createChatTab({
      client,
      storage: tabStorage,
      features: [
        latestFeature(document),
        liveFilterFeature(document, { outbox }),
        transcriptFeature({ client, outbox, kept: () => tabStorage.kept(), lastError: () => storeError }),
        autoTagFeature(document),
      ],
    });
    const questionOf = (key: string) => tab.state.get().reports.live?.questions.find((q) => q.key === key);
    const intents: SidebarIntents = {
      setCollapsed: (collapsed) => void tab.update({ sidebar: { collapsed } }),
      setChatMode: (on) => void tab.setChatMode(on),
      retry: () => tab.retry(),
      selectQuestion: (key) => {
        const question = questionOf(key);
        if (question) scrollToTweet(document, question.tweetId);
      },
      answer: (key) => {
        const { tags, chat } = tab.state.get();
        const question = questionOf(key);
        if (!tags || !chat || !question) return;
        const draft = answerText(question, chatTags({ tags, chat }));
        void openComposerWithText(document, draft.text, draft.caret);
      },
      mute: (handle) => {
        const chat = tab.state.get().chat;
        if (chat && !chat.muted.includes(handle)) void tab.update({ muted: [...chat.muted, handle] });
      },
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'chat-mode-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Keys typed in the sidebar must not trigger x.com's keyboard shortcuts.
      isolateEvents: true,
      onMount(container) {
        let theme = readTheme(document);
        const draw = (): void => {
          const state = tab.state.get();
          const placement = placeSidebar(document, 20 * theme.fontSize);
          render(state.tags ? <ChatSidebar state={state} placement={placement} intents={intents} t={t} theme={theme} /> : null, container);
          layout.refresh();
        };
        const layout = watchLayout(document, draw);
        const stopState = tab.state.subscribe(draw);
        const stopTheme = watchTheme(document, (next) => {
          theme = next;
          draw();
        });
        draw();
        return () => {
          stopState();
          stopTheme();
          layout.stop();
          render(null, container);
        };
      },
      onRemove(cleanup) {
        cleanup?.();
      },
    });

    // The host element exists only while there is a chat to show.
    const place = (): void => {
      const wanted = tab.state.get().tags !== null;
      if (wanted && !ui.mounted) ui.mount();
      else if (!wanted && ui.mounted) ui.remove();
    };
    const stopPlace = tab.state.subscribe(place);
    tab.setUrl(location.href);
    const stopRoute = watchLocation(document, (href) => tab.setUrl(href));
    // The extension was reloaded or updated: this script can no longer reach the background, and the
    // browser cleared the background's session storage (tweets on their way then are lost). Stop everything.
    ctx.onInvalidated(() => {
      stopRoute();
      stopPlace();
      tab.dispose();
      outbox.dispose();
      ui.remove();
    });
  },
});

/** Where earlier versions kept the tab's chat and unsent tweets: the page's sessionStorage, which its scripts can write. */
const OLD_PAGE_KEYS = ['chat-mode:outbox', 'chat-mode:active-chat'];

function forgetOldPageKeys(): void {
  try {
    for (const key of OLD_PAGE_KEYS) sessionStorage.removeItem(key);
  } catch {
    // storage disabled for the page: nothing to forget
  }
}
