// Counts over an index (shared by `npm run index:stats` and the README's data figures).

import type { Device } from '../../core/schema';
import { nameKey } from '../../core/names';
import { comparePartialDates, currentStatus } from '../../core/status';
import { isCurated } from './resolve';

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function indexStats(devices: readonly Device[]) {
  let withSpecs = 0;
  let names = 0;
  let modelCodes = 0;
  let rumors = 0;
  let curated = 0;
  let curatedComplete = 0;
  // The newest launch the index knows, so a stale index shows at a glance (expected dates do not count).
  let newestRelease: { date: string; id: string } | undefined;
  const byStatus: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const byNameKind: Record<string, number> = {};
  for (const d of devices) {
    const hasSpecs = d.specs !== undefined && Object.keys(d.specs).length > 0;
    if (hasSpecs) withSpecs++;
    // Distinct keys per device: two spellings that normalise alike are one detectable name.
    const nameKeys = new Set([nameKey(d.name)]);
    const codeKeys = new Set<string>();
    byNameKind.official = (byNameKind.official ?? 0) + 1;
    for (const n of d.names) {
      const set = n.kind === 'code' ? codeKeys : nameKeys;
      const key = nameKey(n.name);
      if (!set.has(key)) {
        set.add(key);
        increment(byNameKind, n.kind);
      }
    }
    names += nameKeys.size;
    modelCodes += codeKeys.size;
    rumors += d.rumors?.length ?? 0;
    increment(byStatus, currentStatus(d)?.status ?? 'unknown');
    increment(byCategory, d.category);
    for (const e of d.status) {
      if (e.status !== 'released' || e.expected || e.date === undefined) continue;
      if (!newestRelease || comparePartialDates(e.date, newestRelease.date) > 0) newestRelease = { date: e.date, id: d.id };
    }
    if (isCurated(d)) {
      curated++;
      if (hasSpecs && d.status.length > 0) curatedComplete++;
    }
  }
  return {
    devices: devices.length,
    devicesWithSpecs: withSpecs,
    names,
    modelCodes,
    rumors,
    byStatus: sorted(byStatus),
    byCategory: sorted(byCategory),
    byNameKind: sorted(byNameKind),
    curated: { devices: curated, withSpecsAndStatus: curatedComplete },
    ...(newestRelease ? { newestRelease } : {}),
  };
}

