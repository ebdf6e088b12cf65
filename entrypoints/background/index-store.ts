// The device index in IndexedDB: installed from the index shipped with the extension (on install, on
// update, and on any start that finds it missing or older), replaced by feeds, read by every handler.
// A replacement is one transaction over devices and meta: a worker killed mid-way leaves the
// previous index whole, and follows (another store) are never touched. An update whose replacement was
// interrupted completes on the next start: the package version that last checked the shipped index is kept
// in the same transaction as the index, so a start under a newer package compares them again.
import { browser } from 'wxt/browser';
import { extensionUrl } from '../../utils/extension-url';
import type { Device, DeviceIndex } from '../../core/schema';
import { applyFeed, deltaInPlaceProblems, installedIndexProblem, stableStringify, unpackIndex, type Feed, type ShippedIndex } from '../../core/feed';
import { nameKey } from '../../core/names';
import { currentStatus } from '../../core/status';
import { keySpecs } from '../../core/summary';
import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import { abortQuietly, getDB, isQuotaError, recordStorageProblem, type SpecScoutDB } from '../../utils/db';
import type { DeviceSummary, UpdateReport } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings';
import { statusRegion } from '../../utils/settings-model';
import { keepAliveWhile } from './keep-alive';
import { recordUpdate } from './update-log';

export const SHIPPED_INDEX_PATH = '/index/index.json';
/** Meta row: the extension version whose shipped index was last compared with the installed one. */
export const SHIPPED_CHECK_KEY = 'shippedChecked';
/**
 * Meta row: how many devices the built-in index has. Feeds may not shrink the index far below it
 * (core/feed.ts minimumDevices), and an installed index that did is not used.
 */
export const SHIPPED_SIZE_KEY = 'shippedDeviceCount';
/** The report's source when the built-in data is put back. */
export const BUILT_IN_SOURCE = 'built-in data';

type ReplaceReason = 'install' | 'update' | 'feed' | 'repair' | 'restore';

/** This package's version ("unknown" where there is no manifest, as in unit tests). */
function packageVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

function isInstalledMeta(value: unknown): value is InstalledIndexMeta {
  const v = value as Partial<InstalledIndexMeta> | null | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.version) &&
    typeof v.builtFrom === 'string' &&
    typeof v.deviceCount === 'number' &&
    typeof v.nameCount === 'number' &&
    typeof v.source === 'string'
  );
}

/** What the meta store says about the installed index. */
export interface InstalledIndexMeta {
  version: number;
  builtFrom: string;
  deviceCount: number;
  nameCount: number;
  /** "shipped" or the feed URL it came from. */
  source: string;
}

export type IndexReplacedListener = (change: {
  previous: InstalledIndexMeta | undefined;
  current: InstalledIndexMeta;
  reason: ReplaceReason;
}) => Promise<void> | void;

const listeners: IndexReplacedListener[] = [];

/** Called after every replacement (follows diff their snapshots against the new records here). */
export function onIndexReplaced(listener: IndexReplacedListener): void {
  listeners.push(listener);
}

export async function fetchShippedIndex(): Promise<DeviceIndex> {
  const response = await fetch(extensionUrl(SHIPPED_INDEX_PATH));
  if (!response.ok) throw new Error(`the shipped index is missing (${response.status})`);
  return unpackIndex((await response.json()) as ShippedIndex);
}

/**
 * How many distinct names a device goes by (marketing name, name with brand, every other name), for the
 * index's name count. Names are resolved by the compiled matcher, not from the database.
 */
function nameCountOf(device: Device): number {
  const keys = new Set<string>();
  for (const name of [device.name, `${device.brand} ${device.name}`, ...device.names.map((n) => n.name)]) {
    const key = nameKey(name);
    if (key) keys.add(key);
  }
  return keys.size;
}

type Track = (request: Promise<unknown>) => void;
type DeviceStore = IDBPObjectStore<SpecScoutDB, ('devices' | 'meta')[], 'devices', 'readwrite'>;

/**
 * Writes only the devices that changed between `before` and `after`; unchanged records are the same objects
 * (applyFeed keeps them) or equal once serialised. Returns the name count.
 */
async function writeDifferences(
  before: readonly Device[],
  after: readonly Device[],
  devices: DeviceStore,
  track: Track,
): Promise<number> {
  const old = new Map(before.map((d) => [d.id, d]));
  let nameCount = 0;
  let queued = 0;
  let last: Promise<unknown> | undefined;
  const breathe = async () => {
    if (++queued % WRITE_CHUNK === 0) await last;
  };
  for (const device of after) {
    const previous = old.get(device.id);
    old.delete(device.id);
    nameCount += nameCountOf(device);
    if (previous === device || (previous && stableStringify(previous) === stableStringify(device))) continue;
    track((last = devices.put(device)));
    await breathe();
  }
  for (const removed of old.values()) {
    track((last = devices.delete(removed.id)));
    await breathe();
  }
  return nameCount;
}

