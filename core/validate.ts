// Runtime validation of Device records and DeviceIndex: every record that enters the index (curated file,
// imported dataset, update feed) passes here, and every problem is reported with where it is.
// Hand-written rather than a schema library so the service worker bundle stays small and messages stay exact.

import {
  CATEGORIES,
  NAME_KINDS,
  RUMOR_OUTCOMES,
  STATUSES,
  VARIANT_RELATIONS,
  type Device,
  type DeviceIndex,
} from './schema';

/** Size limits for strings and lists; a feed from the network is held to these, curated data too. */
export interface ValidationLimits {
  /** Ids of devices and sources. */
  maxIdLength: number;
  /** Names, brands, families, model codes, regions, carriers, chipsets, publications. */
  maxNameLength: number;
  /** Free text: rumor claims, outcome notes, source titles, variant notes. */
  maxTextLength: number;
  maxUrlLength: number;
  /** Entries in any one list of a record (names, status, rumors, sources). */
  maxListLength: number;
}

export const DEFAULT_LIMITS: ValidationLimits = {
  maxIdLength: 100,
  maxNameLength: 120,
  maxTextLength: 1000,
  maxUrlLength: 2048,
  maxListLength: 1000,
};

export const DEVICE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Source ids are short slugs too, but dots and underscores occur in dataset names ("stf-device-db", "lineage_wiki"). */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** C0 and C1 controls, plus bidi overrides and isolates, which can disguise text in the UI (CVE-2021-42574 style). */
const HOSTILE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const DATE_MESSAGE = 'not a date (YYYY, YYYY-MM or YYYY-MM-DD)';

/** True for "2014", "2014-01" and "2014-01-22" when the month and day exist on the calendar. */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1970 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** Collects problems as "path: message"; `at` builds child paths. */
class Problems {
  readonly list: string[] = [];
  constructor(private readonly limits: ValidationLimits) {}

  add(path: string, message: string): void {
    this.list.push(path ? `${path}: ${message}` : message);
  }

  string(value: unknown, path: string, max: number, required = true): value is string {
    if (value === undefined && !required) return false;
    if (typeof value !== 'string') {
      this.add(path, value === undefined ? 'missing' : 'not a string');
      return false;
    }
    if (value.trim() === '') {
      this.add(path, 'empty');
      return false;
    }
    if (value.length > max) {
      this.add(path, `too long (${value.length} > ${max} characters)`);
      return false;
    }
    if (HOSTILE_CHARS.test(value)) {
      this.add(path, 'contains control or bidi-override characters');
      return false;
    }
    if (value !== value.trim()) {
      this.add(path, 'leading or trailing whitespace');
      return false;
    }
    return true;
  }

  name(value: unknown, path: string, required = true): value is string {
    return this.string(value, path, this.limits.maxNameLength, required);
  }

  text(value: unknown, path: string, required = true): value is string {
    return this.string(value, path, this.limits.maxTextLength, required);
  }

