// How the index travels: the compact shipped form (public/index/index.json) and update feeds (snapshot or
// delta) with their checks. A feed comes from the network, so it is measured before it is parsed and
// validated before it replaces anything; `applyFeed` is pure and returns a new index.
//
// Shipped form (ShippedIndex), chosen for a fast JSON.parse in a freshly woken service worker:
//   { format: 1, version, builtFrom, sources: Source[], devices: PackedDevice[] }
// - `sources` is one table shared by all devices (tens of thousands of imported devices cite the same
//   two datasets); a packed device's `sources` holds indices into it.
// - In `names`, a plain string stands for { name, kind: "code" } (model codes are most of the names).
// - Empty `names` and `status` arrays are left out; object keys are sorted, so output is byte-stable.
// See docs/index-format.md for sizes and timings.

import type { Device, DeviceIndex, DeviceName, Source } from './schema';
import { currentStatus, STATUS_STAGE } from './status';
import { DEFAULT_LIMITS, deviceListProblems, isPartialDate, type ValidationLimits } from './validate';

export interface PackedDevice extends Omit<Device, 'sources' | 'names' | 'status'> {
  sources: number[];
  names?: (string | DeviceName)[];
  status?: Device['status'];
}

export interface ShippedIndex {
  format: 1;
  version: number;
  builtFrom: string;
  sources: Source[];
  devices: PackedDevice[];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted at every level, so equal data gives equal bytes. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The compact shipped form of an index (see the header for the layout). Devices keep their order. */
export function packIndex(index: DeviceIndex): ShippedIndex {
  const table = new Map<string, Source>();
  for (const d of index.devices) for (const s of d.sources) table.set(stableStringify(s), s);
  const keys = [...table.keys()].sort((a, b) => {
    const sa = table.get(a)!;
    const sb = table.get(b)!;
    return compareStrings(sa.id, sb.id) || compareStrings(a, b);
  });
  const position = new Map(keys.map((k, i) => [k, i]));
  const devices = index.devices.map((d): PackedDevice => {
    const { sources, names, status, ...rest } = d;
    const packed: PackedDevice = { ...rest, sources: sources.map((s) => position.get(stableStringify(s))!) };
    if (names.length > 0) {
      packed.names = names.map((n) => (n.kind === 'code' && n.region === undefined && n.carrier === undefined ? n.name : n));
    }
    if (status.length > 0) packed.status = status;
    return packed;
  });
  return { format: 1, version: index.version, builtFrom: index.builtFrom, sources: keys.map((k) => table.get(k)!), devices };
}

/** Back from the shipped form; throws on a source index that is out of range. */
export function unpackIndex(shipped: ShippedIndex): DeviceIndex {
  const devices = shipped.devices.map((p): Device => {
    const { sources, names, status, ...rest } = p;
    return {
      ...rest,
      names: (names ?? []).map((n) => (typeof n === 'string' ? { name: n, kind: 'code' } : n)),
      status: status ?? [],
      sources: sources.map((i) => {
        const s = shipped.sources[i];
        if (!s) throw new Error(`device ${p.id}: source #${i} is not in the table`);
        return s;
      }),
    };
  });
  return { format: 1, version: shipped.version, builtFrom: shipped.builtFrom, devices };
}

// ---------------------------------------------------------------------------------------------------------
// Update feeds

export interface SnapshotFeed {
  format: 1;
  kind: 'snapshot';
  version: number;
  /** Date of the newest fact in the feed (YYYY-MM-DD); defaults to the installed index's when absent. */
  builtFrom?: string;
  devices: Device[];
}

export interface DeltaFeed {
  format: 1;
  kind: 'delta';
  baseVersion: number;
  version: number;
  builtFrom?: string;
  upsert: Device[];
  /** Ids of devices to remove. */
  remove: string[];
}

export type Feed = SnapshotFeed | DeltaFeed;

export interface FeedLimits extends ValidationLimits {
  /** Largest feed accepted, in bytes of UTF-8, checked before parsing. */
  maxBytes: number;
  /** Most devices a snapshot (or a delta's upserts) may carry. */
  maxDevices: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  ...DEFAULT_LIMITS,
  maxBytes: 8 * 1024 * 1024,
  maxDevices: 100_000,
};

export type FeedResult = { ok: true; feed: Feed } | { ok: false; reason: string };

/** What a feed is checked against: the installed version, the reader's date, and the limits. */
export interface FeedContext {
  installedVersion: number;
  /** The reader's clock, passed in: versions later than it allows are refused. */
  now: Date;
  limits?: FeedLimits;
}

// ---------------------------------------------------------------------------------------------------------
// Bounds on what one update may do. A single response must never be able to wipe the index or pin it:
// versions are bounded by the date, removals by a share of the index, and statuses only move forward.

/**
 * Days a data version may be ahead of the reader's clock. Versions are dates (YYYYMMDD of the newest fact,
 * never later than the build date, both in UTC), so a later one is forged; the margin covers a reader
 * whose clock is a day or so behind. Without a bound one feed with version 9007199254740991 would make
 * every honest feed "not newer" forever.
 */
export const VERSION_MARGIN_DAYS = 2;

/**
 * The largest share of the installed devices one update (snapshot or delta) may remove. Records are
 * almost never removed (ids are never reused; a device that stops selling stays, as discontinued): the
 * largest honest removal is an imported list merging or dropping duplicates, a few percent. A feed that
 * drops a fifth or more of the index is broken or hostile; a bigger clean-up ships with an extension
 * update, whose built-in index is not bound by this.
 */
export const MAX_REMOVED_SHARE = 0.2;

/** Removals always allowed whatever the index's size, so a small index (a test, a fork) can be tidied. */
export const REMOVALS_ALWAYS_ALLOWED = 20;

const DAY_MS = 86_400_000;

/** A date as the data version it would be: 2026-12-08 -> 20261208 (UTC). */
export function versionOfDate(date: Date): number {
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** The newest data version acceptable on `now`: its UTC date plus VERSION_MARGIN_DAYS. */
export function latestAcceptableVersion(now: Date): number {
  return versionOfDate(new Date(now.getTime() + VERSION_MARGIN_DAYS * DAY_MS));
}

/** Whether `version` is a plausible data version on `now`: a positive safe integer not later than the bound. */
export function isVersionInBounds(version: number, now: Date): boolean {
  return Number.isSafeInteger(version) && version >= 1 && version <= latestAcceptableVersion(now);
}

/** How many of `installedCount` devices one update may remove. */
export function maxRemovals(installedCount: number): number {
  return Math.max(REMOVALS_ALWAYS_ALLOWED, Math.floor(installedCount * MAX_REMOVED_SHARE));
}

/**
 * The fewest devices an index may have after updates, given how many the built-in index has: feeds may
 * remove at most maxRemovals() of them in total, not per update, so a feed cannot wipe the index a fifth
 * at a time either.
 */
export function minimumDevices(builtInCount: number): number {
  return Math.max(1, builtInCount - maxRemovals(builtInCount));
}

/**
 * Why an installed index is unusable, if it is: empty, far smaller than the built-in one, or with a
 * version the date does not allow (one that would make every honest feed "not newer"). The built-in
 * index then wins, whatever its version.
 */
export function installedIndexProblem(installed: { version: number; deviceCount: number }, builtInCount: number | undefined, now: Date): string | undefined {
  if (!isVersionInBounds(installed.version, now)) return `its version ${installed.version} is later than any the date allows`;
  if (installed.deviceCount === 0) return 'it has no devices';
  if (builtInCount !== undefined && installed.deviceCount < minimumDevices(builtInCount)) {
    return `it has ${installed.deviceCount} devices, fewer than ${minimumDevices(builtInCount)} of the built-in ${builtInCount}`;
  }
  return undefined;
}

/**
 * Records whose status moves back (announced to rumored, or to no status at all) without declaring it in
 * `statusCorrection` (withdrawn = the status it had). One message per record, located by id.
 */
export function statusRollbacks(installed: (id: string) => Device | undefined, incoming: readonly Device[]): string[] {
  const out: string[] = [];
  for (const next of incoming) {
    const previous = installed(next.id);
    if (!previous) continue;
    const was = currentStatus(previous);
    if (!was) continue;
    const now = currentStatus(next);
    if (now && STATUS_STAGE[now.status] >= STATUS_STAGE[was.status]) continue;
    if (next.statusCorrection?.withdrawn === was.status) continue;
    out.push(`${next.id}: status moves back from ${was.status} to ${now?.status ?? 'none'} without a statusCorrection`);
  }
  return out;
}

/** How many of a feed's problems are spelled out in the reason; the rest are counted. */
const MAX_LISTED_PROBLEMS = 5;

function utf8Length(text: string): number {
  // Counting without encoding the whole text: a feed near the limit is still cheap to measure.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function summarise(problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}

/**
 * Checks a feed's text against the installed version, the date and the limits; never throws. Rejections,
 * in the order checked: oversized (before parsing), truncated, invalid JSON, wrong schema (located), a
 * version later than the date allows, not newer than the installed version, a delta whose base is not the
 * installed version, duplicate ids, and hostile or malformed records (control characters, non-https URLs,
 * overlong strings: all located). What needs the installed records (removals, status rollbacks, links) is
 * checked by applyFeed.
 */
export function parseFeed(text: string, context: FeedContext): FeedResult {
  const parsed = parseJsonLimited(text, context.limits ?? DEFAULT_FEED_LIMITS);
  return parsed.ok ? checkFeed(parsed.value, context) : parsed;
}

function parseJsonLimited(text: string, limits: FeedLimits): { ok: true; value: unknown } | { ok: false; reason: string } {
  const bytes = utf8Length(text);
  if (bytes > limits.maxBytes) return { ok: false, reason: `oversized: ${bytes} bytes > limit of ${limits.maxBytes}` };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'truncated: the feed is empty' };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    // A feed cut off in transfer is a JSON object that never closes; say so rather than "invalid JSON".
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) return { ok: false, reason: 'truncated: the JSON ends before the feed does' };
    return { ok: false, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A snapshot in the shipped form (ShippedIndex: shared source table, packed names), as the signed channel
 * publishes it: unpacked, then checked exactly like a snapshot feed.
 */
export function parsePackedSnapshot(text: string, context: FeedContext): FeedResult {
  const parsed = parseJsonLimited(text, context.limits ?? DEFAULT_FEED_LIMITS);
  if (!parsed.ok) return parsed;
  const v = parsed.value as Partial<ShippedIndex> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'wrong schema: snapshot: not an object' };
  const unknown = Object.keys(v).filter((k) => !['format', 'version', 'builtFrom', 'sources', 'devices'].includes(k));
  if (unknown.length > 0) return { ok: false, reason: `wrong schema: ${unknown.map((k) => `${k}: unknown field`).join('; ')}` };
  if (!Array.isArray(v.sources) || !Array.isArray(v.devices)) return { ok: false, reason: 'wrong schema: snapshot: sources and devices must be arrays' };
  let index: DeviceIndex;
  try {
    if (!v.devices.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d) && Array.isArray(d.sources))) throw new Error('a device is not a packed record');
    index = unpackIndex(v as ShippedIndex);
  } catch (error) {
    return { ok: false, reason: `wrong schema: snapshot: ${error instanceof Error ? error.message : String(error)}` };
  }
  return checkFeed({ format: v.format, kind: 'snapshot', version: v.version, builtFrom: v.builtFrom, devices: index.devices }, context);
}

