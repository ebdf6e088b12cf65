// The signed update channel (docs/feed.md): the build's own feed, tried at its primary URL then its mirrors
// in order. manifest.json is fetched conditionally (an unchanged one costs a 304), checked with its
// signature by core/manifest.ts before anything in it is used; then the one file it offers for the installed
// version (a delta, else the snapshot) is fetched within its declared size, its size and SHA-256 checked,
// decompressed with DecompressionStream within its declared unpacked size, validated like any feed, and
// applied in one transaction (index-store's replaceIndex). Nothing touches the database before all of that
// passed. What was seen is kept in one meta row: the highest verified version (rollback floor), the last
// success, the manifest's expiry (freeze), and per-mirror validators.
import { parseFeed, parsePackedSnapshot, type FeedResult } from '../../core/feed';
import type { FeedSource } from '../../core/feed-keys';
import { chooseFile, DEFAULT_MANIFEST_LIMITS, fileProblem, verifyManifest, type Manifest, type ManifestLimits } from '../../core/manifest';
import { getMeta, setMeta } from '../../utils/db';
import type { UpdateReport } from '../../utils/protocol';
import { applyFeedToStore, ensureIndex, FeedNotApplicable, SHIPPED_SIZE_KEY, type InstalledIndexMeta } from './index-store';
import { recordUpdate } from './update-log';
import { cappedChunks } from '../../utils/capped-stream';
import { redirectProblem } from './redirects';

export const SIGNED_STATE_KEY = 'signedFeed';
const FETCH_TIMEOUT_MS = 30_000;
/** manifest.sig is 88 characters of base64 and a newline. */
const MAX_SIGNATURE_BYTES = 1024;

export interface SignedFeedState {
  /** Highest data version seen in a verified manifest: an older one is a rollback. */
  highestVersion: number;
  /** Last time a verified, unexpired manifest was read (applied, up to date or not modified). */
  lastSuccess?: string;
  /** Expiry of the last verified manifest. */
  expires?: string;
  /** Build time of the last verified manifest whose data is installed: the data is current as of then. */
  confirmedAt?: string;
  /** Data version of the last verified manifest: its validators count only while that version is installed. */
  manifestVersion?: number;
  validators?: Record<string, { etag?: string; lastModified?: string }>;
}

export interface SignedFeedOptions {
  now: Date;
  fetch: typeof fetch;
  limits?: ManifestLimits;
}

export async function signedFeedState(): Promise<SignedFeedState> {
  const stored = await getMeta<SignedFeedState>(SIGNED_STATE_KEY);
  return stored && typeof stored.highestVersion === 'number' ? stored : { highestVersion: 0 };
}

class Refused extends Error {}

