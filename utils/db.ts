// SpecScout's IndexedDB: the device index, follows, settings, meta and reading history, in one
// versioned schema. Each upgrade step is a function of the old version so a database of any earlier
// version upgrades in one versionchange transaction (IndexedDB aborts it whole if the worker dies).
// A database that cannot be opened, or lacks a store, is rebuilt (keeping what of the reader's data can
// still be read) and the problem is written to storage.local, which the options page shows.
import { browser } from 'wxt/browser';
import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Device } from '../core/schema';
import { restoreReaderData } from './reader-recovery';

export const DB_NAME = 'specscout';
export const DB_VERSION = 3;

export interface FollowRecord {
  id: string;
  /** ISO timestamp. */
  since: string;
  muted: boolean;
  /** The record as last told to the reader; changes are diffed against it. */
  snapshot: Device | null;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SpecScoutDB extends DBSchema {
  devices: { key: string; value: Device; indexes: { brand: string } };
  follows: { key: string; value: FollowRecord };
  settings: { key: string; value: MetaRow };
  meta: { key: string; value: MetaRow };
  /** Articles the reader opened that mention a device (only in this browser; can be turned off). */
  reading: {
    key: [string, string];
    value: { deviceId: string; url: string; title: string; site: string; date?: string; statusThen: string | null; seenAt: string };
    indexes: { deviceId: string; seenAt: string };
  };
}

type UpgradeTx = IDBPTransaction<SpecScoutDB, StoreNames<SpecScoutDB>[], 'versionchange'>;

/**
 * Versions 1 and 2 also had a table of names (normalised name or code -> device id), written on every
 * install and never read: names are resolved by the compiled matcher. Writing its ~79,000 rows made a first
 * install take about 11 s instead of under 3.
 */
interface WithNamesTable extends DBSchema {
  names: { key: [string, string]; value: { key: string; id: string; kind: string }; indexes: { key: string; id: string } };
}

/** Upgrade steps: index i takes a database from version i to i + 1. Never edit a shipped step. */
const UPGRADES: ((db: IDBPDatabase<SpecScoutDB>, tx: UpgradeTx) => void)[] = [
  // 0 -> 1: the first schema.
  (db) => {
    const devices = db.createObjectStore('devices', { keyPath: 'id' });
    devices.createIndex('brand', 'brand');
    const names = (db as unknown as IDBPDatabase<WithNamesTable>).createObjectStore('names', { keyPath: ['key', 'id'] });
    names.createIndex('key', 'key');
    names.createIndex('id', 'id');
    db.createObjectStore('follows', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 1 -> 2: reading history, kept per device and article.
  (db) => {
    const reading = db.createObjectStore('reading', { keyPath: ['deviceId', 'url'] });
    reading.createIndex('deviceId', 'deviceId');
    reading.createIndex('seenAt', 'seenAt');
  },
  // 2 -> 3: no names table (see WithNamesTable).
  (db) => {
    const legacy = db as unknown as IDBPDatabase<WithNamesTable>;
    if (legacy.objectStoreNames.contains('names')) legacy.deleteObjectStore('names');
  },
];

/** Every store the current schema has; a database missing one is rebuilt. */
export const STORE_NAMES: readonly StoreNames<SpecScoutDB>[] = ['devices', 'follows', 'settings', 'meta', 'reading'];

export interface OpenOptions {
  /** Called after each upgrade step inside the versionchange transaction (tests abort here, as a killed worker would). */
  afterUpgradeStep?: (step: number, tx: UpgradeTx) => void;
  /** Called when the open created the database (it did not exist: a first install, or it was lost). */
  onCreated?: () => void;
}

export function openSpecScoutDB(name = DB_NAME, version = DB_VERSION, options: OpenOptions = {}): Promise<IDBPDatabase<SpecScoutDB>> {
  if (version > UPGRADES.length) throw new Error(`no upgrade path to database version ${version}`);
  return openDB<SpecScoutDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      if (oldVersion === 0) options.onCreated?.();
      for (let step = oldVersion; step < (newVersion ?? version); step++) {
        UPGRADES[step]!(db, tx);
        options.afterUpgradeStep?.(step, tx);
      }
    },
    blocked() {
      // An older worker still holds the database; it closes on `versionchange` (below) and we proceed.
    },
    blocking() {
      // A newer version wants the database: let it upgrade instead of stalling both.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
    terminated() {
      // The browser closed the connection (its data was cleared, or the disk failed): the next getDB()
      // opens again, and finding the database gone, restores the reader's data from the copies.
      dbPromise = null;
    },
  });
}

let dbPromise: Promise<IDBPDatabase<SpecScoutDB>> | null = null;

/** The worker's shared connection, reopened after a `versionchange`; opened with recovery (below). */
export function getDB(): Promise<IDBPDatabase<SpecScoutDB>> {
  if (!dbPromise) {
    dbPromise = openWithRecovery().catch((error: unknown) => {
      dbPromise = null;
      throw error;
    });
  }
  return dbPromise;
}

// ---------------------------------------------------------------------------------------------------------
// Problems and recovery

/** storage.local key of the storage problems the options page shows (newest last). */
export const STORAGE_PROBLEMS_KEY = 'storageProblems';
const MAX_PROBLEMS = 10;

export interface StorageProblem {
  at: string;
  kind: 'open-failed' | 'store-missing' | 'lost' | 'malformed' | 'quota' | 'write-failed';
  message: string;
}

/**
 * Remembers a storage problem outside IndexedDB (the database may be what is broken or full): a short list
 * in storage.local, which has its own quota. Never throws.
 */
export async function recordStorageProblem(kind: StorageProblem['kind'], message: string, now = new Date()): Promise<void> {
  console.warn(`SpecScout: storage problem (${kind}): ${message}`);
  try {
    const previous = (await browser.storage.local.get(STORAGE_PROBLEMS_KEY))[STORAGE_PROBLEMS_KEY];
    const list = Array.isArray(previous) ? (previous as StorageProblem[]) : [];
    const problem: StorageProblem = { at: now.toISOString(), kind, message: message.slice(0, 500) };
    await browser.storage.local.set({ [STORAGE_PROBLEMS_KEY]: [...list, problem].slice(-MAX_PROBLEMS) });
  } catch (error) {
    console.warn('SpecScout: the storage problem could not be recorded either', error);
  }
}

export async function readStorageProblems(): Promise<StorageProblem[]> {
  try {
    const value = (await browser.storage.local.get(STORAGE_PROBLEMS_KEY))[STORAGE_PROBLEMS_KEY];
    return Array.isArray(value) ? (value as StorageProblem[]).filter((p) => typeof p?.message === 'string' && typeof p.at === 'string') : [];
  } catch {
    return [];
  }
}

/** True for the error a full disk or an exhausted quota gives (DOMException name, or wrapped in an abort). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

type RecreatedListener = () => Promise<void> | void;
const recreatedListeners: RecreatedListener[] = [];

/**
 * Called after the database was deleted and created again: the worker reinstalls the shipped index and
 * restores follows from storage.sync here (registered in background/index.ts).
 */
export function onDatabaseRecreated(listener: RecreatedListener): void {
  recreatedListeners.push(listener);
}

function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

/** What of the reader's own data an unhealthy database still gives up: follows and settings. */
interface Salvage {
  follows: FollowRecord[];
  settings: MetaRow[];
}

async function salvage(db: IDBPDatabase<SpecScoutDB>): Promise<Salvage> {
  const read = async <T>(store: 'follows' | 'settings'): Promise<T[]> => {
    if (!db.objectStoreNames.contains(store)) return [];
    try {
      return (await db.getAll(store)) as T[];
    } catch {
      return [];
    }
  };
  return { follows: (await read<unknown>('follows')).flatMap((f) => repairFollow(f) ?? []), settings: await read<MetaRow>('settings') };
}

const FOLLOW_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A follow record as the current code expects it, or null when not even its id can be read. Missing or
 * malformed fields get safe values (a null snapshot makes the next reconciliation take today's record
 * as the baseline, telling nothing), so a damaged record never costs the reader the follow itself.
 */
export function repairFollow(value: unknown, now = new Date()): FollowRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof FollowRecord, unknown>>;
  if (typeof v.id !== 'string' || v.id.length > 200 || !FOLLOW_ID.test(v.id)) return null;
  const since = typeof v.since === 'string' && !Number.isNaN(Date.parse(v.since)) ? v.since : now.toISOString();
  const snapshot = v.snapshot;
  const snapshotOk =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    (snapshot as Partial<Device>).id === v.id &&
    typeof (snapshot as Partial<Device>).name === 'string' &&
    Array.isArray((snapshot as Partial<Device>).status) &&
    Array.isArray((snapshot as Partial<Device>).names);
  return { id: v.id, since, muted: v.muted === true, snapshot: snapshotOk ? (snapshot as Device) : null };
}

