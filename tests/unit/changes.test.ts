// Change detection for followed devices: only meaningful changes, each once, with keys that do not
// depend on where the news came from.
import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_LIST, diffDevice } from '../../core/changes';
import { CHANGE_KINDS } from '../../utils/settings-model';
import type { Device } from '../../core/schema';

function rumoredPhone(): Device {
  return {
    id: 'acme-nova-9',
    brand: 'Acme',
    name: 'Nova 9',
    category: 'phone',
    names: [
      { name: 'Nova9', kind: 'shorthand' },
      { name: 'AC-N9', kind: 'code' },
    ],
    specs: { displayInches: 6.7, ramGb: [8, 12] },
    status: [{ status: 'rumored', date: '2025-01' }],
    rumors: [
      { claim: 'Ships with a 5000 mAh battery', source: { publication: 'Leaks Daily', date: '2025-01-03' }, confidence: 'medium', outcome: 'pending' },
      { claim: 'Has a periscope camera', source: { publication: 'Tipster', date: '2025-01-05' }, confidence: 'low', outcome: 'pending' },
    ],
    sources: [
      { id: 'leaks', title: 'Leaks Daily' },
      { id: 'acme', title: 'Acme press' },
    ],
  };
}

function announced(d: Device): Device {
  return { ...structuredClone(d), status: [...d.status, { status: 'announced', date: '2025-02-10' }] };
}

describe('diffDevice', () => {
  it('lists the same kinds the settings offer', () => {
    expect([...CHANGE_KIND_LIST]).toEqual([...CHANGE_KINDS]);
  });

  it('finds nothing when the record is unchanged', () => {
    expect(diffDevice(rumoredPhone(), rumoredPhone(), 'US')).toEqual([]);
  });

  it('finds nothing when only the order of names, sources, same-day events, rumors and option lists changed', () => {
    const before = rumoredPhone();
    before.status.push(
      { status: 'announced', date: '2025-02-10' },
      { status: 'released', date: '2025-03-01', region: 'JP' },
      { status: 'released', date: '2025-03-01', region: 'US' },
    );
    const after = structuredClone(before);
    after.names.reverse();
    after.sources.reverse();
    // The timeline is oldest first (validated); events of the same day may come in either order.
    [after.status[2], after.status[3]] = [after.status[3]!, after.status[2]!];
    after.rumors!.reverse();
    after.specs!.ramGb = [12, 8];
    expect(diffDevice(before, after, 'US')).toEqual([]);
  });

  it('tells a move from rumored to announced once, with its date, not again as an announce date', () => {
    const changes = diffDevice(rumoredPhone(), announced(rumoredPhone()), 'US');
    expect(changes).toEqual([
      {
        deviceId: 'acme-nova-9',
        kind: 'status',
        key: 'acme-nova-9|status|announced',
        text: 'Acme Nova 9 is now announced (2025-02-10), was rumored',
      },
    ]);
  });

  it('tells a corrected announce date', () => {
    const before = announced(rumoredPhone());
    const after = structuredClone(before);
    after.status[1]!.date = '2025-02-12';
    const changes = diffDevice(before, after, 'US');
    expect(changes.map((c) => [c.kind, c.key])).toEqual([['announce-date', 'acme-nova-9|announce-date|2025-02-12']]);
    expect(changes[0]!.text).toContain('was 2025-02-10');
  });

  it('tells an expected release date appearing and then moving', () => {
    const a = announced(rumoredPhone());
    const b = structuredClone(a);
    b.status.push({ status: 'released', date: '2025-03', expected: true });
    const c = structuredClone(b);
    c.status[2]!.date = '2025-04';
    expect(diffDevice(a, b, 'US').map((x) => x.key)).toEqual(['acme-nova-9|expected-date|released|2025-03']);
    const moved = diffDevice(b, c, 'US');
    expect(moved.map((x) => x.key)).toEqual(['acme-nova-9|expected-date|released|2025-04']);
    expect(moved[0]!.text).toContain('(was 2025-03)');
  });

  it('tells a release in the reader region separately from a release elsewhere', () => {
    const a = announced(rumoredPhone());
    const inJapan = structuredClone(a);
    inJapan.status.push({ status: 'released', date: '2025-03-01', region: 'JP' });
    const inUs = structuredClone(inJapan);
    inUs.status.push({ status: 'released', date: '2025-04-01', region: 'US' });

    expect(diffDevice(a, inJapan, 'US').map((x) => x.kind)).toEqual(['status']);
    expect(diffDevice(inJapan, inUs, 'US').map((x) => x.key)).toEqual(['acme-nova-9|regional-release|US']);
    // A reader in Japan hears it from the status line only, not twice.
    expect(diffDevice(a, inJapan, 'JP').map((x) => x.kind)).toEqual(['status']);
    expect(diffDevice(inJapan, inUs, 'JP')).toEqual([]);
  });

  it('tells rumors confirmed and proven wrong, matched by claim rather than position', () => {
    const before = rumoredPhone();
    const after = structuredClone(before);
    after.rumors!.reverse();
    after.rumors![0]!.outcome = 'wrong';
    after.rumors![0]!.outcomeNote = 'No periscope';
    after.rumors![1]!.outcome = 'confirmed';
    const changes = diffDevice(before, after, 'US');
    expect(changes.map((c) => c.kind)).toEqual(['rumor-outcome', 'rumor-outcome']);
    expect(changes[0]!.text).toContain('proven wrong');
    expect(changes[0]!.text).toContain('No periscope');
    expect(changes[1]!.text).toContain('confirmed');
    expect(new Set(changes.map((c) => c.key)).size).toBe(2);
  });

  it('tells newly confirmed or changed specs in one change, and not a spec that merely stayed', () => {
    const before = rumoredPhone();
    const after = structuredClone(before);
    after.specs = { ...after.specs, chipset: 'Snapdragon 8 Elite', batteryMah: 5000 };
    const changes = diffDevice(before, after, 'US');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.kind).toBe('specs-confirmed');
    expect(changes[0]!.text).toBe('Acme Nova 9: specs confirmed — chipset Snapdragon 8 Elite, battery 5000 mAh');
    // Dropping a spec is not news.
    expect(diffDevice(after, before, 'US').filter((c) => c.kind === 'specs-confirmed')).toEqual([]);
  });

  it('lists several changes at once in a stable order', () => {
    const before = rumoredPhone();
    const after = announced(before);
    after.status.push({ status: 'released', date: '2025-03', expected: true });
    after.rumors![0]!.outcome = 'confirmed';
    after.specs!.batteryMah = 5000;
    expect(diffDevice(before, after, 'US').map((c) => c.kind)).toEqual(['status', 'expected-date', 'rumor-outcome', 'specs-confirmed']);
  });

  it('tells a device that disappeared', () => {
    expect(diffDevice(rumoredPhone(), undefined, 'US')).toEqual([
      { deviceId: 'acme-nova-9', kind: 'removed', key: 'acme-nova-9|removed|', text: 'Acme Nova 9 is no longer in the index' },
    ]);
  });

  it('gives the same keys for the same news whatever the record looked like before', () => {
    // An update and a feed may each bring the announcement; "already told" must recognise it.
    const viaUpdate = diffDevice(rumoredPhone(), announced(rumoredPhone()), 'US');
    const noisy = rumoredPhone();
    noisy.names.reverse();
    const viaFeed = diffDevice(noisy, announced(rumoredPhone()), 'US');
    expect(viaFeed.map((c) => c.key)).toEqual(viaUpdate.map((c) => c.key));
  });
});

