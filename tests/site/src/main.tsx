/** Entry: mounts the stand-in and exposes `window.__standin` (types in api.ts). */
import 'draft-js/dist/Draft.css';
import './styles.css';
import './layout.css';
import './tweets.css';
import './composer.css';
import { createRoot } from 'react-dom/client';
import type { StandinApi, StandinWindow } from './api';
import { App } from './App';
import { applyTheme } from './config';
import { store } from './store';

const api: StandinApi = {
  composers: () => [...store.composers.values()].sort((a, b) => a.id - b.id).map((c) => c.info()),
  posted: () => store.posts.map((p) => ({ ...p })),
  reset: (config) => store.reset(config),
  pushTweets: (n) => store.pushTweets(n),
  startLive: (perSecond) => store.startLive(perSecond),
  stopLive: () => store.stopLive(),
  setTheme: (theme) => store.setTheme(theme),
  navigate: (path) => store.navigate(path),
  stats: () => {
    const feed = store.currentFeed();
    return {
      mountedCells: document.querySelectorAll('[data-testid="primaryColumn"] section > h1 + div[aria-label] > div > div').length,
      totalTweets: feed ? feed.items.filter((i) => i.kind === 'tweet' || i.kind === 'focal').length : 0,
      scrollHeight: document.documentElement.scrollHeight,
    };
  },
  drift: (kind, on) => store.drift(kind, on),
  drifts: () => [...store.drifts],
  breakMarkup: () => store.drift('testIds'),
  config: () => ({ ...store.config }),
};
(window as unknown as StandinWindow).__standin = api;

history.scrollRestoration = 'manual';
// logged-in x.com redirects / to /home
if (location.pathname === '/') history.replaceState(history.state, '', '/home' + location.search);
if (!(history.state as { key?: string } | null)?.key) history.replaceState({ ...(history.state ?? {}), key: 'initial' }, '');
store.syncLocation();
window.addEventListener('popstate', () => store.syncLocation());
applyTheme(store.config);
store.startLive(store.config.liveRate);

const rootEl =
  document.getElementById('react-root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'react-root' }));
createRoot(rootEl).render(<App />);