/** Rewrites malformed follow records in place (dropping only those without a readable id). */
async function repairFollows(db: IDBPDatabase<SpecScoutDB>): Promise<number> {
  const tx = db.transaction('follows', 'readwrite');
  let repaired = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const value = cursor.value as Partial<FollowRecord>;
    const fixed = repairFollow(value);
    // Compared field by field (the snapshot by identity: repairFollow keeps a good one as is).
    if (fixed && fixed.id === value.id && fixed.since === value.since && fixed.muted === value.muted && fixed.snapshot === value.snapshot) continue;
    repaired++;
    await (fixed && fixed.id === cursor.key ? cursor.update(fixed) : cursor.delete());
  }
  await tx.done;
  return repaired;
}

async function rebuild(name: string, kept: Salvage): Promise<IDBPDatabase<SpecScoutDB>> {
  await deleteDB(name, {
    blocked() {
      // Another connection of ours is still open: it closes on `versionchange` (openSpecScoutDB's `blocking`).
    },
  });
  const db = await openSpecScoutDB(name);
  if (kept.follows.length > 0 || kept.settings.length > 0) {
    const tx = db.transaction(['follows', 'settings'], 'readwrite');
    await Promise.all([...kept.follows.map((f) => tx.objectStore('follows').put(f)), ...kept.settings.map((s) => tx.objectStore('settings').put(s))]);
    await tx.done;
  }
  return db;
}

