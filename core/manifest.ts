// The signed update channel's manifest (docs/feed.md): what a published feed directory holds, signed with
// Ed25519 so that only the project's key can change what readers install. Checked here, before anything
// else is fetched or touched: size, signature (over the exact bytes of manifest.json), schema, the key,
// the version against the date and against what the reader already has (rollback), expiry (freeze), and
// every file's declared sizes against the caps. Pure apart from WebCrypto (`crypto.subtle`), which Node 20
// and Chromium 137+ both have for Ed25519; `now` is passed in.
import { latestAcceptableVersion } from './feed';

export const MANIFEST_FORMAT = 1;

export interface ManifestFile {
  /** Relative to the feed directory: a plain file name (letters, digits, dot, dash, underscore). */
  path: string;
  kind: 'snapshot' | 'delta';
  /** For a delta: the data version it applies to. */
  from?: number;
  /** Bytes as served (gzip). */
  size: number;
  /** Bytes once decompressed: the decompression stops past it (a gzip bomb is cut off, not inflated). */
  unpackedSize: number;
  /** Hex SHA-256 of the bytes as served. */
  sha256: string;
}

export interface Manifest {
  format: 1;
  /** The data version this feed brings: YYYYMMDD, never later than the build date, only grows. */
  dataVersion: number;
  /** ISO timestamp of the build. */
  builtAt: string;
  /** ISO timestamp after which the manifest is no longer trusted as current (freeze attack). */
  expires: string;
  /** Which key signed it (FeedKey.id). */
  keyId: string;
  files: ManifestFile[];
}

/** A public key the extension trusts, as raw Ed25519 bytes in base64. */
export interface FeedKey {
  id: string;
  publicKey: string;
  /** A revoked key's signatures are refused even when valid. */
  revoked?: boolean;
}

export interface ManifestLimits {
  /** Largest manifest.json accepted, in bytes. */
  maxManifestBytes: number;
  /** Largest file (as served) a manifest may list. */
  maxFileBytes: number;
  /** Largest decompressed file a manifest may list. */
  maxUnpackedBytes: number;
  /** Most files one manifest may list (a snapshot and the deltas from the last versions). */
  maxFiles: number;
  /** Longest an honest manifest is valid for: a longer expiry would defeat the freeze check. */
  maxValidityDays: number;
}

/**
 * The caps. The full snapshot is budgeted at 1.5 MB gzip (about 13 MB of JSON): the caps leave room for
 * the index to double before a release must raise them, and keep a hostile feed from making the worker
 * download or inflate more than that.
 */
export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  maxManifestBytes: 64 * 1024,
  maxFileBytes: 4 * 1024 * 1024,
  maxUnpackedBytes: 32 * 1024 * 1024,
  maxFiles: 32,
  maxValidityDays: 60,
};

/** How the manifest was refused; `expired` keeps the data but shows it as unconfirmed. */
export type ManifestRefusal = 'oversized' | 'signature' | 'schema' | 'key' | 'future' | 'rollback' | 'expired';

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; refusal: ManifestRefusal; reason: string; manifest?: Manifest };

export interface ManifestContext {
  now: Date;
  keys: readonly FeedKey[];
  /** The highest data version this reader has seen in a verified manifest or installed: never go below it. */
  highestVersion: number;
  limits?: ManifestLimits;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const DAY_MS = 86_400_000;

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function isCount(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
}

function isTimestamp(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
}

/** Schema problems of a parsed manifest, located ("files[2].sha256: not a hex SHA-256"). */
export function manifestProblems(value: unknown, limits: ManifestLimits = DEFAULT_MANIFEST_LIMITS): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['manifest: not an object'];
  const m = value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(m)) if (!['format', 'dataVersion', 'builtAt', 'expires', 'keyId', 'files'].includes(key)) out.push(`${key}: unknown field`);
  if (m.format !== MANIFEST_FORMAT) out.push(`format: expected ${MANIFEST_FORMAT}`);
  if (!isCount(m.dataVersion, Number.MAX_SAFE_INTEGER) || m.dataVersion < 1) out.push('dataVersion: not a positive integer');
  if (!isTimestamp(m.builtAt)) out.push('builtAt: not an ISO timestamp');
  if (!isTimestamp(m.expires)) out.push('expires: not an ISO timestamp');
  if (typeof m.keyId !== 'string' || m.keyId.length === 0 || m.keyId.length > 100) out.push('keyId: not a key id');
  if (!Array.isArray(m.files)) return [...out, 'files: not an array'];
  if (m.files.length > limits.maxFiles) out.push(`files: ${m.files.length} entries > limit of ${limits.maxFiles}`);
  const paths = new Set<string>();
  let snapshots = 0;
  m.files.forEach((f: unknown, i) => {
    const at = `files[${i}]`;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return void out.push(`${at}: not an object`);
    const e = f as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!['path', 'kind', 'from', 'size', 'unpackedSize', 'sha256'].includes(key)) out.push(`${at}.${key}: unknown field`);
    if (typeof e.path !== 'string' || !FILE_NAME.test(e.path) || e.path.includes('..')) out.push(`${at}.path: not a plain file name`);
    else if (paths.has(e.path)) out.push(`${at}.path: listed twice`);
    else paths.add(e.path);
    if (e.kind === 'snapshot') snapshots++;
    else if (e.kind !== 'delta') out.push(`${at}.kind: expected "snapshot" or "delta"`);
    if (e.kind === 'delta' && (!isCount(e.from, Number.MAX_SAFE_INTEGER) || e.from < 1)) out.push(`${at}.from: not a version`);
    if (e.kind === 'snapshot' && e.from !== undefined) out.push(`${at}.from: set on a snapshot`);
    if (!isCount(e.size, Number.MAX_SAFE_INTEGER)) out.push(`${at}.size: not a byte count`);
    else if (e.size > limits.maxFileBytes) out.push(`${at}.size: ${e.size} bytes > limit of ${limits.maxFileBytes}`);
    if (!isCount(e.unpackedSize, Number.MAX_SAFE_INTEGER)) out.push(`${at}.unpackedSize: not a byte count`);
    else if (e.unpackedSize > limits.maxUnpackedBytes) out.push(`${at}.unpackedSize: ${e.unpackedSize} bytes > limit of ${limits.maxUnpackedBytes}`);
    if (typeof e.sha256 !== 'string' || !HEX64.test(e.sha256)) out.push(`${at}.sha256: not a hex SHA-256`);
  });
  if (snapshots !== 1) out.push(`files: ${snapshots} snapshots (expected exactly one)`);
  return out;
}

