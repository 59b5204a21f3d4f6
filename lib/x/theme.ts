// x.com's look, read from the page so the sidebar matches it: the theme from the body background
// (x.com sets it inline: white for light, black for dark; Dim was removed in February 2026, but we
// still treat any dark background as dark), and the root font size the user picked.

export type Scheme = 'light' | 'dark';

export interface XTheme {
  scheme: Scheme;
  /** The page's background colour, as the browser computes it, e.g. "rgb(0, 0, 0)". */
  background: string;
  /** Root font size in px (x.com's font-size setting changes it). */
  fontSize: number;
}

/** Parses "rgb(r, g, b)" / "rgba(r, g, b, a)"; null for anything else. */
export function parseRgb(color: string): [number, number, number] | null {
  const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Dark when the background's relative luminance is low (WCAG formula). Unknown colours count as light. */
export function schemeOf(background: string): Scheme {
  const rgb = parseRgb(background);
  if (!rgb) return 'light';
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2 ? 'dark' : 'light';
}

export function readTheme(doc: Document): XTheme {
  const view = doc.defaultView;
  const background = view ? view.getComputedStyle(doc.body).backgroundColor : '';
  const fontSize = view ? Number.parseFloat(view.getComputedStyle(doc.documentElement).fontSize) : NaN;
  return { scheme: schemeOf(background), background, fontSize: Number.isFinite(fontSize) ? fontSize : 15 };
}

/** Calls `onChange` when x.com switches theme or font size (it rewrites body/html style attributes), until `signal` aborts. */
export function watchTheme(doc: Document, onChange: (theme: XTheme) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let last = JSON.stringify(readTheme(doc));
  const observer = new MutationObserver(() => {
    const theme = readTheme(doc);
    const key = JSON.stringify(theme);
    if (key === last) return;
    last = key;
    onChange(theme);
  });
  const options = { attributes: true, attributeFilter: ['style', 'class'] };
  observer.observe(doc.body, options);
  observer.observe(doc.documentElement, options);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
