// The signed channel's manifest checks (core/manifest.ts), one refusal at a time, on manifests made by the
// real feed builder with a throwaway key.
import { describe, expect, it } from 'vitest';
import { sign } from 'node:crypto';
import { chooseFile, DEFAULT_MANIFEST_LIMITS, fileProblem, manifestProblems, verifyManifest, type Manifest } from '../../core/manifest';
import type { Device, DeviceIndex } from '../../core/schema';
import { acmePhone } from './acme-devices';
import { buildDir, makeKey } from './signed-feed-fixtures';

const NOW = new Date('2026-12-08T12:00:00Z');
const key = makeKey();
const other = makeKey();
const v1: DeviceIndex = { format: 1, version: 20261201, builtFrom: '2026-12-01', devices: [acmePhone('acme-nova'), acmePhone('acme-orbit')] };
const announced: Device = acmePhone('acme-nova', { status: [{ status: 'rumored', date: '2025-01' }, { status: 'announced', date: '2026-12-07' }] });
const v2: DeviceIndex = { format: 1, version: 20261207, builtFrom: '2026-12-07', devices: [announced, acmePhone('acme-orbit')] };
const built = buildDir(key, v2, [v1], new Date('2026-12-07T18:00:00Z'));
const bytes = (name: string) => new Uint8Array(built.files.get(name)!);
const sig = () => new TextDecoder().decode(built.files.get('manifest.sig')!);
const encode = (m: unknown) => new TextEncoder().encode(JSON.stringify(m));
const context = { now: NOW, keys: [key.feedKey], highestVersion: 0 };

async function refusal(manifestBytes: Uint8Array<ArrayBuffer>, signature: string, extra: Partial<typeof context> = {}) {
  const result = await verifyManifest(manifestBytes, signature, { ...context, ...extra });
  if (result.ok) throw new Error('accepted');
  return result;
}

function signed(manifest: unknown) {
  const b = new TextEncoder().encode(JSON.stringify(manifest));
  const s = sign(null, b, key.privateKey).toString('base64');
  return [b, s] as const;
}

