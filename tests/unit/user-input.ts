// happy-dom marks no event as trusted (`isTrusted` is undefined there, like a script's own click).

/**
 * A click as the browser delivers it for a real mouse click, or Enter/Space on a focused button:
 * with `isTrusted` true. Like the browser, a disabled control gets none.
 */
export function userClick(element: Element): void {
  const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  element.dispatchEvent(click);
}
