import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLookupTable, deviceTitle, lookupName, nameKey, normaliseName } from '../../core/names';
import { device } from './index-fixtures';

describe('normaliseName', () => {
  it('folds case, spacing and non-breaking spaces', () => {
    expect(normaliseName('  XPERIA\u00a0 Z1   Compact ')).toBe('xperia z1 compact');
  });
  it('reads "+" as "plus"', () => {
    expect(nameKey('Galaxy S8+')).toBe(nameKey('Galaxy S8 Plus'));
    expect(nameKey('Xperia Z3+')).toBe('xperiaz3plus');
  });
  it('glues a lone letter to a model number before it', () => {
    expect(normaliseName('Xperia Z1 f')).toBe('xperia z1f');
    expect(nameKey('Xperia Z1 f')).toBe(nameKey('Xperia Z1f'));
  });
  it('drops brackets and punctuation', () => {
    expect(normaliseName('Phone (2a)')).toBe('phone 2a');
    expect(nameKey('SM-S928B')).toBe(nameKey('sm s928b'));
  });
  it('treats curly and straight quotes alike', () => {
    expect(nameKey('Mi A2\u2019s')).toBe(nameKey("Mi A2's"));
  });
  it('treats full-width characters as their plain forms', () => {
    expect(nameKey('ＳＯ－０２Ｆ')).toBe(nameKey('SO-02F'));
  });
  it('is idempotent (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseName(normaliseName(s)) === normaliseName(s)), { numRuns: Number(process.env.FUZZ_RUNS ?? 500) });
  });
});

describe('buildLookupTable', () => {
  const table = buildLookupTable([
    device(),
    device({ id: 'sony-xperia-z9-pro', name: 'Xperia Z9 Pro', names: [{ name: 'Z9101', kind: 'code' }] }),
  ]);

  it('finds a device by model code in any spelling', () => {
    expect(lookupName(table, 'z9001').map((h) => [h.id, h.kind])).toEqual([['sony-xperia-z9', 'code']]);
  });

  it('finds a device by name with or without its brand', () => {
    expect(lookupName(table, 'Sony Xperia Z9')[0]).toMatchObject({ id: 'sony-xperia-z9', kind: 'official', withBrand: true });
    expect(lookupName(table, 'xperia z9')[0]).toMatchObject({ id: 'sony-xperia-z9', kind: 'official', withBrand: false });
  });

  it('ranks an official name above a rumored one for the same key', () => {
    const hits = lookupName(table, 'Xperia Z9 Pro');
    expect(hits.map((h) => [h.id, h.kind])).toEqual([['sony-xperia-z9-pro', 'official'], ['sony-xperia-z9', 'rumored']]);
  });

  it('returns nothing for an unknown name', () => {
    expect(lookupName(table, 'Xperia Z10')).toEqual([]);
  });
});

describe('deviceTitle', () => {
  it('is brand and marketing name, never the bare number', () => {
    expect(deviceTitle({ brand: 'OnePlus', name: '13' })).toBe('OnePlus 13');
    expect(deviceTitle({ brand: 'Sony', name: 'Xperia Z1 f' })).toBe('Sony Xperia Z1 f');
    expect(deviceTitle({ brand: 'Redmi', name: 'Redmi Note 13' })).toBe('Redmi Note 13');
    expect(deviceTitle({ brand: '', name: 'Pixel 8' })).toBe('Pixel 8');
  });
});