describe('diffDevice when a status moves back (issue 22 item 12)', () => {
  const wasAnnounced = announced(rumoredPhone());

  it('tells nothing about an undeclared step back: it is older data, not news', () => {
    expect(diffDevice(wasAnnounced, rumoredPhone(), 'US').filter((c) => c.kind === 'status')).toEqual([]);
  });

  it('tells a declared correction once, naming what was withdrawn, and retracts the withdrawn news', () => {
    const corrected: Device = { ...rumoredPhone(), statusCorrection: { withdrawn: 'announced', note: 'The launch page was fake.' } };
    const [change] = diffDevice(wasAnnounced, corrected, 'US').filter((c) => c.kind === 'status');
    expect(change).toMatchObject({
      kind: 'status',
      text: 'Acme Nova 9: status corrected to rumored (2025-01), announced was withdrawn: The launch page was fake.',
      retracts: ['acme-nova-9|status|announced', 'acme-nova-9|status|released', 'acme-nova-9|status|cancelled', 'acme-nova-9|status|discontinued'],
    });
    expect(change!.key).toMatch(/^acme-nova-9\|status\|rumored\|withdrawn-announced\|/);
    // The return after the correction is told with the key the correction retracted.
    const [back] = diffDevice(corrected, announced(rumoredPhone()), 'US').filter((c) => c.kind === 'status');
    expect(back?.key).toBe('acme-nova-9|status|announced');
  });

  it('ignores a correction that names another status than the one the reader had', () => {
    const wrongFlag: Device = { ...rumoredPhone(), statusCorrection: { withdrawn: 'released', note: 'x' } };
    expect(diffDevice(wasAnnounced, wrongFlag, 'US').filter((c) => c.kind === 'status')).toEqual([]);
  });
});
