import { describe, expect, it } from 'vitest';
import { fromMobiinfo, mobiinfoDate, mobiinfoModel } from '../../core/adapters/mobiinfo';
import { coverage, hasKeySpecs, referenceModels, staleStatuses, withoutRegionTag } from '../../scripts/lib/coverage';
import { applyExceptions, exceptionProblems } from '../../scripts/lib/crosscheck-exceptions';
import type { Disagreement } from '../../scripts/lib/crosscheck';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const phone = (brand: string, model: string, date: string, status = 'Available', extra: Record<string, unknown> = {}) => ({
  specifications: {
    General: { Brand: brand, Model: model, 'Device Type': 'Smartphone', 'Release Date': date, Status: status },
    Display: { 'Screen Size': '6.1 inches (15.49 cm)' },
    'Hardware & Software': { Chipset: 'Qualcomm Snapdragon 8 Gen 2' },
    Battery: { Capacity: '3,900 mAh' },
    ...extra,
  },
});

describe('mobiinfo adapter', () => {
  it('reads its dates, expected or not', () => {
    expect(mobiinfoDate('17 January 2023')).toEqual({ date: '2023-01-17', expected: false });
    expect(mobiinfoDate('Exp. 5  May 2026')).toEqual({ date: '2026-05-05', expected: true });
    expect(mobiinfoDate('March 2024')).toEqual({ date: '2024-03', expected: false });
    expect(mobiinfoDate('Not announced yet')).toBeUndefined();
    expect(mobiinfoDate('31 Smarch 2024')).toBeUndefined();
  });

  it('reads one model from its memory-variant and regional listings', () => {
    expect(mobiinfoModel('V50 (12GB+512GB)')).toBe('V50');
    expect(mobiinfoModel('V50 (256GB ROM)')).toBe('V50');
    expect(mobiinfoModel('Galaxy S24 Ultra (12GB RAM)')).toBe('Galaxy S24 Ultra');
    expect(mobiinfoModel('Redmi 13C (China)')).toBe('Redmi 13C (China)');
    expect(withoutRegionTag('Redmi 13C (China)')).toBe('Redmi 13C');
    expect(mobiinfoModel('iPhone 16 Pro (1TB USA)')).toBe('iPhone 16 Pro');
    expect(mobiinfoModel('Galaxy A15 256GB')).toBe('Galaxy A15');
    expect(mobiinfoModel('Note 30 Price in Bangladesh')).toBe('Note 30');
    expect(mobiinfoModel('Moto G Power (2024)')).toBe('Moto G Power (2024)');
  });

  it('turns phones into devices with a status and the specs it compares', () => {
    const [d, up] = fromMobiinfo({ phones: [phone('Samsung', 'Galaxy S23', '17 February 2023'), phone('Samsung', 'Galaxy S27', 'Exp. 1 February 2027', 'Rumored'), { junk: true }, null] });
    expect(d).toMatchObject({ brand: 'Samsung', name: 'Galaxy S23', category: 'phone', status: [{ status: 'released', date: '2023-02-17' }], specs: { displayInches: 6.1, chipset: 'Qualcomm Snapdragon 8 Gen 2', batteryMah: 3900 } });
    expect(up).toMatchObject({ name: 'Galaxy S27', status: [{ status: 'rumored', date: '2027-02-01', expected: true }] });
    expect(fromMobiinfo({ phones: 'nope' })).toEqual([]);
    expect(fromMobiinfo(null)).toEqual([]);
  });
});

const curated = (overrides: Partial<Device>): Device => device({ specs: { displayInches: 6.1, chipset: 'X', batteryMah: 4000 }, ...overrides });

describe('coverage', () => {
  const ref = fromMobiinfo({ phones: [
    phone('Sony', 'Xperia Z9', '3 September 2024'),
    phone('Sony', 'Xperia Z9', '3 September 2024'),
    phone('Sony', 'Xperia Z10', '1 March 2025'),
    phone('Sony', 'Xperia Z10 (China)', '1 March 2025'),
    phone('Sony', 'Xperia Old', '1 March 2019'),
    phone('Acme', 'Rocket 1', '1 March 2024'),
  ] });

  it('counts each model of the report groups once, by year', () => {
    expect(referenceModels(ref, ['2024', '2025']).map((m) => `${m.group} ${m.year} ${m.device.name}`)).toEqual(['Sony 2025 Xperia Z10', 'Sony 2024 Xperia Z9']);
  });

  it('counts a model covered only when it resolves to a curated record with key specs', () => {
    const withSpecs = coverage([curated({})], ref, ['2024', '2025']);
    expect(withSpecs.rows).toEqual([
      { group: 'Sony', year: '2024', models: 1, curatedWithSpecs: 1, anyRecord: 1 },
      { group: 'Sony', year: '2025', models: 1, curatedWithSpecs: 0, anyRecord: 0 },
    ]);
    expect(withSpecs.missing).toEqual([{ group: 'Sony', year: '2025', name: 'Sony Xperia Z10' }]);
    const thin = coverage([curated({ specs: { batteryMah: 1 } })], ref, ['2024']);
    expect(thin.rows[0]).toMatchObject({ curatedWithSpecs: 0, anyRecord: 1 });
    expect(thin.missing[0]).toMatchObject({ resolvesTo: 'sony-xperia-z9' });
    expect(hasKeySpecs(curated({ status: [] }))).toBe(false);
  });
});

