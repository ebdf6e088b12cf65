// The copies of follows and settings outside IndexedDB: storage.local holds all of it after every change;
// storage.sync holds what fits Chrome's quota and says what does not; a sync write refused by Chrome's
// rate limit is retried by an alarm until sync matches; a database lost under a running worker comes back
// with every follow and setting, and the reader is told what was restored or lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packIndex } from '../../core/feed';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acmePhone } from './acme-devices';
import { enforceSyncQuota, type SyncQuota } from './sync-quota-fake';
import { closeDB, DB_NAME, getDB, onDatabaseRecreated, readStorageProblems, whenRecovered } from '../../utils/db';
import { loadSettings, saveSettings } from '../../utils/settings';
import { DEFAULT_SETTINGS } from '../../utils/settings-model';
import { MAX_FOLLOWS } from '../../utils/reader-data';
import {
  DATA_NOTIFICATION_ID,
  LOCAL_COPY_KEY,
  planSync,
  readDataNotices,
  readLocalCopy,
  readSyncCopy,
  resumeSync,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  SYNC_RETRY_ALARM,
  syncItemBytes,
  syncStatus,
} from '../../utils/reader-copies';
import { ensureIndex, replaceIndex } from '../../entrypoints/background/index-store';
import { listFollows, readSyncIds, setFollow, setMuted } from '../../entrypoints/background/follows';
import type { Settings } from '../../utils/protocol';

const NOW = new Date('2025-02-11T09:00:00Z');
const IDS = ['acme-nova', 'acme-orbit', 'acme-pulse', 'acme-zen'];

let quota: SyncQuota | null = null;

beforeEach(async () => {
  await closeDB();
  await replaceIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: IDS.map((id) => acmePhone(id)) }, 'shipped', 'install');
});

onDatabaseRecreated(async () => {
  await ensureIndex('repair');
});

afterEach(() => {
  vi.unstubAllGlobals();
  quota?.restore();
  quota = null;
});

/** Deletes the database under the open connection, as clearing site data or an eviction would. */
async function loseDatabase(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

function longId(i: number): string {
  return `acme-${'long-model-name-'.repeat(11)}${String(i).padStart(5, '0')}`.slice(0, 200);
}

/** Settings with every list at its limit: the largest settings SpecScout keeps. */
function largestSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    rejectedMatches: Array.from({ length: 5000 }, (_, i) => `site-${i}.example|${'x'.repeat(470)}-${i}`),
    disabledSites: Array.from({ length: 500 }, (_, i) => `${'d'.repeat(240)}${i}.example`),
    enabledSites: Array.from({ length: 500 }, (_, i) => `${'e'.repeat(240)}${i}.example`),
    feedUrls: Array.from({ length: 20 }, (_, i) => `https://feeds.example/${'f'.repeat(1900)}/${i}.json`),
  };
}

describe('the local copy', () => {
  it('holds every follow (with mute and date) and the settings after each change', async () => {
    await setFollow('acme-nova', true, NOW);
    await setFollow('acme-orbit', true, NOW);
    await setMuted('acme-orbit', true);
    await saveSettings({ region: 'JP', feedUrls: ['https://feeds.example/a.json'] });
    await setFollow('acme-nova', false, NOW);
    const local = await readLocalCopy();
    expect(local.state).toBe('ok');
    if (local.state !== 'ok') return;
    expect(local.copy.follows).toEqual([{ id: 'acme-orbit', since: NOW.toISOString(), muted: true }]);
    expect(local.copy.settings).toMatchObject({ region: 'JP', feedUrls: ['https://feeds.example/a.json'] });
    expect(JSON.stringify(local.copy)).not.toContain('snapshot');
  });

  it('is "absent" on a first install and "unreadable" when damaged or of an unknown version', async () => {
    expect((await readLocalCopy()).state).toBe('absent');
    await fakeBrowser.storage.local.set({ [LOCAL_COPY_KEY]: { version: 99, follows: [], savedAt: '' } });
    expect((await readLocalCopy()).state).toBe('unreadable');
    await fakeBrowser.storage.local.set({ [LOCAL_COPY_KEY]: 'garbage' });
    expect((await readLocalCopy()).state).toBe('unreadable');
  });
});

