// Hiding alone: no extension, and a few lines of page script that hide the tweets chat mode hides in
// this workload, the same way (the cell's children hidden, so the cell measures 0 px and x.com's list
// mounts more cells to fill the screen): ads, tweets without #blogchat in their own text, and repeats —
// a repost, or a copy of the same text (case and spacing aside; 24 characters or more besides links,
// tags and mentions), after the first of them, which chat mode folds into the first. What the page then
// costs more than without is the price of hiding those tweets itself, which no filter that hides them
// can avoid.

/** Runs in the page (an init script): as plain as possible, so that it costs next to nothing itself. */
export function hideAsChatMode(): void {
  const TAG = /#blogchat(?![\p{L}\p{N}_])/iu;
  /** Per repeat group (a text, or the original's status id): the first tweet of it seen, which stays shown. */
  const firsts = new Map<string, string>();
  const isHidden = (cell: Element): boolean => {
    if (cell.querySelector('[data-testid="placementTracking"]')) return true;
    const own = [...cell.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
    const text = own?.textContent ?? '';
    if (!TAG.test(text)) return true;
    const id = /\/status\/(\d+)/.exec(cell.querySelector('[data-testid="User-Name"] a[href*="/status/"]')?.getAttribute('href') ?? '')?.[1];
    if (!id) return false;
    const reposter = cell.querySelector('a [data-testid="socialContext"]')?.closest('a')?.getAttribute('href');
    const identity = reposter ? `${id}>${reposter}` : id;
    const plain = text.toLowerCase().replace(/\s+/g, ' ').trim();
    // Links, tags, mentions and spaces aside, as chat mode counts a copy's length.
    const group = plain.replace(/https?:\/\/\S+|[#@＃][\p{L}\p{N}_]+|\s/gu, '').length >= 24 ? plain : id;
    const first = firsts.get(group);
    if (first === undefined) firsts.set(group, identity);
    return first !== undefined && first !== identity;
  };
  const hide = (cell: Element): void => {
    if (cell.getAttribute('data-testid') !== 'cellInnerDiv' || !cell.querySelector('article')) return;
    if (isHidden(cell)) cell.setAttribute('data-bench-hidden', '');
    else cell.removeAttribute('data-bench-hidden');
  };
  const observer = new MutationObserver((records) => {
    const cells = new Set<Element>();
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) cells.add(node.closest('[data-testid="cellInnerDiv"]') ?? node);
      if (record.target instanceof Element) {
        const cell = record.target.closest('[data-testid="cellInnerDiv"]');
        if (cell) cells.add(cell);
      }
    }
    cells.forEach(hide);
  });
  const start = (): void => {
    const style = document.createElement('style');
    style.textContent = '[data-bench-hidden] > * { display: none !important; }';
    document.head.append(style);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelectorAll('[data-testid="cellInnerDiv"]').forEach(hide);
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
