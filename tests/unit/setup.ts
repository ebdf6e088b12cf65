// Every unit test starts from an empty fake browser and an empty IndexedDB.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh factory per test: databases from one test never leak into the next.
  globalThis.indexedDB = new IDBFactory();
});
