// The comparison's rule table: which value is better, and when no value is called better.
import { describe, expect, it } from 'vitest';
import { COMPARE_RULES, betterOf } from '../../core/compare';
import type { Specs } from '../../core/schema';

describe('which compared value is better', () => {
  it('calls the larger battery, storage, memory, cameras and screen pixels better, and the lighter device', () => {
    const a: Specs = { batteryMah: 5000, weightG: 210, storageGb: [128, 256], ramGb: [8], mainCameraMp: 50, selfieCameraMp: 12, displayResolution: '1080x2400' };
    const b: Specs = { batteryMah: 4500, weightG: 187, storageGb: [128, 512], ramGb: [12], mainCameraMp: 48, selfieCameraMp: 32, displayResolution: '1440x3120' };
    expect(betterOf('batteryMah', [a, b])).toEqual([0]);
    expect(betterOf('weightG', [a, b])).toEqual([1]);
    expect(betterOf('storageGb', [a, b])).toEqual([1]);
    expect(betterOf('ramGb', [a, b])).toEqual([1]);
    expect(betterOf('mainCameraMp', [a, b])).toEqual([0]);
    expect(betterOf('selfieCameraMp', [a, b])).toEqual([1]);
    expect(betterOf('displayResolution', [a, b])).toEqual([1]);
  });

  it('names every device tied for the best, and none when all are equal', () => {
    expect(betterOf('batteryMah', [{ batteryMah: 5000 }, { batteryMah: 4000 }, { batteryMah: 5000 }])).toEqual([0, 2]);
    expect(betterOf('batteryMah', [{ batteryMah: 5000 }, { batteryMah: 5000 }])).toEqual([]);
  });

  it('does not call a value better when fewer than two devices have one', () => {
    expect(betterOf('weightG', [{ weightG: 150 }, {}])).toEqual([]);
    expect(betterOf('displayResolution', [{ displayResolution: 'unknown' }, { displayResolution: '720x1600' }])).toEqual([]);
  });

  it('has no rule for taste or what needs benchmarks: screen size, chipset, OS, dimensions', () => {
    for (const key of ['displayInches', 'chipset', 'osAtLaunch', 'dimensionsMm', 'rearCamerasMp'] as const) {
      expect(COMPARE_RULES[key]).toBeUndefined();
    }
    expect(betterOf('displayInches', [{ displayInches: 6.1 }, { displayInches: 6.8 }])).toEqual([]);
  });
});