/**
 * Replaces the whole index in one transaction and tells the listeners. On any failure (a full disk, a record
 * the store refuses) the transaction is aborted, so the previous index stays whole; the failure is recorded
 * for the options page and thrown.
 */
export function replaceIndex(
  index: DeviceIndex,
  source: string,
  reason: ReplaceReason,
  /**
   * The devices installed now, when the caller has them (a feed): then only what changed is written, in
   * the same single transaction, instead of clearing and rewriting ~28,000 devices.
   */
  installedDevices?: readonly Device[],
): Promise<InstalledIndexMeta> {
  // Seconds of writes: a background stopped for idleness half-way would lose them (Firefox's event page is
  // stopped after its idle timeout even while IndexedDB works).
  return keepAliveWhile(() => writeIndex(index, source, reason, installedDevices));
}

async function writeIndex(
  index: DeviceIndex,
  source: string,
  reason: ReplaceReason,
  installedDevices: readonly Device[] | undefined,
): Promise<InstalledIndexMeta> {
  const db = await getDB();
  const installedMeta = (await db.get('meta', 'index'))?.value;
  if (!isInstalledMeta(installedMeta)) return installFresh(index, source, reason);
  // Replacing an index: compare with what is installed and write only the differences, in one transaction.
  const before = installedDevices ?? (await db.getAll('devices'));
  const tx = db.transaction(['devices', 'meta'], 'readwrite');
  let current: InstalledIndexMeta;
  let previous: InstalledIndexMeta | undefined;
  try {
    const previousValue = (await tx.objectStore('meta').get('index'))?.value;
    previous = isInstalledMeta(previousValue) ? previousValue : undefined;
    const devices = tx.objectStore('devices');
    let nameCount = 0;
    // Requests are queued without awaiting each one: IndexedDB runs them in order inside the transaction.
    // Each is also marked handled: after the first failure the rest reject with AbortError, which must not
    // surface as unhandled rejections in the worker's console (Promise.all reports the first).
    const pending: Promise<unknown>[] = [];
    const track = (request: Promise<unknown>) => {
      request.catch(() => undefined);
      pending.push(request);
    };
    nameCount = await writeDifferences(before, index.devices, devices, track);
    current = {
      version: index.version,
      builtFrom: index.builtFrom,
      deviceCount: index.devices.length,
      nameCount,
      source,
    };
    track(tx.objectStore('meta').put({ key: 'index', value: current }));
    track(tx.objectStore('meta').put({ key: SHIPPED_CHECK_KEY, value: packageVersion() }));
    if (source === 'shipped') track(tx.objectStore('meta').put({ key: SHIPPED_SIZE_KEY, value: index.devices.length }));
    // The matcher compiled from the old devices is stale now (the shipped one is read from the package).
    track(tx.objectStore('meta').delete('matcher'));
    await Promise.all(pending);
    await tx.done;
  } catch (error) {
    // Half an index is never kept.
    await abortQuietly(tx);
    const quota = isQuotaError(error) || isQuotaError((error as { cause?: unknown } | null)?.cause) || isQuotaError(tx.error);
    await recordStorageProblem(
      quota ? 'quota' : 'write-failed',
      `${quota ? 'Not enough disk space' : 'A write failed'} while installing index version ${index.version} (${source}); the previous index is kept.`,
    );
    throw error;
  }
  await tellListeners({ previous, current, reason });
  return current;
}

/** Thrown when a feed breaks a rule of applyFeed: the caller reports "cannot apply: <message>". */
export class FeedNotApplicable extends Error {}

/**
 * Applies a checked feed (parseFeed's result) to the installed index, in one transaction. A delta that
 * removes nothing (the usual one) is checked and written from the records it touches alone, without
 * reading the ~28,000 installed records back; anything else goes through applyFeed over the whole index
 * and replaceIndex. Throws FeedNotApplicable on a rule broken, anything else on a failed write.
 */