function checkFeed(value: unknown, context: FeedContext): FeedResult {
  const { installedVersion, now } = context;
  const limits = context.limits ?? DEFAULT_FEED_LIMITS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'wrong schema: feed: not an object' };
  const f = value as Record<string, unknown>;
  if (f.format !== 1) return { ok: false, reason: `wrong schema: format: expected 1, got ${JSON.stringify(f.format) ?? 'nothing'}` };
  if (f.kind !== 'snapshot' && f.kind !== 'delta') return { ok: false, reason: 'wrong schema: kind: expected "snapshot" or "delta"' };
  const allowed = f.kind === 'snapshot' ? ['format', 'kind', 'version', 'builtFrom', 'devices'] : ['format', 'kind', 'baseVersion', 'version', 'builtFrom', 'upsert', 'remove'];
  const unknown = Object.keys(f).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) return { ok: false, reason: `wrong schema: ${unknown.map((k) => `${k}: unknown field`).join('; ')}` };
  if (!isPositiveInteger(f.version)) return { ok: false, reason: 'wrong schema: version: not a positive integer' };
  if (f.builtFrom !== undefined && (!isPartialDate(f.builtFrom) || f.builtFrom.length !== 10)) return { ok: false, reason: 'wrong schema: builtFrom: not a date (YYYY-MM-DD)' };
  const listKey = f.kind === 'snapshot' ? 'devices' : 'upsert';
  const list = f[listKey];
  if (!Array.isArray(list)) return { ok: false, reason: `wrong schema: ${listKey}: not an array` };
  if (list.length > limits.maxDevices) return { ok: false, reason: `oversized: ${list.length} devices > limit of ${limits.maxDevices}` };
  if (f.kind === 'delta') {
    if (!isPositiveInteger(f.baseVersion)) return { ok: false, reason: 'wrong schema: baseVersion: not a positive integer' };
    if (!Array.isArray(f.remove) || !f.remove.every((id) => typeof id === 'string')) return { ok: false, reason: 'wrong schema: remove: not an array of ids' };
    if (f.version <= f.baseVersion) return { ok: false, reason: `wrong schema: version ${f.version} is not after baseVersion ${f.baseVersion}` };
  }

  if (f.version > latestAcceptableVersion(now)) {
    return { ok: false, reason: `version from the future: ${f.version} is later than ${latestAcceptableVersion(now)}, the latest a feed can have on ${now.toISOString().slice(0, 10)}` };
  }
  if (f.version <= installedVersion) {
    return { ok: false, reason: `not newer: feed version ${f.version} <= installed version ${installedVersion}` };
  }
  if (f.kind === 'delta' && f.baseVersion !== installedVersion) {
    return { ok: false, reason: `base mismatch: delta applies to version ${String(f.baseVersion)}, installed is ${installedVersion}` };
  }

  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const d of list) {
    const id = typeof d === 'object' && d !== null ? (d as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  if (f.kind === 'delta') {
    const removed = new Set<string>();
    for (const id of f.remove as string[]) {
      if (removed.has(id) || seen.has(id)) duplicates.add(id);
      removed.add(id);
    }
  }
  if (duplicates.size > 0) return { ok: false, reason: `duplicate ids: ${[...duplicates].slice(0, MAX_LISTED_PROBLEMS).join(', ')}` };

  // Variant links in a delta may point at installed devices, so they are checked when the feed is applied.
  const problems = deviceListProblems(list, listKey, { limits, checkVariantTargets: f.kind === 'snapshot' });
  if (f.kind === 'delta') {
    (f.remove as string[]).forEach((id, i) => {
      if (id.length > limits.maxIdLength || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`remove[${i}]: not a device id`);
    });
  }
  if (problems.length > 0) return { ok: false, reason: `invalid records: ${summarise(problems)}` };
  return { ok: true, feed: value as Feed };
}

/**
 * The checks applyFeed makes, for a delta that removes nothing, from the records it touches alone: status
 * rollbacks (from the installed records of the upserted ids) and variant links (each target upserted or
 * installed). Removing nothing, it cannot break an installed device's link nor shrink the index. Lets the
 * worker apply such a delta (the usual one: a status changed) without reading the whole index.
 */
export function deltaInPlaceProblems(delta: DeltaFeed, installed: (id: string) => Device | undefined, installedIds: (id: string) => boolean): string[] {
  if (delta.remove.length > 0) return ['the delta removes devices: it needs the whole index'];
  const problems = statusRollbacks(installed, delta.upsert).map((p) => `status rolled back: ${p}`);
  const upserted = new Set(delta.upsert.map((d) => d.id));
  for (const d of delta.upsert) {
    for (const v of d.variants ?? []) if (!upserted.has(v.id) && !installedIds(v.id)) problems.push(`index after feed: ${d.id}: variant "${v.id}" is not in the index`);
  }
  return problems;
}

/**
 * The index after a feed: a snapshot replaces every device; a delta removes, then inserts or replaces by id.
 * Pure. Throws, with the reason, when the update removes more than maxRemovals() of the installed devices
 * or leaves fewer than minimumDevices() of the built-in count (when given), moves a status back without a statusCorrection, or would leave an invalid index (a delta removing a
 * device others link to).
 */
export function applyFeed(index: DeviceIndex, feed: Feed, bounds: { builtInCount?: number } = {}): DeviceIndex {
  if (feed.version <= index.version) throw new Error(`feed version ${feed.version} is not newer than ${index.version}`);
  const installed = new Map(index.devices.map((d) => [d.id, d]));
  let devices: Device[];
  let removed: number;
  if (feed.kind === 'snapshot') {
    devices = feed.devices.map((d) => structuredClone(d));
    const kept = new Set(feed.devices.map((d) => d.id));
    removed = index.devices.reduce((n, d) => n + (kept.has(d.id) ? 0 : 1), 0);
  } else {
    if (feed.baseVersion !== index.version) throw new Error(`delta base ${feed.baseVersion} does not match index version ${index.version}`);
    const gone = new Set(feed.remove.filter((id) => installed.has(id)));
    removed = gone.size;
    const byId = new Map<string, Device>();
    for (const d of index.devices) if (!gone.has(d.id)) byId.set(d.id, d);
    for (const d of feed.upsert) byId.set(d.id, structuredClone(d));
    devices = [...byId.values()];
  }
  const allowed = maxRemovals(index.devices.length);
  if (removed > allowed) {
    throw new Error(
      `the ${feed.kind} removes ${removed} of the ${index.devices.length} installed devices; one update may remove at most ${allowed} (${MAX_REMOVED_SHARE * 100}%)`,
    );
  }
  if (bounds.builtInCount !== undefined && devices.length < minimumDevices(bounds.builtInCount)) {
    throw new Error(
      `the ${feed.kind} leaves ${devices.length} devices; the built-in index has ${bounds.builtInCount}, and updates may remove at most ${maxRemovals(bounds.builtInCount)} of them`,
    );
  }
  const rollbacks = statusRollbacks((id) => installed.get(id), feed.kind === 'snapshot' ? feed.devices : feed.upsert);
  if (rollbacks.length > 0) throw new Error(`status rolled back: ${summarise(rollbacks)}`);
  devices.sort((a, b) => compareStrings(a.id, b.id));
  const builtFrom = feed.builtFrom ?? index.builtFrom;
  const next: DeviceIndex = { format: 1, version: feed.version, builtFrom, devices };
  // Records were validated by parseFeed; what a merge can still break is a link to a removed device.
  const ids = new Set(devices.map((d) => d.id));
  const broken: string[] = [];
  for (const d of devices) for (const v of d.variants ?? []) if (!ids.has(v.id)) broken.push(`${d.id}: variant "${v.id}" is not in the index`);
  if (broken.length > 0) throw new Error(`index after feed: ${summarise(broken)}`);
  return next;
}
