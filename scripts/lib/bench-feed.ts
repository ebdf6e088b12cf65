// The signed channel's budgets, measured by `npm run bench` in Node over the full shipped index with
// fake-indexeddb standing in for the worker's database: the gzip sizes of the full snapshot (budget 1.5 MB)
// and of a delta changing one device (2 KB), the time to apply that delta as the worker does (decompress,
// validate, write the records it touches in one transaction; budget 100 ms), and the time to apply the full
// snapshot (read the installed records, merge, write what changed) with the matcher compiled again (5 s). Times are wall clock here: the
// database work is asynchronous. Medians of a few runs.
import { generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parseFeed, parsePackedSnapshot } from '../../core/feed';
import type { Device, DeviceIndex } from '../../core/schema';
import { currentStatus } from '../../core/status';
import { compileMatcher } from '../../core/detect/index';
import { buildFeed, deltaName, snapshotName } from './feed-build';

export interface FeedBench {
  snapshotGzipBytes: number;
  oneDeviceDeltaGzipBytes: number;
  applyOneDeviceDeltaMs: number;
  applySnapshotWithMatcherMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

export async function benchFeed(index: DeviceIndex, runs = 5): Promise<FeedBench> {
  // @ts-expect-error fake-indexeddb 6's package "exports" map does not point TypeScript at auto.d.ts; the
  // module only installs the IndexedDB globals and has no exports to type.
  await import('fake-indexeddb/auto');
  const { IDBFactory } = await import('fake-indexeddb');
  const { applyFeedToStore, replaceIndex } = await import('../../entrypoints/background/index-store');
  const { closeDB } = await import('../../utils/db');

  const rumored = index.devices.find((d) => currentStatus(d)?.status === 'rumored' && !d.status.some((e) => e.expected))!;
  const announced: Device = { ...rumored, status: [...rumored.status, { status: 'announced', date: `${index.builtFrom.slice(0, 4)}-12-15` }] };
  const next: DeviceIndex = { ...index, version: index.version + 1, devices: index.devices.map((d) => (d.id === rumored.id ? announced : d)) };
  const { privateKey } = generateKeyPairSync('ed25519');
  const feed = buildFeed({ index: next, previous: [index], now: new Date(), signingKey: privateKey });
  const snapshot = feed.files.get(snapshotName(next.version))!;
  const delta = feed.files.get(deltaName(index.version, next.version))!;
  const now = new Date();

  async function fresh(): Promise<void> {
    await closeDB();
    globalThis.indexedDB = new IDBFactory();
    await replaceIndex(index, 'shipped', 'install');
  }
  /** As the worker applies a file: decompress, validate, merge into the installed index, write (applyFeedToStore). */
  async function apply(bytes: Uint8Array, kind: 'delta' | 'snapshot', withMatcher: boolean): Promise<number> {
    const start = performance.now();
    const text = gunzipSync(bytes).toString('utf8');
    const context = { installedVersion: index.version, now };
    const parsed = kind === 'delta' ? parseFeed(text, context) : parsePackedSnapshot(text, context);
    if (!parsed.ok) throw new Error(parsed.reason);
    await applyFeedToStore(parsed.feed, 'https://feed.example/', index.devices.length);
    if (withMatcher) compileMatcher(next.devices);
    return performance.now() - start;
  }

  const deltaTimes: number[] = [];
  const snapshotTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    await fresh();
    deltaTimes.push(await apply(delta, 'delta', false));
    await fresh();
    snapshotTimes.push(await apply(snapshot, 'snapshot', true));
  }
  await closeDB();
  if (gunzipSync(delta).byteLength === 0) throw new Error('empty delta');
  return {
    snapshotGzipBytes: snapshot.byteLength,
    oneDeviceDeltaGzipBytes: delta.byteLength,
    applyOneDeviceDeltaMs: Math.round(median(deltaTimes)),
    applySnapshotWithMatcherMs: Math.round(median(snapshotTimes)),
  };
}
