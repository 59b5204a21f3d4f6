// Every unit test gets a fresh in-memory IndexedDB and a reset fake extension API.
import 'fake-indexeddb/auto';
// The fake browser's own entry: 'wxt/testing' also loads WXT's build tooling into every test file.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});
