// Followed devices: follow/unfollow/mute, the log of what changed since the reader last looked (with the
// action badge), and reconciliation — diffing each follow's snapshot (the record as last told) against
// the installed record after any index change, remembering told change keys so nothing is told twice.
// Follows live in IndexedDB, copied to storage.local and storage.sync after every change (reader-copies.ts).
import { browser } from 'wxt/browser';
import { diffDevice, type DeviceChange } from '../../core/changes';
import { stableStringify } from '../../core/feed';
import type { Device } from '../../core/schema';
import { getDB, type FollowRecord } from '../../utils/db';
import type { ChangeNote, DeviceSummary, FollowEntry } from '../../utils/protocol';
import { normalizeSettings, statusRegion } from '../../utils/settings-model';
import { MAX_FOLLOWS } from '../../utils/reader-data';
import { isSyncBehind, readLocalCopy, readSyncCopy } from '../../utils/reader-copies';
import { copyReaderData } from '../../utils/reader-recovery';
import { peekDevices, summarize } from './index-store';
import { notifyChanges, type NotifyOutcome } from './notifier';

export const CHANGE_LOG_KEY = 'changeLog';
export const TOLD_KEYS_KEY = 'toldKeys';
/** Newest changes kept for the popup. */
const MAX_LOG = 200;
/** Told keys kept (oldest dropped first); far more than a reader's follows produce in years. */
const MAX_TOLD = 5000;

export interface LoggedChange extends ChangeNote {
  key: string;
  seen: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Serialising: reconciliations and follow edits touch the same rows; one at a time keeps them simple.

let chain: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------------------------------------
// Copies outside the database (utils/reader-copies.ts): storage.local holds all, storage.sync what fits.

/** The follow ids storage.sync holds, sorted. */
export async function readSyncIds(): Promise<string[]> {
  return ((await readSyncCopy())?.follows ?? []).map((f) => f.id).sort();
}

/**
 * Restores follows when the database has none but a copy has some: the local copy, else storage.sync
 * unless a sync write is pending (then sync may still hold follows the reader has since removed). This is
 * how a new browser signed in to the same account gets the follows once sync has arrived. Snapshots are
 * left empty, so the next reconciliation takes today's records as the baseline and tells nothing.
 */
export function restoreFollowsFromCopies(now = new Date()): Promise<number> {
  return serial(async () => {
    const local = await readLocalCopy();
    let follows = local.state === 'ok' ? local.copy.follows : [];
    if (follows.length === 0 && !(await isSyncBehind())) follows = (await readSyncCopy())?.follows ?? [];
    if (follows.length === 0) return 0;
    const db = await getDB();
    const tx = db.transaction('follows', 'readwrite');
    if ((await tx.store.count()) > 0) {
      await tx.done;
      return 0;
    }
    const restored = follows.slice(0, MAX_FOLLOWS);
    await Promise.all(restored.map((f) => tx.store.put({ id: f.id, since: f.since || now.toISOString(), muted: f.muted, snapshot: null })));
    await tx.done;
    await copyReaderData(db);
    return restored.length;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Follow, mute, list

export function setFollow(id: string, follow: boolean, now = new Date()): Promise<{ following: boolean }> {
  return serial(async () => {
    // The record is read through index-store, not in this transaction: during a first install the devices
    // store is held by the install's write, and index-store serves the same records from memory meanwhile.
    const db = await getDB();
    const device = follow ? (await peekDevices([id]))[0] : undefined;
    if (follow && !device) throw new Error(`no device "${id}" in the index`);
    const tx = db.transaction('follows', 'readwrite');
    const follows = tx.objectStore('follows');
    if (follow) {
      const existing = await follows.get(id);
      if (!existing && (await follows.count()) >= MAX_FOLLOWS) {
        await tx.done;
        throw new Error(`You follow ${MAX_FOLLOWS.toLocaleString('en')} devices, the most SpecScout keeps. Unfollow one to follow another.`);
      }
      if (!existing) await follows.put({ id, since: now.toISOString(), muted: false, snapshot: device! });
    } else {
      await follows.delete(id);
    }
    await tx.done;
    await copyReaderData(db);
    if (!follow) await refreshBadge();
    return { following: follow };
  });
}

export function setMuted(id: string, muted: boolean): Promise<{ muted: boolean }> {
  return serial(async () => {
    const db = await getDB();
    const tx = db.transaction('follows', 'readwrite');
    const existing = await tx.store.get(id);
    if (!existing) {
      await tx.done;
      throw new Error(`"${id}" is not followed`);
    }
    await tx.store.put({ ...existing, muted });
    await tx.done;
    await copyReaderData(db);
    return { muted };
  });
}

async function readLog(): Promise<LoggedChange[]> {
  return listOf((await (await getDB()).get('meta', CHANGE_LOG_KEY))?.value).filter(isLogged);
}

/** A stored list, or none when the row is missing or malformed (a damaged row must not stop reconciliation). */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isLogged(value: unknown): value is LoggedChange {
  const v = value as Partial<LoggedChange> | null;
  return typeof v === 'object' && v !== null && typeof v.key === 'string' && typeof v.deviceId === 'string' && typeof v.text === 'string';
}

function toNote(c: LoggedChange): ChangeNote {
  return { deviceId: c.deviceId, kind: c.kind, text: c.text, at: c.at };
}

function fallbackSummary(id: string): DeviceSummary {
  return { id, brand: '', name: id, category: 'other', status: null, keySpecs: [], following: true };
}

export async function listFollows(): Promise<FollowEntry[]> {
  const db = await getDB();
  const follows = await db.getAll('follows');
  // Through index-store, which serves them from memory during a first install (see setFollow).
  const devices = await peekDevices(follows.map((f) => f.id));
  const unseen = (await readLog()).filter((c) => !c.seen);
  const region = statusRegion(normalizeSettings((await db.get('settings', 'settings'))?.value));
  const entries = follows.map((f, i): FollowEntry => {
    // A device that left the index is still shown as last told, so the reader can unfollow it.
    const record = devices[i] ?? f.snapshot;
    return {
      summary: record ? summarize(record, true, region) : fallbackSummary(f.id),
      since: f.since,
      muted: f.muted,
      unseenChanges: unseen.filter((c) => c.deviceId === f.id).map(toNote),
    };
  });
  // Devices with news first, then by name.
  return entries.sort(
    (a, b) =>
      b.unseenChanges.length - a.unseenChanges.length ||
      `${a.summary.brand} ${a.summary.name}`.localeCompare(`${b.summary.brand} ${b.summary.name}`),
  );
}

/** Changes recorded for followed devices, newest first. */
export async function recentChanges(limit = 50): Promise<ChangeNote[]> {
  return (await readLog()).slice(-limit).reverse().map(toNote);
}

export function markChangesSeen(): Promise<{ ok: true }> {
  return serial(async () => {
    const db = await getDB();
    const tx = db.transaction('meta', 'readwrite');
    const log = listOf((await tx.store.get(CHANGE_LOG_KEY))?.value).filter(isLogged);
    await tx.store.put({ key: CHANGE_LOG_KEY, value: log.map((c) => ({ ...c, seen: true })) });
    await tx.done;
    await setBadge(0);
    return { ok: true as const };
  });
}

async function setBadge(count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 99)) : '' });
  } catch (error) {
    console.debug('SpecScout: badge not set', error);
  }
}

