// Name normalisation for look-ups, and the exact look-up table (normalised name or model code -> device ids).
// "Xperia Z1 f", "Xperia Z1f", "XPERIA  Z1F" and "Galaxy S8+" / "Galaxy S8 Plus" must meet on one key,
// whatever quotes, spaces or brackets the article used.

import type { Device, NameKind } from './schema';

/**
 * Readable normal form: NFKC (full-width and non-breaking spaces), lower case, straight quotes, "+" as
 * " plus", brackets and punctuation as spaces, one space between tokens, and a lone letter after a
 * token ending in a digit glued to it ("z1 f" -> "z1f", "phone (2a)" -> "phone 2a").
 */
export function normaliseName(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  s = s.replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"');
  // Apostrophes inside words carry no meaning for matching ("Mi A2's" -> "mi a2s").
  s = s.replace(/(\w)'(\w)/g, '$1$2');
  s = s.replace(/\+/g, ' plus ');
  // Keep letters and digits of every script; everything else separates tokens.
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const tokens = s.split(' ').filter((t) => t !== '');
  const out: string[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\p{L}$/u.test(token) && /\p{N}$/u.test(prev)) out[out.length - 1] = prev + token;
    else out.push(token);
  }
  return out.join(' ');
}

/** Look-up key: the normal form without spaces, so "Note 10" = "Note10" and "SM-S928B" = "sm s928b". */
export function nameKey(input: string): string {
  return normaliseName(input).replace(/ /g, '');
}

/** A key for a brand: "Sony Mobile" and "sony" are the same maker here. */
export function brandKey(brand: string): string {
  return nameKey(brand);
}

export interface NameHit {
  id: string;
  /** How the key relates to the device: its marketing name ("official") or one of its names' kinds. */
  kind: NameKind;
  /** The name as written in the record. */
  name: string;
  /** True when the key was the name with the brand in front ("Sony Xperia Z1"). */
  withBrand: boolean;
}

/** Normalised name or code -> every device that goes by it. Insertion order is the devices' order. */
export type LookupTable = Map<string, NameHit[]>;

/** Better kinds first when one key reaches several devices: a model code or official name beats a rumor. */
export const KIND_RANK: Record<NameKind, number> = {
  code: 0, official: 1, regional: 2, carrier: 3, former: 4, shorthand: 5, rumored: 6, codename: 7,
};

/** Builds the exact look-up table over names (with and without the brand) and model codes. */
export function buildLookupTable(devices: readonly Pick<Device, 'id' | 'brand' | 'name' | 'names'>[]): LookupTable {
  const table: LookupTable = new Map();
  const add = (key: string, hit: NameHit): void => {
    if (key === '') return;
    const hits = table.get(key);
    if (!hits) table.set(key, [hit]);
    else if (!hits.some((h) => h.id === hit.id && h.kind === hit.kind && h.withBrand === hit.withBrand)) hits.push(hit);
  };
  for (const d of devices) {
    const brandPrefix = nameKey(d.brand);
    const addName = (name: string, kind: NameKind): void => {
      const key = nameKey(name);
      add(key, { id: d.id, kind, name, withBrand: false });
      // Names that already start with the brand ("Galaxy" no, "Nokia 3310" yes) are not doubled.
      if (!key.startsWith(brandPrefix)) add(brandPrefix + key, { id: d.id, kind, name, withBrand: true });
    };
    addName(d.name, 'official');
    for (const n of d.names) addName(n.name, n.kind);
  }
  for (const hits of table.values()) hits.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || Number(a.withBrand) - Number(b.withBrand));
  return table;
}

/** All hits for a query, best kind first; empty when nothing has that exact normalised name. */
export function lookupName(table: LookupTable, query: string): NameHit[] {
  return table.get(nameKey(query)) ?? [];
}

/**
 * The headline a reader knows a device by: brand and marketing name ("OnePlus 13", not "13"), without
 * doubling a brand the name already starts with ("Redmi Note 13" under brand "Redmi").
 */
export function deviceTitle(d: { brand: string; name: string }): string {
  const brand = d.brand.trim();
  if (brand === '' || nameKey(d.name).startsWith(nameKey(brand))) return d.name;
  return `${brand} ${d.name}`;
}
