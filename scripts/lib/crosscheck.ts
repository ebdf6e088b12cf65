// Compares curated facts with a reference dataset already turned into devices by an adapter: launch dates,
// display size and battery. Pure, so the comparison is tested without the datasets.

import type { Device, PartialDate } from '../../core/schema';
import { nameKey } from '../../core/names';
import { brandGroup } from '../../core/adapters/common';
import { endOfPeriod, firstEvent } from '../../core/status';

export interface Disagreement {
  id: string;
  field: 'announced' | 'released' | 'displayInches' | 'batteryMah' | 'chipset';
  curated: string | number;
  dataset: string;
  /** The dataset's name for the device it was matched with, and how. */
  datasetName: string;
  matchedBy: 'name' | 'model code';
  value: string | number;
}

const NAME_KINDS = new Set(['official', 'regional', 'carrier', 'former']);

function slots(d: Device, names: string[]): string[] {
  const group = brandGroup(d.brand);
  const brand = nameKey(d.brand);
  return names.flatMap((n) => {
    const key = nameKey(n);
    return key === '' ? [] : key.startsWith(brand) ? [`${group}|${key}`] : [`${group}|${key}`, `${group}|${brand}${key}`];
  });
}

/** Days apart that still count as the same launch: sources date a launch by its event, pre-orders or first sales. */
export const DATE_TOLERANCE_DAYS = 45;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * Dates disagree when the periods they name are more than DATE_TOLERANCE_DAYS apart: "2014-01" spans the whole
 * month, so it agrees with "2014-02-20" and not with "2014-04-01".
 */
export function datesDisagree(a: PartialDate, b: PartialDate): boolean {
  const [startA, endA] = [dayNumber(startOfPeriod(a)), dayNumber(endOfPeriod(a))];
  const [startB, endB] = [dayNumber(startOfPeriod(b)), dayNumber(endOfPeriod(b))];
  const gap = Math.max(startA - endB, startB - endA, 0);
  return gap > DATE_TOLERANCE_DAYS;
}

function startOfPeriod(date: PartialDate): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * The chips a chipset text names, as comparable keys: "Qualcomm SM8550-AC Snapdragon 8 Gen 2 (4 nm)" and
 * "Snapdragon 8 Gen 2 for Galaxy" both give "snapdragon 8 gen 2"; "Exynos 2400 / Snapdragon 8 Gen 3 (by
 * region)" gives both chips. Texts naming no known chip family give none and are not compared.
 */
export function chipKeys(text: string): string[] {
  const t = text.toLowerCase().replace(/[®™()-]/g, ' ').replace(/\bgen\s*(\d)/g, 'gen $1').replace(/\s+/g, ' ')
    // One spelling for a chip's "Plus" ("855 Plus" = "855+"), and Tensor's part numbers for its names.
    .replace(/\s*\bplus\b/g, '+').replace(/\btensor gs101\b/g, 'tensor').replace(/\btensor gs201\b/g, 'tensor g2');
  const patterns = [
    /snapdragon (?:\d{1,2}s? gen \d(?: elite)?|\d{1,2}s? elite(?: gen \d)?|\d{3}g?\+?|\d{1,2}s? gen \d\+?|\d{1,2}s?\+? gen \d)/g,
    /dimensity \d{3,4}[a-z]?\+?(?: (?:ultra|plus|pro|max|ultimate))?/g,
    /helio [a-z]\d{2,3}(?: ultra)?/g,
    /exynos \d{3,4}/g,
    /kirin \d{3,4}[a-z]?/g,
    /tensor(?: g\d)?/g,
    /\ba\d{2}(?: pro)?(?= bionic|\b)(?! ?gb)/g,
    /unisoc (?:tiger )?[a-z]?\d{3,4}/g,
    /xring o\d/g,
  ];
  const keys = new Set<string>();
  for (const re of patterns) for (const m of t.matchAll(re)) keys.add(m[0].replace(/\+$/, ' plus').trim());
  return [...keys];
}

/** Chipsets disagree when both name chips and no chip is common to both. */
export function chipsetsDisagree(a: string, b: string): boolean {
  const [x, y] = [chipKeys(a), chipKeys(b)];
  return x.length > 0 && y.length > 0 && !x.some((k) => y.includes(k));
}

/** Display sizes are rounded differently by sources; more than 0.05" apart is a different claim. */
export function inchesDisagree(a: number, b: number): boolean {
  return Math.abs(a - b) > 0.05;
}

/** Batteries are quoted as rated or typical capacity; more than 3 % apart is a different claim. */
export function batteryDisagrees(a: number, b: number): boolean {
  return Math.abs(a - b) / Math.max(a, b) > 0.03;
}

export interface CrossCheckOptions {
  /**
   * The dataset's "release" may be the announcement (the lineage wiki's is the month a device was
   * presented): such a date only disagrees when it matches neither the curated announcement nor release.
   */
  looseRelease?: boolean;
}

export function crossCheck(curated: readonly Device[], reference: readonly Device[], dataset: string, options: CrossCheckOptions = {}): Disagreement[] {
  const byName = new Map<string, Device>();
  const byCode = new Map<string, Device>();
  for (const r of reference) {
    for (const s of slots(r, [r.name, ...r.names.filter((n) => NAME_KINDS.has(n.kind)).map((n) => n.name)])) if (!byName.has(s)) byName.set(s, r);
    for (const n of r.names) if (n.kind === 'code') byCode.set(`${brandGroup(r.brand)}|${nameKey(n.name)}`, r);
  }
  const out: Disagreement[] = [];
  for (const d of curated) {
    let matchedBy: Disagreement['matchedBy'] = 'name';
    let ref = slots(d, [d.name, ...d.names.filter((n) => NAME_KINDS.has(n.kind)).map((n) => n.name)]).map((s) => byName.get(s)).find(Boolean);
    if (!ref) {
      matchedBy = 'model code';
      ref = d.names.filter((n) => n.kind === 'code').map((n) => byCode.get(`${brandGroup(d.brand)}|${nameKey(n.name)}`)).find(Boolean);
    }
    if (!ref) continue;
    const base = { id: d.id, dataset, datasetName: `${ref.brand} ${ref.name}`, matchedBy };
    for (const field of ['announced', 'released'] as const) {
      const mine = firstEvent(d, field)?.date;
      const theirs = firstEvent(ref, field)?.date;
      if (!mine || !theirs || !datesDisagree(mine, theirs)) continue;
      // A loose dataset's date may be the announcement or a later regional launch: it agrees with any of ours.
      const ours = d.status.filter((e) => !e.expected && (e.status === 'announced' || e.status === 'released') && e.date !== undefined).map((e) => e.date!);
      if (field === 'released' && options.looseRelease && ours.some((date) => !datesDisagree(date, theirs))) continue;
      out.push({ ...base, field, curated: mine, value: theirs });
    }
    const [mi, ti] = [d.specs?.displayInches, ref.specs?.displayInches];
    if (mi !== undefined && ti !== undefined && inchesDisagree(mi, ti)) out.push({ ...base, field: 'displayInches', curated: mi, value: ti });
    const [mb, tb] = [d.specs?.batteryMah, ref.specs?.batteryMah];
    if (mb !== undefined && tb !== undefined && batteryDisagrees(mb, tb)) out.push({ ...base, field: 'batteryMah', curated: mb, value: tb });
    const [mc, tc] = [d.specs?.chipset, ref.specs?.chipset];
    if (mc !== undefined && tc !== undefined && chipsetsDisagree(mc, tc)) out.push({ ...base, field: 'chipset', curated: mc, value: tc });
  }
  return out;
}
