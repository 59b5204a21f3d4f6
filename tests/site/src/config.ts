/** The stand-in's configuration: defaults, what a test stored for the next load, and the theme it sets. */
import type { StandinConfig } from './api';
import { CONFIG_STORAGE_KEY } from './api';

const DEFAULTS: StandinConfig = { seed: 1, count: 60, liveRate: 0, theme: 'light', fontSize: 15, stress: false };

export function readConfig(): StandinConfig {
  let stored: Partial<StandinConfig> = {};
  try {
    const raw = localStorage.getItem(CONFIG_STORAGE_KEY);
    if (raw) stored = JSON.parse(raw) as Partial<StandinConfig>;
  } catch {
    /* ignore */
  }
  return { ...DEFAULTS, ...stored };
}
export function applyTheme(c: StandinConfig): void {
  const dark = c.theme === 'dark';
  const html = document.documentElement;
  html.style.fontSize = `${c.fontSize}px`;
  html.style.colorScheme = dark ? 'dark' : 'light';
  html.dataset.theme = c.theme;
  document.body.style.backgroundColor = dark ? '#000000' : '#FFFFFF';
}
