import { describe, expect, it } from 'vitest';
import { batteryDisagrees, crossCheck, datesDisagree, inchesDisagree } from '../../scripts/lib/crosscheck';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const reference = (overrides: Partial<Device>): Device => ({
  id: 'ref', brand: 'Sony', name: 'Xperia Z9', category: 'phone', names: [], status: [], sources: [{ id: 'ds', title: 'Dataset' }], ...overrides,
});

describe('comparison rules', () => {
  it('compares dates at their common precision', () => {
    expect(datesDisagree('2014-10', '2014-10-20')).toBe(false);
    expect(datesDisagree('2014-10', '2014-11-01')).toBe(true);
    expect(datesDisagree('2014', '2014-12')).toBe(false);
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
      status: [{ status: 'announced', date: '2014-09' }, { status: 'released', date: '2014-12' }],
    });
    expect(crossCheck([device()], [ref], 'ds')).toEqual([
      { id: 'sony-xperia-z9', dataset: 'ds', datasetName: 'Sony XPERIA Z9', matchedBy: 'name', field: 'released', curated: '2014-10', value: '2014-12' },
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
    const ref = reference({ status: [{ status: 'released', date: '2014-09' }] });
    expect(crossCheck([device()], [ref], 'ds')).toHaveLength(1);
    expect(crossCheck([device()], [ref], 'ds', { looseRelease: true })).toEqual([]);
  });
});
