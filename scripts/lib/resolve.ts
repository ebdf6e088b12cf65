// Resolves a name or model code to one device of an index, with the reason it matched; shared by
// `npm run lookup` and anything else in scripts that needs the same answer.

import type { Device } from '../../core/schema';
import { buildLookupTable, KIND_RANK, lookupName, type LookupTable, type NameHit } from '../../core/names';
import { IMPORTED_SOURCE_IDS } from './imported-sources';

export interface Resolution {
  device: Device;
  hit: NameHit;
  /** How it matched: "model code SO-02F (JP, NTT Docomo)", "rumored name", "marketing name with brand". */
  reason: string;
  /** Other devices the same key reaches, best first. */
  others: string[];
}

/** Curated records carry at least one source that is not an imported dataset. */
export function isCurated(device: Device): boolean {
  return device.sources.some((s) => !IMPORTED_SOURCE_IDS.has(s.id));
}

export function reasonFor(hit: NameHit, device: Device): string {
  const entry = device.names.find((n) => n.name === hit.name && n.kind === hit.kind);
  const where = [entry?.region, entry?.carrier].filter(Boolean).join(', ');
  const detail = where ? ` (${where})` : '';
  const brand = hit.withBrand ? ' with brand' : '';
  switch (hit.kind) {
    case 'code': return `model code ${hit.name}${detail}`;
    case 'official': return hit.name === device.name ? `marketing name${brand}` : `official name ${hit.name}${brand}`;
    case 'rumored': return `rumored name${brand}`;
    case 'regional': return `regional name ${hit.name}${detail}`;
    case 'carrier': return `carrier name ${hit.name}${detail}`;
    case 'former': return `former name ${hit.name}`;
    case 'shorthand': return `shorthand ${hit.name}`;
    case 'codename': return `codename ${hit.name}`;
  }
}

export class Resolver {
  private readonly table: LookupTable;
  private readonly byId: Map<string, Device>;

  constructor(devices: readonly Device[]) {
    this.table = buildLookupTable(devices);
    this.byId = new Map(devices.map((d) => [d.id, d]));
  }

  /** The best device for an exact (normalised) name or code, or undefined. */
  resolve(query: string): Resolution | undefined {
    const ranked = lookupName(this.table, query)
      .map((hit) => ({ hit, device: this.byId.get(hit.id)! }))
      // Curated records first: an imported list may use a curated device's name as another product's code
      // (Play lists LG's "Nexus 5" build model), and the curated record is the one readers mean.
      .sort((a, b) => Number(isCurated(b.device)) - Number(isCurated(a.device))
        || KIND_RANK[a.hit.kind] - KIND_RANK[b.hit.kind]
        || Number(a.hit.withBrand) - Number(b.hit.withBrand)
        || (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0));
    const best = ranked[0];
    if (!best) return undefined;
    const others = [...new Set(ranked.map((r) => r.device.id))].filter((id) => id !== best.device.id);
    return { device: best.device, hit: best.hit, reason: reasonFor(best.hit, best.device), others };
  }
}
