// The sidebar lives in an open shadow root on x.com, so the page's scripts can reach its buttons and
// dispatch clicks on them. Those clicks are untrusted (`isTrusted` false); a real click, a tap, or
// Enter/Space on a focused button is trusted. Controls that change settings or the filter take only
// the latter.

/** `handler`, called only for events the browser made from the user's own input. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === true) handler(event);
  };
}
