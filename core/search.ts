// Typo-tolerant search over the whole index by name, alias or model code, results as the reader types.
// Pure: built from device records, no storage, no clock (the benchmark is handed one).
//
// Layout (built once per worker wake, ~25,000 devices / ~80,000 name keys):
// - `keys[e]`: every name of every device as a look-up key (core/names.ts `nameKey`: lower case, no
//   spaces or punctuation), with and without the brand in front; `entryDevice[e]` / `entryKind[e]` /
//   `entryName[e]` say whose name it is. Entries are stored sorted by key, so a prefix is one binary
//   search plus a scan (`keys` doubles as the prefix index).
// - `exact`: key -> entries, for the exact model code / name tier.
// - `grams`: trigram -> Int32Array of entry numbers (posting lists), over "^" + key + "$". A query's
//   trigrams (over "^" + query, no end marker: the reader may still be typing) vote for entries in a
//   reusable counter array; the entries with most shared trigrams are scored by edit distance.
// Ranking tiers: exact model code, exact name, prefix, contains, typo (Damerau distance to the whole key
// or to its best prefix); inside a tier, fewer typos, better name kinds, then the device readers most likely
// mean (one with a known timeline before a bare list entry, newer before older: "iPad Pro" is this year's,
// not 2016's), then shorter keys. One hit per device.
import type { Device, NameKind } from './schema';
import { KIND_RANK, nameKey } from './names';

export type SearchReason = 'code' | 'exact' | 'prefix' | 'contains' | 'typo';

export interface SearchResult {
  id: string;
  /** The name as written in the record that matched. */
  matchedName: string;
  reason: SearchReason;
  /** Lower is better; comparable within one query only. */
  score: number;
}

export type SearchableDevice = Pick<Device, 'id' | 'brand' | 'name' | 'names'> & Partial<Pick<Device, 'status' | 'rumors'>>;

export interface SearchIndex {
  ids: string[];
  brands: string[];
  keys: string[];
  entryDevice: Int32Array;
  entryKind: Uint8Array;
  entryName: string[];
  entryWithBrand: Uint8Array;
  /** Per device, lower first: how far it is from the devices readers search for most (see `prominence`). */
  deviceRank: Uint16Array;
  exact: Map<string, number[]>;
  grams: Map<string, Int32Array>;
  /** Scratch vote counters, one per entry; reset after each query by the list of touched entries. */
  votes: Uint16Array;
}

const KIND_LIST = Object.keys(KIND_RANK) as NameKind[];
const KIND_CODE = KIND_LIST.indexOf('code');
/** Entries scored by edit distance per query, at most; the rest share too few trigrams to be close. */
const MAX_CANDIDATES = 400;
/** Scanned entries per prefix, at most: a one-letter prefix could otherwise walk the whole index. */
const MAX_PREFIX_SCAN = 2000;

/** Devices with no dated fact rank after every dated one. */
const UNDATED_RANK = 1000;
const NEWEST_YEAR = 2100;

/**
 * How prominent a device is, as a rank (lower first): devices with a status timeline or rumors (what the
 * index knows about, not a bare entry of an imported list) before the rest, newer before older by the year of
 * their latest dated event or rumor. Imported list entries have neither and keep their old order.
 */
export function prominence(d: SearchableDevice): number {
  let year = 0;
  for (const e of d.status ?? []) if (e.date !== undefined) year = Math.max(year, Number(e.date.slice(0, 4)));
  for (const r of d.rumors ?? []) if (r.source.date !== undefined) year = Math.max(year, Number(r.source.date.slice(0, 4)));
  if (year === 0 || !Number.isFinite(year)) return UNDATED_RANK * 2;
  return Math.max(0, Math.min(UNDATED_RANK - 1, NEWEST_YEAR - year));
}

