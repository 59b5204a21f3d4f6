// End-to-end tests: the built extension in real Chromium and real Firefox ESR against the x.com
// stand-in. One file at a time (each launches both browsers; the machine has two cores).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
