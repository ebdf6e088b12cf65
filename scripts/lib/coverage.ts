// What the index knows of the models a reference dataset lists: per brand and year, how many resolve to a
// curated record with specs, which are missing, and which curated statuses are stale against today and the
// reference. Pure (today is passed in), so the rules are tested without the datasets.

import type { Device, PartialDate } from '../../core/schema';
import { nameKey } from '../../core/names';
import { brandGroup } from '../../core/adapters/common';
import { currentStatus, endOfPeriod, firstEvent, timeline } from '../../core/status';
import { isCurated, Resolver } from './resolve';

/** The makers the coverage goal is set for, as report groups: sub-brands count with their maker. */
export const REPORT_GROUPS: Record<string, string> = {
  apple: 'Apple', samsung: 'Samsung', google: 'Google', xiaomi: 'Xiaomi', oneplus: 'OnePlus', oppo: 'OPPO',
  vivo: 'vivo', realme: 'realme', honor: 'Honor', huawei: 'Huawei', motorola: 'Motorola', sony: 'Sony',
  nothing: 'Nothing', asus: 'Asus', nokia: 'Nokia/HMD', hmd: 'Nokia/HMD', fairphone: 'Fairphone',
};

export function reportGroup(brand: string): string | undefined {
  return REPORT_GROUPS[brandGroup(brand)];
}

/** The spec fields a card leads with; a record "with specs" has at least MIN_KEY_SPECS of them. */
const KEY_SPECS = ['displayInches', 'chipset', 'batteryMah', 'mainCameraMp', 'ramGb', 'storageGb'] as const;
export const MIN_KEY_SPECS = 3;

export function hasKeySpecs(d: Device): boolean {
  return d.status.length > 0 && KEY_SPECS.filter((k) => d.specs?.[k] !== undefined).length >= MIN_KEY_SPECS;
}

export interface CoverageRow {
  group: string;
  year: string;
  models: number;
  /** Resolve to a curated record with key specs and a timeline. */
  curatedWithSpecs: number;
  /** Resolve to any record at all (imported lists included). */
  anyRecord: number;
}

export interface MissingModel {
  group: string;
  year: string;
  name: string;
  /** What the name reaches now, when it reaches a record that does not count. */
  resolvesTo?: string;
}

export interface Coverage {
  rows: CoverageRow[];
  missing: MissingModel[];
  /** Reference models matched to the curated record they resolve to, specs or not (for the stale-status check). */
  matched: { reference: Device; device: Device }[];
}

/** "Redmi 13C (China)" -> "Redmi 13C": for counting models and finding ours, a regional listing is the model. */
export function withoutRegionTag(name: string): string {
  return name.replace(/\s*\((?:china|global|india|idn|usa|us|sg|cn|eu|hk\/aus|international)\)\s*/gi, ' ').trim();
}

function referenceYear(d: Device): string | undefined {
  const date = timeline(d).find((e) => e.date !== undefined)?.date;
  return date?.slice(0, 4);
}

/** Reference models of the report groups dated within `years`, one per brand group and name. */
export function referenceModels(reference: readonly Device[], years: readonly string[]): { device: Device; group: string; year: string }[] {
  const seen = new Set<string>();
  const out: { device: Device; group: string; year: string }[] = [];
  for (const d of reference) {
    const group = reportGroup(d.brand);
    const year = referenceYear(d);
    if (group === undefined || year === undefined || !years.includes(year)) continue;
    const key = `${brandGroup(d.brand)}|${nameKey(withoutRegionTag(d.name))}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ device: d, group, year });
  }
  return out;
}

/** The record a reference model's name reaches: with its brand first, then the bare name ("Redmi Note 13"). */
export function resolveReference(resolver: Resolver, d: Device): Device | undefined {
  const bare = withoutRegionTag(d.name);
  const tries = [`${d.brand} ${d.name}`, d.name, `${d.brand} ${bare}`, bare];
  for (const q of tries) {
    const found = resolver.resolve(q);
    if (found) return found.device;
  }
  return undefined;
}

export function coverage(index: readonly Device[], reference: readonly Device[], years: readonly string[]): Coverage {
  const resolver = new Resolver(index);
  const rows = new Map<string, CoverageRow>();
  const missing: MissingModel[] = [];
  const matched: Coverage['matched'] = [];
  for (const { device: ref, group, year } of referenceModels(reference, years)) {
    const key = `${group}|${year}`;
    const row = rows.get(key) ?? { group, year, models: 0, curatedWithSpecs: 0, anyRecord: 0 };
    rows.set(key, row);
    row.models++;
    const found = resolveReference(resolver, ref);
    if (found) row.anyRecord++;
    // Every curated record a reference model reaches is checked for a stale status, with specs or not.
    if (found && isCurated(found)) matched.push({ reference: ref, device: found });
    if (found && isCurated(found) && hasKeySpecs(found)) {
      row.curatedWithSpecs++;
    } else {
      missing.push({ group, year, name: `${ref.brand} ${ref.name}`, ...(found ? { resolvesTo: found.id } : {}) });
    }
  }
  const sortedRows = [...rows.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  return { rows: sortedRows, missing, matched };
}

export interface StaleStatus {
  id: string;
  status: string;
  why: string;
}

/** An announcement this old with no release and nothing expected is stale. */
export const ANNOUNCED_STALE_DAYS = 90;
/** A rumored launch this far past its expected date is shown as "not confirmed" and listed as overdue. */
export const OVERDUE_DAYS = 30;

function daysBetween(a: PartialDate, b: PartialDate): number {
  const day = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return (day(endOfPeriod(b)) - day(endOfPeriod(a))) / 86_400_000;
}

/**
 * Curated statuses that are not true as of `today`: rumored or announced while a reference lists the model on
 * sale, or announced long ago with no release and none expected. Rumored devices whose expected date passed are
 * returned apart as `overdue`: the card says "expected …, not confirmed" for them, which is true.
 */
export function staleStatuses(curated: readonly Device[], matched: Coverage['matched'], today: PartialDate): { stale: StaleStatus[]; overdue: StaleStatus[] } {
  const stale: StaleStatus[] = [];
  const overdue: StaleStatus[] = [];
  const onSale = new Set(matched.filter((m) => firstEvent(m.reference, 'released') !== undefined || m.reference.status.some((e) => e.status === 'released')).map((m) => m.device.id));
  for (const d of curated) {
    const now = currentStatus(d);
    const status = now?.status ?? 'unknown';
    if ((status === 'rumored' || status === 'announced' || status === 'unknown') && onSale.has(d.id)) {
      stale.push({ id: d.id, status, why: 'a reference dataset lists it on sale' });
      continue;
    }
    const expected = timeline(d).filter((e) => e.expected && e.date !== undefined);
    const nextExpected = expected.find((e) => daysBetween(e.date!, today) <= 0);
    if (status === 'announced' && now?.date && daysBetween(now.date, today) > ANNOUNCED_STALE_DAYS && !nextExpected) {
      stale.push({ id: d.id, status, why: `announced ${now.date}, no release in ${ANNOUNCED_STALE_DAYS} days and none expected` });
      continue;
    }
    const late = expected.filter((e) => daysBetween(e.date!, today) > OVERDUE_DAYS);
    if ((status === 'rumored' || status === 'unknown') && late.length > 0 && !nextExpected) {
      overdue.push({ id: d.id, status, why: `expected ${late[late.length - 1]!.date}, not confirmed` });
    }
  }
  return { stale, overdue };
}