export async function applyFeedToStore(feed: Feed, source: string, builtInCount: number | undefined): Promise<InstalledIndexMeta> {
  if (feed.kind === 'delta' && feed.remove.length === 0) return applyDeltaInPlace(feed, source);
  const db = await getDB();
  const meta = (await db.get('meta', 'index'))?.value;
  if (!isInstalledMeta(meta)) throw new FeedNotApplicable('no index is installed');
  const current: DeviceIndex = { format: 1, version: meta.version, builtFrom: meta.builtFrom, devices: await db.getAll('devices') };
  let next: DeviceIndex;
  try {
    next = applyFeed(current, feed, builtInCount !== undefined ? { builtInCount } : {});
  } catch (error) {
    throw new FeedNotApplicable(error instanceof Error ? error.message : String(error));
  }
  const latest = (await db.get('meta', 'index'))?.value;
  if (!isInstalledMeta(latest) || latest.version !== meta.version) throw new FeedNotApplicable(`the index changed to version ${String((latest as { version?: unknown } | undefined)?.version)} meanwhile`);
  return replaceIndex(next, source, 'feed', current.devices);
}

async function applyDeltaInPlace(delta: Extract<Feed, { kind: 'delta' }>, source: string): Promise<InstalledIndexMeta> {
  const db = await getDB();
  const tx = db.transaction(['devices', 'meta'], 'readwrite');
  let previous: InstalledIndexMeta;
  let current: InstalledIndexMeta;
  try {
    const metaRow = (await tx.objectStore('meta').get('index'))?.value;
    if (!isInstalledMeta(metaRow)) throw new FeedNotApplicable('no index is installed');
    previous = metaRow;
    if (metaRow.version !== delta.baseVersion || delta.version <= metaRow.version) {
      throw new FeedNotApplicable(`delta base ${delta.baseVersion} does not match index version ${metaRow.version}`);
    }
    const devices = tx.objectStore('devices');
    const before = new Map<string, Device | undefined>();
    for (const d of delta.upsert) before.set(d.id, await devices.get(d.id));
    const targets = new Set<string>();
    for (const d of delta.upsert) for (const v of d.variants ?? []) targets.add(v.id);
    const present = new Set<string>();
    for (const id of targets) if ((await devices.getKey(id)) !== undefined) present.add(id);
    const problems = deltaInPlaceProblems(delta, (id) => before.get(id), (id) => present.has(id));
    if (problems.length > 0) throw new FeedNotApplicable(problems.slice(0, 5).join('; '));
    let nameCount = metaRow.nameCount;
    let deviceCount = metaRow.deviceCount;
    for (const d of delta.upsert) {
      const old = before.get(d.id);
      if (old) nameCount -= nameCountOf(old);
      else deviceCount++;
      nameCount += nameCountOf(d);
      await devices.put(d);
    }
    current = { version: delta.version, builtFrom: delta.builtFrom ?? metaRow.builtFrom, deviceCount, nameCount, source };
    const meta = tx.objectStore('meta');
    await meta.put({ key: 'index', value: current });
    await meta.put({ key: SHIPPED_CHECK_KEY, value: packageVersion() });
    // The matcher compiled from the old devices is stale now.
    await meta.delete('matcher');
    await tx.done;
  } catch (error) {
    await abortQuietly(tx);
    if (!(error instanceof FeedNotApplicable)) {
      const quota = isQuotaError(error) || isQuotaError(tx.error);
      await recordStorageProblem(
        quota ? 'quota' : 'write-failed',
        `${quota ? 'Not enough disk space' : 'A write failed'} while installing index version ${delta.version} (${source}); the previous index is kept.`,
      );
    }
    throw error;
  }
  await tellListeners({ previous, current, reason: 'feed' });
  return current;
}

async function tellListeners(change: Parameters<IndexReplacedListener>[0]): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(change);
    } catch (error) {
      console.warn('SpecScout: an index listener failed', error);
    }
  }
}

/**
 * The first install, when no index is installed: written in many short transactions rather than one long
 * one, so the reader's own writes (a follow, a setting) are never queued behind seconds of index writes.
 * Atomic all the same where it matters: the `index` meta row that says "installed" is written last, so a
 * worker killed mid-way leaves "not installed" (reads keep coming from the shipped index in memory) and
 * the next start writes it again from the start. There was nothing before it to lose.
 */