  url(value: unknown, path: string): void {
    if (value === undefined) return;
    if (!this.string(value, path, this.limits.maxUrlLength)) return;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      this.add(path, 'not a URL');
      return;
    }
    if (parsed.protocol !== 'https:') this.add(path, 'not an https: URL');
    else if (parsed.username || parsed.password) this.add(path, 'URL carries credentials');
  }

  date(value: unknown, path: string, required = false): void {
    if (value === undefined && !required) return;
    if (!isPartialDate(value)) this.add(path, DATE_MESSAGE);
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): value is T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    this.add(path, `${value === undefined ? 'missing' : JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
    return false;
  }

  object(value: unknown, path: string, allowedKeys: readonly string[]): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'not an object');
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowedKeys.includes(key)) this.add(path ? `${path}.${key}` : key, 'unknown field');
    }
    return true;
  }

  array(value: unknown, path: string, required = true): value is unknown[] {
    if (value === undefined && !required) return false;
    if (!Array.isArray(value)) {
      this.add(path, value === undefined ? 'missing' : 'not an array');
      return false;
    }
    if (value.length > this.limits.maxListLength) {
      this.add(path, `too many entries (${value.length} > ${this.limits.maxListLength})`);
      return false;
    }
    return true;
  }

  number(value: unknown, path: string, min: number, max: number, integer = false): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.add(path, 'not a number');
    else if (value < min || value > max) this.add(path, `out of range (${min}..${max})`);
    else if (integer && !Number.isInteger(value)) this.add(path, 'not an integer');
  }
}

const DEVICE_KEYS = ['id', 'brand', 'name', 'category', 'family', 'names', 'variants', 'specs', 'specSources', 'status', 'rumors', 'sources', 'statusCorrection'] as const;
const CORRECTION_KEYS = ['withdrawn', 'note', 'date'] as const;
const NAME_KEYS = ['name', 'kind', 'region', 'carrier'] as const;
const VARIANT_KEYS = ['id', 'relation', 'note'] as const;
const STATUS_KEYS = ['status', 'date', 'region', 'expected', 'source'] as const;
const RUMOR_KEYS = ['claim', 'source', 'confidence', 'outcome', 'outcomeNote', 'resolvedOn'] as const;
const RUMOR_SOURCE_KEYS = ['publication', 'url', 'date'] as const;
const SOURCE_KEYS = ['id', 'title', 'url', 'licence'] as const;
const SPEC_KEYS = [
  'displayInches', 'displayResolution', 'chipset', 'ramGb', 'storageGb', 'mainCameraMp', 'rearCamerasMp',
  'selfieCameraMp', 'batteryMah', 'osAtLaunch', 'dimensionsMm', 'weightG',
] as const;
const CONFIDENCES = ['low', 'medium', 'high'] as const;

/** Validates one record; paths are relative to the record ("status[0].date"). */
export function deviceProblems(value: unknown, limits: ValidationLimits = DEFAULT_LIMITS): string[] {
  const p = new Problems(limits);
  if (!p.object(value, '', DEVICE_KEYS)) return p.list;
  const d = value;

  if (p.string(d.id, 'id', limits.maxIdLength) && !DEVICE_ID_PATTERN.test(d.id)) {
    p.add('id', 'not lowercase-dashed (a-z, 0-9 and single dashes)');
  }
  p.name(d.brand, 'brand');
  p.name(d.name, 'name');
  p.oneOf(d.category, CATEGORIES, 'category');
  p.name(d.family, 'family', false);

  // Sources first: other fields refer to them.
  const sourceIds = new Set<string>();
  if (p.array(d.sources, 'sources')) {
    d.sources.forEach((s, i) => {
      const path = `sources[${i}]`;
      if (!p.object(s, path, SOURCE_KEYS)) return;
      if (p.string(s.id, `${path}.id`, limits.maxIdLength)) {
        if (!SOURCE_ID_PATTERN.test(s.id)) p.add(`${path}.id`, 'not a lowercase source id');
        else if (sourceIds.has(s.id)) p.add(`${path}.id`, `duplicate source id "${s.id}"`);
        sourceIds.add(s.id);
      }
      p.text(s.title, `${path}.title`);
      p.url(s.url, `${path}.url`);
      p.name(s.licence, `${path}.licence`, false);
    });
  }
  const sourceRef = (ref: unknown, path: string): void => {
    if (ref === undefined) return;
    if (typeof ref !== 'string') p.add(path, 'not a string');
    else if (!sourceIds.has(ref)) p.add(path, `unknown source "${ref}" (not in sources)`);
  };

  if (p.array(d.names, 'names')) {
    const seen = new Set<string>();
    d.names.forEach((n, i) => {
      const path = `names[${i}]`;
      if (!p.object(n, path, NAME_KEYS)) return;
      p.name(n.name, `${path}.name`);
      const kindOk = p.oneOf(n.kind, NAME_KINDS, `${path}.kind`);
      p.name(n.region, `${path}.region`, false);
      p.name(n.carrier, `${path}.carrier`, false);
      if (kindOk && n.kind === 'regional' && n.region === undefined) p.add(`${path}.region`, 'missing (a regional name needs its region)');
      if (kindOk && n.kind === 'carrier' && n.carrier === undefined) p.add(`${path}.carrier`, 'missing (a carrier name needs its carrier)');
      const key = JSON.stringify([n.name, n.kind, n.region, n.carrier]);
      if (seen.has(key)) p.add(path, `duplicate name "${String(n.name)}"`);
      seen.add(key);
    });
  }

  if (p.array(d.variants, 'variants', false)) {
    d.variants.forEach((v, i) => {
      const path = `variants[${i}]`;
      if (!p.object(v, path, VARIANT_KEYS)) return;
      if (p.string(v.id, `${path}.id`, limits.maxIdLength) && !DEVICE_ID_PATTERN.test(v.id)) p.add(`${path}.id`, 'not lowercase-dashed');
      if (v.id === d.id) p.add(`${path}.id`, 'refers to the device itself');
      p.oneOf(v.relation, VARIANT_RELATIONS, `${path}.relation`);
      p.text(v.note, `${path}.note`, false);
    });
  }

  if (d.specs !== undefined) specsProblems(p, d.specs);

  if (d.specSources !== undefined && p.object(d.specSources, 'specSources', [...SPEC_KEYS, '*'])) {
    for (const [key, ref] of Object.entries(d.specSources)) sourceRef(ref, `specSources.${key}`);
  }

  if (p.array(d.status, 'status')) {
    let previous: string | undefined;
    d.status.forEach((e, i) => {
      const path = `status[${i}]`;
      if (!p.object(e, path, STATUS_KEYS)) return;
      p.oneOf(e.status, STATUSES, `${path}.status`);
      p.date(e.date, `${path}.date`);
      p.name(e.region, `${path}.region`, false);
      if (e.expected !== undefined && typeof e.expected !== 'boolean') p.add(`${path}.expected`, 'not a boolean');
      if (e.expected === true && e.date === undefined) p.add(`${path}.date`, 'missing (an expected event needs its expected date)');
      sourceRef(e.source, `${path}.source`);
      // Oldest first: compared on the common precision, so "2014" and "2014-01" may follow each other either way.
      if (isPartialDate(e.date)) {
        if (previous !== undefined && commonPrefixCompare(e.date, previous) < 0) {
          p.add(`${path}.date`, `out of order (${e.date} after ${previous}; the timeline is oldest first)`);
        }
        previous = e.date;
      }
    });
  }

  if (p.array(d.rumors, 'rumors', false)) {
    d.rumors.forEach((r, i) => {
      const path = `rumors[${i}]`;
      if (!p.object(r, path, RUMOR_KEYS)) return;
      p.text(r.claim, `${path}.claim`);
      if (p.object(r.source, `${path}.source`, RUMOR_SOURCE_KEYS)) {
        p.name(r.source.publication, `${path}.source.publication`);
        p.url(r.source.url, `${path}.source.url`);
        p.date(r.source.date, `${path}.source.date`);
      }
      p.oneOf(r.confidence, CONFIDENCES, `${path}.confidence`);
      p.oneOf(r.outcome, RUMOR_OUTCOMES, `${path}.outcome`);
      p.text(r.outcomeNote, `${path}.outcomeNote`, false);
      p.date(r.resolvedOn, `${path}.resolvedOn`);
      if (r.outcome === 'pending' && r.resolvedOn !== undefined) p.add(`${path}.resolvedOn`, 'set on a pending rumor');
    });
  }

  if (d.statusCorrection !== undefined && p.object(d.statusCorrection, 'statusCorrection', CORRECTION_KEYS)) {
    const c = d.statusCorrection;
    p.oneOf(c.withdrawn, STATUSES, 'statusCorrection.withdrawn');
    p.text(c.note, 'statusCorrection.note');
    p.date(c.date, 'statusCorrection.date');
  }
  return p.list;
}

function specsProblems(p: Problems, specs: unknown): void {
  if (!p.object(specs, 'specs', SPEC_KEYS)) return;
  const s = specs;
  p.number(s.displayInches, 'specs.displayInches', 0.5, 40);
  if (s.displayResolution !== undefined && p.name(s.displayResolution, 'specs.displayResolution') && !/^\d{2,5}x\d{2,5}$/.test(s.displayResolution)) {
    p.add('specs.displayResolution', 'not WIDTHxHEIGHT ("1080x2340")');
  }
  p.name(s.chipset, 'specs.chipset', false);
  for (const key of ['ramGb', 'storageGb', 'rearCamerasMp'] as const) {
    const list = s[key];
    if (!p.array(list, `specs.${key}`, false)) continue;
    if (list.length === 0) p.add(`specs.${key}`, 'empty (leave it out instead)');
    list.forEach((n, i) => p.number(n, `specs.${key}[${i}]`, 0.001, 100_000));
    if (key !== 'rearCamerasMp' && list.some((n, i) => i > 0 && typeof n === 'number' && n < (list[i - 1] as number))) {
      p.add(`specs.${key}`, 'not smallest first');
    }
  }
  p.number(s.mainCameraMp, 'specs.mainCameraMp', 0.01, 1000);
  p.number(s.selfieCameraMp, 'specs.selfieCameraMp', 0.01, 1000);
  p.number(s.batteryMah, 'specs.batteryMah', 10, 100_000, true);
  p.name(s.osAtLaunch, 'specs.osAtLaunch', false);
  if (s.dimensionsMm !== undefined) {
    const dims = s.dimensionsMm;
    if (!Array.isArray(dims) || dims.length !== 3) p.add('specs.dimensionsMm', 'not [height, width, depth]');
    else dims.forEach((n, i) => p.number(n, `specs.dimensionsMm[${i}]`, 0.1, 1000));
  }
  p.number(s.weightG, 'specs.weightG', 0.1, 10_000);
}

/** Compares two partial dates on their common precision: "2014" equals "2014-01" here. */
function commonPrefixCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Label for a record in messages: its index in the list and its id when it has one. */
function recordLabel(value: unknown, index: number): string {
  const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
    ? ` ${(value as { id: string }).id.slice(0, 100)}`
    : '';
  return `[${index}]${id}`;
}

export interface ListOptions {
  limits?: ValidationLimits;
  /** Require every variant link to point at a device in the same list (true for a whole index). */
  checkVariantTargets?: boolean;
  /** Require at least one status event and one source (curated records must have them). */
  requireStatus?: boolean;
}

/**
 * Validates a list of records as found in `where` (a file name or "feed"), returning located messages:
 * "data/curated/sony.json: [3] sony-xperia-z1: status[0].date: not a date (YYYY, YYYY-MM or YYYY-MM-DD)".
 */
export function deviceListProblems(value: unknown, where: string, options: ListOptions = {}): string[] {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (!Array.isArray(value)) return [`${where}: not an array of devices`];
  const out: string[] = [];
  const ids = new Map<string, number>();
  value.forEach((device, i) => {
    const label = `${where}: ${recordLabel(device, i)}`;
    for (const problem of deviceProblems(device, limits)) out.push(`${label}: ${problem}`);
    if (typeof device !== 'object' || device === null) return;
    const d = device as Partial<Device>;
    if (typeof d.id === 'string') {
      const first = ids.get(d.id);
      if (first !== undefined) out.push(`${label}: id: duplicate id (also at [${first}])`);
      else ids.set(d.id, i);
    }
    if (options.requireStatus) {
      if (Array.isArray(d.status) && d.status.length === 0) out.push(`${label}: status: empty (a curated record needs at least one event)`);
      if (Array.isArray(d.sources) && d.sources.length === 0) out.push(`${label}: sources: empty (a curated record names its sources)`);
    }
  });
  if (options.checkVariantTargets) {
    value.forEach((device, i) => {
      if (typeof device !== 'object' || device === null) return;
      const d = device as Partial<Device>;
      if (!Array.isArray(d.variants)) return;
      d.variants.forEach((v, j) => {
        if (typeof v?.id === 'string' && !ids.has(v.id)) {
          out.push(`${where}: ${recordLabel(device, i)}: variants[${j}].id: no device "${v.id}" in the index`);
        }
      });
    });
  }
  return out;
}

/** Validates a whole index: header fields, then every device with variant links resolved within it. */
export function indexProblems(value: unknown, where: string, limits: ValidationLimits = DEFAULT_LIMITS): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: not an object`];
  const v = value as Partial<Record<keyof DeviceIndex, unknown>>;
  const out: string[] = [];
  for (const key of Object.keys(value)) {
    if (!['format', 'version', 'builtFrom', 'devices'].includes(key)) out.push(`${where}: ${key}: unknown field`);
  }
  if (v.format !== 1) out.push(`${where}: format: expected 1`);
  if (typeof v.version !== 'number' || !Number.isSafeInteger(v.version) || v.version < 1) out.push(`${where}: version: not a positive integer`);
  if (!isPartialDate(v.builtFrom)) out.push(`${where}: builtFrom: ${DATE_MESSAGE}`);
  out.push(...deviceListProblems(v.devices, where, { limits, checkVariantTargets: true }));
  return out;
}

/** Type guard over `indexProblems`, for callers that only need a yes or no. */
export function isDeviceIndex(value: unknown): value is DeviceIndex {
  return indexProblems(value, 'index').length === 0;
}