/** Badge = unseen changes of devices still followed. The browser forgets the badge on restart: call at start. */
export async function refreshBadge(): Promise<number> {
  const db = await getDB();
  const followed = new Set(await db.getAllKeys('follows'));
  const count = (await readLog()).filter((c) => !c.seen && followed.has(c.deviceId)).length;
  await setBadge(count);
  return count;
}

// ---------------------------------------------------------------------------------------------------------
// Reconciliation

export interface ReconcileResult {
  /** Changes recorded now (not told before). */
  recorded: DeviceChange[];
  notified: NotifyOutcome;
}

/**
 * Diffs every follow's snapshot against the installed record, records what was not told before and moves
 * the snapshots forward — in one transaction, so a worker killed mid-way neither loses nor repeats news —
 * then notifies. Cheap when nothing changed, so it runs after every index change and every refresh.
 */
export function reconcileFollows(now = new Date()): Promise<ReconcileResult> {
  return serial(async () => {
    const db = await getDB();
    const tx = db.transaction(['follows', 'devices', 'meta', 'settings'], 'readwrite');
    const settings = normalizeSettings((await tx.objectStore('settings').get('settings'))?.value);
    const follows: FollowRecord[] = await tx.objectStore('follows').getAll();
    const records = await Promise.all(follows.map((f) => tx.objectStore('devices').get(f.id)));
    const meta = tx.objectStore('meta');
    const told = new Set(listOf((await meta.get(TOLD_KEYS_KEY))?.value).filter((k): k is string => typeof k === 'string'));
    const toldOrder = [...told];
    const log = listOf((await meta.get(CHANGE_LOG_KEY))?.value).filter(isLogged);

    const recorded: { change: DeviceChange; muted: boolean }[] = [];
    const writes: Promise<unknown>[] = [];
    follows.forEach((follow, i) => {
      const current: Device | undefined = records[i];
      if (follow.snapshot === null) {
        // Followed before the index knew it (an import): the first record seen is the baseline, not news.
        if (current) writes.push(tx.objectStore('follows').put({ ...follow, snapshot: current }));
        return;
      }
      const changes = diffDevice(follow.snapshot, current, settings.region).filter((c) => !told.has(c.key));
      for (const change of changes) {
        // A correction withdraws earlier news: if that status comes true after all, it is news again.
        for (const key of change.retracts ?? []) {
          if (told.delete(key)) toldOrder.splice(toldOrder.indexOf(key), 1);
        }
        told.add(change.key);
        toldOrder.push(change.key);
        recorded.push({ change, muted: follow.muted });
        log.push({ deviceId: change.deviceId, kind: change.kind, text: change.text, at: now.toISOString(), key: change.key, seen: false });
      }
      // A device that disappeared keeps its last snapshot: if it returns, it is compared with what was told.
      if (current && stableStringify(current) !== stableStringify(follow.snapshot)) writes.push(tx.objectStore('follows').put({ ...follow, snapshot: current }));
    });
    if (recorded.length > 0) {
      writes.push(meta.put({ key: TOLD_KEYS_KEY, value: toldOrder.slice(-MAX_TOLD) }));
      writes.push(meta.put({ key: CHANGE_LOG_KEY, value: log.slice(-MAX_LOG) }));
    }
    await Promise.all(writes);
    await tx.done;

    const notified = await notifyChanges(recorded, settings, now);
    if (recorded.length > 0) await refreshBadge();
    return { recorded: recorded.map((r) => r.change), notified };
  });
}

/**
 * Registered with index-store's `onIndexReplaced` at worker start: after a shipped index is installed or a
 * feed applied, follows are restored from their copies if the database has none, then diffed.
 */
export async function afterIndexReplaced(): Promise<void> {
  await restoreFollowsFromCopies();
  await reconcileFollows();
}
