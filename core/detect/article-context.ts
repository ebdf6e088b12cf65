// What an article has named so far, in two forms: ArticleContext, plain JSON the content script hands back
// with the next batch of the same page, and ContextFlags, the same as flag arrays indexed by device,
// family and brand while one call runs (O(1) per test, put back to zero through touched lists).

import type { NameTable } from './name-table';

export interface ArticleContext {
  /** Brands named (record spelling). */
  brands: string[];
  /** Families seen, as "brand key|first word" ("samsung|galaxy"). */
  families: string[];
  /** Device ids named, with how often. */
  devices: Record<string, number>;
}

/** An empty context: the state before the first batch of an article. */
export function emptyContext(): ArticleContext {
  return { brands: [], families: [], devices: {} };
}

/**
 * A context as received from a content script, read leniently: fields that are missing or of the wrong
 * shape count as empty (a context is only a hint; a page that sends `{}` gets the detection of a fresh page).
 */
export function readContext(value: unknown): ArticleContext {
  const v = typeof value === 'object' && value !== null ? value as Partial<Record<keyof ArticleContext, unknown>> : {};
  const strings = (x: unknown): string[] => Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
  const devices: Record<string, number> = {};
  if (typeof v.devices === 'object' && v.devices !== null && !Array.isArray(v.devices)) {
    for (const [id, n] of Object.entries(v.devices)) devices[id] = Math.max(0, Math.trunc(Number(n) || 0));
  }
  return { brands: strings(v.brands), families: strings(v.families), devices };
}

export class ContextFlags {
  /** Per device: how often named + 1 (0 = not named); counts only matter up to 255 (resolve.ts's score). */
  readonly seen: Uint16Array;
  readonly familySeen: Uint8Array;
  readonly brandSeen: Uint8Array;
  /** Brands marked during this call, in order (for the context handed on). */
  readonly touchedBrands: number[] = [];
  private readonly touchedDevices: number[] = [];
  private readonly touchedFamilies: number[] = [];

  constructor(private readonly table: NameTable) {
    this.seen = new Uint16Array(table.deviceCount);
    this.familySeen = new Uint8Array(table.familyCount);
    this.brandSeen = new Uint8Array(table.brands.length);
  }

  /** Marks what an earlier batch named. */
  load(context: ArticleContext): void {
    const { table } = this;
    for (const id in context.devices) {
      const d = table.ids.indexOf(id);
      if (d >= 0) this.markDevice(d, Math.max(0, Math.trunc(Number(context.devices[id]) || 0)));
    }
    for (const b of context.brands) { const k = table.brandIdx(b); if (k >= 0) this.markBrand(k); }
    for (const f of context.families) { const k = table.families.indexOf(f); if (k >= 0) this.markFamily(k); }
  }

  /** Device d named n more times; its family and brand with it. */
  markDevice(d: number, n: number): void {
    const v = this.seen[d]!;
    if (v === 0) this.touchedDevices.push(d);
    this.seen[d] = Math.min((v === 0 ? 1 : v) + n, 0xffff);
    this.markFamily(this.table.deviceFamily[d]!);
    this.markBrand(this.table.deviceBrand[d]!);
  }

  markFamily(f: number): void {
    if (this.familySeen[f] === 0) { this.familySeen[f] = 1; this.touchedFamilies.push(f); }
  }

  markBrand(b: number): void {
    if (this.brandSeen[b] === 0) { this.brandSeen[b] = 1; this.touchedBrands.push(b); }
  }

  /** All flags back to zero, for the next call. */
  reset(): void {
    for (const d of this.touchedDevices) this.seen[d] = 0;
    for (const f of this.touchedFamilies) this.familySeen[f] = 0;
    for (const b of this.touchedBrands) this.brandSeen[b] = 0;
    this.touchedDevices.length = 0;
    this.touchedFamilies.length = 0;
    this.touchedBrands.length = 0;
  }
}
