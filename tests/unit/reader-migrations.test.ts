// Every format the reader's data has been kept in is read forward by the current code: export files of
// every format, settings of every version, the storage.local copy of every version and storage.sync in
// every layout (fixtures in tests/fixtures/reader/; database versions are in hardening-db.test.ts). A
// format bump without a fixture of the version before it fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acmePhone } from './acme-devices';
import { closeDB, getDB } from '../../utils/db';
import { loadSettings } from '../../utils/settings';
import { normalizeSettings, SETTINGS_VERSION } from '../../utils/settings-model';
import { LOCAL_COPY_VERSION, readSyncCopy } from '../../utils/reader-copies';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { EXPORT_FORMAT, importData } from '../../entrypoints/background/transfer';

const DIR = join('tests', 'fixtures', 'reader');
const NOW = new Date('2025-03-02T00:00:00Z');

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

/** The sync layouts written so far: 1 (ids only, the first release), 2 (ids with total, mute flags, settings). */
const SYNC_LAYOUTS = [1, 2];

beforeEach(async () => {
  await closeDB();
  await replaceIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: [acmePhone('acme-nova'), acmePhone('acme-orbit')] }, 'shipped', 'install');
});

describe('export files', () => {
  for (let format = 1; format <= EXPORT_FORMAT; format++) {
    it(`imports a format ${format} export whole`, async () => {
      expect(existsSync(join(DIR, `export-format-${format}.json`))).toBe(true);
      const file = readFileSync(join(DIR, `export-format-${format}.json`), 'utf8');
      expect(await importData(file, 'replace', NOW)).toEqual({ ok: true, message: 'Imported 3 follows (3 new); 1 not in the index yet; settings replaced.' });
      const follows = await (await getDB()).getAll('follows');
      expect(follows.map((f) => [f.id, f.since, f.muted])).toEqual([
        ['acme-future-phone', '2025-02-20T00:00:00.000Z', false],
        ['acme-nova', '2025-01-05T08:00:00.000Z', false],
        ['acme-orbit', '2025-02-01T12:30:00.000Z', true],
      ]);
      expect(await loadSettings()).toMatchObject({ markStyle: 'background', region: 'GB', feedUrls: ['https://feeds.example/index.json'], refreshHours: 24, keepReadingHistory: false });
    });
  }
});

describe('settings', () => {
  for (let version = 0; version <= SETTINGS_VERSION; version++) {
    it(`reads settings stored by version ${version}`, async () => {
      const { stored, expected } = fixture<{ stored: unknown; expected: Record<string, unknown> }>(`settings-v${version}.json`);
      expect(normalizeSettings(stored)).toMatchObject(expected);
      // And as the worker loads them from the database.
      await (await getDB()).put('settings', { key: 'settings', value: stored });
      expect(await loadSettings()).toMatchObject(expected);
    });
  }
});

describe('the storage.local copy', () => {
  for (let version = 1; version <= LOCAL_COPY_VERSION; version++) {
    it(`restores a lost database from a version ${version} copy`, async () => {
      const { readerCopy } = fixture<{ readerCopy: unknown }>(`local-copy-v${version}.json`);
      await closeDB();
      globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
      await fakeBrowser.storage.local.set({ readerCopy });
      const db = await getDB();
      expect((await db.getAll('follows')).map((f) => [f.id, f.since, f.muted])).toEqual([
        ['acme-nova', '2025-01-05T08:00:00.000Z', false],
        ['acme-orbit', '2025-02-01T12:30:00.000Z', true],
      ]);
      expect(await loadSettings()).toMatchObject({ markStyle: 'background', region: 'GB', feedUrls: ['https://feeds.example/index.json'] });
    });
  }
});

describe('storage.sync', () => {
  for (const layout of SYNC_LAYOUTS) {
    it(`reads sync layout ${layout} and restores a new database from it`, async () => {
      const { items, expected } = fixture<{ items: Record<string, unknown>; expected: { follows: [string, boolean][]; settings: Record<string, unknown> | null } }>(
        `sync-layout-${layout}.json`,
      );
      await fakeBrowser.storage.sync.set(items);
      const synced = await readSyncCopy();
      expect(synced?.follows.map((f) => [f.id, f.muted])).toEqual(expected.follows);
      await closeDB();
      globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
      const db = await getDB();
      expect((await db.getAll('follows')).map((f) => [f.id, f.muted])).toEqual(expected.follows);
      if (expected.settings) expect(await loadSettings()).toMatchObject(expected.settings);
      else expect(await db.get('settings', 'settings')).toBeUndefined();
    });
  }
});
