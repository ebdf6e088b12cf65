// The two copies of the reader's follows and settings kept outside IndexedDB, so that losing the database
// loses neither. storage.local holds all of it, rewritten after every change (10 MB quota, far above the
// largest data SpecScout accepts). storage.sync holds what fits Chrome's sync quota (100 KB in all, 8 KB
// per item): follow ids first, then settings, then mute flags; what did not fit is said in the sync state
// (storage.local `syncState`), which the options page shows. A sync write that fails (over the write-rate
// limit, no account, a full quota) leaves the state "pending" and is tried again by an alarm, at the next
// worker start and with the next change, each time from the local copy, so the last change always wins.
import { browser } from 'wxt/browser';
import type { DataNotice, Settings, SyncStatus } from './protocol';
import { isDeviceId, type ReaderFollow } from './reader-data';

/** storage.local: the full copy. */
export const LOCAL_COPY_KEY = 'readerCopy';
/** Version of the local copy's shape; a reader of version n reads every version up to n. */
export const LOCAL_COPY_VERSION = 1;
/** storage.local: what the last sync write did (SyncStatus). */
export const SYNC_STATE_KEY = 'syncState';
/** The alarm that retries a failed sync write. */
export const SYNC_RETRY_ALARM = 'specscout-sync-retry';

/** storage.sync item prefixes. `followIds.` is the layout of the first release (ids only) and still read. */
export const SYNC_FOLLOWS = 'followIds.';
const SYNC_MUTED = 'mutedIds.';
const SYNC_SETTINGS = 'settings.';
const SYNC_PREFIXES = [SYNC_FOLLOWS, SYNC_MUTED, SYNC_SETTINGS];

/** Chrome's storage.sync limits (chrome.storage.sync.QUOTA_BYTES and QUOTA_BYTES_PER_ITEM). */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
/** Kept free under the quota: Chrome's own accounting of an item may differ from ours by a few bytes. */
const SYNC_MARGIN = 1024;

export interface ReaderCopy {
  version: typeof LOCAL_COPY_VERSION;
  savedAt: string;
  follows: ReaderFollow[];
  /** null: the database has no settings row (the reader never changed one; defaults apply). */
  settings: Settings | null;
}

// ---------------------------------------------------------------------------------------------------------
// The local copy

/**
 * The local copy as stored, or why it cannot be used: `absent` (never written: a first install) or
 * `unreadable` (written by an unknown version, or damaged: data existed but this copy cannot give it back).
 */
export async function readLocalCopy(): Promise<{ state: 'ok'; copy: ReaderCopy } | { state: 'absent' | 'unreadable' }> {
  let value: unknown;
  try {
    value = (await browser.storage.local.get(LOCAL_COPY_KEY))[LOCAL_COPY_KEY];
  } catch {
    return { state: 'unreadable' };
  }
  if (value === undefined || value === null) return { state: 'absent' };
  const v = value as Partial<ReaderCopy>;
  if (v.version !== LOCAL_COPY_VERSION || !Array.isArray(v.follows) || typeof v.savedAt !== 'string') return { state: 'unreadable' };
  // Each entry was valid when written; a damaged one is dropped rather than costing the others.
  const follows = v.follows.filter(
    (f): f is ReaderFollow => isDeviceId((f as Partial<ReaderFollow>)?.id) && typeof f.since === 'string' && typeof f.muted === 'boolean',
  );
  const settings = typeof v.settings === 'object' && v.settings !== null ? v.settings : null;
  return { state: 'ok', copy: { version: LOCAL_COPY_VERSION, savedAt: v.savedAt, follows, settings } };
}

// ---------------------------------------------------------------------------------------------------------
// The sync copy: items, sizes and what fits

type SyncItems = Record<string, string | number>;

const encoder = new TextEncoder();

/** Bytes Chrome counts for an item: its key plus its value as JSON (UTF-8). */
export function syncItemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

/** Bytes of one item's value, kept below the per-item quota by the key's length and more. */
const CHUNK_LIMIT = SYNC_QUOTA_BYTES_PER_ITEM - 64;

/**
 * `text` cut into items `${prefix}0..n-1` plus `${prefix}count`, each within the per-item quota once
 * JSON-escaped (settings text is JSON itself, so its quotes double). Cuts fall between code points.
 */
