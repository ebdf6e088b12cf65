// Between the database and the copies of the reader's data (reader-copies.ts): after every change to
// follows or settings the copies are rewritten from the database, and a database that is new (lost under
// a running worker, deleted, rebuilt after corruption, or a first install signed in to sync) is filled
// from them before anyone else uses it: the local copy first, storage.sync when there is none. The reader
// is told what was restored and what could not be.
import type { IDBPDatabase } from 'idb';
import type { SpecScoutDB } from './db';
import type { Settings } from './protocol';
import { MAX_FOLLOWS, type ReaderFollow } from './reader-data';
import { addDataNotice, readLocalCopy, readSyncCopy, writeCopies } from './reader-copies';
import { normalizeSettings, SETTINGS_VERSION } from './settings-model';

/** The settings row's key in the `settings` store. */
export const SETTINGS_KEY = 'settings';

/** Follows (without snapshots) and settings as the database holds them now. */
export async function readReaderData(db: IDBPDatabase<SpecScoutDB>): Promise<{ follows: ReaderFollow[]; settings: Settings | null }> {
  const tx = db.transaction(['follows', 'settings']);
  const [follows, row] = await Promise.all([tx.objectStore('follows').getAll(), tx.objectStore('settings').get(SETTINGS_KEY)]);
  await tx.done;
  return { follows: follows.map(({ id, since, muted }) => ({ id, since, muted })), settings: row ? normalizeSettings(row.value) : null };
}

let chain: Promise<unknown> = Promise.resolve();
let queued: Promise<void> | null = null;
/** The connection the queued copy reads: the newest one handed in (an older one may have closed since). */
let latest: IDBPDatabase<SpecScoutDB> | null = null;

/**
 * Rewrites the copies from the database. Calls are serialised and a call made while one waits shares it:
 * each write reads the database when it starts, so the last change is always the one copied. Never throws.
 */
export function copyReaderData(db: IDBPDatabase<SpecScoutDB>): Promise<void> {
  latest = db;
  if (queued) return queued;
  const run = chain.then(async () => {
    queued = null;
    try {
      await writeCopies(await readReaderData(latest ?? db));
    } catch (error) {
      console.warn('SpecScout: follows and settings could not be copied', error);
    }
  });
  queued = run;
  chain = run;
  return run;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export interface RestoreOutcome {
  /** A copy said the reader had data here before: the database was lost, not new. */
  lost: boolean;
  follows: number;
  settings: boolean;
}

/**
 * Fills a new or rebuilt database with what it lacks (follows when it has none, settings when it has no
 * row) from the local copy, else from sync; says so in a notice. Snapshots are left empty: the first record
 * seen becomes the baseline, so restoring tells no change twice.
 */
export async function restoreReaderData(db: IDBPDatabase<SpecScoutDB>, now = new Date()): Promise<RestoreOutcome> {
  const local = await readLocalCopy().catch(() => ({ state: 'unreadable' as const }));
  let source: 'local' | 'sync' | null = null;
  let follows: ReaderFollow[] = [];
  let settings: Settings | null = null;
  let missing = 0;
  let settingsLost = false;
  if (local.state === 'ok') {
    source = 'local';
    follows = local.copy.follows;
    settings = local.copy.settings ? normalizeSettings(local.copy.settings) : null;
  } else {
    const synced = await readSyncCopy();
    if (synced) {
      source = 'sync';
      follows = synced.follows;
      missing = synced.total - synced.follows.length;
      settings = synced.settings !== undefined ? normalizeSettings(synced.settings) : null;
      // A reader who had data here (an unreadable local copy) and whose settings did not fit in sync.
      settingsLost = local.state === 'unreadable' && synced.settings === undefined;
    }
  }
  // The copies are read above, before the transaction opens: awaiting storage inside it would commit it early.
  const tx = db.transaction(['follows', 'settings'], 'readwrite');
  const [followCount, settingsRow] = await Promise.all([tx.objectStore('follows').count(), tx.objectStore('settings').get(SETTINGS_KEY)]);
  const writeFollows = followCount === 0 ? follows.slice(0, MAX_FOLLOWS) : [];
  const writeSettings = settingsRow === undefined && settings !== null;
  await Promise.all([
    ...writeFollows.map((f) =>
      tx.objectStore('follows').put({ id: f.id, since: f.since || now.toISOString(), muted: f.muted, snapshot: null }),
    ),
    ...(writeSettings ? [tx.objectStore('settings').put({ key: SETTINGS_KEY, value: { ...settings!, version: SETTINGS_VERSION } })] : []),
  ]);
  await tx.done;

  const lost = local.state !== 'absent';
  const restored = writeFollows.length > 0 || writeSettings;
  if (restored) {
    const what = [
      ...(writeFollows.length > 0 ? [plural(writeFollows.length, 'follow')] : []),
      ...(writeSettings ? ['your settings'] : []),
    ].join(' and ');
    const from = source === 'local' ? 'the copy kept in this browser' : 'Chrome sync';
    await addDataNotice('restored', `${lost ? 'SpecScout’s database was lost. ' : ''}Restored ${what} from ${from}.`, now);
  }
  if (local.state === 'unreadable' && !restored) {
    await addDataNotice('lost', 'SpecScout’s database was lost and no copy of your follows and settings could be read: they start empty.', now);
  } else if (missing > 0 || settingsLost) {
    const parts = [...(missing > 0 ? [`${plural(missing, 'follow')} did not fit in Chrome sync and could not be restored`] : []), ...(settingsLost ? ['your settings were not in sync and are back to their defaults'] : [])];
    await addDataNotice('lost', `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()), now);
  }
  // The copies now describe this database (a restore from sync also makes the local copy again).
  if (restored || source === 'sync') await copyReaderData(db);
  return { lost, follows: writeFollows.length, settings: writeSettings };
}
