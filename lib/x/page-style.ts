// The one stylesheet chat mode adds to x.com's page (outside the sidebar's shadow root). Visibility
// is decided by attributes on the cells and applied by CSS, so a hidden tweet never flashes and
// turning chat mode off is removing the attributes and this sheet. We hide the cell's content, not
// the cell: x.com measures each cell of its virtualized list, so a hidden cell measures 0 px and the
// list closes up with no gap — its own nodes stay where React put them.
import { X } from './selectors';

export const HIDDEN_ATTR = 'data-chatmode-hidden';
export const QUESTION_ATTR = 'data-chatmode-question';
export const FOLDS_ATTR = 'data-chatmode-folds';
export const READ_MARKER_ATTR = 'data-chatmode-read-marker';
const STYLE_ID = 'chat-mode-page-style';
/** Questions are marked in x.com's default blue, readable on its light and dark backgrounds alike. */
const QUESTION_COLOR = 'rgb(29, 155, 240)';
/** The read marker in x.com's red, which it uses for what is new (its notification badges). */
const MARKER_COLOR = 'rgb(244, 33, 46)';

const CSS = `
${X.cell}[${HIDDEN_ATTR}] > * { display: none !important; }
${X.cell}[${READ_MARKER_ATTR}]:not([${HIDDEN_ATTR}])::before {
  content: attr(${READ_MARKER_ATTR});
  display: block;
  padding: 2px 16px;
  border-bottom: 2px solid ${MARKER_COLOR};
  font-size: 13px;
  font-weight: 700;
  text-align: end;
  color: ${MARKER_COLOR};
}
${X.cell}[${FOLDS_ATTR}]:not([${HIDDEN_ATTR}])::after {
  content: attr(${FOLDS_ATTR});
  display: block;
  padding: 0 16px 10px 72px;
  font-size: 13px;
  font-weight: 700;
  color: ${QUESTION_COLOR};
}
${X.cell}[${QUESTION_ATTR}] ${X.tweet} {
  box-shadow: inset 4px 0 0 ${QUESTION_COLOR};
  background-color: color-mix(in srgb, ${QUESTION_COLOR} 12%, transparent);
}
`;

export function installPageStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).append(style);
}

export function removePageStyle(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