function chunked(prefix: string, text: string): SyncItems {
  const items: SyncItems = {};
  let n = 0;
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < text.length; ) {
    // UTF-8 bytes of this code point inside a JSON string, as JSON.stringify escapes it.
    const code = text.charCodeAt(i);
    let width = 1;
    let cost = 3;
    if (code < 0x80) cost = code < 0x20 || code === 0x22 || code === 0x5c ? JSON.stringify(text[i]).length - 2 : 1;
    else if (code < 0x800) cost = 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cost = 4;
      width = 2;
    } else if (code >= 0xd800 && code <= 0xdfff) cost = 6; // a lone surrogate is written as \uXXXX
    if (bytes + cost > CHUNK_LIMIT) {
      items[`${prefix}${n++}`] = text.slice(start, i);
      start = i;
      bytes = 2;
    }
    bytes += cost;
    i += width;
  }
  if (start < text.length) items[`${prefix}${n++}`] = text.slice(start);
  items[`${prefix}count`] = n;
  return items;
}

/** The bytes chunked(prefix, text) takes for an ASCII text of `length` characters that JSON escapes nothing of (ids). */
function asciiChunkedBytes(prefix: string, length: number): number {
  const perChunk = CHUNK_LIMIT - 2;
  const chunks = Math.ceil(length / perChunk);
  let bytes = length + `${prefix}count`.length + String(chunks).length;
  for (let i = 0; i < chunks; i++) bytes += `${prefix}${i}`.length + 2;
  return bytes;
}

function bytesOf(items: SyncItems): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += syncItemBytes(key, value);
  return total;
}

export interface SyncPlan {
  items: SyncItems;
  followsInSync: number;
  followsTotal: number;
  settingsInSync: boolean;
  mutedInSync: boolean;
  bytes: number;
}

/**
 * What of `copy` goes to storage.sync within `budget` bytes: all follow ids if they fit, else the most
 * recently followed that do; then the settings whole or not at all; then the mute flags.
 */
export function planSync(copy: Pick<ReaderCopy, 'follows' | 'settings'>, budget = SYNC_QUOTA_BYTES - SYNC_MARGIN): SyncPlan {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const newestFirst = [...copy.follows].sort((a, b) => order(b.since, a.since) || order(a.id, b.id));
  const idItems = (count: number): SyncItems => ({
    ...chunked(SYNC_FOLLOWS, newestFirst.slice(0, count).map((f) => f.id).sort().join(',')),
    [`${SYNC_FOLLOWS}total`]: copy.follows.length,
  });
  // The largest number of follows whose ids fit. Ids are ASCII slugs, so their size is counted from their
  // lengths (prefix sums) instead of building the items for every count tried.
  const prefix = [0];
  for (const f of newestFirst) prefix.push(prefix.at(-1)! + f.id.length);
  const totalBytes = syncItemBytes(`${SYNC_FOLLOWS}total`, copy.follows.length);
  const idBytes = (count: number) => asciiChunkedBytes(SYNC_FOLLOWS, count === 0 ? 0 : prefix[count]! + count - 1) + totalBytes;
  let low = 0;
  let high = newestFirst.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (idBytes(mid) <= budget) low = mid;
    else high = mid - 1;
  }
  const items = idItems(low);
  const kept = new Set(newestFirst.slice(0, low).map((f) => f.id));
  let used = bytesOf(items);
  let settingsInSync = copy.settings === null;
  const settingsText = copy.settings === null ? '' : JSON.stringify(copy.settings);
  // Every character takes at least a byte: settings longer than the room left cannot fit, without cutting them.
  if (copy.settings !== null && settingsText.length <= budget - used) {
    const settingsItems = chunked(SYNC_SETTINGS, settingsText);
    const size = bytesOf(settingsItems);
    if (used + size <= budget) {
      Object.assign(items, settingsItems);
      used += size;
      settingsInSync = true;
    }
  }
  const muted = copy.follows.filter((f) => f.muted && kept.has(f.id)).map((f) => f.id).sort();
  const mutedItems = chunked(SYNC_MUTED, muted.join(','));
  const mutedSize = bytesOf(mutedItems);
  const mutedInSync = used + mutedSize <= budget;
  if (mutedInSync) {
    Object.assign(items, mutedItems);
    used += mutedSize;
  }
  return { items, followsInSync: low, followsTotal: copy.follows.length, settingsInSync, mutedInSync, bytes: used };
}

