import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyFeed, DEFAULT_FEED_LIMITS, installedIndexProblem, isVersionInBounds, latestAcceptableVersion, MAX_REMOVED_SHARE, maxRemovals,
  minimumDevices, packIndex, parseFeed, REMOVALS_ALWAYS_ALLOWED, stableStringify, statusRollbacks, unpackIndex, VERSION_MARGIN_DAYS,
  versionOfDate, type Feed,
} from '../../core/feed';
import type { Device, DeviceIndex } from '../../core/schema';
import { deviceListProblems } from '../../core/validate';
import { device } from './index-fixtures';

const feedFixture = (file: string): string => readFileSync(new URL(`../fixtures/feeds/${file}`, import.meta.url), 'utf8');

const oldPhone: Device = device({ id: 'acme-old-phone', brand: 'Acme', name: 'Old Phone', names: [], rumors: [] });
/** The reader's date: versions up to 2014-12-03 (two days' margin) are plausible. */
const NOW = new Date('2014-12-01T12:00:00Z');
const installed: DeviceIndex = { format: 1, version: 20141003, builtFrom: '2014-10-03', devices: [oldPhone, device()] };

function snapshot(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 1, kind: 'snapshot', version: 20141101, devices: [device()], ...overrides });
}

function reason(text: string, installedVersion = installed.version, limits = DEFAULT_FEED_LIMITS): string {
  const result = parseFeed(text, { installedVersion, now: NOW, limits });
  if (result.ok) throw new Error('feed was accepted');
  return result.reason;
}

describe('parseFeed accepts', () => {
  it('a newer snapshot', () => {
    const result = parseFeed(snapshot(), { installedVersion: installed.version, now: NOW });
    expect(result.ok && result.feed.kind).toBe('snapshot');
  });

  it('a delta built on the installed version', () => {
    const result = parseFeed(feedFixture('delta-z9-release.json'), { installedVersion: installed.version, now: NOW });
    expect(result.ok).toBe(true);
  });
});

describe('parseFeed refuses', () => {
  it('invalid JSON', () => {
    expect(reason('{"format": 1, kind: snapshot}')).toMatch(/^invalid JSON: /);
    expect(reason('not json at all')).toMatch(/^invalid JSON: /);
  });

  it('a truncated feed', () => {
    const text = snapshot();
    expect(reason(text.slice(0, text.length / 2))).toBe('truncated: the JSON ends before the feed does');
    expect(reason('')).toBe('truncated: the feed is empty');
  });

  it('an oversized feed before parsing it', () => {
    const limits = { ...DEFAULT_FEED_LIMITS, maxBytes: 100 };
    // Not even valid JSON: the size check comes first, so parsing is never attempted.
    expect(reason(`{${'x'.repeat(200)}`, installed.version, limits)).toBe('oversized: 201 bytes > limit of 100');
    expect(DEFAULT_FEED_LIMITS.maxBytes).toBe(8 * 1024 * 1024);
  });

  it('counts bytes, not characters, against the size limit', () => {
    const limits = { ...DEFAULT_FEED_LIMITS, maxBytes: 10 };
    expect(reason('"ééééé1"', installed.version, limits)).toBe('oversized: 13 bytes > limit of 10');
  });

  it('too many devices', () => {
    const limits = { ...DEFAULT_FEED_LIMITS, maxDevices: 1 };
    expect(reason(snapshot({ devices: [device(), device({ id: 'sony-other' })] }), installed.version, limits)).toBe('oversized: 2 devices > limit of 1');
  });

  it('a wrong schema, saying where', () => {
    expect(reason('[]')).toBe('wrong schema: feed: not an object');
    expect(reason(snapshot({ format: 2 }))).toBe('wrong schema: format: expected 1, got 2');
    expect(reason(snapshot({ kind: 'patch' }))).toBe('wrong schema: kind: expected "snapshot" or "delta"');
    expect(reason(snapshot({ version: '20141101' }))).toBe('wrong schema: version: not a positive integer');
    expect(reason(snapshot({ devices: {} }))).toBe('wrong schema: devices: not an array');
    expect(reason(snapshot({ extra: true }))).toBe('wrong schema: extra: unknown field');
    expect(reason(snapshot({ devices: [{ ...device(), category: 'laptop' }] })))
      .toBe('invalid records: devices: [0] sony-xperia-z9: category: "laptop"; expected one of phone, tablet, watch, other');
  });

  it('an older or equal version', () => {
    expect(reason(snapshot({ version: installed.version }))).toBe(`not newer: feed version ${installed.version} <= installed version ${installed.version}`);
    expect(reason(snapshot({ version: 5 }))).toBe(`not newer: feed version 5 <= installed version ${installed.version}`);
  });

  it('a delta whose base is not the installed version', () => {
    const text = feedFixture('delta-z9-release.json');
    expect(reason(text, 20141002)).toBe('base mismatch: delta applies to version 20141003, installed is 20141002');
  });

  it('a delta that does not advance its base', () => {
    const delta = { format: 1, kind: 'delta', baseVersion: installed.version, version: installed.version, upsert: [], remove: [] };
    expect(reason(JSON.stringify(delta))).toBe(`wrong schema: version ${installed.version} is not after baseVersion ${installed.version}`);
  });

  it('duplicate ids', () => {
    expect(reason(snapshot({ devices: [device(), device()] }))).toBe('duplicate ids: sony-xperia-z9');
    const delta = { format: 1, kind: 'delta', baseVersion: installed.version, version: installed.version + 1, upsert: [device()], remove: ['sony-xperia-z9'] };
    expect(reason(JSON.stringify(delta))).toBe('duplicate ids: sony-xperia-z9');
  });

  it('hostile strings: bidi overrides, non-https URLs', () => {
    const text = reason(feedFixture('hostile-snapshot.json'));
    expect(text).toBe('invalid records: devices: [0] acme-phone: name: contains control or bidi-override characters; '
      + 'devices: [0] acme-phone: sources[0].url: not an https: URL; '
      + 'devices: [0] acme-phone: rumors[0].source.url: not an https: URL');
  });

  it('control characters and overlong strings', () => {
    expect(reason(snapshot({ devices: [device({ brand: 'Sony\u0007' })] }))).toBe('invalid records: devices: [0] sony-xperia-z9: brand: contains control or bidi-override characters');
    expect(reason(snapshot({ devices: [device({ name: 'Z'.repeat(10_000) })] }))).toBe('invalid records: devices: [0] sony-xperia-z9: name: too long (10000 > 120 characters)');
  });

  it('removals that are not device ids', () => {
    const delta = { format: 1, kind: 'delta', baseVersion: installed.version, version: installed.version + 1, upsert: [], remove: ['Not An Id'] };
    expect(reason(JSON.stringify(delta))).toBe('invalid records: remove[0]: not a device id');
  });

  it('lists the first problems and counts the rest', () => {
    const bad = Array.from({ length: 8 }, (_, i) => device({ id: `sony-${i}`, category: 'laptop' as Device['category'] }));
    expect(reason(snapshot({ devices: bad }))).toMatch(/; and 3 more$/);
  });
});