let recovery: Promise<void> = Promise.resolve();

/** Resolves when the recreated-listeners of the last rebuild have finished (tests, and diagnostics). */
export function whenRecovered(): Promise<void> {
  return recovery;
}

/**
 * Runs the recreated-listeners after the connection is handed out, not before: they use getDB() themselves,
 * and awaiting them inside the open would wait on itself.
 */
function scheduleRecreated(): void {
  recovery = Promise.resolve().then(tellRecreated);
}

async function tellRecreated(): Promise<void> {
  for (const listener of recreatedListeners) {
    try {
      await listener();
    } catch (error) {
      console.warn('SpecScout: recovering after the database was rebuilt failed', error);
    }
  }
}

/**
 * Opens the database; if it cannot be opened (twice), deletes and recreates it; if a store is missing,
 * rebuilds it keeping the follows and settings it can still read; repairs malformed follow records. Each
 * problem is recorded for the options page, and the recreated-listeners reinstall the index and restore
 * follows from sync.
 */
export async function openWithRecovery(name = DB_NAME): Promise<IDBPDatabase<SpecScoutDB>> {
  let db: IDBPDatabase<SpecScoutDB>;
  let created = false;
  const onCreated = () => {
    created = true;
  };
  try {
    db = await openSpecScoutDB(name, DB_VERSION, { onCreated }).catch(() => openSpecScoutDB(name, DB_VERSION, { onCreated }));
  } catch (error) {
    await recordStorageProblem(
      'open-failed',
      `The database could not be opened (${describeError(error)}). It was rebuilt; the index is reinstalled and your follows and settings are restored from their copies.`,
    );
    db = await rebuild(name, { follows: [], settings: [] });
    await restoreReaderData(db);
    scheduleRecreated();
    return db;
  }
  const missing = STORE_NAMES.filter((store) => !db.objectStoreNames.contains(store));
  if (missing.length > 0) {
    const kept = await salvage(db);
    db.close();
    await recordStorageProblem(
      'store-missing',
      `The database lacked ${missing.join(', ')}. It was rebuilt keeping ${kept.follows.length} follows and the settings.`,
    );
    db = await rebuild(name, kept);
    await restoreReaderData(db);
    scheduleRecreated();
    return db;
  }
  if (created) {
    // A new database: a first install (nothing to restore), or one lost under a running worker or deleted
    // (the copies give the reader's data back before any handler can write over them).
    const outcome = await restoreReaderData(db);
    if (outcome.lost) {
      await recordStorageProblem('lost', 'The database was gone; it was created again, and the index is reinstalled.');
      scheduleRecreated();
    }
    return db;
  }
  try {
    const repaired = await repairFollows(db);
    if (repaired > 0) await recordStorageProblem('malformed', `${repaired} damaged follow record(s) were repaired.`);
  } catch (error) {
    // Repair is best effort: an unreadable follows store still leaves the rest of the database usable.
    console.warn('SpecScout: follows could not be checked', error);
  }
  return db;
}

/** Forgets the shared connection (tests, and after deleting a corrupt database). */
export async function closeDB(): Promise<void> {
  const pending = dbPromise;
  dbPromise = null;
  if (pending) (await pending.catch(() => null))?.close();
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const row = await (await getDB()).get('meta', key);
  return row?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await getDB()).put('meta', { key, value });
}

/**
 * Aborts a write transaction after a failure and waits for it to end. A request that throws (rather than
 * fails) leaves the transaction open, and an open transaction commits what it has: aborting keeps a failed
 * write from keeping half of itself. Never throws.
 */
export async function abortQuietly(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already aborted (a failed request aborts it) or finished.
  }
  await tx.done.catch(() => undefined);
}
