// SpecScout's IndexedDB: the device index, its name table, follows, settings and meta, in one
// versioned schema. Each upgrade step is a function of the old version so a database of any earlier
// version upgrades in one versionchange transaction (IndexedDB aborts it whole if the worker dies).
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Device } from '../core/schema';

export const DB_NAME = 'specscout';
export const DB_VERSION = 2;

export interface FollowRecord {
  id: string;
  /** ISO timestamp. */
  since: string;
  muted: boolean;
  /** The record as last told to the reader; changes are diffed against it. */
  snapshot: Device | null;
}

export interface NameRow {
  /** Normalised name or code (core/names.ts). */
  key: string;
  id: string;
  kind: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SpecScoutDB extends DBSchema {
  devices: { key: string; value: Device; indexes: { brand: string } };
  names: { key: [string, string]; value: NameRow; indexes: { key: string; id: string } };
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

/** Upgrade steps: index i takes a database from version i to i + 1. Never edit a shipped step. */
const UPGRADES: ((db: IDBPDatabase<SpecScoutDB>, tx: UpgradeTx) => void)[] = [
  // 0 -> 1: the first schema.
  (db) => {
    const devices = db.createObjectStore('devices', { keyPath: 'id' });
    devices.createIndex('brand', 'brand');
    const names = db.createObjectStore('names', { keyPath: ['key', 'id'] });
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
];

export function openSpecScoutDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<SpecScoutDB>> {
  if (version > UPGRADES.length) throw new Error(`no upgrade path to database version ${version}`);
  return openDB<SpecScoutDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) UPGRADES[step]!(db, tx);
    },
    blocked() {
      // An older worker still holds the database; it closes on `versionchange` (below) and we proceed.
    },
    blocking() {
      // A newer version wants the database: let it upgrade instead of stalling both.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
}

let dbPromise: Promise<IDBPDatabase<SpecScoutDB>> | null = null;

/** The worker's shared connection, reopened after a `versionchange` or a failed open. */
export function getDB(): Promise<IDBPDatabase<SpecScoutDB>> {
  if (!dbPromise) {
    dbPromise = openSpecScoutDB().catch((error: unknown) => {
      dbPromise = null;
      throw error;
    });
  }
  return dbPromise;
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
