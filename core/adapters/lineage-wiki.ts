// Adapter for LineageOS wiki device pages (YAML, CC BY-SA 3.0): vendor, name, codename, model codes,
// release month and specs. Takes the parsed YAML documents (the caller owns file reading and YAML parsing,
// so core stays free of a YAML dependency); variant pages of one device fold into one record.

import type { Category, Device, Source, Specs, StatusEvent } from '../schema';
import { nameKey } from '../names';
import { isPartialDate } from '../validate';
import { addName, brandGroup, canonicalBrand, cleanCode, cleanText, emptyDevice, guessCategory, keepValid, parseNumber, uniqueIds } from './common';

export const LINEAGE_WIKI_SOURCE: Source = {
  id: 'lineage-wiki',
  title: 'LineageOS wiki device pages',
  url: 'https://wiki.lineageos.org/devices/',
  licence: 'CC-BY-SA-3.0',
};

type Doc = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? cleanText(v) : typeof v === 'number' ? String(v) : undefined;
}

/** "2021-10", 2021, a YAML date, or a list of { model: date } -> partial dates, earliest first. */
export function lineageReleaseDates(v: unknown): string[] {
  const one = (x: unknown): string | undefined => {
    if (x instanceof Date && !Number.isNaN(x.getTime())) return x.toISOString().slice(0, 10);
    const s = typeof x === 'number' ? String(x) : typeof x === 'string' ? x.trim() : undefined;
    return s !== undefined && isPartialDate(s) ? s : undefined;
  };
  if (Array.isArray(v)) {
    return v.flatMap((item) => (typeof item === 'object' && item !== null && !(item instanceof Date) ? Object.values(item).map(one) : [one(item)]))
      .filter((d): d is string => d !== undefined)
      .sort();
  }
  const d = one(v);
  return d ? [d] : [];
}

/** "6/8 GB" -> [6, 8]; "512 MB" -> [0.5]; "1/2 TB" -> [1024, 2048]. */
export function lineageSizes(v: unknown): number[] | undefined {
  const s = str(v);
  if (!s) return undefined;
  // Only the leading "6/8" and its unit: later words ("LPDDR4X", "UFS 2.1") carry numbers of their own.
  const m = /^\s*(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*)\s*(TB|GB|MB)?/i.exec(s);
  if (!m) return undefined;
  const unitText = (m[2] ?? 'GB').toUpperCase();
  const unit = unitText === 'TB' ? 1024 : unitText === 'MB' ? 1 / 1024 : 1;
  const values = m[1]!.split('/').map((n) => Math.round(Number(n) * unit * 100) / 100).filter((n) => n > 0);
  if (values.length === 0) return undefined;
  return [...new Set(values)].sort((a, b) => a - b);
}

const TYPE_CATEGORY: Record<string, Category> = { phone: 'phone', 'phone (slider)': 'phone', foldable: 'phone', tablet: 'tablet' };

function screenOf(v: unknown): Doc | undefined {
  if (Array.isArray(v)) {
    // Foldables list several screens ({ Cover: {...} }, { Inner: {...} }): makers quote the largest.
    const screens = v.flatMap((item: unknown) => (typeof item === 'object' && item !== null ? (Object.values(item) as unknown[]) : []))
      .filter((x): x is Doc => typeof x === 'object' && x !== null);
    return screens.sort((a, b) => (parseNumber(str(b.size)) ?? 0) - (parseNumber(str(a.size)) ?? 0))[0];
  }
  return typeof v === 'object' && v !== null ? (v as Doc) : undefined;
}

export function lineageSpecs(doc: Doc): Specs {
  const specs: Specs = {};
  const screen = screenOf(doc.screen);
  const size = parseNumber(str(screen?.size));
  if (size !== undefined && size >= 0.5 && size <= 40) specs.displayInches = size;
  const res = /(\d{2,5})\s*x\s*(\d{2,5})/.exec(str(screen?.resolution) ?? '');
  if (res) specs.displayResolution = `${Math.min(Number(res[1]), Number(res[2]))}x${Math.max(Number(res[1]), Number(res[2]))}`;
  const soc = str(doc.soc);
  if (soc) specs.chipset = soc;
  const ram = lineageSizes(doc.ram);
  if (ram) specs.ramGb = ram;
  const storage = lineageSizes(doc.storage);
  if (storage) specs.storageGb = storage;
  const battery = typeof doc.battery === 'object' && doc.battery !== null ? parseNumber(str((doc.battery as Doc).capacity)) : undefined;
  if (battery !== undefined && Number.isInteger(battery) && battery >= 10) specs.batteryMah = battery;
  const dims = typeof doc.dimensions === 'object' && doc.dimensions !== null ? (doc.dimensions as Doc) : undefined;
  if (dims) {
    const hwd = [dims.height, dims.width, dims.depth].map((x) => parseNumber(str(x)));
    if (hwd.every((n) => n !== undefined && n >= 0.1 && n <= 1000)) specs.dimensionsMm = hwd as [number, number, number];
  }
  if (Array.isArray(doc.cameras)) {
    const main = parseNumber(str((doc.cameras[0] as Doc | undefined)?.info));
    if (main !== undefined && main > 0 && main <= 1000) specs.mainCameraMp = main;
  }
  return specs;
}

/** One device per vendor and name, from the wiki's page documents; invalid leftovers are dropped. */
export function fromLineageWiki(docs: readonly unknown[]): Device[] {
  const groups = new Map<string, Device>();
  for (const value of docs) {
    if (typeof value !== 'object' || value === null) continue;
    const doc = value as Doc;
    const vendor = str(doc.vendor);
    const rawName = str(doc.name);
    if (!vendor || !rawName) continue;
    const brand = canonicalBrand(vendor);
    // The wiki names some devices by a bare number ("4" for the Fairphone 4): the vendor is part of the name.
    const name = /^\d/.test(rawName) ? `${vendor} ${rawName}` : rawName;
    const key = `${brandGroup(brand)}|${nameKey(name)}`;
    const specs = lineageSpecs(doc);
    const type = str(doc.type)?.toLowerCase() ?? '';
    const category = TYPE_CATEGORY[type] ?? (type === '' ? guessCategory(name, specs.displayInches) : 'other');
    let d = groups.get(key);
    if (!d) {
      d = emptyDevice(brand, name, category, LINEAGE_WIKI_SOURCE);
      if (Object.keys(specs).length > 0) {
        d.specs = specs;
        d.specSources = { '*': LINEAGE_WIKI_SOURCE.id };
      }
      groups.set(key, d);
    }
    const codename = str(doc.codename);
    if (codename) addName(d, { name: codename, kind: 'codename' });
    const models = Array.isArray(doc.models) ? doc.models : [];
    for (const m of models) {
      const code = typeof m === 'string' || typeof m === 'number' ? cleanCode(String(m)) : undefined;
      if (code) addName(d, { name: code, kind: 'code' });
    }
    const first = lineageReleaseDates(doc.release)[0];
    if (first && !d.status.some((e) => e.date !== undefined && e.date <= first)) {
      const event: StatusEvent = { status: 'released', date: first, source: LINEAGE_WIKI_SOURCE.id };
      d.status = [event];
    }
  }
  const out = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1));
  return uniqueIds(keepValid(out));
}
