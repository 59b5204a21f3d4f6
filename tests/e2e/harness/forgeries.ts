// What a script in x.com's page can do to the page's own storage: plant tweets there, in the outbox's
// old format or any other; and a record of the chat tweets the timeline really showed.
import type { ExtPage } from './session.ts';

export const FORGER = 'forger';

/**
 * Runs in the page: plants forged tweets wherever and however the extension kept (or might keep)
 * them — now, and again when the page is hidden, after the extension's own last writes.
 */
export function plantForgeries(stage: string) {
  const realId = [...document.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')]
    .map((a) => /\/status\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1])
    .find(Boolean);
  let n = 0;
  const forged = (over: Record<string, unknown> = {}) => ({
    id: `19999999999999${stage === 'before' ? 1 : 2}${String(++n).padStart(4, '0')}`,
    author: { handle: 'forger', name: 'Chat Host' },
    time: '2099-01-01T00:00:00.000Z',
    text: 'Q9 Forged question #blogchat',
    kind: 'tweet',
    question: '9',
    ...over,
  });
  // The outbox's format until now, under its key…
  const legacy = JSON.stringify({
    v: 1,
    batches: [
      { batchId: `forged-${stage}-1`, tag: 'blogchat', tweets: [forged(), forged({ id: realId })] },
      { batchId: `forged-${stage}-2`, tag: 'forgedchat', tweets: [forged({ time: '2024-05-01T18:00:00.000Z' })] },
    ],
    queue: [
      { tag: 'blogchat', tweet: forged() },
      { tag: 'forgedchat', tweet: forged() },
    ],
  });
  // …and the shapes and names the extension uses elsewhere, as a page could guess them.
  const chunk = JSON.stringify({ v: 2, n: 0, tag: 'blogchat', tweets: [forged(), forged()] });
  const batch = JSON.stringify({ v: 2, n: 1, tag: 'forgedchat', tweets: [forged()], batchId: `forged-${stage}-3` });
  function plant() {
    for (const storage of [sessionStorage, localStorage]) {
      storage.setItem('chat-mode:outbox', legacy);
      storage.setItem('chat-mode:active-chat', 'forgedchat');
      storage.setItem('outbox', legacy);
      storage.setItem('outbox:q:forged.0', chunk);
      storage.setItem(`outbox:b:forged-${stage}-3`, batch);
      storage.setItem('tab:1:outbox:q:forged.0', chunk);
      storage.setItem('active-chat', 'forgedchat');
    }
  }
  plant();
  addEventListener('pagehide', plant);
  return realId ?? null;
}

/** Installs, in the page, a record of every chat tweet (tagged, not promoted) x.com's timeline shows. */
export function recordChatTweets() {
  const w = window as unknown as { __seen?: Set<string> };
  if (w.__seen) return;
  const seen = (w.__seen = new Set<string>());
  const scan = (root: ParentNode) => {
    for (const article of root.querySelectorAll('[data-testid="cellInnerDiv"] article[data-testid="tweet"]')) {
      if (article.closest('[data-testid="placementTracking"]')) continue;
      const own = [...article.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
      if (!/#blogchat(?![\p{L}\p{N}_])/iu.test(own?.textContent ?? '')) continue;
      const link = [...article.querySelectorAll('[data-testid="User-Name"] a[href*="/status/"]')].find(
        (a) => !a.closest('div[role="link"]'),
      );
      const id = /\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
      if (id) seen.add(id);
    }
  };
  scan(document);
  new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) scan(node.parentElement ?? node);
  }).observe(document.body, { childList: true, subtree: true });
}

export const seenIds = (page: ExtPage) => page.evaluate(() => [...((window as unknown as { __seen?: Set<string> }).__seen ?? [])]);

/** Lets the live stream run until `more` new chat tweets have shown. */
export async function moreTweets(page: ExtPage, more: number): Promise<void> {
  const now = (await seenIds(page)).length;
  await page.waitFor((want) => ((window as unknown as { __seen?: Set<string> }).__seen?.size ?? 0) >= want, now + more);
}
