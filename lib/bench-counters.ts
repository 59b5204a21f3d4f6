// Counters `npm run bench` reads from the content script's isolated world (a build with WXT_BENCH set
// exposes them as `globalThis.__chatModeBench`): plain integers, nothing else reads them.
export const benchCounters = {
  /** Timeline cells read from x.com's markup. */
  cellsRead: 0,
  /** Timeline cells whose tweet was already read and decided (x.com re-created the cell): reading reused. */
  cellsReused: 0,
  /** Renders of the sidebar (Preact). */
  sidebarRenders: 0,
  /** Computations of the sidebar's place on the page (they read x.com's layout). */
  placements: 0,
};