function trigrams(padded: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

export function buildSearchIndex(devices: readonly SearchableDevice[]): SearchIndex {
  interface Raw { key: string; device: number; kind: number; name: string; withBrand: boolean }
  const raw: Raw[] = [];
  const ids: string[] = [];
  const brands: string[] = [];
  const deviceRank = new Uint16Array(devices.length);
  devices.forEach((d, device) => {
    deviceRank[device] = prominence(d);
    ids.push(d.id);
    brands.push(d.brand);
    const brandPrefix = nameKey(d.brand);
    const seen = new Set<string>();
    const add = (name: string, kind: NameKind): void => {
      const key = nameKey(name);
      if (key === '') return;
      const kindIndex = KIND_LIST.indexOf(kind);
      if (!seen.has(key)) {
        seen.add(key);
        raw.push({ key, device, kind: kindIndex, name, withBrand: false });
      }
      const branded = key.startsWith(brandPrefix) ? key : brandPrefix + key;
      if (!seen.has(branded)) {
        seen.add(branded);
        raw.push({ key: branded, device, kind: kindIndex, name, withBrand: true });
      }
    };
    add(d.name, 'official');
    for (const n of d.names) add(n.name, n.kind);
  });
  raw.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.device - b.device));
  const n = raw.length;
  const keys = new Array<string>(n);
  const entryDevice = new Int32Array(n);
  const entryKind = new Uint8Array(n);
  const entryWithBrand = new Uint8Array(n);
  const entryName = new Array<string>(n);
  const exact = new Map<string, number[]>();
  const gramLists = new Map<string, number[]>();
  for (let e = 0; e < n; e++) {
    const r = raw[e]!;
    keys[e] = r.key;
    entryDevice[e] = r.device;
    entryKind[e] = r.kind;
    entryWithBrand[e] = r.withBrand ? 1 : 0;
    entryName[e] = r.name;
    const same = exact.get(r.key);
    if (same) same.push(e);
    else exact.set(r.key, [e]);
    // Each trigram counted once per entry, so votes measure distinct shared trigrams.
    for (const g of new Set(trigrams(`^${r.key}$`))) {
      const list = gramLists.get(g);
      if (list) list.push(e);
      else gramLists.set(g, [e]);
    }
  }
  const grams = new Map<string, Int32Array>();
  for (const [g, list] of gramLists) grams.set(g, Int32Array.from(list));
  return { ids, brands, keys, entryDevice, entryKind, entryName, entryWithBrand, deviceRank, exact, grams, votes: new Uint16Array(n) };
}

// Scratch rows for the edit distance, grown as needed (queries are at most 200 characters).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance between `q` and `key`, and between `q` and the closest prefix of
 * `key` (the reader may not have finished typing). Gives up (returns max + 1) once every cell of a row
 * exceeds `max`.
 */
export function typoDistance(q: string, key: string, max: number): { full: number; prefix: number } {
  const m = q.length;
  const n = key.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
    rowC = new Int32Array(n + 1);
  }
  // prev2 = row i-2, prev = row i-1, cur = row i; columns are positions in key.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const qc = q.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const kc = key.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (qc === kc ? 0 : 1));
      if (i > 1 && j > 1 && qc === key.charCodeAt(j - 2) && q.charCodeAt(i - 2) === kc) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return { full: max + 1, prefix: max + 1 };
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  let best = prev[0]!;
  for (let j = 1; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return { full: prev[n]!, prefix: best };
}

