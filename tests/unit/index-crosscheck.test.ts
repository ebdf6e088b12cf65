import { describe, expect, it } from 'vitest';
import { batteryDisagrees, chipKeys, chipsetsDisagree, crossCheck, datesDisagree, inchesDisagree } from '../../scripts/lib/crosscheck';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const reference = (overrides: Partial<Device>): Device => ({
  id: 'ref', brand: 'Sony', name: 'Xperia Z9', category: 'phone', names: [], status: [], sources: [{ id: 'ds', title: 'Dataset' }], ...overrides,
});

describe('comparison rules', () => {
  it('allows 45 days between the periods two dates name', () => {
    expect(datesDisagree('2014-10', '2014-10-20')).toBe(false);
    expect(datesDisagree('2014-10', '2014-11-01')).toBe(false);
    expect(datesDisagree('2014-10-01', '2014-11-15')).toBe(false);
    expect(datesDisagree('2014-10-01', '2014-11-16')).toBe(true);
    expect(datesDisagree('2014-10', '2014-12-20')).toBe(true);
    expect(datesDisagree('2014', '2014-12')).toBe(false);
    expect(datesDisagree('2014', '2015-01-20')).toBe(false);
    expect(datesDisagree('2014', '2015-02-20')).toBe(true);
  });
  it('compares chipsets by the chips they name', () => {
    expect(chipKeys('Qualcomm SM8550-AC Snapdragon 8 Gen 2 (4 nm)')).toEqual(['snapdragon 8 gen 2']);
    expect(chipKeys('Exynos 2400 / Snapdragon 8 Gen 3 (by region)').sort()).toEqual(['exynos 2400', 'snapdragon 8 gen 3']);
    expect(chipsetsDisagree('Qualcomm Snapdragon 855+', 'Qualcomm Snapdragon 855 Plus')).toBe(false);
    expect(chipsetsDisagree('MediaTek Dimensity 7200-Ultra', 'Mediatek Dimensity 7200 Ultra')).toBe(false);
    expect(chipsetsDisagree('Google Tensor G2', 'Google Tensor GS201')).toBe(false);
    expect(chipsetsDisagree('Samsung Exynos 2400 / Qualcomm Snapdragon 8 Gen 3', 'Snapdragon 8 Gen 3 for Galaxy')).toBe(false);
    expect(chipsetsDisagree('HiSilicon Kirin 9100', 'Kirin 9020')).toBe(true);
    expect(chipsetsDisagree('Qualcomm Snapdragon 8s Gen 3', 'Qualcomm Snapdragon 7 Plus Gen 3')).toBe(true);
    expect(chipsetsDisagree('Apple A17 Pro', 'A16 Bionic')).toBe(true);
    expect(chipsetsDisagree('Octa-core 2.2 GHz', 'Snapdragon 680')).toBe(false);
  });
  it('allows rounding in display sizes and rated-versus-typical batteries', () => {
    expect(inchesDisagree(5.2, 5.22)).toBe(false);
    expect(inchesDisagree(5.2, 5.5)).toBe(true);
    expect(batteryDisagrees(3000, 2950)).toBe(false);
    expect(batteryDisagrees(3100, 2600)).toBe(true);
  });
});

describe('crossCheck', () => {
  it('reports each disagreeing fact with both values', () => {
    const ref = reference({
      name: 'XPERIA Z9',
      specs: { displayInches: 5.5, batteryMah: 3000 },
      status: [{ status: 'announced', date: '2014-09' }, { status: 'released', date: '2015-01' }],
    });
    expect(crossCheck([device()], [ref], 'ds')).toEqual([
      { id: 'sony-xperia-z9', dataset: 'ds', datasetName: 'Sony XPERIA Z9', matchedBy: 'name', field: 'released', curated: '2014-10', value: '2015-01' },
      { id: 'sony-xperia-z9', dataset: 'ds', datasetName: 'Sony XPERIA Z9', matchedBy: 'name', field: 'displayInches', curated: 5, value: 5.5 },
    ]);
  });

  it('matches by model code when the names differ', () => {
    const ref = reference({ name: 'Z9 International', names: [{ name: 'z9001', kind: 'code' }], specs: { batteryMah: 2000 } });
    expect(crossCheck([device()], [ref], 'ds')).toMatchObject([{ field: 'batteryMah', matchedBy: 'model code', value: 2000 }]);
  });

  it('reports nothing for unmatched devices or agreeing facts', () => {
    expect(crossCheck([device()], [reference({ name: 'Xperia Z10', specs: { batteryMah: 1 } })], 'ds')).toEqual([]);
    expect(crossCheck([device()], [reference({ specs: { batteryMah: 3010, displayInches: 5 } })], 'ds')).toEqual([]);
  });

  it('accepts an announcement date as a loose dataset release date', () => {
    const ref = reference({ status: [{ status: 'released', date: '2014-07-25' }] });
    expect(crossCheck([device()], [ref], 'ds')).toHaveLength(1);
    expect(crossCheck([device()], [ref], 'ds', { looseRelease: true })).toEqual([]);
  });
});