describe('the storage.sync copy', () => {
  it('holds follows, mute flags and settings when they fit, and says so', async () => {
    quota = enforceSyncQuota();
    await setFollow('acme-nova', true, NOW);
    await setFollow('acme-orbit', true, NOW);
    await setMuted('acme-orbit', true);
    await saveSettings({ region: 'JP' });
    const synced = await readSyncCopy();
    expect(synced?.follows).toEqual([
      { id: 'acme-nova', since: '', muted: false },
      { id: 'acme-orbit', since: '', muted: true },
    ]);
    expect(synced?.settings).toMatchObject({ region: 'JP' });
    expect(await syncStatus()).toMatchObject({ state: 'ok', followsInSync: 2, followsTotal: 2, settingsInSync: true, mutedInSync: true });
  });

  it('keeps within 100 KB and 8 KB per item for the largest data SpecScout accepts, and says what is left out', () => {
    const follows = Array.from({ length: MAX_FOLLOWS }, (_, i) => ({ id: longId(i), since: new Date(NOW.getTime() + i * 1000).toISOString(), muted: i % 2 === 0 }));
    const plan = planSync({ follows, settings: largestSettings() });
    const sizes = Object.entries(plan.items).map(([key, value]) => syncItemBytes(key, value));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(plan.bytes);
    expect(plan.bytes).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    expect(plan.followsTotal).toBe(MAX_FOLLOWS);
    expect(plan.followsInSync).toBeGreaterThan(400);
    expect(plan.followsInSync).toBeLessThan(MAX_FOLLOWS);
    expect(plan.settingsInSync).toBe(false);
    // The most recently followed are the ones kept.
    const chunks = Array.from({ length: plan.items['followIds.count'] as number }, (_, i) => plan.items[`followIds.${i}`] as string);
    const kept = new Set(chunks.join('').split(','));
    expect(kept.size).toBe(plan.followsInSync);
    expect(kept.has(longId(MAX_FOLLOWS - 1))).toBe(true);
    expect(kept.has(longId(0))).toBe(false);
  });

  it('stores what fits through a quota-enforcing sync and reports "partial" to the options page', async () => {
    quota = enforceSyncQuota();
    const devices = Array.from({ length: 700 }, (_, i) => acmePhone(longId(i)));
    await replaceIndex({ format: 1, version: 2, builtFrom: '2025-02-01', devices }, 'shipped', 'update');
    const db = await getDB();
    const tx = db.transaction('follows', 'readwrite');
    await Promise.all(devices.map((d, i) => tx.store.put({ id: d.id, since: new Date(NOW.getTime() + i).toISOString(), muted: false, snapshot: d })));
    await tx.done;
    await setMuted(devices[699]!.id, true);
    const status = await syncStatus();
    expect(status).toMatchObject({ state: 'partial', followsTotal: 700 });
    expect(status.followsInSync).toBeLessThan(700);
    expect((await readSyncIds()).length).toBe(status.followsInSync);
    expect((await readSyncCopy())?.total).toBe(700);
  });

  it('retries a write refused by the rate limit on its alarm until sync holds the last change', async () => {
    quota = enforceSyncQuota(4);
    for (const id of IDS) await setFollow(id, true, NOW);
    await setFollow('acme-nova', false, NOW);
    const pending = await syncStatus();
    expect(pending).toMatchObject({ state: 'pending', retryInMinutes: 1 });
    expect(pending.error).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeDefined();
    expect(await readSyncIds()).not.toEqual(['acme-orbit', 'acme-pulse', 'acme-zen']);

    // The alarm fires a minute later, in a worker that may have restarted: it writes from the local copy.
    quota.nextMinute();
    await closeDB();
    expect(await resumeSync()).toMatchObject({ state: 'ok' });
    expect(await readSyncIds()).toEqual(['acme-orbit', 'acme-pulse', 'acme-zen']);
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeUndefined();
    // Nothing pending: a start does not write again.
    const writes = quota.writes;
    expect(await resumeSync()).toBeNull();
    expect(quota.writes).toBe(writes);
  });

  it('backs off when sync keeps failing for another reason (turned off by policy), up to an hour', async () => {
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = async () => {
      throw new Error('Sync is disabled by policy.');
    };
    try {
      await setFollow('acme-nova', true, NOW);
      const delays = [(await syncStatus()).retryInMinutes];
      for (let i = 0; i < 5; i++) delays.push((await resumeSync())?.retryInMinutes);
      expect(delays).toEqual([5, 10, 20, 40, 60, 60]);
      // Following still works, and the local copy has it.
      const local = await readLocalCopy();
      expect(local.state === 'ok' && local.copy.follows.map((f) => f.id)).toEqual(['acme-nova']);
    } finally {
      fakeBrowser.storage.sync.set = set;
    }
    expect(await resumeSync()).toMatchObject({ state: 'ok' });
    expect((await syncStatus()).failures).toBeUndefined();
  });

  it('writes only the items that changed (each write counts against Chrome’s rate limit)', async () => {
    quota = enforceSyncQuota();
    await setFollow('acme-nova', true, NOW);
    const writes = quota.writes;
    await setFollow('acme-nova', true, NOW);
    await saveSettings({});
    // The first settings save adds the settings items; the same follow again writes nothing.
    expect(quota.writes - writes).toBe(1);
    await saveSettings({});
    expect(quota.writes - writes).toBe(1);
  });
});