/** Typos allowed for a query of this many key characters: none below 3, then one per four, at most 3. */
export function allowedTypos(length: number): number {
  if (length < 3) return 0;
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

const TIER: Record<SearchReason, number> = { code: 0, exact: 1, prefix: 2, contains: 3, typo: 4 };

function firstAtOrAfter(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best `limit` devices for `query`, best first. */
export function search(index: SearchIndex, query: string, limit = 20): SearchResult[] {
  const q = nameKey(query);
  if (q === '') return [];
  const best = new Map<number, { entry: number; reason: SearchReason; score: number }>();
  const offer = (entry: number, reason: SearchReason, extraLength: number, typos = 0): void => {
    // Score, most significant first: tier, typos, the name's kind, the device's prominence, the key's extra
    // length (capped), and names with the brand typed out after bare names (same device, shorter label).
    const device = index.entryDevice[entry]!;
    const kind = index.entryKind[entry]!;
    // Only a whole model code outranks names: the start of one ("PIXELA" + "PIX-SMB400" begins with "pixel")
    // is no better than a shorthand name.
    const kindRank = kind === KIND_CODE && reason !== 'code' ? KIND_RANK.shorthand : KIND_RANK[KIND_LIST[kind]!];
    const score = TIER[reason] * 1e11 + typos * 1e10 + kindRank * 1e8
      + index.deviceRank[device]! * 1e4 + Math.min(extraLength, 999) * 10 + index.entryWithBrand[entry]!;
    const seen = best.get(device);
    if (!seen || score < seen.score) best.set(device, { entry, reason, score });
  };

  for (const e of index.exact.get(q) ?? []) offer(e, index.entryKind[e] === KIND_CODE ? 'code' : 'exact', 0);

  const start = firstAtOrAfter(index.keys, q);
  for (let e = start, scanned = 0; e < index.keys.length && scanned < MAX_PREFIX_SCAN; e++, scanned++) {
    const key = index.keys[e]!;
    if (!key.startsWith(q)) break;
    if (key.length > q.length) offer(e, 'prefix', key.length - q.length);
  }

  if (q.length >= 3) {
    const max = allowedTypos(q.length);
    const touched: number[] = [];
    const votes = index.votes;
    const qGrams = [...new Set(trigrams(`^${q}`))];
    for (const g of qGrams) {
      const list = index.grams.get(g);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (votes[e] === 0) touched.push(e);
        votes[e] = votes[e]! + 1;
      }
    }
    // Each typo can spoil up to three trigrams; entries sharing fewer than that cannot be within reach
    // of a typo match, but a long key containing the query still shares all of them.
    const needed = Math.max(1, qGrams.length - 3 * max);
    let candidates = touched.filter((e) => votes[e]! >= needed);
    for (const e of touched) votes[e] = 0;
    if (candidates.length > MAX_CANDIDATES) {
      candidates.sort((a, b) => votes[b]! - votes[a]! || index.keys[a]!.length - index.keys[b]!.length);
      candidates = candidates.slice(0, MAX_CANDIDATES);
    }
    for (const e of candidates) {
      const key = index.keys[e]!;
      if (key === q || key.startsWith(q)) continue;
      if (key.includes(q)) {
        offer(e, 'contains', key.length - q.length);
        continue;
      }
      if (Math.abs(key.length - q.length) > max && key.length < q.length) continue;
      const d = typoDistance(q, key, max);
      const distance = Math.min(d.full, d.prefix);
      if (distance <= max) offer(e, 'typo', Math.max(0, key.length - q.length), distance);
    }
  }

  return [...best.entries()]
    .sort((a, b) => a[1].score - b[1].score || (index.ids[a[0]]! < index.ids[b[0]]! ? -1 : 1))
    .slice(0, limit)
    .map(([device, hit]) => ({ id: index.ids[device]!, matchedName: index.entryName[hit.entry]!, reason: hit.reason, score: hit.score }));
}

export interface SearchBenchResult {
  devices: number;
  names: number;
  buildMs: number;
  queries: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Builds the index and times each query (run twice, the second pass timed, as a warmed worker would
 * be). `now` is the caller's clock in milliseconds (performance.now), core/ having none of its own.
 */
export function benchSearch(devices: readonly SearchableDevice[], queries: readonly string[], now: () => number): SearchBenchResult {
  const t0 = now();
  const index = buildSearchIndex(devices);
  const buildMs = now() - t0;
  for (const q of queries) search(index, q);
  const times: number[] = [];
  for (const q of queries) {
    const s = now();
    search(index, q);
    times.push(now() - s);
  }
  times.sort((a, b) => a - b);
  const sum = times.reduce((a, b) => a + b, 0);
  return {
    devices: devices.length,
    names: index.keys.length,
    buildMs,
    queries: times.length,
    meanMs: times.length ? sum / times.length : 0,
    p95Ms: times.length ? times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]! : 0,
    maxMs: times.length ? times[times.length - 1]! : 0,
  };
}

/**
 * Typing-like queries drawn from the devices themselves: prefixes, whole names, model codes, and names
 * with one typo (a swapped pair of letters), deterministic for a given list.
 */
export function sampleQueries(devices: readonly SearchableDevice[], count: number): string[] {
  const out: string[] = [];
  if (devices.length === 0) return out;
  const step = Math.max(1, Math.floor(devices.length / count));
  for (let i = 0; out.length < count && i < devices.length * 2; i += step) {
    const d = devices[i % devices.length]!;
    const full = `${d.brand} ${d.name}`;
    const code = d.names.find((n) => n.kind === 'code')?.name;
    switch (out.length % 4) {
      case 0: out.push(full.slice(0, Math.max(3, Math.ceil(full.length / 2)))); break;
      case 1: out.push(code ?? d.name); break;
      case 2: {
        const k = Math.floor(d.name.length / 2);
        out.push(k > 0 && k < d.name.length - 1 ? d.name.slice(0, k) + d.name[k + 1] + d.name[k] + d.name.slice(k + 2) : d.name);
        break;
      }
      default: out.push(d.name.toLowerCase());
    }
  }
  return out;
}
