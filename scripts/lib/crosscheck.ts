// Compares curated facts with a reference dataset already turned into devices by an adapter: launch dates,
// display size and battery. Pure, so the comparison is tested without the datasets.

import type { Device, PartialDate } from '../../core/schema';
import { nameKey } from '../../core/names';
import { brandGroup } from '../../core/adapters/common';
import { firstEvent } from '../../core/status';

export interface Disagreement {
  id: string;
  field: 'announced' | 'released' | 'displayInches' | 'batteryMah';
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

/** Dates disagree when they differ at their common precision ("2014-01" agrees with "2014-01-22"). */
export function datesDisagree(a: PartialDate, b: PartialDate): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) !== b.slice(0, n);
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
      const announced = firstEvent(d, 'announced')?.date;
      if (field === 'released' && options.looseRelease && announced && !datesDisagree(announced, theirs)) continue;
      out.push({ ...base, field, curated: mine, value: theirs });
    }
    const [mi, ti] = [d.specs?.displayInches, ref.specs?.displayInches];
    if (mi !== undefined && ti !== undefined && inchesDisagree(mi, ti)) out.push({ ...base, field: 'displayInches', curated: mi, value: ti });
    const [mb, tb] = [d.specs?.batteryMah, ref.specs?.batteryMah];
    if (mb !== undefined && tb !== undefined && batteryDisagrees(mb, tb)) out.push({ ...base, field: 'batteryMah', curated: mb, value: tb });
  }
  return out;
}
