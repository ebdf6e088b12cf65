// Adapter for `@devicefarmer/stf-device-db` (CC-BY-SA-4.0): about 500 devices keyed by model code, with
// launch date, CPU, display, memory and OS; mostly 2010-2015 Japanese carrier phones.

import type { Device, Source, Specs } from '../schema';
import { nameKey } from '../names';
import { addName, brandGroup, canonicalBrand, cleanCode, cleanText, emptyDevice, guessCategory, stripBrand, uniqueIds } from './common';

export const STF_DEVICE_DB_SOURCE: Source = {
  id: 'stf-device-db',
  title: 'STF device database',
  url: 'https://github.com/DeviceFarmer/stf-device-db',
  licence: 'CC-BY-SA-4.0',
};

interface StfEntry {
  carrier?: { name?: string };
  cpu?: { name?: string };
  date?: string;
  display?: { w?: number; h?: number; s?: number };
  maker?: { name?: string };
  memory?: { ram?: number; rom?: number };
  name?: { id?: string; long?: string };
  os?: { type?: string; ver?: string };
}

const JP_CARRIERS = /docomo|ドコモ|softbank|au|kddi|y!mobile|ymobile|emobile|willcom/i;
const OS_NAMES: Record<string, string> = { android: 'Android', ios: 'iOS', firefoxos: 'Firefox OS', 'firefox os': 'Firefox OS' };

function positive(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/** Memory sizes are in MB; below 1 GB they round to two decimals so 512 MB stays 0.5 GB. */
function mbToGb(mb: number): number {
  return mb >= 1024 ? Math.round(mb / 1024) : Math.round((mb / 1024) * 100) / 100;
}

/** Parses `dist/devices-latest.json` (object keyed by model code) into one device per entry, sorted by id. */
export function fromStfDeviceDb(data: unknown): Device[] {
  const db = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
  if (typeof db !== 'object' || db === null || Array.isArray(db)) throw new Error('stf-device-db: not an object keyed by model');
  const out: Device[] = [];
  for (const [key, value] of Object.entries(db as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof value !== 'object' || value === null) continue;
    const e = value as StfEntry;
    const rawBrand = cleanText(e.maker?.name);
    const rawName = cleanText(e.name?.id);
    if (rawBrand === undefined || rawName === undefined) continue;
    const brand = canonicalBrand(rawBrand);
    const name = stripBrand(rawName, brand);
    const specs: Specs = {};
    const d = e.display;
    if (positive(d?.s) && d.s < 40) specs.displayInches = d.s;
    if (positive(d?.w) && positive(d?.h)) specs.displayResolution = `${Math.min(d.w, d.h)}x${Math.max(d.w, d.h)}`;
    const chipset = cleanText(e.cpu?.name);
    if (chipset) specs.chipset = chipset;
    if (positive(e.memory?.ram)) specs.ramGb = [mbToGb(e.memory.ram)];
    if (positive(e.memory?.rom)) specs.storageGb = [mbToGb(e.memory.rom)];
    const osType = e.os?.type?.toLowerCase();
    const osVer = cleanText(e.os?.ver, 20);
    if (osType && OS_NAMES[osType] && osVer) specs.osAtLaunch = `${OS_NAMES[osType]} ${osVer}`;

    const device = emptyDevice(brand, name, guessCategory(name, specs.displayInches), STF_DEVICE_DB_SOURCE);
    if (Object.keys(specs).length > 0) {
      device.specs = specs;
      device.specSources = { '*': STF_DEVICE_DB_SOURCE.id };
    }
    const carrier = cleanText(e.carrier?.name, 40);
    const region = carrier && JP_CARRIERS.test(carrier) ? 'JP' : undefined;
    for (const raw of [e.name?.long, key.replace(/_/g, ' ')]) {
      const code = raw === undefined ? undefined : cleanCode(raw);
      // The key is sometimes the marketing name with underscores ("Nexus_7_2012"): not a code then.
      if (code && !/\s/.test(code)) addName(device, region ? { name: code, kind: 'code', region } : { name: code, kind: 'code' });
    }
    // The date is the Japanese launch (stored as UTC midnight JST, so the previous day at 15:00Z).
    if (typeof e.date === 'string') {
      const t = Date.parse(e.date);
      if (Number.isFinite(t)) {
        const day = new Date(t + 9 * 3600_000).toISOString().slice(0, 10);
        device.status.push(region ? { status: 'released', date: day, region, source: STF_DEVICE_DB_SOURCE.id } : { status: 'released', date: day, source: STF_DEVICE_DB_SOURCE.id });
      }
    }
    out.push(device);
  }
  return uniqueIds(foldSameName(out).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1)));
}

/**
 * One device per brand and name: the database keeps an entry per carrier model ("iPhone 5s" three times).
 * The first entry (by key) gives the specs, later ones fill gaps; every code and launch date is kept.
 */
function foldSameName(entries: Device[]): Device[] {
  const groups = new Map<string, Device>();
  for (const e of entries) {
    const key = `${brandGroup(e.brand)}|${nameKey(e.name)}`;
    const first = groups.get(key);
    if (!first) {
      groups.set(key, e);
      continue;
    }
    for (const n of e.names) addName(first, n);
    if (e.specs) {
      first.specs = { ...e.specs, ...first.specs };
      first.specSources = { '*': STF_DEVICE_DB_SOURCE.id };
    }
    for (const event of e.status) {
      if (!first.status.some((x) => x.date === event.date && x.region === event.region)) first.status.push(event);
    }
    first.status.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
    if (first.category === 'other') first.category = e.category;
  }
  return [...groups.values()];
}
