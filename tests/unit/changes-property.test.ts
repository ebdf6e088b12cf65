// Properties of change detection over generated records: nothing changed means no change, reordering
// lists that carry no order (names, sources, rumors, option sets) is never news, every key is stable and
// unique, and every kind is one the settings offer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDevice } from '../../core/changes';
import { CHANGE_KINDS } from '../../utils/settings-model';
import type { Device, Rumor, StatusEvent } from '../../core/schema';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const date = fc.tuple(fc.integer({ min: 2010, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 })).map(
  ([y, m, d, precision]) => [String(y), `${y}-${String(m).padStart(2, '0')}`, `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`][precision]!,
);

const event: fc.Arbitrary<StatusEvent> = fc.record(
  {
    status: fc.constantFrom('rumored', 'announced', 'released', 'cancelled', 'discontinued'),
    date,
    region: fc.constantFrom('US', 'JP', 'DE', 'global'),
    expected: fc.boolean(),
  },
  { requiredKeys: ['status', 'date'] },
);

const rumor: fc.Arbitrary<Rumor> = fc.record({
  claim: fc.string({ minLength: 1, maxLength: 30 }),
  source: fc.record({ publication: fc.constantFrom('Leaks Daily', 'Tipster', 'The Verge') }),
  confidence: fc.constantFrom('low', 'medium', 'high'),
  outcome: fc.constantFrom('confirmed', 'wrong', 'partly', 'pending'),
});

const device: fc.Arbitrary<Device> = fc
  .record({
    // Dates sorted: a valid timeline is oldest first.
    status: fc.array(event, { maxLength: 5 }).map((events) => events.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0))),
    rumors: fc.uniqueArray(rumor, { maxLength: 4, selector: (r) => `${r.source.publication}|${r.claim.trim().toLowerCase().replace(/\s+/g, ' ')}` }),
    ram: fc.uniqueArray(fc.constantFrom(4, 6, 8, 12, 16), { maxLength: 3 }),
    battery: fc.option(fc.integer({ min: 1000, max: 7000 }), { nil: undefined }),
    names: fc.uniqueArray(fc.constantFrom('A1', 'A-100', 'Alpha One', 'Alpha'), { maxLength: 4 }),
  })
  .map(({ status, rumors, ram, battery, names }) => ({
    id: 'acme-alpha',
    brand: 'Acme',
    name: 'Alpha',
    category: 'phone' as const,
    names: names.map((name) => ({ name, kind: 'code' as const })),
    specs: { ...(ram.length ? { ramGb: ram.sort((a, b) => a - b) } : {}), ...(battery !== undefined ? { batteryMah: battery } : {}) },
    status,
    rumors,
    sources: [
      { id: 'acme', title: 'Acme' },
      { id: 'leaks', title: 'Leaks' },
    ],
  }));

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('diffDevice properties', () => {
  it('property: a record compared with itself or a copy has no changes', () => {
    fc.assert(
      fc.property(device, fc.constantFrom('US', 'JP', 'DE'), (d, region) => {
        expect(diffDevice(d, d, region)).toEqual([]);
        expect(diffDevice(d, structuredClone(d), region)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: reordering names, sources, rumors and option sets is never news', () => {
    fc.assert(
      fc.property(device, fc.integer({ min: 1, max: 1_000_000 }), (d, seed) => {
        const noisy = structuredClone(d);
        noisy.names = shuffled(noisy.names, seed);
        noisy.sources = shuffled(noisy.sources, seed + 1);
        noisy.rumors = shuffled(noisy.rumors ?? [], seed + 2);
        if (noisy.specs?.ramGb) noisy.specs.ramGb = shuffled(noisy.specs.ramGb, seed + 3);
        expect(diffDevice(d, noisy, 'US')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: changes between any two records have known kinds, unique keys, and the same keys every time', () => {
    fc.assert(
      fc.property(device, device, fc.constantFrom('US', 'JP'), (a, b, region) => {
        const changes = diffDevice(a, b, region);
        for (const c of changes) {
          expect(CHANGE_KINDS).toContain(c.kind);
          expect(c.key.startsWith(`${a.id}|${c.kind}|`)).toBe(true);
          expect(c.text.length).toBeGreaterThan(0);
        }
        expect(new Set(changes.map((c) => c.key)).size).toBe(changes.length);
        expect(diffDevice(structuredClone(a), structuredClone(b), region)).toEqual(changes);
      }),
      { numRuns: RUNS },
    );
  });
});
