// Adapter for the mobiinfo phone-price scrape (one JSON file per brand, no licence stated): brand, model,
// device type, release date and status, display size, chipset and battery. Only for the cross-check and
// coverage report: nothing of it is shipped. Takes the parsed JSON (the caller reads the file).
//
// The site's "Release Date" is the launch it lists first, which may be the announcement: the cross-check
// treats it loosely (it agrees with our announcement or our release). "Status" is Available, Upcoming or
// Rumored; other values are template noise and leave the timeline empty.

import type { Category, Device, Source, Specs, StatusEvent } from '../schema';
import { canonicalBrand, cleanText, emptyDevice, keepValid, parseNumber, stripBrand, uniqueIds } from './common';

export const MOBIINFO_SOURCE: Source = { id: 'mobiinfo', title: 'mobiinfo phone price site scrape (reference only)' };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "17 January 2023", "Exp. 5 May 2026", "March 2024", "2025" -> a partial date; anything else -> undefined. */
export function mobiinfoDate(text: string | undefined): { date: string; expected: boolean } | undefined {
  if (text === undefined) return undefined;
  const expected = /^\s*exp\.?/i.test(text);
  const t = text.replace(/^\s*exp\.?\s*/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const full = /^(\d{1,2}) ([a-z]+),? (\d{4})$/.exec(t);
  const month = /^([a-z]+),? (\d{4})$/.exec(t);
  const year = /^(\d{4})$/.exec(t);
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (full) {
    const m = MONTHS.indexOf(full[2]!);
    const day = Number(full[1]);
    if (m < 0 || day < 1 || day > 31) return undefined;
    return { date: `${full[3]}-${pad(m + 1)}-${pad(day)}`, expected };
  }
  if (month) {
    const m = MONTHS.indexOf(month[1]!);
    return m < 0 ? undefined : { date: `${month[2]}-${pad(m + 1)}`, expected };
  }
  return year ? { date: year[1]!, expected } : undefined;
}

/**
 * The model without the site's listing noise: memory variants ("(8GB+256GB)", "(12GB RAM)", "(1TB USA)",
 * "256GB") and "Price in Bangladesh" are listings of one model, not models. Region tags ("(China)") stay: the
 * China model of a name is sometimes another phone.
 */
export function mobiinfoModel(model: string): string {
  return model
    .replace(/\bprice\b.*$/i, '')
    .replace(/\(\s*[^()]*\b\d+(?:\.\d+)?\s*(?:GB|TB)\b[^()]*\)/gi, ' ')
    .replace(/\s\d+\s*(?:GB|TB)(?:\s*\/\s*\d+\s*(?:GB|TB))?\s*$/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Group = Record<string, unknown>;

function group(specs: Group, name: string): Group {
  const g = specs[name];
  return typeof g === 'object' && g !== null && !Array.isArray(g) ? (g as Group) : {};
}

function text(g: Group, key: string): string | undefined {
  const v = g[key];
  return typeof v === 'string' ? cleanText(v, 200) : undefined;
}

/** Feature phones are phones too; the site lists no tablets or watches. */
function categoryOf(type: string | undefined): Category | undefined {
  if (type === undefined) return 'phone';
  return /phone|symbian|java|kaios|windows mobile/i.test(type) ? 'phone' : undefined;
}

function statusOf(general: Group): StatusEvent[] {
  const when = mobiinfoDate(text(general, 'Release Date'));
  const state = text(general, 'Status')?.toLowerCase();
  if (state === 'available') return when && !when.expected ? [{ status: 'released', date: when.date }] : [{ status: 'released' }];
  if (state === 'upcoming' || state === 'rumored') {
    const status = state === 'upcoming' ? 'announced' : 'rumored';
    return when ? [{ status, date: when.date, expected: true }] : [{ status }];
  }
  return [];
}

function specsOf(specs: Group): Specs {
  const out: Specs = {};
  const inches = parseNumber(text(group(specs, 'Display'), 'Screen Size'));
  if (inches !== undefined && inches > 0.5 && inches < 20) out.displayInches = inches;
  const chipset = text(group(specs, 'Hardware & Software'), 'Chipset');
  if (chipset !== undefined && !/^(na|n\/a|-|unknown)$/i.test(chipset)) out.chipset = chipset.slice(0, 120);
  const mah = parseNumber(text(group(specs, 'Battery'), 'Capacity'));
  if (mah !== undefined && mah >= 100 && mah <= 30000) out.batteryMah = Math.round(mah);
  return out;
}

/** Devices of one brand file (`{ brand_info, phones: [...] }`); malformed entries are skipped. */
export function fromMobiinfo(file: unknown): Device[] {
  const phones = typeof file === 'object' && file !== null ? (file as { phones?: unknown }).phones : undefined;
  if (!Array.isArray(phones)) return [];
  const devices: Device[] = [];
  for (const phone of phones as unknown[]) {
    if (typeof phone !== 'object' || phone === null) continue;
    const specs = (phone as { specifications?: unknown }).specifications;
    if (typeof specs !== 'object' || specs === null) continue;
    const general = group(specs as Group, 'General');
    const rawBrand = text(general, 'Brand');
    const model = text(general, 'Model') ?? cleanText(typeof (phone as { name?: unknown }).name === 'string' ? (phone as { name: string }).name : undefined);
    const category = categoryOf(text(general, 'Device Type'));
    if (rawBrand === undefined || model === undefined || category === undefined) continue;
    const brand = canonicalBrand(rawBrand);
    const name = stripBrand(mobiinfoModel(model), brand);
    if (name === '') continue;
    const device = emptyDevice(brand, name, category, MOBIINFO_SOURCE);
    device.status = statusOf(general);
    const s = specsOf(specs as Group);
    if (Object.keys(s).length > 0) device.specs = s;
    devices.push(device);
  }
  devices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keepValid(uniqueIds(devices));
}
