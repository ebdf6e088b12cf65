// The founding story, on the index the extension ships: the Sony Xperia Z1 family, its rumored names and
// the rumor that the Japanese Z1 f would go abroad as the "Xperia Z1S" (it became the Z1 Compact).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../core/schema';
import { currentStatus } from '../../core/status';
import { loadShippedIndex } from '../../scripts/lib/load-index';
import { Resolver } from '../../scripts/lib/resolve';

let resolver: Resolver;
let byId: Map<string, Device>;

beforeAll(async () => {
  const index = await loadShippedIndex();
  resolver = new Resolver(index.devices);
  byId = new Map(index.devices.map((d) => [d.id, d]));
}, 120_000);

describe('the Sony Xperia Z1 family in the shipped index', () => {
  it.each([
    ['SO-02F', 'sony-xperia-z1-f', 'code'],
    ['Xperia Z1f', 'sony-xperia-z1-f', 'official'],
    ['D5503', 'sony-xperia-z1-compact', 'code'],
    ['Xperia Z1 Mini', 'sony-xperia-z1-compact', 'rumored'],
    ['C6916', 'sony-xperia-z1s', 'code'],
    ['Xperia Z1S', 'sony-xperia-z1s', 'official'],
    ['C6903', 'sony-xperia-z1', 'code'],
    ['SM-S928B', 'samsung-galaxy-s24-ultra', 'code'],
  ])('resolves %s to %s', (query, id, kind) => {
    const found = resolver.resolve(query);
    expect(found?.device.id).toBe(id);
    expect(found?.hit.kind).toBe(kind);
  });

  it('links the Z1s to the Z1 as its US carrier variant and the Z1 f to the Z1 Compact as its Japanese sibling', () => {
    expect(byId.get('sony-xperia-z1s')?.variants).toContainEqual(expect.objectContaining({ id: 'sony-xperia-z1', relation: 'carrier-variant' }));
    expect(byId.get('sony-xperia-z1-f')?.variants).toContainEqual(
      expect.objectContaining({ id: 'sony-xperia-z1-compact', relation: 'regional-sibling' }),
    );
  });

  it('keeps the "sold abroad as Xperia Z1S" rumor with its outcome: wrong', () => {
    const rumors = [...(byId.get('sony-xperia-z1-f')?.rumors ?? []), ...(byId.get('sony-xperia-z1-compact')?.rumors ?? [])];
    const z1s = rumors.filter((r) => /Z1S/i.test(r.claim));
    expect(z1s.length).toBeGreaterThan(0);
    for (const rumor of z1s) {
      expect(rumor.outcome).toBe('wrong');
      expect(rumor.outcomeNote).toMatch(/Compact/);
    }
  });

  it('knows what each was at the seed article (November 2013) and what it is now', () => {
    const compact = byId.get('sony-xperia-z1-compact')!;
    expect(currentStatus(compact, '2013-11-20')?.status).toBe('rumored');
    expect(currentStatus(compact)?.status).toMatch(/released|discontinued/);
    expect(currentStatus(byId.get('sony-xperia-z1-f')!, '2013-11-20')?.status).toBe('announced');
    expect(currentStatus(byId.get('sony-xperia-z1')!, '2013-11-20')?.status).toMatch(/released|announced/);
  });
});
