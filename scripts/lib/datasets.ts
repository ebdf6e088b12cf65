// Reads the reference datasets (../shared/datasets by default) and hands their contents to the pure
// adapters in core/adapters. Only for `build-index --with-datasets` and the cross-check: the datasets'
// licences (none stated, CC BY-SA, CC BY-NC-SA) keep them out of the shipped extension.

import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import type { Device } from '../../core/schema';
import { fromGsmarenaCsv } from '../../core/adapters/gsmarena';
import { fromLineageWiki } from '../../core/adapters/lineage-wiki';
import { fromMobileModels } from '../../core/adapters/mobilemodels';
import { fromMobiinfo } from '../../core/adapters/mobiinfo';
import { canonicalBrand } from '../../core/adapters/common';

export const GSMARENA_CSV = 'gsmarena-2017/gsm.csv';
export const LINEAGE_DIR = 'lineage-wiki-2026';
export const MOBILEMODELS_DIR = 'mobilemodels-2026';
export const MOBIINFO_DIR = 'mobiinfo-2026';

/** Parsed YAML documents of the lineage wiki folder, in file-name order; unreadable files are skipped. */
export async function readLineageDocs(dir: string, log: (line: string) => void = () => undefined): Promise<unknown[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
  const docs: unknown[] = [];
  for (const file of files) {
    try {
      docs.push(load(await readFile(path.join(dir, file), 'utf8')));
    } catch (error) {
      log(`lineage wiki: ${file}: skipped (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return docs;
}

/** The brand a MobileModels file is about, from its name: "samsung_global_en.md" -> "Samsung". */
export function mobileModelsBrand(file: string): string {
  return canonicalBrand(path.basename(file).split(/[_.]/)[0] ?? file);
}

/**
 * Devices from each dataset found under `dir`, one list per dataset in merge order (gsmarena, lineage wiki,
 * mobilemodels). A missing dataset is skipped with a log line.
 */
export async function loadDatasetDevices(dir: string, log: (line: string) => void): Promise<Device[][]> {
  const lists: Device[][] = [];
  const gsm = path.join(dir, GSMARENA_CSV);
  if (existsSync(gsm)) {
    const devices = fromGsmarenaCsv(await readFile(gsm, 'utf8'));
    log(`gsmarena: ${devices.length} devices`);
    lists.push(devices);
  } else log(`gsmarena: ${GSMARENA_CSV} not found under ${dir}; skipped`);

  const lineage = path.join(dir, LINEAGE_DIR);
  if (existsSync(lineage)) {
    const devices = fromLineageWiki(await readLineageDocs(lineage, log));
    log(`lineage wiki: ${devices.length} devices`);
    lists.push(devices);
  } else log(`lineage wiki: ${LINEAGE_DIR} not found under ${dir}; skipped`);

  const mm = path.join(dir, MOBILEMODELS_DIR);
  if (existsSync(mm)) {
    const devices: Device[] = [];
    for (const file of (await readdir(mm)).filter((f) => f.endsWith('.md')).sort()) {
      devices.push(...fromMobileModels(await readFile(path.join(mm, file), 'utf8'), mobileModelsBrand(file)));
    }
    // Files of different brands may produce the same slug; the merge gives later ones a suffix.
    log(`mobilemodels: ${devices.length} devices`);
    lists.push(devices);
  } else log(`mobilemodels: ${MOBILEMODELS_DIR} not found under ${dir}; skipped`);
  return lists;
}

/** Devices of every brand file of the mobiinfo scrape under `dir`; an unreadable file is skipped with a log line. */
export async function readMobiinfo(dir: string, log: (line: string) => void = () => undefined): Promise<Device[]> {
  const devices: Device[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    try {
      devices.push(...fromMobiinfo(JSON.parse(await readFile(path.join(dir, file), 'utf8'))));
    } catch (error) {
      log(`mobiinfo: ${file}: skipped (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return devices;
}
