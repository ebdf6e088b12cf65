// The database under stress: upgrades of real earlier-version databases (fixtures in tests/fixtures/db/),
// upgrades and index replacements interrupted at any point, a full disk, and a database that cannot be
// opened, lacks a store or holds malformed records. Nothing may be half-applied, and no follow is lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Device, DeviceIndex } from '../../core/schema';
import { packIndex } from '../../core/feed';
import {
  closeDB,
  DB_NAME,
  DB_VERSION,
  getDB,
  onDatabaseRecreated,
  openSpecScoutDB,
  readStorageProblems,
  repairFollow,
  whenRecovered,
} from '../../utils/db';
import { loadSettings } from '../../utils/settings';
import { ensureIndex, onIndexReplaced, replaceIndex } from '../../entrypoints/background/index-store';
import { afterIndexReplaced, listFollows, markChangesSeen, readSyncIds, recentChanges, reconcileFollows, refreshBadge, setFollow } from '../../entrypoints/background/follows';
import { getIndexInfo } from '../../entrypoints/background/index-info';
import { dumpRecords, loadDump, readDump, type DatabaseDump } from '../fixtures/db/load';

/** Every schema version a released extension may have left behind (each has a dump in tests/fixtures/db/). */
const EARLIER_VERSIONS = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);

// As the worker wires it (background/index.ts): a rebuilt database gets the shipped index back, and every
// index replacement restores follows from sync if the database lost them, then reconciles.
onIndexReplaced(() => afterIndexReplaced());
onDatabaseRecreated(async () => {
  await ensureIndex('repair');
});

function phone(id: string, status: Device['status'] = [{ status: 'announced', date: '2014-01-22' }]): Device {
  return { id, brand: 'Sony', name: id.slice(5), category: 'phone', names: [{ name: `${id.slice(-4)}X`.toUpperCase(), kind: 'code' }], status, sources: [{ id: 'sony-press', title: 'Sony press release' }] };
}

function index(version: number, ids: string[]): DeviceIndex {
  return { format: 1, version, builtFrom: '2014-02-01', devices: ids.map((id) => phone(id)) };
}

function serveShipped(shipped: DeviceIndex): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(packIndex(shipped)), { status: 200 })));
}

const originalGetManifest = fakeBrowser.runtime.getManifest;
function runPackage(version: string): void {
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'SpecScout', version })) as typeof fakeBrowser.runtime.getManifest;
}

function sortRecords(records: unknown[]): string[] {
  return records.map((r) => JSON.stringify(r)).sort();
}

/** Everything a failed write must leave exactly as it was. */
async function snapshot() {
  const db = await getDB();
  return {
    devices: await db.getAll('devices'),
    index: (await db.get('meta', 'index'))?.value,
    follows: await db.getAll('follows'),
    settings: await db.getAll('settings'),
  };
}

/**
 * Wraps IDBObjectStore.put for one store: after `okPuts` puts, `fail` decides what the next one does
 * (throw a quota error, or abort the transaction as a killed worker would).
 */
function breakPuts(store: string, okPuts: number, fail: 'quota' | 'kill') {
  const proto = globalThis.IDBObjectStore.prototype;
  const original = proto.put;
  let puts = 0;
  return vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name !== store || ++puts <= okPuts) return original.apply(this, args);
    if (fail === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const request = original.apply(this, args);
    this.transaction.abort();
    return request;
  });
}

beforeEach(async () => {
  await closeDB();
  runPackage('1.0.0');
  // Notifications of reconciled changes read their text through i18n; the key is text enough here.
  fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  fakeBrowser.runtime.getManifest = originalGetManifest;
});