function joinChunks(all: Record<string, unknown>, prefix: string): string | null {
  const count = all[`${prefix}count`];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 512) return null;
  let text = '';
  for (let i = 0; i < count; i++) {
    const chunk = all[`${prefix}${i}`];
    if (typeof chunk !== 'string') return null;
    text += chunk;
  }
  return text;
}

export interface SyncCopy {
  follows: ReaderFollow[];
  /** How many follows the writer had (absent in the first release's layout, which held them all). */
  total: number;
  /** The settings as written (to be normalised), or undefined when sync holds none. */
  settings: unknown;
}

/** What storage.sync holds, in any layout SpecScout has written; null when it holds nothing of ours. */
export async function readSyncCopy(): Promise<SyncCopy | null> {
  let all: Record<string, unknown>;
  try {
    all = await browser.storage.sync.get(null);
  } catch {
    return null;
  }
  const ids = joinChunks(all, SYNC_FOLLOWS);
  if (ids === null) return null;
  const muted = new Set((joinChunks(all, SYNC_MUTED) ?? '').split(','));
  const follows = [...new Set(ids.split(','))].filter(isDeviceId).map((id) => ({ id, since: '', muted: muted.has(id) }));
  const total = all[`${SYNC_FOLLOWS}total`];
  let settings: unknown;
  const settingsText = joinChunks(all, SYNC_SETTINGS);
  if (settingsText) {
    try {
      settings = JSON.parse(settingsText);
    } catch {
      settings = undefined;
    }
  }
  return { follows, total: typeof total === 'number' && total >= follows.length ? total : follows.length, settings };
}

// ---------------------------------------------------------------------------------------------------------
// Writing both copies, and retrying sync

