// Builds a signed feed directory (docs/feed.md) from an index and the versions published before it: the
// full snapshot in the shipped form, deltas from each of the last MAX_DELTAS versions, and manifest.json
// signed with Ed25519 (node:crypto) into manifest.sig. The same rules the extension applies are applied
// here first, so a build that readers would refuse fails here, with the reason, instead of being published.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { applyFeed, packIndex, stableStringify, unpackIndex, versionOfDate, type DeltaFeed, type ShippedIndex } from '../../core/feed';
import type { Manifest, ManifestFile } from '../../core/manifest';
import type { Device, DeviceIndex } from '../../core/schema';

/** Deltas are published from this many earlier versions; a reader further behind fetches the snapshot. */
export const MAX_DELTAS = 10;
/** How long a manifest stays current. The publish workflow re-signs daily, so two weeks survive an outage. */
export const DEFAULT_VALIDITY_DAYS = 14;
const DAY_MS = 86_400_000;

export class FeedBuildError extends Error {}

export interface FeedBuildInput {
  index: DeviceIndex;
  /** Indexes published before (any order; duplicates of a version are ignored). */
  previous: readonly DeviceIndex[];
  now: Date;
  signingKey: KeyObject;
  validityDays?: number;
}

export interface FeedBuild {
  /** File name -> bytes, manifest.json and manifest.sig included. */
  files: Map<string, Uint8Array>;
  manifest: Manifest;
  /** Versions a delta was written from, newest first, and the ones skipped with why. */
  deltasFrom: number[];
  skipped: string[];
}

/** The key id readers match (FeedKey.id): derived from the public key, so it cannot drift from it. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return `ed25519-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
}

/** The public key as FeedKey.publicKey: raw 32 bytes, base64. */
export function rawPublicKeyBase64(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
}

export function signingKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new FeedBuildError(`the signing key is ${key.asymmetricKeyType ?? 'not a key'}, not Ed25519`);
  return key;
}

export const snapshotName = (version: number) => `snapshot-${version}.json.gz`;
export const deltaName = (from: number, to: number) => `delta-${from}-${to}.json.gz`;

function gzip(text: string): Uint8Array {
  // Level 9 and Node's fixed header (no name, mtime 0): equal data gives equal bytes.
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

function entry(path: string, bytes: Uint8Array, unpackedSize: number, kind: 'snapshot' | 'delta', from?: number): ManifestFile {
  return { path, kind, ...(from !== undefined ? { from } : {}), size: bytes.byteLength, unpackedSize, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Only the records that changed from `base` to `next`. */
export function deltaBetween(base: DeviceIndex, next: DeviceIndex): DeltaFeed {
  const old = new Map(base.devices.map((d) => [d.id, stableStringify(d)]));
  const upsert: Device[] = [];
  for (const d of next.devices) {
    if (old.get(d.id) !== stableStringify(d)) upsert.push(d);
    old.delete(d.id);
  }
  return { format: 1, kind: 'delta', baseVersion: base.version, version: next.version, builtFrom: next.builtFrom, upsert, remove: [...old.keys()].sort() };
}

export function buildFeed(input: FeedBuildInput): FeedBuild {
  const { index, now } = input;
  const today = versionOfDate(now);
  if (index.version > today) throw new FeedBuildError(`data version ${index.version} is later than the build date ${today}: readers would refuse it`);
  const byVersion = new Map<number, DeviceIndex>();
  for (const p of input.previous) byVersion.set(p.version, p);
  const earlier = [...byVersion.values()].sort((a, b) => b.version - a.version);
  const newest = earlier[0];
  const snapshotText = stableStringify(packIndex(index));
  if (newest && newest.version > index.version) {
    throw new FeedBuildError(`data version ${index.version} is older than the published ${newest.version}: the version only grows`);
  }
  if (newest && newest.version === index.version && stableStringify(packIndex(newest)) !== snapshotText) {
    throw new FeedBuildError(`the data changed but its version is still ${index.version}: raise "version" in data/index-version.json`);
  }
  if (newest && newest.version < index.version) {
    // What readers on the newest published version will check: removals within bounds, no silent rollback.
    try {
      applyFeed(newest, { format: 1, kind: 'snapshot', version: index.version, builtFrom: index.builtFrom, devices: index.devices });
    } catch (error) {
      throw new FeedBuildError(`readers of version ${newest.version} would refuse this update: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const files = new Map<string, Uint8Array>();
  const listed: ManifestFile[] = [];
  const snapshotBytes = gzip(snapshotText);
  files.set(snapshotName(index.version), snapshotBytes);
  listed.push(entry(snapshotName(index.version), snapshotBytes, Buffer.byteLength(snapshotText), 'snapshot'));
  const deltasFrom: number[] = [];
  const skipped: string[] = [];
  for (const base of earlier.filter((p) => p.version < index.version).slice(0, MAX_DELTAS)) {
    const delta = deltaBetween(base, index);
    try {
      applyFeed(base, delta);
    } catch (error) {
      // A reader that far behind fetches the snapshot instead (whose check may pass where this one does not).
      skipped.push(`${base.version}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const text = stableStringify(delta);
    const bytes = gzip(text);
    const name = deltaName(base.version, index.version);
    files.set(name, bytes);
    listed.push(entry(name, bytes, Buffer.byteLength(text), 'delta', base.version));
    deltasFrom.push(base.version);
  }

  const publicKey = createPublicKey(input.signingKey);
  const validity = (input.validityDays ?? DEFAULT_VALIDITY_DAYS) * DAY_MS;
  const manifest: Manifest = {
    format: 1,
    dataVersion: index.version,
    builtAt: now.toISOString(),
    expires: new Date(now.getTime() + validity).toISOString(),
    keyId: keyIdOf(publicKey),
    files: listed,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  files.set('manifest.json', manifestBytes);
  files.set('manifest.sig', Buffer.from(`${sign(null, manifestBytes, input.signingKey).toString('base64')}\n`, 'utf8'));
  return { files, manifest, deltasFrom, skipped };
}

/** An index back from a published snapshot file. */
export function readSnapshotFile(bytes: Uint8Array): DeviceIndex {
  return unpackIndex(JSON.parse(gunzipSync(bytes).toString('utf8')) as ShippedIndex);
}
