// The per-feature table's row of hiding alone: no extension, and a few lines of page script that hide
// the same tweets chat mode would (those without #blogchat in their own text, and ads) the same way
// (the cell's children hidden, so the cell measures 0 px and x.com's list mounts more cells). What the
// page then costs more is the price of hiding itself, which no filter can avoid.

/** Runs in the page (an init script): as plain as possible, so that it costs next to nothing itself. */
export function hideUntaggedCells(): void {
  const TAG = /#blogchat(?![\p{L}\p{N}_])/iu;
  const hide = (cell: Element): void => {
    if (cell.getAttribute('data-testid') !== 'cellInnerDiv' || !cell.querySelector('article')) return;
    const own = [...cell.querySelectorAll('[data-testid="tweetText"]')].find((el) => !el.closest('div[role="link"]'));
    const hidden = cell.querySelector('[data-testid="placementTracking"]') !== null || !TAG.test(own?.textContent ?? '');
    if (hidden) cell.setAttribute('data-bench-hidden', '');
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