async function readSyncState(): Promise<SyncStatus | undefined> {
  try {
    return (await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncStatus | undefined;
  } catch {
    return undefined;
  }
}

/** What the last sync write did, for the options page. */
export async function syncStatus(): Promise<SyncStatus> {
  return (await readSyncState()) ?? { state: 'ok', followsInSync: 0, followsTotal: 0, settingsInSync: true, mutedInSync: true, bytes: 0, at: '' };
}

/** True while storage.sync may hold older data than the local copy (a write is pending). */
export async function isSyncBehind(): Promise<boolean> {
  const state = await readSyncState();
  return state?.state === 'pending';
}

/**
 * Minutes before a failed sync write is tried again: Chrome's write limits are per minute and per hour;
 * anything else (sync turned off by policy, no account) backs off to an hour so a retry never keeps the
 * worker awake.
 */
function retryDelay(message: string, failures: number): number {
  if (/PER_HOUR/i.test(message)) return 20;
  if (/PER_MINUTE/i.test(message)) return 1;
  return Math.min(60, 5 * 2 ** Math.min(failures, 4));
}

let copyChain: Promise<unknown> = Promise.resolve();
let queuedFlush: Promise<SyncStatus> | null = null;

/**
 * Writes the local copy (awaited: it is what a lost database is restored from), then brings storage.sync
 * in step. Never throws: a copy that cannot be written is reported in the sync state and the console.
 */
export async function writeCopies(data: Pick<ReaderCopy, 'follows' | 'settings'>, now = new Date()): Promise<SyncStatus> {
  const copy: ReaderCopy = { version: LOCAL_COPY_VERSION, savedAt: now.toISOString(), follows: data.follows, settings: data.settings };
  try {
    // Marked pending in the same write: a worker killed before sync is written retries at its next start.
    const previous = await readSyncState();
    await browser.storage.local.set({ [LOCAL_COPY_KEY]: copy, [SYNC_STATE_KEY]: { ...(previous ?? (await syncStatus())), state: 'pending' } });
  } catch (error) {
    console.warn('SpecScout: the local copy of follows and settings could not be written', error);
  }
  return flushSync(now);
}

/**
 * Writes storage.sync from the local copy. Calls made while one is waiting to start share it, so a burst
 * of changes costs one sync write, not one each (Chrome allows 120 a minute).
 */
export function flushSync(now = new Date()): Promise<SyncStatus> {
  if (queuedFlush) return queuedFlush;
  const run = copyChain.then(() => {
    queuedFlush = null;
    return writeSync(now);
  });
  queuedFlush = run;
  copyChain = run.catch(() => undefined);
  return run;
}

async function writeSync(now: Date): Promise<SyncStatus> {
  const local = await readLocalCopy();
  if (local.state !== 'ok') return syncStatus();
  const plan = planSync(local.copy);
  const base = {
    followsInSync: plan.followsInSync,
    followsTotal: plan.followsTotal,
    settingsInSync: plan.settingsInSync,
    mutedInSync: plan.mutedInSync,
    bytes: plan.bytes,
    at: now.toISOString(),
  };
  let status: SyncStatus;
  try {
    const current = await browser.storage.sync.get(null);
    // Only changed items are written and stale ones removed: each set or remove counts against the rate limit.
    const changed = Object.fromEntries(Object.entries(plan.items).filter(([key, value]) => current[key] !== value));
    const stale = Object.keys(current).filter((key) => SYNC_PREFIXES.some((p) => key.startsWith(p)) && !(key in plan.items));
    if (Object.keys(changed).length > 0) await browser.storage.sync.set(changed);
    if (stale.length > 0) await browser.storage.sync.remove(stale);
    const complete = plan.followsInSync === plan.followsTotal && plan.settingsInSync && plan.mutedInSync;
    status = { ...base, state: complete ? 'ok' : 'partial' };
    await browser.alarms.clear(SYNC_RETRY_ALARM).catch(() => false);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failures = ((await readSyncState())?.failures ?? 0) + 1;
    const delay = retryDelay(message, failures - 1);
    status = { ...base, state: 'pending', error: message.slice(0, 300), retryInMinutes: delay, failures };
    try {
      await browser.alarms.create(SYNC_RETRY_ALARM, { delayInMinutes: delay });
    } catch (alarmError) {
      console.warn('SpecScout: the sync retry could not be scheduled', alarmError);
    }
    console.debug('SpecScout: sync write failed; it is retried', error);
  }
  try {
    await browser.storage.local.set({ [SYNC_STATE_KEY]: status });
  } catch (error) {
    console.warn('SpecScout: the sync state could not be written', error);
  }
  return status;
}

/** At worker start and on the retry alarm: writes sync again if the last write did not finish. */
export async function resumeSync(now = new Date()): Promise<SyncStatus | null> {
  return (await isSyncBehind()) ? flushSync(now) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Notices: what the reader is told about restored or lost data (options page)

export const DATA_NOTICES_KEY = 'readerDataNotices';
const MAX_NOTICES = 10;

/** The notification that tells of restored or lost data; a click opens the options page (background/index.ts). */
export const DATA_NOTIFICATION_ID = 'specscout-data-notice';

/**
 * Remembers what the reader must know about their data (the options page lists it until dismissed) and
 * tells it at once in a notification, since a reader rarely opens the options page. Never throws.
 */
export async function addDataNotice(kind: DataNotice['kind'], message: string, now = new Date()): Promise<void> {
  console.warn(`SpecScout: ${message}`);
  try {
    const previous = (await browser.storage.local.get(DATA_NOTICES_KEY))[DATA_NOTICES_KEY];
    const list = Array.isArray(previous) ? (previous as DataNotice[]) : [];
    await browser.storage.local.set({ [DATA_NOTICES_KEY]: [...list, { at: now.toISOString(), kind, message }].slice(-MAX_NOTICES) });
  } catch (error) {
    console.warn('SpecScout: the notice could not be stored', error);
  }
  try {
    await browser.notifications.create(DATA_NOTIFICATION_ID, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'SpecScout', message });
  } catch (error) {
    console.debug('SpecScout: the notice was not shown as a notification', error);
  }
}

export async function readDataNotices(): Promise<DataNotice[]> {
  try {
    const value = (await browser.storage.local.get(DATA_NOTICES_KEY))[DATA_NOTICES_KEY];
    return Array.isArray(value) ? (value as DataNotice[]).filter((n) => typeof n?.message === 'string' && typeof n.at === 'string') : [];
  } catch {
    return [];
  }
}

export async function clearDataNotices(): Promise<void> {
  await browser.storage.local.remove(DATA_NOTICES_KEY);
}
