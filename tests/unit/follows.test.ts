// Following devices in the worker: follows persist in IndexedDB, are mirrored to storage.sync, and each
// change is recorded and told once, whatever brings it (a shipped index, a feed) and however often.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Device, DeviceIndex } from '../../core/schema';
import { closeDB, getDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { ensureIndex, isInstallingShipped, replaceIndex } from '../../entrypoints/background/index-store';
import { packIndex } from '../../core/feed';
import {
  listFollows,
  markChangesSeen,
  readSyncIds,
  recentChanges,
  reconcileFollows,
  restoreFollowsFromCopies,
  setFollow,
  setMuted,
} from '../../entrypoints/background/follows';
import { useEnglishMessages } from './fake-i18n';


function phone(id: string, status: Device['status']): Device {
  return {
    id,
    brand: 'Acme',
    name: id.replace(/^acme-/, '').replace(/-/g, ' '),
    category: 'phone',
    names: [],
    status,
    sources: [{ id: 'acme', title: 'Acme press' }],
  };
}

const RUMORED = (id: string) => phone(id, [{ status: 'rumored', date: '2025-01' }]);
const ANNOUNCED = (id: string) => phone(id, [{ status: 'rumored', date: '2025-01' }, { status: 'announced', date: '2025-02-10' }]);

function index(version: number, devices: Device[]): DeviceIndex {
  return { format: 1, version, builtFrom: '2025-02-10', devices };
}

const NOW = new Date('2025-02-11T09:00:00Z');

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
});

