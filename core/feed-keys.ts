// The one place that says which update source a build uses and which keys it trusts (docs/feed.md).
//
// PROJECT_FEED_KEYS are the public halves of the project's Ed25519 signing keys: the current one and the
// next one, so the key can be rotated (sign with `next`, then ship a build that lists a new `next`) or, if
// the current one leaks, revoked (`revoked: true`, shipped in an extension update; the next key signs from
// then on). The private keys are never in the repository: the publish workflow reads the current one from
// the SPECSCOUT_FEED_SIGNING_KEY secret. The list is empty until the maintainers create the key pair;
// until then, and in forks and tests, a build takes its keys from SPECSCOUT_FEED_KEYS instead.
import type { FeedKey } from './manifest';

export const PROJECT_FEED_KEYS: readonly FeedKey[] = [];

/** The update source compiled into a build: where to look (primary first, then mirrors) and whom to trust. */
export interface FeedSource {
  urls: string[];
  keys: FeedKey[];
}

export const NO_FEED_SOURCE: FeedSource = { urls: [], keys: [] };

function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

function isFeedKey(value: unknown): value is FeedKey {
  const k = value as Partial<FeedKey> | null;
  return typeof k === 'object' && k !== null && typeof k.id === 'string' && typeof k.publicKey === 'string' && (k.revoked === undefined || typeof k.revoked === 'boolean');
}

/**
 * The source for a build from its environment: SPECSCOUT_FEED_URL (the feed directory's URL; mirrors after
 * it, separated by spaces or commas) and optionally SPECSCOUT_FEED_KEYS (a JSON array of FeedKey), else the
 * project's keys. Throws on a malformed value, so a release is never built pointing at nothing by mistake.
 * Without a URL, or without a key to check it with, the build has no update source.
 */
export function feedSourceFromEnv(env: Record<string, string | undefined>): FeedSource {
  const urls = (env.SPECSCOUT_FEED_URL ?? '').split(/[\s,]+/).filter(Boolean).map((u) => u.replace(/\/+$/, ''));
  for (const url of urls) if (!isHttpsOrLoopback(url)) throw new Error(`SPECSCOUT_FEED_URL: ${url} is not https (or http on this machine)`);
  let keys: FeedKey[] = [...PROJECT_FEED_KEYS];
  if (env.SPECSCOUT_FEED_KEYS) {
    const parsed: unknown = JSON.parse(env.SPECSCOUT_FEED_KEYS);
    if (!Array.isArray(parsed) || !parsed.every(isFeedKey)) throw new Error('SPECSCOUT_FEED_KEYS: not a JSON array of { id, publicKey, revoked? }');
    keys = parsed;
  }
  if (urls.length === 0 || keys.length === 0) {
    // A release build asks for a source: without one it would ship readers data that never updates.
    if (env.SPECSCOUT_REQUIRE_FEED === '1') throw new Error(`SPECSCOUT_REQUIRE_FEED: ${urls.length === 0 ? 'SPECSCOUT_FEED_URL is not set' : 'no trusted key (PROJECT_FEED_KEYS is empty and SPECSCOUT_FEED_KEYS is not set)'}`);
    return NO_FEED_SOURCE;
  }
  return { urls, keys };
}
