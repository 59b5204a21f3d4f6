// Every unit test gets a fresh in-memory IndexedDB and a reset fake extension API.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});