describe('upgrading real databases of earlier schema versions', () => {
  for (const version of EARLIER_VERSIONS) {
    it(`upgrades the version ${version} fixture and keeps every record of every store but the dropped names table`, async () => {
      const dump = readDump(version);
      await loadDump(dump);
      const db = await openSpecScoutDB();
      expect(db.version).toBe(DB_VERSION);
      db.close();
      const after = await dumpRecords(DB_NAME);
      for (const [store, { records }] of Object.entries(dump.stores)) {
        if (store !== 'names') expect(sortRecords(after[store]!)).toEqual(sortRecords(records));
      }
      expect(Object.keys(after).sort()).toEqual(['devices', 'follows', 'meta', 'reading', 'settings']);
    });

    for (let stop = version; stop < DB_VERSION; stop++) {
      it(`leaves the version ${version} fixture intact when the upgrade dies after step ${stop} -> ${stop + 1}, and completes it on the next start`, async () => {
        const dump = readDump(version);
        await loadDump(dump);
        await expect(
          openSpecScoutDB(DB_NAME, DB_VERSION, {
            afterUpgradeStep: (step, tx) => {
              if (step !== stop) return;
              // idb rejects `tx.done` on abort; that rejection is the point here.
              tx.done.catch(() => undefined);
              tx.abort();
            },
          }),
        ).rejects.toThrow();
        const untouched = await dumpRecords(DB_NAME);
        expect(Object.keys(untouched).sort()).toEqual(Object.keys(dump.stores).sort());
        for (const [store, { records }] of Object.entries(dump.stores)) expect(sortRecords(untouched[store]!)).toEqual(sortRecords(records));

        const db = await getDB();
        expect(db.version).toBe(DB_VERSION);
        expect(sortRecords(await db.getAll('follows'))).toEqual(sortRecords(dump.stores.follows!.records));
      });
    }
  }

  it('runs the worker on the upgraded version 1 fixture: settings migrated, follows listed, a newer shipped index installed around them', async () => {
    const dump = readDump(1);
    await loadDump(dump);
    expect(await loadSettings()).toMatchObject({ markStyle: 'off', region: 'JP', refreshHours: 24 });
    expect((await listFollows()).map((f) => [f.summary.id, f.muted])).toEqual([
      ['sony-xperia-z1-compact', false],
      ['sony-xperia-z2', true],
    ]);
    serveShipped(index(4, ['sony-xperia-z1', 'sony-xperia-z1-compact', 'sony-xperia-z2']));
    expect((await ensureIndex('update')).version).toBe(4);
    const follows = await (await getDB()).getAll('follows');
    expect(follows.map((f) => f.id)).toEqual(['sony-xperia-z1-compact', 'sony-xperia-z2']);
    // The imported follow took the first record seen as its baseline.
    expect(follows[1]!.snapshot?.id).toBe('sony-xperia-z2');
  });
});