describe('follows', () => {
  it('follows a device with its record as the snapshot, and keeps it when the database is reopened', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova'), RUMORED('acme-orbit')]), 'shipped', 'install');
    expect(await setFollow('acme-nova', true, NOW)).toEqual({ following: true });
    await closeDB();
    const row = await (await getDB()).get('follows', 'acme-nova');
    expect(row).toMatchObject({ id: 'acme-nova', since: NOW.toISOString(), muted: false });
    expect(row?.snapshot?.status).toEqual(RUMORED('acme-nova').status);
    const listed = await listFollows();
    expect(listed.map((f) => [f.summary.id, f.summary.status, f.summary.following])).toEqual([['acme-nova', 'rumored', true]]);
  });

  it('follows and lists from memory while a first install is still writing the index, without waiting for it', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => RUMORED(`acme-model-${i}`));
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(packIndex(index(1, many))), { status: 200 })));
    try {
      const installing = ensureIndex('install');
      await vi.waitFor(() => expect(isInstallingShipped()).toBe(true));
      // The last record, which the install writes last.
      expect(await setFollow('acme-model-2999', true, NOW)).toEqual({ following: true });
      const listed = await listFollows();
      expect(isInstallingShipped()).toBe(true);
      expect(listed.map((f) => [f.summary.id, f.summary.status])).toEqual([['acme-model-2999', 'rumored']]);
      await installing;
      expect((await listFollows()).map((f) => f.summary.id)).toEqual(['acme-model-2999']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses to follow a device the index does not have', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova')]), 'shipped', 'install');
    await expect(setFollow('acme-ghost', true)).rejects.toThrow(/no device/);
    expect(await listFollows()).toEqual([]);
  });

  it('keeps follows when the index is replaced', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova')]), 'shipped', 'install');
    await setFollow('acme-nova', true, NOW);
    await replaceIndex(index(2, [ANNOUNCED('acme-nova')]), 'shipped', 'update');
    expect((await listFollows()).map((f) => f.summary.status)).toEqual(['announced']);
  });

  it('copies follows to storage.local and storage.sync, and a new database gets them back when it opens', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova'), RUMORED('acme-orbit')]), 'shipped', 'install');
    await setFollow('acme-nova', true, NOW);
    await setFollow('acme-orbit', true, NOW);
    await setFollow('acme-orbit', false, NOW);
    expect(await readSyncIds()).toEqual(['acme-nova']);

    // The database is gone (corrupt, cleared); the copies still hold the follows.
    await closeDB();
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    await replaceIndex(index(1, [RUMORED('acme-nova'), RUMORED('acme-orbit')]), 'shipped', 'repair');
    expect((await listFollows()).map((f) => [f.summary.id, f.since])).toEqual([['acme-nova', NOW.toISOString()]]);
    // Restoring is not news, and restoring again does nothing.
    expect((await reconcileFollows(NOW)).recorded).toEqual([]);
    expect(await restoreFollowsFromCopies(NOW)).toBe(0);
  });

  it('restores follows that reach storage.sync after the install (a new browser signed in to the same account)', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova'), RUMORED('acme-orbit')]), 'shipped', 'install');
    expect(await listFollows()).toEqual([]);
    // Sync arrives later, in the layout of the first release (ids only).
    await fakeBrowser.storage.sync.set({ 'followIds.count': 1, 'followIds.0': 'acme-nova,acme-orbit' });
    expect(await restoreFollowsFromCopies(NOW)).toBe(2);
    expect((await listFollows()).map((f) => f.summary.id)).toEqual(['acme-nova', 'acme-orbit']);
    expect((await reconcileFollows(NOW)).recorded).toEqual([]);
  });

  it('does not bring back from sync follows the reader removed while a sync write was pending', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova')]), 'shipped', 'install');
    await setFollow('acme-nova', true, NOW);
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = async () => {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    };
    try {
      await setFollow('acme-nova', false, NOW);
    } finally {
      fakeBrowser.storage.sync.set = set;
    }
    expect(await readSyncIds()).toEqual(['acme-nova']);
    expect(await restoreFollowsFromCopies(NOW)).toBe(0);
    expect(await listFollows()).toEqual([]);
  });

  it('refuses the follow after the limit with a plain sentence', async () => {
    const { MAX_FOLLOWS } = await import('../../utils/reader-data');
    const devices = Array.from({ length: MAX_FOLLOWS + 1 }, (_, i) => RUMORED(`acme-model-${i}`));
    await replaceIndex(index(1, devices), 'shipped', 'install');
    const db = await getDB();
    const tx = db.transaction('follows', 'readwrite');
    await Promise.all(devices.slice(0, MAX_FOLLOWS).map((d) => tx.store.put({ id: d.id, since: NOW.toISOString(), muted: false, snapshot: d })));
    await tx.done;
    await expect(setFollow(devices[MAX_FOLLOWS]!.id, true, NOW)).rejects.toThrow('You follow 5,000 devices, the most SpecScout keeps. Unfollow one to follow another.');
    expect(await db.count('follows')).toBe(MAX_FOLLOWS);
    // Following one already followed is not a new follow.
    await expect(setFollow(devices[0]!.id, true, NOW)).resolves.toEqual({ following: true });
  });

  it('mirrors many ids across several sync items and reads them back whole', async () => {
    const devices = Array.from({ length: 400 }, (_, i) => RUMORED(`acme-device-with-a-long-name-${String(i).padStart(4, '0')}`));
    await replaceIndex(index(1, devices), 'shipped', 'install');
    for (const d of devices) await setFollow(d.id, true, NOW);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).length).toBeGreaterThan(2);
    for (const value of Object.values(stored)) expect(JSON.stringify(value).length).toBeLessThan(8192);
    expect(await readSyncIds()).toEqual(devices.map((d) => d.id));
  });

  it('mutes and unmutes a followed device, and refuses to mute one not followed', async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova')]), 'shipped', 'install');
    await setFollow('acme-nova', true, NOW);
    expect(await setMuted('acme-nova', true)).toEqual({ muted: true });
    expect((await listFollows())[0]?.muted).toBe(true);
    await expect(setMuted('acme-orbit', true)).rejects.toThrow(/not followed/);
  });
});