async function signatureValid(key: FeedKey, signature: Uint8Array<ArrayBuffer>, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const raw = base64Bytes(key.publicKey);
  if (!raw || raw.length !== 32) return false;
  try {
    const imported = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, imported, signature, bytes);
  } catch {
    return false;
  }
}

/**
 * Checks a fetched manifest.json (its exact bytes) and manifest.sig. In order: size; the signature text;
 * JSON and schema (only to read `keyId`: nothing in an unverified manifest is used); the key (known, not
 * revoked); the signature over the exact bytes; then, trusted: a version the date allows, not below the
 * highest already seen (rollback), and not expired (freeze: the manifest is returned with the refusal so
 * the reader's data can be shown as unconfirmed, never applied).
 */
export async function verifyManifest(bytes: Uint8Array<ArrayBuffer>, signatureText: string, context: ManifestContext): Promise<ManifestResult> {
  const limits = context.limits ?? DEFAULT_MANIFEST_LIMITS;
  if (bytes.byteLength > limits.maxManifestBytes) {
    return { ok: false, refusal: 'oversized', reason: `oversized: manifest of ${bytes.byteLength} bytes > limit of ${limits.maxManifestBytes}` };
  }
  const signature = base64Bytes(signatureText);
  if (!signature || signature.length !== 64) return { ok: false, refusal: 'signature', reason: 'signature refused: manifest.sig is not a base64 Ed25519 signature' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, refusal: 'schema', reason: `wrong schema: manifest is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const keyId = (value as { keyId?: unknown } | null)?.keyId;
  const key = context.keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, refusal: 'key', reason: `signature refused: unknown key ${JSON.stringify(keyId) ?? 'none'}` };
  if (key.revoked) return { ok: false, refusal: 'key', reason: `signature refused: key ${key.id} is revoked` };
  if (!(await signatureValid(key, signature, bytes))) return { ok: false, refusal: 'signature', reason: `signature refused: manifest.sig does not match manifest.json for key ${key.id}` };

  const problems = manifestProblems(value, limits);
  if (problems.length > 0) return { ok: false, refusal: 'schema', reason: `wrong schema: ${problems.slice(0, 5).join('; ')}` };
  const manifest = value as Manifest;
  const latest = latestAcceptableVersion(context.now);
  if (manifest.dataVersion > latest) {
    return { ok: false, refusal: 'future', reason: `version from the future: ${manifest.dataVersion} is later than ${latest}` };
  }
  if (Date.parse(manifest.builtAt) > context.now.getTime() + 2 * DAY_MS) {
    return { ok: false, refusal: 'future', reason: `built in the future: ${manifest.builtAt}` };
  }
  if (manifest.dataVersion < context.highestVersion) {
    return { ok: false, refusal: 'rollback', reason: `rollback refused: feed version ${manifest.dataVersion} is older than ${context.highestVersion}, already seen` };
  }
  const validity = Date.parse(manifest.expires) - Date.parse(manifest.builtAt);
  if (validity > limits.maxValidityDays * DAY_MS) {
    return { ok: false, refusal: 'schema', reason: `wrong schema: expires ${manifest.expires} is more than ${limits.maxValidityDays} days after builtAt` };
  }
  if (Date.parse(manifest.expires) <= context.now.getTime()) {
    return { ok: false, refusal: 'expired', reason: `expired: the manifest expired on ${manifest.expires.slice(0, 10)}; the data is kept but unconfirmed`, manifest };
  }
  return { ok: true, manifest };
}

/**
 * The file to fetch to go from `installedVersion` to the manifest's: the delta from exactly that version
 * when listed (small), else the snapshot; none when already there.
 */
export function chooseFile(manifest: Manifest, installedVersion: number): ManifestFile | undefined {
  if (manifest.dataVersion <= installedVersion) return undefined;
  return manifest.files.find((f) => f.kind === 'delta' && f.from === installedVersion) ?? manifest.files.find((f) => f.kind === 'snapshot');
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** Why fetched bytes are not the file the manifest lists, if they are not: size first, then SHA-256. */
export async function fileProblem(bytes: Uint8Array<ArrayBuffer>, entry: ManifestFile): Promise<string | undefined> {
  if (bytes.byteLength !== entry.size) return `${entry.path}: ${bytes.byteLength} bytes, the manifest says ${entry.size}`;
  const digest = await sha256Hex(bytes);
  if (digest !== entry.sha256) return `${entry.path}: SHA-256 ${digest} does not match the manifest`;
  return undefined;
}