async function installFresh(
  index: DeviceIndex,
  source: string,
  reason: ReplaceReason,
): Promise<InstalledIndexMeta> {
  const db = await getDB();
  let nameCount = 0;
  try {
    await db.clear('devices');
    for (let start = 0; start < index.devices.length; start += WRITE_CHUNK) {
      const tx = db.transaction('devices', 'readwrite');
      // Handled here too: a put that throws (an aborted transaction) leaves the loop before `await tx.done`.
      tx.done.catch(() => undefined);
      for (const device of index.devices.slice(start, start + WRITE_CHUNK)) {
        tx.store.put(device).catch(() => undefined);
        nameCount += nameCountOf(device);
      }
      await tx.done;
    }
    const current: InstalledIndexMeta = { version: index.version, builtFrom: index.builtFrom, deviceCount: index.devices.length, nameCount, source };
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([
      tx.store.put({ key: 'index', value: current }),
      tx.store.put({ key: SHIPPED_CHECK_KEY, value: packageVersion() }),
      ...(source === 'shipped' ? [tx.store.put({ key: SHIPPED_SIZE_KEY, value: index.devices.length })] : []),
      tx.store.delete('matcher'),
      tx.done,
    ]);
    await tellListeners({ previous: undefined, current, reason });
    return current;
  } catch (error) {
    const quota = isQuotaError(error) || isQuotaError((error as { cause?: unknown } | null)?.cause);
    await recordStorageProblem(
      quota ? 'quota' : 'write-failed',
      `${quota ? 'Not enough disk space' : 'A write failed'} while installing index version ${index.version} (${source}); it will be tried again at the next start.`,
    );
    throw error;
  }
}

/** Devices one write step handles before the event loop gets a turn (see installFresh, writeDifferences). */
const WRITE_CHUNK = 400;

let ensuring: Promise<InstalledIndexMeta> | null = null;

/**
 * While the shipped index is being written to IndexedDB (seconds, on a first install), reads are served
 * from the same index held in memory, so the first article a reader opens is marked at once.
 */
let interim: Map<string, Device> | null = null;
let interimReady: { promise: Promise<void>; resolve: () => void } | null = null;

function interimSignal(): Promise<void> {
  if (!interimReady) {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    interimReady = { promise, resolve };
  }
  return interimReady.promise;
}

/**
 * True while the shipped index is being written. The write transaction holds the meta store, so a reader of
 * meta would wait for the whole install; callers that only need to know "shipped or not" ask this first.
 */
export function isInstallingShipped(): boolean {
  return interim !== null;
}

/** The devices to read: IndexedDB once an index is installed, the in-memory shipped index while it installs. */
async function deviceSource(): Promise<Map<string, Device> | 'db'> {
  if (interim) return interim;
  const installed = ensureIndex().then(() => 'db' as const);
  const pending = interimSignal().then(() => interim ?? ('db' as const));
  return Promise.race([installed, pending]);
}

/**
 * Makes sure a usable index is installed and not older than the shipped one. Cheap when it is (three meta
 * reads in one transaction); otherwise installs the shipped index. Safe to call from every handler and on
 * every start. A malformed index row counts as none; a package version that has not compared its shipped
 * index yet (an update whose install was interrupted) compares it now. An installed index that is unusable
 * (core/feed.ts installedIndexProblem: empty, far smaller than the built-in one, or a version the date does
 * not allow) loses to the shipped one whatever its version, and the reader is told why.
 */
export function ensureIndex(reason: 'install' | 'update' | 'repair' = 'repair', now = new Date()): Promise<InstalledIndexMeta> {
  // Kept alive from the first read: fetching and unpacking the shipped index comes before the writes.
  ensuring ??= keepAliveWhile(async () => {
    const tx = (await getDB()).transaction('meta');
    const [row, checked, size] = await Promise.all([tx.store.get('index'), tx.store.get(SHIPPED_CHECK_KEY), tx.store.get(SHIPPED_SIZE_KEY)]);
    await tx.done;
    const installed = isInstalledMeta(row?.value) ? row.value : undefined;
    const knownSize = typeof size?.value === 'number' ? size.value : undefined;
    let problem = installed ? installedIndexProblem(installed, knownSize, now) : undefined;
    if (installed && !problem && reason === 'repair' && checked?.value === packageVersion()) return installed;
    const shipped = await fetchShippedIndex();
    if (installed && !problem) problem = installedIndexProblem(installed, shipped.devices.length, now);
    // A feed may have installed a newer index than the one shipped: keep it, if it is usable.
    if (installed && !problem && installed.version >= shipped.version) {
      const db = await getDB();
      const meta = db.transaction('meta', 'readwrite');
      await Promise.all([
        meta.store.put({ key: SHIPPED_CHECK_KEY, value: packageVersion() }),
        meta.store.put({ key: SHIPPED_SIZE_KEY, value: shipped.devices.length }),
        meta.done,
      ]);
      return installed;
    }
    interim = new Map(shipped.devices.map((d) => [d.id, d]));
    interimReady?.resolve();
    interimReady = null;
    const current = await replaceIndex(shipped, 'shipped', reason);
    if (installed && problem) {
      await recordUpdate(builtInReport(now, installed.version, current, `the installed data was not usable (${problem}); the built-in data is back`, false));
    }
    return current;
  }).finally(() => {
    ensuring = null;
    interim = null;
  });
  return ensuring;
}

