// On the index the extension ships: no name that came from an imported dataset is a generic token or a
// carrier or retailer. Curated names are exempt (ours, reviewed: "OnePlus 2" is "2" after its brand).
import { beforeAll, describe, expect, it } from 'vitest';
import { isJunkName } from '../../core/junk-names';
import { nameKey } from '../../core/names';
import type { DeviceIndex } from '../../core/schema';
import { loadCurated } from '../../scripts/lib/build';
import { loadShippedIndex } from '../../scripts/lib/load-index';

let index: DeviceIndex;
/** device id -> keys of the names written for it in data/curated */
const curatedNames = new Map<string, Set<string>>();

beforeAll(async () => {
  index = await loadShippedIndex();
  for (const d of await loadCurated()) curatedNames.set(d.id, new Set([d.name, ...d.names.map((n) => n.name)].map(nameKey)));
}, 120_000);

describe('junk names in the shipped index', () => {
  it('has no imported device name or non-code name that is a generic token, bare number, carrier or retailer', () => {
    const junk: string[] = [];
    for (const d of index.devices) {
      const ours = curatedNames.get(d.id) ?? new Set<string>();
      for (const name of [d.name, ...d.names.filter((n) => n.kind !== 'code').map((n) => n.name)]) {
        if (!ours.has(nameKey(name)) && isJunkName(name)) junk.push(`${d.id}: "${name}"`);
      }
    }
    expect(junk).toEqual([]);
  });

  it('has no carrier or retailer as a name even in curated records', () => {
    const carriers = ['China Telecom', 'Vodafone', 'Orange', 'Verizon', 'T-Mobile', 'AT&T'].map(nameKey);
    const found = index.devices.flatMap((d) => [d.name, ...d.names.filter((n) => n.kind !== 'code').map((n) => n.name)].filter((n) => carriers.includes(nameKey(n))).map((n) => `${d.id}: "${n}"`));
    expect(found).toEqual([]);
  });

  it('checks real records: the curated exemption does not hide the whole index', () => {
    expect(index.devices.length).toBeGreaterThan(20_000);
    expect(index.devices.filter((d) => !curatedNames.has(d.id)).length).toBeGreaterThan(20_000);
  });
});
