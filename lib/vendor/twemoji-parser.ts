// Stands in for twemoji-parser in the builds (see wxt.config.ts). twitter-text asks it only where the
// emoji of a text are, to weigh each as 2 in a post's length; its own table of emoji is ~3 kB of the
// content script's gzipped budget. The browsers this extension supports know the emoji themselves
// (`\p{RGI_Emoji}`, RegExp `v` flag: Chrome 112, Firefox 116). An emoji followed by a redundant VS16
// is one emoji here (twemoji-parser makes it two); every other text weighs the same, newer emoji
// included (twemoji-parser.test.ts checks every code point, alone and with VS16).

export interface EmojiEntity {
  text: string;
  indices: [number, number];
  type: 'emoji';
  url: string;
}

// Built at run time: esbuild would otherwise lower the `v` flag's syntax for older targets.
const EMOJI = new RegExp(String.raw`\p{RGI_Emoji}\uFE0F?`, 'gv');

export function parse(text: string): EmojiEntity[] {
  return Array.from(text.matchAll(EMOJI), (m) => ({ text: m[0], indices: [m.index, m.index + m[0].length], type: 'emoji', url: '' }));
}
