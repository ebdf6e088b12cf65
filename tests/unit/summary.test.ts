import { describe, expect, it } from 'vitest';
import { formatSpecs, keySpecs } from '../../core/summary';

describe('device summaries', () => {
  it('picks screen, chip and battery as key specs, without the Qualcomm prefix', () => {
    expect(keySpecs({ specs: { displayInches: 6.8, chipset: 'Qualcomm Snapdragon 8 Gen 3', batteryMah: 5000, storageGb: [256] } })).toEqual([
      '6.8 in',
      'Snapdragon 8 Gen 3',
      '5000 mAh',
    ]);
  });
  it('falls back to storage when the battery is unknown, and to nothing without specs', () => {
    expect(keySpecs({ specs: { storageGb: [128, 256, 1024] } })).toEqual(['128 / 256 / 1 TB']);
    expect(keySpecs({})).toEqual([]);
  });
  it('formats every known spec and omits the unknown ones', () => {
    const rows = formatSpecs({ displayInches: 4.3, ramGb: [2], dimensionsMm: [127, 64.9, 9.5], weightG: 137 });
    expect(rows).toEqual([
      ['displayInches', '4.3 in'],
      ['ramGb', '2 GB'],
      ['dimensionsMm', '127 × 64.9 × 9.5 mm'],
      ['weightG', '137 g'],
    ]);
  });
});