function builtInReport(now: Date, fromVersion: number | undefined, current: InstalledIndexMeta, message: string, ok: boolean): UpdateReport {
  return {
    at: now.toISOString(),
    source: BUILT_IN_SOURCE,
    ok,
    message: `${message} (version ${current.version}, ${current.deviceCount} devices)`,
    ...(fromVersion !== undefined ? { fromVersion } : {}),
    toVersion: current.version,
  };
}

/**
 * "Restore the built-in data": puts the index shipped with the extension back, whatever is installed and
 * whatever its version, in one transaction (replaceIndex); follows, settings and reading history stay.
 * Feeds then build on it again from their next check.
 */
export async function restoreShippedIndex(now = new Date()): Promise<UpdateReport> {
  // After any install or check already running, so the two never write at once.
  await ensuring?.catch(() => undefined);
  const before = await (await getDB()).get('meta', 'index');
  const fromVersion = isInstalledMeta(before?.value) ? before.value.version : undefined;
  const shipped = await fetchShippedIndex();
  const current = await replaceIndex(shipped, 'shipped', 'restore');
  return recordUpdate(builtInReport(now, fromVersion, current, 'restored the built-in data', true));
}

/**
 * Every device, for whole-index work (search). While the shipped index installs, and whenever it is the one
 * installed, it is read from the package: parsing the shipped JSON takes tens of milliseconds where reading
 * ~28,000 records back from IndexedDB takes seconds. An index from a feed is read from the database.
 */
export async function allDevices(): Promise<Device[]> {
  const source = await deviceSource();
  if (source !== 'db') return [...source.values()];
  const installed = (await (await getDB()).get('meta', 'index'))?.value;
  if (isInstalledMeta(installed) && installed.source === 'shipped') {
    // The database has the same records: it is the fallback if the package file cannot be read.
    const shipped = await fetchShippedIndex().catch(() => undefined);
    if (shipped?.version === installed.version) return shipped.devices;
  }
  return (await getDB()).getAll('devices');
}

export async function getDevice(id: string): Promise<Device | undefined> {
  const source = await deviceSource();
  if (source !== 'db') return source.get(id);
  return (await getDB()).get('devices', id);
}

export async function getDevices(ids: readonly string[]): Promise<Device[]> {
  const source = await deviceSource();
  const found = source !== 'db' ? ids.map((id) => source.get(id)) : await readStoredDevices(await getDB(), ids);
  return found.filter((d): d is Device => d !== undefined);
}

/** The records of these ids in the database, in order, in one read transaction opened at the call. */
async function readStoredDevices(db: IDBPDatabase<SpecScoutDB>, ids: readonly string[]): Promise<(Device | undefined)[]> {
  const tx = db.transaction('devices');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found;
}

/**
 * The records of these ids as they stand, in order, without installing anything (getDevices may wait for an
 * install): from memory while the shipped index installs, since the install's write holds the devices
 * store; from the database otherwise. For readers that run beside an install, like follows.
 */
export async function peekDevices(ids: readonly string[]): Promise<(Device | undefined)[]> {
  // The database first: an install that starts while it opens sets `interim` before the check below, and
  // the transaction opens in the same turn as the check.
  const db = await getDB();
  if (interim) {
    const source = interim;
    return ids.map((id) => source.get(id));
  }
  return readStoredDevices(db, ids);
}

export async function followedIds(): Promise<Set<string>> {
  return new Set(await (await getDB()).getAllKeys('follows'));
}

/** `region`: the reader's (settings-model `statusRegion`), undefined for every region. */
export function summarize(device: Device, following: boolean, region?: string): DeviceSummary {
  const status = currentStatus(device, undefined, region);
  return {
    id: device.id,
    brand: device.brand,
    name: device.name,
    category: device.category,
    status: status?.status ?? null,
    ...(status?.date ? { statusDate: status.date } : {}),
    keySpecs: keySpecs(device),
    following,
  };
}

export async function getSummaries(ids: readonly string[]): Promise<DeviceSummary[]> {
  const [devices, follows, settings] = await Promise.all([getDevices(ids), followedIds(), loadSettings()]);
  const region = statusRegion(settings);
  return devices.map((d) => summarize(d, follows.has(d.id), region));
}