describe('applyFeed', () => {
  it('replaces every device with a snapshot', () => {
    const result = parseFeed(snapshot(), { installedVersion: installed.version, now: NOW });
    if (!result.ok) throw new Error(result.reason);
    const next = applyFeed(installed, result.feed);
    expect(next.version).toBe(20141101);
    expect(next.devices.map((d) => d.id)).toEqual(['sony-xperia-z9']);
    expect(next.builtFrom).toBe(installed.builtFrom);
  });

  it('removes and upserts by id with a delta, without touching the old index', () => {
    const before = JSON.stringify(installed);
    const result = parseFeed(feedFixture('delta-z9-release.json'), { installedVersion: installed.version, now: NOW });
    if (!result.ok) throw new Error(result.reason);
    const next = applyFeed(installed, result.feed);
    expect(next.devices.map((d) => d.id)).toEqual(['sony-xperia-z9']);
    expect(next.devices[0]!.status).toHaveLength(3);
    expect(next.builtFrom).toBe('2014-11-01');
    expect(JSON.stringify(installed)).toBe(before);
  });

  it('refuses a delta that would leave a variant link dangling', () => {
    const linked = device({ id: 'sony-xperia-z9s', variants: [{ id: 'acme-old-phone', relation: 'sibling' }] });
    const index: DeviceIndex = { ...installed, devices: [oldPhone, linked] };
    const feed: Feed = { format: 1, kind: 'delta', baseVersion: installed.version, version: installed.version + 1, upsert: [], remove: ['acme-old-phone'] };
    expect(() => applyFeed(index, feed)).toThrow('sony-xperia-z9s: variant "acme-old-phone" is not in the index');
  });

  it('refuses a feed that is not newer or does not fit the base', () => {
    const feed: Feed = { format: 1, kind: 'delta', baseVersion: 1, version: installed.version + 1, upsert: [], remove: [] };
    expect(() => applyFeed(installed, feed)).toThrow(/delta base 1/);
    expect(() => applyFeed(installed, { format: 1, kind: 'snapshot', version: 1, devices: [] })).toThrow(/not newer/);
  });
});

