// Small hand-made records shared by the index tests (not a test file itself).
import type { Device } from '../../core/schema';

export function device(overrides: Partial<Device> = {}): Device {
  return {
    id: 'sony-xperia-z9',
    brand: 'Sony',
    name: 'Xperia Z9',
    category: 'phone',
    names: [
      { name: 'Z9001', kind: 'code', region: 'global' },
      { name: 'Xperia Z9 Pro', kind: 'rumored' },
    ],
    specs: { displayInches: 5, batteryMah: 3000 },
    specSources: { '*': 'maker' },
    status: [
      { status: 'announced', date: '2014-09-03', source: 'maker' },
      { status: 'released', date: '2014-10', region: 'EU', source: 'maker' },
    ],
    rumors: [
      {
        claim: 'Will be called Xperia Z9 Pro',
        source: { publication: 'A leak site', url: 'https://leaks.example/z9', date: '2014-06' },
        confidence: 'low',
        outcome: 'wrong',
        resolvedOn: '2014-09-03',
      },
    ],
    sources: [{ id: 'maker', title: 'Maker press release', url: 'https://maker.example/press' }],
    ...overrides,
  };
}