/** Reads a body as bytes, giving up as soon as it passes `maxBytes` (never held whole past the cap). */
async function readBytes(response: Response, maxBytes: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new Refused(`oversized: ${what} declares ${declared} bytes > limit of ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of cappedChunks(response.body.getReader(), maxBytes, () => new Refused(`oversized: ${what} is more than ${maxBytes} bytes`))) {
      total += chunk.byteLength;
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** gzip -> UTF-8 text with the built-in DecompressionStream, stopping past `maxBytes` (a gzip bomb is cut off). */
async function gunzipText(bytes: Uint8Array<ArrayBuffer>, maxBytes: number, what: string): Promise<string> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    for await (const chunk of cappedChunks(reader, maxBytes, () => new Refused(`oversized: ${what} unpacks to more than the ${maxBytes} bytes its manifest says`))) {
      text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`${what}: not gzip of UTF-8 text (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function get(url: string, options: SignedFeedOptions, headers: Record<string, string> = {}): Promise<Response> {
  let response: Response;
  try {
    // Our own validators, not the HTTP cache's: `no-store` keeps a 304 visible to us.
    // Called unbound: the browser's fetch throws "Illegal invocation" when called as a method of `options`.
    const doFetch = options.fetch;
    response = await doFetch(url, { headers, cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new Refused(`feed unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const redirect = redirectProblem(url, response);
  if (redirect) {
    await response.body?.cancel().catch(() => undefined);
    throw new Refused(redirect);
  }
  if (response.status !== 304 && !response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Refused(`feed unreachable: HTTP ${response.status} for ${url}`);
  }
  return response;
}

type MirrorOutcome =
  | { kind: 'not-modified' }
  | { kind: 'verified'; manifest: Manifest; validators: { etag?: string; lastModified?: string } }
  | { kind: 'expired'; reason: string; manifest: Manifest };

/** One mirror's manifest, verified. Throws Refused with the reason. */
async function readManifest(base: string, source: FeedSource, state: SignedFeedState, installedVersion: number, options: SignedFeedOptions): Promise<MirrorOutcome> {
  const limits = options.limits ?? DEFAULT_MANIFEST_LIMITS;
  const known = state.manifestVersion !== undefined && state.manifestVersion <= installedVersion ? state.validators?.[base] : undefined;
  const headers: Record<string, string> = {};
  if (known?.etag) headers['If-None-Match'] = known.etag;
  if (known?.lastModified) headers['If-Modified-Since'] = known.lastModified;
  const response = await get(`${base}/manifest.json`, options, headers);
  if (response.status === 304) return { kind: 'not-modified' };
  const bytes = await readBytes(response, limits.maxManifestBytes, 'manifest.json');
  const signature = new TextDecoder().decode(await readBytes(await get(`${base}/manifest.sig`, options), MAX_SIGNATURE_BYTES, 'manifest.sig'));
  const verified = await verifyManifest(bytes, signature, { now: options.now, keys: source.keys, highestVersion: state.highestVersion, limits });
  if (!verified.ok) {
    if (verified.refusal === 'expired' && verified.manifest) return { kind: 'expired', reason: verified.reason, manifest: verified.manifest };
    throw new Refused(verified.reason);
  }
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return { kind: 'verified', manifest: verified.manifest, validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } };
}

/** Fetches, checks and applies the file the manifest offers; returns the success message. Throws Refused. */
async function applyFrom(base: string, manifest: Manifest, source: string, options: SignedFeedOptions): Promise<string> {
  const installed = await ensureIndex();
  const entry = chooseFile(manifest, installed.version);
  if (!entry) return installed.version > manifest.dataVersion ? `up to date (the built-in data, version ${installed.version}, is newer)` : 'up to date';
  const response = await get(`${base}/${entry.path}`, options);
  const bytes = await readBytes(response, entry.size, entry.path);
  const problem = await fileProblem(bytes, entry);
  if (problem) throw new Refused(`file refused: ${problem}`);
  const text = await gunzipText(bytes, entry.unpackedSize, entry.path);
  const context = { installedVersion: installed.version, now: options.now };
  const parsed: FeedResult = entry.kind === 'snapshot' ? parsePackedSnapshot(text, context) : parseFeed(text, context);
  if (!parsed.ok) throw new Refused(`file refused: ${entry.path}: ${parsed.reason}`);
  // A signed manifest listing a file of another version (mix-and-match) is refused too.
  if (parsed.feed.version !== manifest.dataVersion || parsed.feed.kind !== entry.kind) {
    throw new Refused(`file refused: ${entry.path} holds a ${parsed.feed.kind} of version ${parsed.feed.version}, the manifest says ${entry.kind} ${manifest.dataVersion}`);
  }
  const builtInCount = await getMeta<number>(SHIPPED_SIZE_KEY);
  let applied: InstalledIndexMeta;
  try {
    applied = await applyFeedToStore(parsed.feed, source, typeof builtInCount === 'number' ? builtInCount : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Refused(error instanceof FeedNotApplicable ? `cannot apply: ${message}` : `not applied: ${message}`);
  }
  return `updated to version ${applied.version} (${applied.deviceCount} devices, ${entry.kind})`;
}

/**
 * Checks the build's signed feed: mirrors in order until one gives a verified answer. Never throws; every
 * outcome is a report. An expired manifest changes nothing and leaves the data marked unconfirmed.
 */
export async function refreshSigned(source: FeedSource, options: SignedFeedOptions): Promise<UpdateReport> {
  const label = source.urls[0]!;
  const installed = await ensureIndex();
  const base = { at: options.now.toISOString(), source: label, fromVersion: installed.version };
  const state = await signedFeedState();
  const problems: string[] = [];
  for (const mirror of source.urls) {
    try {
      const outcome = await readManifest(mirror, source, state, installed.version, options);
      if (outcome.kind === 'expired') {
        // Genuine but expired (a frozen or replayed feed): nothing is applied, and the data shows as unconfirmed.
        await setMeta(SIGNED_STATE_KEY, { ...state, expires: outcome.manifest.expires } satisfies SignedFeedState);
        throw new Refused(outcome.reason);
      }
      if (outcome.kind === 'not-modified') {
        if (state.expires && Date.parse(state.expires) <= options.now.getTime()) {
          throw new Refused(`expired: the manifest expired on ${state.expires.slice(0, 10)}; the data is kept but unconfirmed`);
        }
        await setMeta(SIGNED_STATE_KEY, { ...state, lastSuccess: options.now.toISOString() } satisfies SignedFeedState);
        return recordUpdate({ ...base, ok: true, message: 'not modified', toVersion: installed.version });
      }
      const { manifest } = outcome;
      // The rollback floor moves as soon as the manifest is verified, whether or not its file applies.
      const verifiedState: SignedFeedState = {
        ...state,
        highestVersion: Math.max(state.highestVersion, manifest.dataVersion),
        expires: manifest.expires,
        lastSuccess: options.now.toISOString(),
      };
      const message = await applyFrom(mirror, manifest, label, options).catch(async (error: unknown) => {
        await setMeta(SIGNED_STATE_KEY, { ...verifiedState, lastSuccess: state.lastSuccess } satisfies SignedFeedState);
        throw error;
      });
      await setMeta(SIGNED_STATE_KEY, {
        ...verifiedState,
        confirmedAt: manifest.builtAt,
        manifestVersion: manifest.dataVersion,
        validators: { ...state.validators, [mirror]: outcome.validators },
      } satisfies SignedFeedState);
      const now = await ensureIndex();
      return recordUpdate({ ...base, ok: true, message: mirror === label ? message : `${message} from mirror ${mirror}`, toVersion: now.version });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      problems.push(source.urls.length > 1 ? `${mirror}: ${error.message}` : error.message);
    }
  }
  return recordUpdate({ ...base, ok: false, message: problems.join('; ') });
}
