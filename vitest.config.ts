import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Worker threads start faster than forked processes (components/: 32 -> 27 CPU-s, 86 -> 63 s).
    pool: 'threads',
    // A DOM (happy-dom) costs every test file that gets one most of a CPU-second: only the code that draws or
    // reads a page gets it. A test elsewhere that needs one starts with `// @vitest-environment happy-dom`.
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['components/**/*.test.{ts,tsx}', 'lib/x/**/*.test.ts', 'lib/chat-mode/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['lib/x/**', 'lib/chat-mode/**'],
        },
      },
    ],
  },
});