describe('reconciling follows with the index', () => {
  beforeEach(async () => {
    await replaceIndex(index(1, [RUMORED('acme-nova'), RUMORED('acme-orbit')]), 'shipped', 'install');
    await setFollow('acme-nova', true, NOW);
  });

  it('records a status change once, shows it as unseen with a badge, and clears both when seen', async () => {
    await replaceIndex(index(2, [ANNOUNCED('acme-nova'), RUMORED('acme-orbit')]), 'https://feeds.example/f.json', 'feed');
    const first = await reconcileFollows(NOW);
    expect(first.recorded.map((c) => c.key)).toEqual(['acme-nova|status|announced']);
    expect(first.notified).toMatchObject({ shown: 'single' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await listFollows())[0]?.unseenChanges.map((c) => c.kind)).toEqual(['status']);
    expect((await recentChanges()).map((c) => c.text)).toEqual(['Acme nova is now announced (2025-02-10), was rumored']);

    const again = await reconcileFollows(NOW);
    expect(again.recorded).toEqual([]);
    expect(again.notified).toEqual({ shown: 'none', reason: 'nothing' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);

    await markChangesSeen();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await listFollows())[0]?.unseenChanges).toEqual([]);
    expect(await recentChanges()).toHaveLength(1);
  });

  it('does not tell news again when the data goes back and forth', async () => {
    await replaceIndex(index(2, [ANNOUNCED('acme-nova')]), 'feed-a', 'feed');
    await reconcileFollows(NOW);
    // An older source briefly says "rumored" again, then the announcement comes back.
    await replaceIndex(index(3, [RUMORED('acme-nova')]), 'feed-b', 'feed');
    await reconcileFollows(NOW);
    await replaceIndex(index(4, [ANNOUNCED('acme-nova')]), 'feed-a', 'feed');
    const back = await reconcileFollows(NOW);
    expect(back.recorded.map((c) => c.key)).not.toContain('acme-nova|status|announced');
    expect((await recentChanges()).filter((c) => c.kind === 'status' && c.text.includes('now announced'))).toHaveLength(1);
  });

  it('remembers what was told across worker restarts (the database, not memory)', async () => {
    await replaceIndex(index(2, [ANNOUNCED('acme-nova')]), 'feed', 'feed');
    await reconcileFollows(NOW);
    await closeDB();
    // The follow's snapshot is reset to the old record, as if the snapshot write had been lost:
    // the told keys alone must prevent a second notification.
    const db = await getDB();
    const row = await db.get('follows', 'acme-nova');
    await db.put('follows', { ...row!, snapshot: RUMORED('acme-nova') });
    const after = await reconcileFollows(NOW);
    expect(after.recorded).toEqual([]);
  });

  it('ignores devices that are not followed', async () => {
    await replaceIndex(index(2, [RUMORED('acme-nova'), ANNOUNCED('acme-orbit')]), 'feed', 'feed');
    expect((await reconcileFollows(NOW)).recorded).toEqual([]);
  });

  it('records but does not notify for a muted device', async () => {
    await setMuted('acme-nova', true);
    await replaceIndex(index(2, [ANNOUNCED('acme-nova')]), 'feed', 'feed');
    const result = await reconcileFollows(NOW);
    expect(result.recorded).toHaveLength(1);
    expect(result.notified).toEqual({ shown: 'none', reason: 'nothing' });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('uses the reader region from settings', async () => {
    await saveSettings({ region: 'DE' });
    const released = ANNOUNCED('acme-nova');
    released.status.push({ status: 'released', date: '2025-03-01', region: 'US' });
    await replaceIndex(index(2, [released]), 'feed', 'feed');
    await reconcileFollows(NOW);
    const inGermany = structuredClone(released);
    inGermany.status.push({ status: 'released', date: '2025-04-01', region: 'DE' });
    await replaceIndex(index(3, [inGermany]), 'feed', 'feed');
    expect((await reconcileFollows(NOW)).recorded.map((c) => c.key)).toEqual(['acme-nova|regional-release|DE']);
  });

  it('tells a followed device that left the index once, and keeps listing it as last known', async () => {
    await replaceIndex(index(2, [RUMORED('acme-orbit')]), 'feed', 'feed');
    expect((await reconcileFollows(NOW)).recorded.map((c) => c.kind)).toEqual(['removed']);
    expect((await reconcileFollows(NOW)).recorded).toEqual([]);
    expect((await listFollows()).map((f) => f.summary.name)).toEqual(['nova']);
  });

  it('does not count changes of an unfollowed device on the badge', async () => {
    await replaceIndex(index(2, [ANNOUNCED('acme-nova')]), 'feed', 'feed');
    await reconcileFollows(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await setFollow('acme-nova', false);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
