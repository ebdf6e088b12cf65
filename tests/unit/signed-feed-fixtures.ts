// Signed feeds for tests: a throwaway Ed25519 key pair, feed directories built with the real builder
// (scripts/lib/feed-build.ts), and a fetch that serves such directories like a static host (ETag, 304).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { FeedKey } from '../../core/manifest';
import type { DeviceIndex } from '../../core/schema';
import { buildFeed, keyIdOf, rawPublicKeyBase64, type FeedBuild } from '../../scripts/lib/feed-build';

export interface TestKey {
  privateKey: KeyObject;
  feedKey: FeedKey;
}

export function makeKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, feedKey: { id: keyIdOf(publicKey), publicKey: rawPublicKeyBase64(publicKey) } };
}

export function buildDir(key: TestKey, index: DeviceIndex, previous: DeviceIndex[], now: Date, validityDays?: number): FeedBuild {
  return buildFeed({ index, previous, now, signingKey: key.privateKey, ...(validityDays !== undefined ? { validityDays } : {}) });
}

/** Replaces manifest.json with `text` signed by `key` (a forged or hand-made manifest). */
export function withManifest(files: Map<string, Uint8Array>, text: string, key: KeyObject): Map<string, Uint8Array> {
  const out = new Map(files);
  const bytes = Buffer.from(text, 'utf8');
  out.set('manifest.json', bytes);
  out.set('manifest.sig', Buffer.from(sign(null, bytes, key).toString('base64')));
  return out;
}

export interface Host {
  /** Files served per base URL; swap them to "publish". */
  dirs: Map<string, Map<string, Uint8Array> | 'down'>;
  requests: string[];
  fetch: typeof fetch;
}

function etagOf(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return `"${(h >>> 0).toString(16)}-${bytes.byteLength}"`;
}

/** A static host: serves each directory's files with an ETag and honours If-None-Match. */
export function staticHost(): Host {
  const dirs: Host['dirs'] = new Map();
  const requests: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(url);
    const slash = url.lastIndexOf('/');
    const dir = dirs.get(url.slice(0, slash));
    if (dir === 'down') throw new TypeError('Failed to fetch');
    const body = dir?.get(url.slice(slash + 1));
    if (!body) return new Response('not found', { status: 404 });
    const etag = etagOf(body);
    if (new Headers(init?.headers).get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(body.slice(), { status: 200, headers: { etag, 'content-length': String(body.byteLength) } });
  }) as typeof fetch;
  return { dirs, requests, fetch: fetchFn };
}