describe('index replacement that fails part-way', () => {
  beforeEach(async () => {
    serveShipped(index(3, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z3']));
    await ensureIndex('install');
    await setFollow('sony-xperia-z2', true, new Date('2014-03-01T00:00:00Z'));
  });

  it('keeps the previous index and follows when the disk fills up mid-way, and reports it', async () => {
    const before = await snapshot();
    // Only the new device (z4) is written (the rest are unchanged), so its put is the one that fails,
    // after the removal of z3 and with the names and meta writes still to come in the same transaction.
    breakPuts('devices', 0, 'quota');
    await expect(replaceIndex(index(4, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']), 'https://feeds.example/f.json', 'feed')).rejects.toThrow(/quota/i);
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
    const problems = await readStorageProblems();
    expect(problems.at(-1)).toMatchObject({ kind: 'quota', message: expect.stringMatching(/Not enough disk space.*version 4.*previous index is kept/) });
    // The options page's Data section shows it.
    expect((await getIndexInfo()).lastUpdate).toMatchObject({ ok: false, message: expect.stringMatching(/Not enough disk space/) });
  });

  it('keeps the previous index when the worker dies mid-update, and completes the update on the next start', async () => {
    const before = await snapshot();
    runPackage('1.1.0');
    serveShipped(index(4, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']));
    // The update writes one device (the new Z4): the worker dies on it.
    breakPuts('devices', 0, 'kill');
    await expect(ensureIndex('update')).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);

    // The next start (any handler calls ensureIndex) sees a package that has not installed its index yet.
    await closeDB();
    const installed = await ensureIndex();
    expect(installed.version).toBe(4);
    expect((await (await getDB()).getAllKeys('devices')).sort()).toEqual(['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']);
    expect((await (await getDB()).getAll('follows')).map((f) => f.id)).toEqual(['sony-xperia-z2']);
    // And a start after that reads two meta rows, not the package's index.
    const fetches = (fetch as unknown as { mock: { calls: unknown[] } }).mock.calls.length;
    await ensureIndex();
    expect((fetch as unknown as { mock: { calls: unknown[] } }).mock.calls.length).toBe(fetches);
  });

  it('leaves "not installed" when a first install dies mid-way, and installs it whole on the next start', async () => {
    const db = await getDB();
    await db.delete('meta', 'index');
    await db.clear('devices');
    serveShipped(index(5, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']));
    breakPuts('devices', 1, 'kill');
    await expect(ensureIndex('install')).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await (await getDB()).get('meta', 'index')).toBeUndefined();
    expect((await (await getDB()).getAll('follows')).map((f) => f.id)).toEqual(['sony-xperia-z2']);
    serveShipped(index(5, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']));
    expect(await ensureIndex()).toMatchObject({ version: 5, deviceCount: 3 });
    expect((await (await getDB()).getAllKeys('devices')).sort()).toEqual(['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z4']);
  });

  it('reinstalls the shipped index when the index row is malformed', async () => {
    await (await getDB()).put('meta', { key: 'index', value: 'garbage' });
    expect(await ensureIndex()).toMatchObject({ version: 3, deviceCount: 3, source: 'shipped' });
    expect((await (await getDB()).getAll('follows')).map((f) => f.id)).toEqual(['sony-xperia-z2']);
  });
});

describe('a corrupt database', () => {
  it('is deleted and recreated when it cannot be opened, with the index reinstalled and follows restored from sync', async () => {
    // A database the current code cannot open (left by a newer build: VersionError).
    await loadDump({ name: DB_NAME, version: DB_VERSION + 5, stores: { junk: { keyPath: 'id', indexes: [], records: [{ id: 1 }] } } });
    // Sync in the layout of the first release (ids only): still read.
    await fakeBrowser.storage.sync.set({ 'followIds.count': 1, 'followIds.0': 'sony-xperia-z1,sony-xperia-z3' });
    serveShipped(index(3, ['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z3']));
    const db = await getDB();
    expect(db.version).toBe(DB_VERSION);
    await whenRecovered();
    expect((await db.get('meta', 'index'))?.value).toMatchObject({ version: 3, source: 'shipped' });
    expect((await db.getAll('follows')).map((f) => [f.id, f.snapshot?.id])).toEqual([
      ['sony-xperia-z1', 'sony-xperia-z1'],
      ['sony-xperia-z3', 'sony-xperia-z3'],
    ]);
    expect(await readSyncIds()).toEqual(['sony-xperia-z1', 'sony-xperia-z3']);
    expect((await readStorageProblems()).at(-1)).toMatchObject({ kind: 'open-failed', message: expect.stringMatching(/could not be opened.*VersionError.*rebuilt/) });
    expect((await getIndexInfo()).lastUpdate).toMatchObject({ ok: false, message: expect.stringMatching(/could not be opened/) });
  });

  it('is rebuilt when a store is missing, keeping the follows and settings it still has', async () => {
    const v1 = readDump(1);
    const damaged: DatabaseDump = {
      ...v1,
      version: DB_VERSION,
      stores: { ...v1.stores, reading: { keyPath: ['deviceId', 'url'], indexes: [], records: [] } },
    };
    delete damaged.stores.names;
    await loadDump(damaged, { omit: ['meta'] });
    serveShipped(index(4, ['sony-xperia-z1', 'sony-xperia-z1-compact']));
    const db = await getDB();
    expect([...db.objectStoreNames].sort()).toEqual(['devices', 'follows', 'meta', 'reading', 'settings']);
    await whenRecovered();
    // Kept as they were (the reconciliation after the reinstall moves snapshots to today's records).
    const kept = (records: unknown[]) => (records as { id: string; since: string; muted: boolean }[]).map(({ id, since, muted }) => [id, since, muted]);
    expect(kept(await db.getAll('follows'))).toEqual(kept(v1.stores.follows!.records));
    expect(await loadSettings()).toMatchObject({ markStyle: 'off', region: 'JP' });
    expect((await db.get('meta', 'index'))?.value).toMatchObject({ version: 4 });
    expect(await db.count('devices')).toBeGreaterThan(0);
    expect((await readStorageProblems()).at(-1)).toMatchObject({ kind: 'store-missing', message: expect.stringMatching(/lacked meta.*keeping 2 follows/) });
  });

  it('repairs malformed follow records instead of losing them or failing to list them', async () => {
    const v1 = readDump(1);
    const follows = v1.stores.follows!;
    await loadDump({
      ...v1,
      version: DB_VERSION,
      stores: {
        ...v1.stores,
        reading: { keyPath: ['deviceId', 'url'], indexes: [], records: [] },
        follows: {
          ...follows,
          records: [
            ...follows.records,
            { id: 'sony-xperia-z3', since: 'not a date', muted: 'yes', snapshot: 42 },
            { id: 'sony-xperia-z5', snapshot: { id: 'someone-else', name: 'X', status: [], names: [] } },
            { id: 'Not An Id <script>' },
          ],
        },
      },
    });
    const db = await getDB();
    const rows = await db.getAll('follows');
    expect(rows.map((r) => r.id)).toEqual(['sony-xperia-z1-compact', 'sony-xperia-z2', 'sony-xperia-z3', 'sony-xperia-z5']);
    expect(rows[0]).toEqual(follows.records[0]);
    expect(rows[2]).toMatchObject({ id: 'sony-xperia-z3', muted: false, snapshot: null });
    expect(Number.isNaN(Date.parse(rows[2]!.since))).toBe(false);
    expect(rows[3]).toMatchObject({ id: 'sony-xperia-z5', snapshot: null });
    expect((await listFollows()).length).toBe(4);
    expect((await readStorageProblems()).at(-1)).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/3 damaged follow/) });
  });

  it('keeps working over malformed change-log and told-changes rows', async () => {
    serveShipped(index(3, ['sony-xperia-z1', 'sony-xperia-z2']));
    await ensureIndex('install');
    await setFollow('sony-xperia-z2', true, new Date('2014-03-01T00:00:00Z'));
    const db = await getDB();
    await db.put('meta', { key: 'toldKeys', value: 5 });
    await db.put('meta', { key: 'changeLog', value: { not: 'a list' } });
    await expect(reconcileFollows()).resolves.toMatchObject({ recorded: [] });
    expect(await recentChanges()).toEqual([]);
    expect((await listFollows()).map((f) => f.summary.id)).toEqual(['sony-xperia-z2']);
    await expect(markChangesSeen()).resolves.toEqual({ ok: true });
    expect(await refreshBadge()).toBe(0);
  });

  it('repairFollow keeps a good record as it is and never invents an id', () => {
    const good = { id: 'sony-xperia-z1', since: '2014-01-01T00:00:00.000Z', muted: true, snapshot: null };
    expect(repairFollow(good)).toEqual(good);
    expect(repairFollow({ id: 'x'.repeat(201) })).toBeNull();
    expect(repairFollow(null)).toBeNull();
    expect(repairFollow('sony-xperia-z1')).toBeNull();
  });
});
