// Content script: wiring only. The tab's chat mode (lib/chat-mode) follows x.com's route and runs the
// registered features; the sidebar renders its state inside an open shadow root. Everything stops
// through one signal, `ctx.signal`, when the extension is reloaded or updated.
import { benchCounters } from '@/lib/bench-counters';
import { createChatModeDeps, forgetOldPageKeys } from '@/lib/chat-mode/deps';
import { features } from '@/lib/chat-mode/features';
import { mountSidebar } from '@/lib/chat-mode/sidebar';
import { createChatTab } from '@/lib/chat-mode/tab';
import { listenForChatsChanged } from '@/lib/protocol/chats-changed';
import { createClient } from '@/lib/protocol/client';
import { openTabStorage } from '@/lib/tab-storage';
import { X_TAB_MATCHES } from '@/lib/x/hosts';
import { watchLocation } from '@/lib/x/route';
import '@/components/sidebar.css';
import '@/components/chat-views.css';
import '@/components/switch.css';
import '@/components/visually-hidden.css';

export default defineContentScript({
  matches: X_TAB_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Only in the bench's builds (folded away otherwise): what `npm run bench` counts, and the one part
    // its per-feature table leaves out (a feature's name, or `sidebar`).
    if (import.meta.env.WXT_BENCH) Object.assign(globalThis, { __chatModeBench: benchCounters });
    const benchWithout = import.meta.env.WXT_BENCH_WITHOUT as string | undefined;
    const client = createClient((message) => browser.runtime.sendMessage(message));
    // What the tab keeps across reloads — its chat, tweets on their way — the background keeps for it.
    forgetOldPageKeys();
    // Writes wait 2 s: the outbox keeps tweets there only until the background acknowledges them
    // (about a second), so a busy chat costs no message per batch; unload sends what waits at once.
    const storage = await openTabStorage({ send: (request) => client.send(request), writeDelayMs: 2_000 });
    // Leaving or reloading the page: written now, not after a task that may never run (capture: before
    // the features hand the outbox their last tweets, which are then written as they come).
    ctx.addEventListener(window, 'pagehide', () => storage.unload(), { capture: true });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) storage.resume();
    });
    const deps = createChatModeDeps(document, client, storage, ctx.signal);
    const running = benchWithout ? features.filter((feature) => feature.name !== benchWithout) : features;
    const tab = createChatTab({
      client,
      storage,
      features: running,
      deps,
      // Settings changed on the options page or in the popup apply here at once.
      onChatsChanged: (listener, signal) => listenForChatsChanged(browser.storage, listener, signal),
      signal: ctx.signal,
    });
    if (benchWithout !== 'sidebar') await mountSidebar(ctx, tab);
    tab.setUrl(location.href);
    watchLocation(document, (href) => tab.setUrl(href), ctx.signal);
  },
});