describe('shipped form', () => {
  const index: DeviceIndex = { format: 1, version: 7, builtFrom: '2014-10-03', devices: [oldPhone, device()] };

  it('round-trips through packIndex and unpackIndex', () => {
    expect(unpackIndex(packIndex(index))).toEqual(index);
  });

  it('shares one source table and writes plain model codes as strings', () => {
    const packed = packIndex(index);
    expect(packed.sources).toHaveLength(1);
    expect(packed.devices.map((d) => d.sources)).toEqual([[0], [0]]);
    expect(packed.devices[1]!.names).toEqual([{ name: 'Z9001', kind: 'code', region: 'global' }, { name: 'Xperia Z9 Pro', kind: 'rumored' }]);
    expect(packIndex({ ...index, devices: [device({ names: [{ name: 'Z9001', kind: 'code' }] })] }).devices[0]!.names).toEqual(['Z9001']);
  });

  it('is byte-stable whatever the key order of its input', () => {
    const reordered = JSON.parse(JSON.stringify(index, Object.keys(index).reverse())) as DeviceIndex;
    const shuffled: DeviceIndex = { ...reordered, devices: index.devices.map((d) => Object.fromEntries(Object.entries(d).reverse()) as unknown as Device) };
    expect(stableStringify(packIndex(shuffled))).toBe(stableStringify(packIndex(index)));
  });
});

describe('parseFeed on arbitrary input (fuzz)', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 300);

  it('never throws and always gives a reason for text that is not a feed (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      const result = parseFeed(text, { installedVersion: installed.version, now: NOW });
      return result.ok || result.reason.length > 0;
    }), { numRuns: runs });
  });

  it('accepts a record exactly when the validator does, whatever JSON it is given (property)', () => {
    const anyRecord = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      // Near misses: a valid record with one field replaced by arbitrary JSON.
      fc.tuple(fc.constantFrom(...Object.keys(device())), fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => ({ ...device(), [key]: value })),
    );
    fc.assert(fc.property(anyRecord, (record) => {
      const text = JSON.stringify({ format: 1, kind: 'snapshot', version: installed.version + 1, devices: [record] });
      const result = parseFeed(text, { installedVersion: installed.version, now: NOW });
      return result.ok === (deviceListProblems(JSON.parse(text).devices, 'devices', { checkVariantTargets: true }).length === 0);
    }), { numRuns: runs });
  });
});

describe('bounds on one update (issue 22: one response must not wipe or pin the index)', () => {
  const many = (n: number, status: Device['status'] = [{ status: 'rumored', date: '2014-06' }]) =>
    Array.from({ length: n }, (_, i) => device({ id: `acme-phone-${i}`, status, rumors: [] }));
  const big: DeviceIndex = { format: 1, version: 20141003, builtFrom: '2014-10-03', devices: many(100) };

  it('refuses a version later than the date allows, and accepts one within the margin', () => {
    expect(VERSION_MARGIN_DAYS).toBe(2);
    expect(latestAcceptableVersion(NOW)).toBe(20141203);
    expect(reason(snapshot({ version: Number.MAX_SAFE_INTEGER, devices: [] })))
      .toBe('version from the future: 9007199254740991 is later than 20141203, the latest a feed can have on 2014-12-01');
    expect(reason(snapshot({ version: 20141204 }))).toMatch(/^version from the future/);
    expect(parseFeed(snapshot({ version: 20141203 }), { installedVersion: installed.version, now: NOW }).ok).toBe(true);
    // The bound moves with the reader's date, not with anything a feed says.
    expect(parseFeed(snapshot({ version: 20141204 }), { installedVersion: installed.version, now: new Date('2014-12-02T00:00:00Z') }).ok).toBe(true);
  });

  it('refuses a snapshot that drops most of the index, and says how much', () => {
    const empty: Feed = { format: 1, kind: 'snapshot', version: 20141101, devices: [] };
    expect(() => applyFeed(big, empty)).toThrow('the snapshot removes 100 of the 100 installed devices; one update may remove at most 20 (20%)');
    const half: Feed = { format: 1, kind: 'snapshot', version: 20141101, devices: big.devices.slice(0, 50) };
    expect(() => applyFeed(big, half)).toThrow(/removes 50 of the 100/);
  });

  it('refuses a delta that removes more than the set share, and applies one within it', () => {
    const ids = big.devices.map((d) => d.id);
    const tooMany: Feed = { format: 1, kind: 'delta', baseVersion: big.version, version: 20141101, upsert: [], remove: ids.slice(0, 21) };
    expect(() => applyFeed(big, tooMany)).toThrow(/the delta removes 21 of the 100 installed devices; one update may remove at most 20/);
    const fine: Feed = { ...tooMany, remove: ids.slice(0, 20) };
    expect(applyFeed(big, fine).devices).toHaveLength(80);
    // Ids that are not installed remove nothing and do not count.
    expect(applyFeed(big, { ...tooMany, remove: [...ids.slice(0, 20), ...Array.from({ length: 30 }, (_, i) => `gone-${i}`)] }).devices).toHaveLength(80);
  });

  it('allows a handful of removals on a small index, and bounds the share on a large one', () => {
    expect(MAX_REMOVED_SHARE).toBe(0.2);
    expect(maxRemovals(2)).toBe(REMOVALS_ALWAYS_ALLOWED);
    expect(maxRemovals(28_087)).toBe(5617);
  });

  it('refuses an update that leaves far fewer devices than the built-in index, however it got there', () => {
    // Each step within the per-update share, but the built-in index had 125: a fifth at a time is not allowed.
    const shrunk: DeviceIndex = { ...big, devices: big.devices.slice(0, 100) };
    const next: Feed = { format: 1, kind: 'delta', baseVersion: big.version, version: 20141101, upsert: [], remove: [big.devices[0]!.id] };
    expect(() => applyFeed(shrunk, next, { builtInCount: 125 })).toThrow('the delta leaves 99 devices; the built-in index has 125, and updates may remove at most 25 of them');
    expect(applyFeed(shrunk, next, { builtInCount: 120 }).devices).toHaveLength(99);
    expect(minimumDevices(125)).toBe(100);
  });

  it('says why an installed index is unusable: a version the date does not allow, no devices, far too few', () => {
    expect(installedIndexProblem({ version: Number.MAX_SAFE_INTEGER, deviceCount: 28_000 }, 28_000, NOW)).toMatch(/version 9007199254740991 is later than any the date allows/);
    expect(installedIndexProblem({ version: 20141101, deviceCount: 0 }, undefined, NOW)).toBe('it has no devices');
    expect(installedIndexProblem({ version: 20141101, deviceCount: 10 }, 28_000, NOW)).toMatch(/10 devices, fewer than 22400 of the built-in 28000/);
    expect(installedIndexProblem({ version: 20141101, deviceCount: 27_000 }, 28_000, NOW)).toBeUndefined();
    expect(isVersionInBounds(20141203, NOW)).toBe(true);
    expect(isVersionInBounds(20141204, NOW)).toBe(false);
    expect(versionOfDate(new Date('2026-12-08T23:59:59Z'))).toBe(20261208);
  });
});