describe('a database lost under a running worker', () => {
  beforeEach(async () => {
    // The worker reinstalls the shipped index into the new database (as background/index.ts wires it).
    const shipped = packIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: IDS.map((id) => acmePhone(id)) });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(shipped), { status: 200 })));
    await setFollow('acme-nova', true, NOW);
    await setFollow('acme-orbit', true, NOW);
    await setMuted('acme-orbit', true);
    await saveSettings({ region: 'JP', markStyle: 'background', feedUrls: ['https://feeds.example/a.json'] });
  });

  it('comes back with every follow and setting from the local copy, and the reader is told', async () => {
    await getDB();
    await loseDatabase();
    expect(await loadSettings()).toMatchObject({ region: 'JP', markStyle: 'background', feedUrls: ['https://feeds.example/a.json'] });
    expect((await (await getDB()).getAll('follows')).map((f) => [f.id, f.muted, f.since])).toEqual([
      ['acme-nova', false, NOW.toISOString()],
      ['acme-orbit', true, NOW.toISOString()],
    ]);
    await whenRecovered();
    expect((await (await getDB()).get('meta', 'index'))?.value).toBeDefined();
    expect((await readDataNotices()).at(-1)).toMatchObject({ kind: 'restored', message: expect.stringMatching(/database was lost.*2 follows and your settings.*copy kept in this browser/) });
    expect((await readStorageProblems()).at(-1)).toMatchObject({ kind: 'lost' });
    // Told at once too, not only on the options page.
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([DATA_NOTIFICATION_ID]);
  });

  it('loses no follow when the first request after the loss writes follows (the copies are not overwritten)', async () => {
    await getDB();
    await loseDatabase();
    await setFollow('acme-nova', false, NOW);
    expect((await listFollows()).map((f) => f.summary.id)).toEqual(['acme-orbit']);
    expect(await readSyncIds()).toEqual(['acme-orbit']);
    await whenRecovered();
    await setFollow('acme-pulse', true, NOW);
    expect((await listFollows()).map((f) => f.summary.id).sort()).toEqual(['acme-orbit', 'acme-pulse']);
    const local = await readLocalCopy();
    expect(local.state === 'ok' && local.copy.follows.map((f) => f.id).sort()).toEqual(['acme-orbit', 'acme-pulse']);
    expect(await loadSettings()).toMatchObject({ region: 'JP' });
  });

  it('falls back to storage.sync when the local copy is unreadable, and says what could not be restored', async () => {
    await getDB();
    await fakeBrowser.storage.local.set({ [LOCAL_COPY_KEY]: { version: 1, follows: 'damaged' } });
    // Sync held only one of the two follows (the rest did not fit), and no settings.
    await fakeBrowser.storage.sync.clear();
    await fakeBrowser.storage.sync.set({ 'followIds.count': 1, 'followIds.0': 'acme-orbit', 'followIds.total': 2, 'mutedIds.count': 1, 'mutedIds.0': 'acme-orbit' });
    await loseDatabase();
    expect((await (await getDB()).getAll('follows')).map((f) => [f.id, f.muted])).toEqual([['acme-orbit', true]]);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const notices = await readDataNotices();
    expect(notices.at(-2)).toMatchObject({ kind: 'restored', message: expect.stringMatching(/Restored 1 follow from Chrome sync/) });
    expect(notices.at(-1)).toMatchObject({ kind: 'lost', message: '1 follow did not fit in Chrome sync and could not be restored; your settings were not in sync and are back to their defaults.' });
    // The local copy is whole again, from what was restored.
    const local = await readLocalCopy();
    expect(local.state === 'ok' && local.copy.follows.map((f) => f.id)).toEqual(['acme-orbit']);
    await whenRecovered();
  });

  it('says the data is lost when no copy can be read', async () => {
    await getDB();
    await fakeBrowser.storage.local.set({ [LOCAL_COPY_KEY]: 'damaged' });
    await fakeBrowser.storage.sync.clear();
    await loseDatabase();
    expect(await (await getDB()).count('follows')).toBe(0);
    expect((await readDataNotices()).at(-1)).toMatchObject({ kind: 'lost', message: expect.stringMatching(/no copy of your follows and settings could be read/) });
    await whenRecovered();
  });

  it('restores nothing and tells nothing on a first install', async () => {
    await closeDB();
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    fakeBrowser.reset();
    await getDB();
    expect(await readDataNotices()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await (await getDB()).count('follows')).toBe(0);
  });
});
