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
 * Checks a feed's text against the installed version and the limits; never throws. Rejections, in the
 * order checked: oversized (before parsing), truncated, invalid JSON, wrong schema (located), not newer
 * than the installed version, a delta whose base is not the installed version, duplicate ids, and hostile
 * or malformed records (control characters, non-https URLs, overlong strings: all located).
 */
export function parseFeed(text: string, installedVersion: number, limits: FeedLimits = DEFAULT_FEED_LIMITS): FeedResult {
  const bytes = utf8Length(text);
  if (bytes > limits.maxBytes) return { ok: false, reason: `oversized: ${bytes} bytes > limit of ${limits.maxBytes}` };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'truncated: the feed is empty' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    // A feed cut off in transfer is a JSON object that never closes; say so rather than "invalid JSON".
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) return { ok: false, reason: 'truncated: the JSON ends before the feed does' };
    return { ok: false, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
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
 * The index after a feed: a snapshot replaces every device; a delta removes, then inserts or replaces by id.
 * Pure. Throws when the result would not be a valid index (a delta removing a device others link to).
 */
export function applyFeed(index: DeviceIndex, feed: Feed): DeviceIndex {
  if (feed.version <= index.version) throw new Error(`feed version ${feed.version} is not newer than ${index.version}`);
  let devices: Device[];
  if (feed.kind === 'snapshot') {
    devices = feed.devices.map((d) => structuredClone(d));
  } else {
    if (feed.baseVersion !== index.version) throw new Error(`delta base ${feed.baseVersion} does not match index version ${index.version}`);
    const removed = new Set(feed.remove);
    const byId = new Map<string, Device>();
    for (const d of index.devices) if (!removed.has(d.id)) byId.set(d.id, d);
    for (const d of feed.upsert) byId.set(d.id, structuredClone(d));
    devices = [...byId.values()];
  }
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
