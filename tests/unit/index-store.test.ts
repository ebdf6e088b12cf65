// Installing and replacing the index in IndexedDB: one transaction, follows untouched, newer kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Device, DeviceIndex } from '../../core/schema';
import { packIndex } from '../../core/feed';
import { closeDB, getDB } from '../../utils/db';
import { ensureIndex, getDevice, getSummaries, onIndexReplaced, replaceIndex } from '../../entrypoints/background/index-store';

function device(id: string, name: string, extra: Partial<Device> = {}): Device {
  return {
    id,
    brand: 'Sony',
    name,
    category: 'phone',
    names: [],
    status: [{ status: 'announced', date: '2013-09-04' }],
    sources: [{ id: 'sony-press', title: 'Sony press release' }],
    ...extra,
  };
}

function index(version: number, devices: Device[]): DeviceIndex {
  return { format: 1, version, builtFrom: '2026-11-01', devices };
}

function serveShipped(shipped: DeviceIndex) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(packIndex(shipped)), { status: 200 })),
  );
}

describe('index store', () => {
  beforeEach(async () => {
    await closeDB();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('installs the shipped index on first use, counting its names', async () => {
    serveShipped(index(5, [device('sony-xperia-z1-f', 'Xperia Z1 f', { names: [{ name: 'SO-02F', kind: 'code' }] })]));
    const meta = await ensureIndex('install');
    // "Xperia Z1 f", "Sony Xperia Z1 f", "SO-02F".
    expect(meta).toMatchObject({ version: 5, deviceCount: 1, nameCount: 3, source: 'shipped' });
    expect((await getDevice('sony-xperia-z1-f'))?.name).toBe('Xperia Z1 f');
    expect([...(await getDB()).objectStoreNames]).not.toContain('names');
  });

  it('replaces the index without touching follows, and tells listeners', async () => {
    const seen: number[] = [];
    onIndexReplaced(({ current }) => void seen.push(current.version));
    await replaceIndex(index(1, [device('sony-xperia-z1', 'Xperia Z1')]), 'shipped', 'install');
    const db = await getDB();
    await db.put('follows', { id: 'sony-xperia-z1', since: '2014-01-01T00:00:00Z', muted: false, snapshot: null });
    await replaceIndex(index(2, [device('sony-xperia-z2', 'Xperia Z2')]), 'https://feeds.example/a.json', 'feed');
    expect(await db.get('devices', 'sony-xperia-z1')).toBeUndefined();
    expect(await db.get('devices', 'sony-xperia-z2')).toBeDefined();
    expect(await db.get('follows', 'sony-xperia-z1')).toBeDefined();
    expect(seen.slice(-2)).toEqual([1, 2]);
  });

  it('writes only what changed when given the installed devices, leaving the same index as a full write', async () => {
    const z1 = device('sony-xperia-z1', 'Xperia Z1', { names: [{ name: 'C6903', kind: 'code' }] });
    const z2 = device('sony-xperia-z2', 'Xperia Z2', { names: [{ name: 'D6503', kind: 'code' }] });
    const z3 = device('sony-xperia-z3', 'Xperia Z3');
    await replaceIndex(index(1, [z1, z2, z3]), 'shipped', 'install');
    const z2renamed = { ...z2, names: [{ name: 'D6502', kind: 'code' as const }] };
    const z5 = device('sony-xperia-z5', 'Xperia Z5');
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    await replaceIndex(index(2, [z1, z2renamed, z5]), 'https://feeds.example/a.json', 'feed', [z1, z2, z3]);
    const devicePuts = puts.mock.calls.filter(([value]) => (value as { id?: string }).id !== undefined && 'brand' in (value as object));
    expect(devicePuts.map(([value]) => (value as Device).id).sort()).toEqual(['sony-xperia-z2', 'sony-xperia-z5']);
    puts.mockRestore();
    const db = await getDB();
    expect((await db.getAllKeys('devices')).sort()).toEqual(['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z5']);
    expect((await db.get('devices', 'sony-xperia-z2'))?.names).toEqual([{ name: 'D6502', kind: 'code' }]);
    const meta = (await db.get('meta', 'index'))?.value as { version: number; nameCount: number };
    expect(meta.version).toBe(2);
    // Two names each (name, brand and name) and the two codes.
    expect(meta.nameCount).toBe(8);
  });

  it('keeps an index from a feed that is newer than the shipped one', async () => {
    await replaceIndex(index(9, [device('sony-xperia-z2', 'Xperia Z2')]), 'https://feeds.example/a.json', 'feed');
    serveShipped(index(5, [device('sony-xperia-z1', 'Xperia Z1')]));
    const meta = await ensureIndex('update');
    expect(meta.version).toBe(9);
    expect(await getDevice('sony-xperia-z2')).toBeDefined();
  });

  it('summarises devices with their current status and whether they are followed', async () => {
    serveShipped(index(1, [device('sony-xperia-z1', 'Xperia Z1', { specs: { displayInches: 5, batteryMah: 3000 } })]));
    await ensureIndex('install');
    await (await getDB()).put('follows', { id: 'sony-xperia-z1', since: '2014-01-01T00:00:00Z', muted: false, snapshot: null });
    expect(await getSummaries(['sony-xperia-z1', 'missing'])).toEqual([
      {
        id: 'sony-xperia-z1',
        brand: 'Sony',
        name: 'Xperia Z1',
        category: 'phone',
        status: 'announced',
        statusDate: '2013-09-04',
        keySpecs: ['5 in', '3000 mAh'],
        following: true,
      },
    ]);
  });

  it('says clearly when the shipped index is missing from the package', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
    await expect(ensureIndex('install')).rejects.toThrow(/shipped index is missing/);
  });
});
