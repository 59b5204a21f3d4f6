import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { X_TAB_MATCHES } from './lib/x/hosts';
import { TOGGLE_CHAT_MODE_COMMAND, TOGGLE_CHAT_MODE_KEYS } from './lib/commands/toggle-chat-mode';

// The Firefox add-on id must never change: it keys the user's data (IndexedDB, storage) in Firefox
// and is what addons.mozilla.org identifies the add-on by.
export const GECKO_ID = 'chat-mode-for-x@chatmode.extension';

/**
 * twitter-text's build imports core-js 2 polyfills for ES2015 (Symbol, Array.from, RegExp#split…),
 * which every browser this extension supports (Chrome 120+, Firefox 140+) has natively: ~28 kB of the
 * content script's budget. They are imported for their side effects only, so they resolve to nothing.
 */
function withoutLegacyPolyfills() {
  const EMPTY = '\0chat-mode:no-polyfill';
  return {
    name: 'chat-mode:without-legacy-polyfills',
    enforce: 'pre' as const,
    resolveId: (id: string) => (id.startsWith('core-js/modules/') ? EMPTY : null),
    load: (id: string) => (id === EMPTY ? 'export {};' : null),
  };
}

/** twitter-text finds emoji with the browser's own Unicode data (lib/vendor/twemoji-parser.ts), not twemoji-parser's table. */
function withPlatformEmoji() {
  const shim = fileURLToPath(new URL('./lib/vendor/twemoji-parser.ts', import.meta.url));
  return {
    name: 'chat-mode:platform-emoji',
    enforce: 'pre' as const,
    resolveId: (id: string) => (id === 'twemoji-parser' ? shim : null),
  };
}

/**
 * Preact sets `innerHTML` only for `dangerouslySetInnerHTML`, which chat mode never uses (it never builds
 * HTML from strings; ESLint forbids the prop). Those two assignments are the only warnings `web-ext lint`
 * reports; they become a thrown error, so the built extension holds no HTML sink at all. The build stops
 * if Preact's code no longer has the expected shape.
 */
function withoutPreactInnerHtml() {
  const SET_HTML = /\(\w+\.innerHTML=\w+\.__html\)/g;
  const CLEAR_HTML = /\(\w+\.innerHTML=""\)/g;
  const REFUSE = '(()=>{throw new Error("chat mode never sets innerHTML")})()';
  return {
    name: 'chat-mode:without-preact-inner-html',
    transform(code: string, id: string) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) return null;
      const sinks = (code.match(SET_HTML)?.length ?? 0) + (code.match(CLEAR_HTML)?.length ?? 0);
      if (sinks !== 2 || code.split('.innerHTML=').length !== 3) {
        throw new Error(`Preact's innerHTML assignments changed shape in ${id}: update withoutPreactInnerHtml`);
      }
      return { code: code.replace(SET_HTML, REFUSE).replace(CLEAR_HTML, REFUSE), map: null };
    },
  };
}

export default defineConfig({
  // Overridable so that two checkouts' builds and e2e runs can share one machine without clashing.
  outDir: process.env.CHATMODE_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what the extension uses: x.com/twitter.com pages (and their mobile sites) and extension storage.
    // Reminders (alarms + notifications) are asked for from the popup when the user first sets one.
    // Firefox can't make "alarms" optional (web-ext lint: MANIFEST_OPTIONAL_PERMISSIONS); it shows no
    // install prompt there, so Firefox gets it up front and asks only for "notifications".
    permissions: browser === 'firefox' ? ['storage', 'alarms'] : ['storage'],
    optional_permissions: browser === 'firefox' ? ['notifications'] : ['alarms', 'notifications'],
    host_permissions: X_TAB_MATCHES,
    commands: {
      [TOGGLE_CHAT_MODE_COMMAND]: { suggested_key: TOGGLE_CHAT_MODE_KEYS, description: '__MSG_commandToggleChatMode__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the first desktop release (an ESR) that reads data_collection_permissions; 142 on Android.
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // `BENCH_READABLE=1 npm run bench`: an unminified build, for profiles that name functions (bench/README.md).
    ...(process.env.BENCH_READABLE === '1' ? { build: { minify: false } } : {}),
    plugins: [withoutLegacyPolyfills(), withPlatformEmoji(), withoutPreactInnerHtml()],
  }),
  zip: {
    // The sources zip Firefox's store asks for: everything needed to rebuild, nothing generated.
    excludeSources: [
      'tests/site/dist/**',
      'demo-screenshots/**',
      'bench-results/**',
      'store/screenshots/**',
      'store/promo-tile-440x280.png',
    ],
  },
});