describe('stale statuses', () => {
  it('flags rumored or announced records the reference lists on sale', () => {
    const rumored = curated({ status: [{ status: 'rumored', date: '2024-05', source: 'maker' }] });
    const bare = { ...rumored, specs: {} };
    const { matched } = coverage([bare], fromMobiinfo({ phones: [phone('Sony', 'Xperia Z9', '3 September 2024')] }), ['2024']);
    expect(matched.map((m) => m.device.id)).toEqual(['sony-xperia-z9']);
    expect(staleStatuses([bare], matched, '2026-12-08').stale).toEqual([{ id: 'sony-xperia-z9', status: 'rumored', why: 'a reference dataset lists it on sale' }]);
    expect(staleStatuses([bare], [], '2026-12-08').stale).toEqual([]);
  });

  it('flags an announcement with no release long after, unless a release is expected', () => {
    const announced = curated({ status: [{ status: 'announced', date: '2026-01-10', source: 'maker' }] });
    expect(staleStatuses([announced], [], '2026-12-08').stale).toHaveLength(1);
    expect(staleStatuses([announced], [], '2026-03-01').stale).toHaveLength(0);
    const expected = curated({ status: [{ status: 'announced', date: '2026-01-10', source: 'maker' }, { status: 'released', date: '2027-01', expected: true, source: 'maker' }] });
    expect(staleStatuses([expected], [], '2026-12-08').stale).toHaveLength(0);
  });

  it('lists rumors past their expected date as overdue, not stale', () => {
    const late = curated({ status: [{ status: 'rumored', date: '2025-06', source: 'maker' }, { status: 'announced', date: '2026-02', expected: true, source: 'maker' }], rumors: [] });
    expect(staleStatuses([late], [], '2026-12-08')).toEqual({ stale: [], overdue: [{ id: 'sony-xperia-z9', status: 'rumored', why: 'expected 2026-02, not confirmed' }] });
    expect(staleStatuses([late], [], '2026-02-10').overdue).toEqual([]);
  });
});

describe('cross-check exceptions', () => {
  const d: Disagreement = { id: 'sony-xperia-z9', field: 'batteryMah', curated: 3000, dataset: 'mobiinfo', datasetName: 'Sony Xperia Z9', matchedBy: 'name', value: 2600 };

  it('excuse the disagreement they name, pinned to the value when given', () => {
    const base = { id: 'sony-xperia-z9', dataset: 'mobiinfo', field: 'batteryMah' as const, reason: 'The site lists the battery of the mini model.', source: 'Sony press release, 2024-09-03' };
    expect(applyExceptions([d], [base])).toMatchObject({ open: [], excused: [d], unused: [] });
    expect(applyExceptions([d], [{ ...base, value: 2600 }]).open).toEqual([]);
    expect(applyExceptions([d], [{ ...base, value: 2500 }])).toMatchObject({ open: [d], unused: [{ value: 2500 }] });
    expect(applyExceptions([d], [{ ...base, dataset: 'gsmarena-2017' }]).open).toEqual([d]);
  });

  it('must say why, with a source, in known fields', () => {
    expect(exceptionProblems('x.json', [{ id: 'a', dataset: 'b', field: 'batteryMah', reason: 'The reference lists another model.', source: 'Maker, 2024' }])).toEqual([]);
    expect(exceptionProblems('x.json', {})).toEqual(['x.json: not a JSON array']);
    expect(exceptionProblems('x.json', [{ id: 'a', dataset: 'b', field: 'colour', reason: 'short', extra: 1 }])).toEqual([
      'x.json: [0]: unknown field "extra"',
      'x.json: [0]: reason missing or too short to say why',
      'x.json: [0]: source missing',
      'x.json: [0]: field must be one of announced, released, displayInches, batteryMah, chipset',
    ]);
  });
});
