// Short, formatted views of a device for lists and cards: two or three key specs, the headline status.
import type { Device, Specs } from './schema';

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

function formatGbOptions(options: number[] | undefined, unit = 'GB'): string | null {
  if (!options?.length) return null;
  const text = options.map((gb) => (gb >= 1024 ? `${formatNumber(gb / 1024)} TB` : `${formatNumber(gb)}`));
  const last = text[text.length - 1]!;
  return text.length === 1 ? (last.endsWith('TB') ? last : `${last} ${unit}`) : `${text.join(' / ')}${last.endsWith('TB') ? '' : ` ${unit}`}`;
}

/** Every spec as [label key, formatted value], in the order a card lists them; absent specs omitted. */
export function formatSpecs(specs: Specs | undefined): [keyof Specs, string][] {
  if (!specs) return [];
  const rows: [keyof Specs, string | null][] = [
    ['displayInches', specs.displayInches !== undefined ? `${formatNumber(specs.displayInches)} in` : null],
    ['displayResolution', specs.displayResolution ? `${specs.displayResolution.replace('x', ' × ')} px` : null],
    ['chipset', specs.chipset ?? null],
    ['ramGb', formatGbOptions(specs.ramGb)],
    ['storageGb', formatGbOptions(specs.storageGb)],
    ['mainCameraMp', specs.mainCameraMp !== undefined ? `${formatNumber(specs.mainCameraMp)} MP` : null],
    ['rearCamerasMp', specs.rearCamerasMp?.length ? specs.rearCamerasMp.map((mp) => `${formatNumber(mp)}`).join(' + ') + ' MP' : null],
    ['selfieCameraMp', specs.selfieCameraMp !== undefined ? `${formatNumber(specs.selfieCameraMp)} MP` : null],
    ['batteryMah', specs.batteryMah !== undefined ? `${specs.batteryMah} mAh` : null],
    ['osAtLaunch', specs.osAtLaunch ?? null],
    ['dimensionsMm', specs.dimensionsMm ? `${specs.dimensionsMm.map(formatNumber).join(' × ')} mm` : null],
    ['weightG', specs.weightG !== undefined ? `${formatNumber(specs.weightG)} g` : null],
  ];
  return rows.filter((row): row is [keyof Specs, string] => row[1] !== null);
}

/** Two or three specs that tell devices apart at a glance: screen, chip, battery (or storage). */
export function keySpecs(device: Pick<Device, 'specs'>): string[] {
  const specs = device.specs;
  if (!specs) return [];
  const out: string[] = [];
  if (specs.displayInches !== undefined) out.push(`${formatNumber(specs.displayInches)} in`);
  if (specs.chipset) out.push(specs.chipset.replace(/^Qualcomm /, ''));
  if (specs.batteryMah !== undefined) out.push(`${specs.batteryMah} mAh`);
  else if (specs.storageGb?.length) out.push(formatGbOptions(specs.storageGb)!);
  return out.slice(0, 3);
}