describe('statuses only move forward (issue 22: a rollback must be declared)', () => {
  const announcedPhone = device({ id: 'acme-nova', rumors: [], status: [{ status: 'rumored', date: '2014-06' }, { status: 'announced', date: '2014-09-03' }] });
  const rumoredAgain = device({ id: 'acme-nova', rumors: [], status: [{ status: 'rumored', date: '2014-06' }] });
  const index: DeviceIndex = { format: 1, version: 20141003, builtFrom: '2014-10-03', devices: [announcedPhone] };
  const deltaOf = (upsert: Device[]): Feed => ({ format: 1, kind: 'delta', baseVersion: 20141003, version: 20141101, upsert, remove: [] });

  it('refuses a record whose status moves back without a statusCorrection', () => {
    expect(() => applyFeed(index, deltaOf([rumoredAgain]))).toThrow('status rolled back: acme-nova: status moves back from announced to rumored without a statusCorrection');
    expect(() => applyFeed(index, { format: 1, kind: 'snapshot', version: 20141101, devices: [{ ...rumoredAgain, status: [] }] })).toThrow(/from announced to none/);
  });

  it('accepts it when the record declares which status it withdraws, and only that one', () => {
    const corrected = { ...rumoredAgain, statusCorrection: { withdrawn: 'announced' as const, note: 'The launch event was a hoax.', date: '2014-10-20' } };
    expect(applyFeed(index, deltaOf([corrected])).devices[0]!.statusCorrection?.withdrawn).toBe('announced');
    expect(() => applyFeed(index, deltaOf([{ ...corrected, statusCorrection: { withdrawn: 'released', note: 'x' } }]))).toThrow(/status rolled back/);
  });

  it('lets statuses move forward and new devices arrive with any status', () => {
    const released = device({ id: 'acme-nova', rumors: [], status: [...announcedPhone.status, { status: 'released', date: '2014-10' }] });
    expect(statusRollbacks((id) => index.devices.find((d) => d.id === id), [released, device({ id: 'acme-new', rumors: [] })])).toEqual([]);
  });

  it('validates the correction flag like any other field', () => {
    const bad = { ...rumoredAgain, statusCorrection: { withdrawn: 'launched', note: '' } };
    expect(reason(snapshot({ devices: [bad] }))).toMatch(/statusCorrection\.withdrawn: "launched"; expected one of/);
  });
});