describe('verifyManifest', () => {
  it('accepts the builder\'s manifest with its key', async () => {
    const result = await verifyManifest(bytes('manifest.json'), sig(), context);
    expect(result).toMatchObject({ ok: true, manifest: { dataVersion: 20261207, keyId: key.feedKey.id } });
  });

  it('refuses a signature by another key, a forged byte, and a signature that is not one', async () => {
    expect((await refusal(bytes('manifest.json'), sig(), { keys: [{ ...other.feedKey, id: key.feedKey.id }] })).reason).toMatch(/^signature refused: manifest.sig does not match/);
    const forged = bytes('manifest.json');
    forged[forged.indexOf(0x37)] = 0x38; // one digit of the version changed, signature kept
    expect(await refusal(forged, sig())).toMatchObject({ refusal: 'signature' });
    expect((await refusal(bytes('manifest.json'), 'bm90IGEgc2lnbmF0dXJl')).reason).toBe('signature refused: manifest.sig is not a base64 Ed25519 signature');
  });

  it('refuses an unknown key id and a revoked key, even with a valid signature', async () => {
    expect((await refusal(bytes('manifest.json'), sig(), { keys: [other.feedKey] })).reason).toMatch(/^signature refused: unknown key "ed25519-/);
    expect((await refusal(bytes('manifest.json'), sig(), { keys: [{ ...key.feedKey, revoked: true }, other.feedKey] })).reason).toMatch(/key ed25519-\w+ is revoked/);
  });

  it('accepts the next key while the current one still verifies its own (rotation)', async () => {
    const next = buildDir(other, v2, [v1], new Date('2026-12-07T18:00:00Z'));
    const keys = [key.feedKey, other.feedKey];
    expect((await verifyManifest(new Uint8Array(next.files.get('manifest.json')!), new TextDecoder().decode(next.files.get('manifest.sig')!), { ...context, keys })).ok).toBe(true);
    expect((await verifyManifest(bytes('manifest.json'), sig(), { ...context, keys })).ok).toBe(true);
  });

  it('refuses a version older than the highest seen (rollback)', async () => {
    expect((await refusal(bytes('manifest.json'), sig(), { highestVersion: 20261208 })).reason).toBe('rollback refused: feed version 20261207 is older than 20261208, already seen');
    expect((await verifyManifest(bytes('manifest.json'), sig(), { ...context, highestVersion: 20261207 })).ok).toBe(true);
  });

  it('refuses an expired manifest but returns it, so the data can be shown as unconfirmed (freeze)', async () => {
    const result = await refusal(bytes('manifest.json'), sig(), { now: new Date('2026-12-22T00:00:00Z') });
    expect(result).toMatchObject({ refusal: 'expired', manifest: { dataVersion: 20261207 } });
    expect(result.reason).toBe('expired: the manifest expired on 2026-12-21; the data is kept but unconfirmed');
  });

  it('refuses a version or build date later than the reader\'s date allows', async () => {
    const m = JSON.parse(new TextDecoder().decode(bytes('manifest.json'))) as Manifest;
    expect((await refusal(...signed({ ...m, dataVersion: 20261211 }))).reason).toBe('version from the future: 20261211 is later than 20261210');
    expect((await refusal(...signed({ ...m, builtAt: '2027-01-01T00:00:00Z', expires: '2027-01-10T00:00:00Z' }))).refusal).toBe('future');
  });

  it('refuses an expiry too far ahead (it would defeat the freeze check)', async () => {
    const m = JSON.parse(new TextDecoder().decode(bytes('manifest.json'))) as Manifest;
    expect((await refusal(...signed({ ...m, expires: '2027-12-01T00:00:00Z' }))).reason).toMatch(/expires 2027-12-01T00:00:00Z is more than 60 days after builtAt/);
  });

  it('refuses an oversized manifest before reading it, and files over the caps', async () => {
    const big = new Uint8Array(DEFAULT_MANIFEST_LIMITS.maxManifestBytes + 1);
    expect((await refusal(big, sig())).reason).toBe(`oversized: manifest of ${big.byteLength} bytes > limit of ${DEFAULT_MANIFEST_LIMITS.maxManifestBytes}`);
    const m = JSON.parse(new TextDecoder().decode(bytes('manifest.json'))) as Manifest;
    const huge = { ...m, files: m.files.map((f) => ({ ...f, size: 1e9, unpackedSize: 1e10 })) };
    expect((await refusal(...signed(huge))).reason).toMatch(/files\[0\]\.size: 1000000000 bytes > limit of 4194304; files\[0\]\.unpackedSize: 10000000000 bytes > limit/);
  });

  it('refuses malformed manifests, saying where', async () => {
    const m = JSON.parse(new TextDecoder().decode(bytes('manifest.json'))) as Manifest;
    expect(manifestProblems({ ...m, extra: 1 })).toEqual(['extra: unknown field']);
    expect(manifestProblems({ ...m, files: [{ ...m.files[0]!, path: '../etc/passwd' }] })).toEqual(['files[0].path: not a plain file name']);
    expect(manifestProblems({ ...m, files: [...m.files, { ...m.files[0]!, path: 'other.json.gz' }] })).toEqual(['files: 2 snapshots (expected exactly one)']);
    expect(manifestProblems({ ...m, files: [{ ...m.files[0]!, sha256: 'abc' }] })).toEqual(['files[0].sha256: not a hex SHA-256']);
    expect((await refusal(encode('x') as Uint8Array<ArrayBuffer>, sig())).reason).toMatch(/^signature refused: unknown key/);
  });
});

describe('choosing and checking the file', () => {
  const manifest = JSON.parse(new TextDecoder().decode(bytes('manifest.json'))) as Manifest;

  it('takes the delta from the installed version, else the snapshot, and nothing when up to date', () => {
    expect(chooseFile(manifest, 20261201)).toMatchObject({ kind: 'delta', from: 20261201 });
    expect(chooseFile(manifest, 20261130)).toMatchObject({ kind: 'snapshot' });
    expect(chooseFile(manifest, 20261207)).toBeUndefined();
  });

  it('refuses bytes of the wrong size or hash', async () => {
    const entry = chooseFile(manifest, 20261201)!;
    const file = new Uint8Array(built.files.get(entry.path)!);
    expect(await fileProblem(file, entry)).toBeUndefined();
    expect(await fileProblem(file.slice(1), entry)).toMatch(/bytes, the manifest says/);
    const flipped = file.slice();
    flipped[10] = flipped[10]! ^ 1;
    expect(await fileProblem(flipped, entry)).toMatch(/SHA-256 \w+ does not match the manifest/);
  });
});
