// The feed builder (scripts/lib/feed-build.ts): a signed manifest over the exact bytes, a snapshot in the
// shipped form, deltas with only the changed records from each of the last versions, and refusals for a
// build readers would refuse (a version that does not grow or is later than the build date, a changed
// index under the same version, a silent status rollback, a wipe).
import { verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import type { Device, DeviceIndex } from '../../core/schema';
import { buildFeed, deltaName, MAX_DELTAS, readSnapshotFile, snapshotName } from '../../scripts/lib/feed-build';
import { acmePhone } from './acme-devices';
import { makeKey } from './signed-feed-fixtures';

const key = makeKey();
const NOW = new Date('2026-12-08T06:00:00Z');
const phones = (n: number) => Array.from({ length: n }, (_, i) => acmePhone(`acme-p${String(i).padStart(2, '0')}`));
const index = (version: number, devices: Device[]): DeviceIndex => ({ format: 1, version, builtFrom: '2026-12-01', devices });
const announced = (d: Device): Device => ({ ...d, status: [...d.status, { status: 'announced', date: '2026-12-05' }] });

describe('buildFeed', () => {
  const base = phones(30);
  const history = Array.from({ length: 12 }, (_, i) => index(20261101 + i, base));
  const next = index(20261207, [announced(base[0]!), ...base.slice(1)]);
  const feed = buildFeed({ index: next, previous: history, now: NOW, signingKey: key.privateKey });

  it('signs the exact bytes of manifest.json with the key it names', () => {
    const bytes = feed.files.get('manifest.json')!;
    const signature = Buffer.from(new TextDecoder().decode(feed.files.get('manifest.sig')!).trim(), 'base64');
    expect(verify(null, bytes, createPublicKey(key.privateKey), signature)).toBe(true);
    expect(feed.manifest).toMatchObject({ format: 1, dataVersion: 20261207, builtAt: NOW.toISOString(), expires: '2026-12-22T06:00:00.000Z', keyId: key.feedKey.id });
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(feed.manifest);
  });

  it('lists every file with its size, unpacked size and SHA-256', () => {
    for (const entry of feed.manifest.files) {
      const bytes = feed.files.get(entry.path)!;
      expect(bytes.byteLength).toBe(entry.size);
      expect(gunzipSync(bytes).byteLength).toBe(entry.unpackedSize);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('writes the whole index as a gzip snapshot in the shipped form', () => {
    expect(readSnapshotFile(feed.files.get(snapshotName(20261207))!)).toEqual(next);
  });

  it('writes deltas from the last ten versions, with only what changed', () => {
    expect(feed.deltasFrom).toHaveLength(MAX_DELTAS);
    expect(feed.deltasFrom[0]).toBe(20261112);
    const delta = JSON.parse(gunzipSync(feed.files.get(deltaName(20261112, 20261207))!).toString('utf8')) as { upsert: Device[]; remove: string[]; baseVersion: number };
    expect(delta).toMatchObject({ baseVersion: 20261112, remove: [] });
    expect(delta.upsert.map((d) => d.id)).toEqual(['acme-p00']);
    expect(feed.files.has(deltaName(20261102, 20261207))).toBe(false);
  });

  it('gives equal bytes for equal input', () => {
    const again = buildFeed({ index: next, previous: history, now: NOW, signingKey: key.privateKey });
    expect(Buffer.from(again.files.get(snapshotName(20261207))!).equals(Buffer.from(feed.files.get(snapshotName(20261207))!))).toBe(true);
  });

  it('refuses what readers would refuse', () => {
    const build = (i: DeviceIndex, previous: DeviceIndex[] = history) => () => buildFeed({ index: i, previous, now: NOW, signingKey: key.privateKey });
    expect(build(index(20261209, base))).toThrow('data version 20261209 is later than the build date 20261208: readers would refuse it');
    expect(build(index(20261001, base))).toThrow(/older than the published 20261112: the version only grows/);
    expect(build(index(20261112, next.devices))).toThrow('the data changed but its version is still 20261112: raise "version" in data/index-version.json');
    const rolledBack = index(20261208, base);
    expect(build(rolledBack, [next])).toThrow(/readers of version 20261207 would refuse this update: status rolled back: acme-p00/);
    expect(build(index(20261208, base.slice(0, 5)))).toThrow(/would refuse this update: the snapshot removes 25 of the 30/);
  });
});
