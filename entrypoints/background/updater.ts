// Index refresh from the reader's feeds: on an alarm (period = settings.refreshHours) and on "check now".
// Each feed is fetched conditionally (ETag / Last-Modified remembered per URL), refused unread when over
// the size limit, validated by core/feed.ts and applied in one transaction (index-store's replaceIndex,
// whose listeners diff the follows). A feed that fails changes nothing; every outcome is an UpdateReport.
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_FEED_LIMITS, parseFeed, type FeedLimits } from '../../core/feed';
import { getMeta, setMeta } from '../../utils/db';
import { recordUpdate } from './update-log';
import type { UpdateReport } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings';
import { redirectProblem } from './redirects';
import { builtInFeedSource } from '../../utils/feed-source';
import type { FeedSource } from '../../core/feed-keys';
import { refreshSigned } from './signed-feed';
import { applyFeedToStore, ensureIndex, FeedNotApplicable, SHIPPED_SIZE_KEY, type InstalledIndexMeta } from './index-store';
import { cappedChunks } from '../../utils/capped-stream';
import { reconcileFollows } from './follows';

export const REFRESH_ALARM = 'specscout-refresh';
export { LAST_UPDATE_KEY, UPDATE_REPORTS_KEY } from './update-log';
export const FEED_STATE_PREFIX = 'feed:';
const FETCH_TIMEOUT_MS = 30_000;

/** What is remembered per feed URL for the next conditional request. */
interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Hash of the body last applied: a server that ignores conditionals still costs no re-parse. */
  bodyHash?: string;
  /** Index version that body produced; the validators count only while that index is installed. */
  version?: number;
}

export interface UpdaterOptions {
  limits?: FeedLimits;
  now?: () => Date;
  fetch?: typeof fetch;
  /** The signed channel to check; the one this build was made with by default (utils/feed-source.ts). */
  source?: FeedSource;
  /** "manual" (Check now) checks even when the reader turned automatic updates off. */
  trigger?: 'auto' | 'manual';
}

// ---------------------------------------------------------------------------------------------------------
// Alarm

/** Creates or re-times the refresh alarm; called at start, on every alarm, and after settings change. */
export async function scheduleRefresh(refreshHours?: number): Promise<void> {
  const hours = refreshHours ?? (await loadSettings()).refreshHours;
  const period = hours * 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

/** Registered at worker start (index.ts). */
export async function handleAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name !== REFRESH_ALARM) return;
  await refreshAll();
  // The period may have changed in settings since the alarm was created.
  await scheduleRefresh();
}

// ---------------------------------------------------------------------------------------------------------
// Refresh

let running: Promise<UpdateReport[]> | null = null;

/**
 * Keeps the worker awake through a long refresh (replacing a large index takes tens of seconds): Chrome
 * stops an idle MV3 worker after 30 s, and each extension API call resets that timer
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle#idle-shutdown).
 */
async function whileAwake<T>(work: () => Promise<T>): Promise<T> {
  const ping = () => {
    try {
      void browser.runtime.getPlatformInfo().catch(() => undefined);
    } catch {
      // Not available (tests): nothing to keep awake.
    }
  };
  const timer = setInterval(ping, 20_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Refreshes the build's signed feed, then every feed the reader added, one after another (each may build on
 * the previous one's version). Automatic runs (install, browser start, the alarm) do nothing when the
 * reader turned updates off; "Check now" always checks.
 */
export function refreshAll(options: UpdaterOptions = {}): Promise<UpdateReport[]> {
  // An alarm and "check now" at the same moment share one run rather than race on the index version.
  running ??= whileAwake(async () => {
    const settings = await loadSettings();
    const reports: UpdateReport[] = [];
    if (settings.updatesEnabled || options.trigger === 'manual') {
      const source = options.source ?? builtInFeedSource();
      const now = (options.now ?? (() => new Date()))();
      if (source.urls.length > 0) reports.push(await refreshSigned(source, { now, fetch: options.fetch ?? fetch }));
      for (const url of settings.feedUrls) reports.push(await refreshFeed(url, options));
    }
    // Also catches up on a reconciliation a killed worker never finished.
    await reconcileFollows((options.now ?? (() => new Date()))());
    return reports;
  }).finally(() => {
    running = null;
  });
  return running;
}

/** The `checkNow` handler. */
export function checkNow(): Promise<UpdateReport[]> {
  return refreshAll({ trigger: 'manual' });
}

export { lastUpdate, updateReports } from './update-log';

function hashText(text: string): string {
  // FNV-1a over UTF-16 units, plus the length: enough to recognise the same body again.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

class FeedTooLarge extends Error {}

/** Reads a body, giving up as soon as it passes `maxBytes` (a hostile feed is never held whole). */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedTooLarge(`oversized: ${declared} bytes > limit of ${maxBytes}`);
  }
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of cappedChunks(response.body.getReader(), maxBytes, () => new FeedTooLarge(`oversized: more than ${maxBytes} bytes`))) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** Fetches, checks and applies one feed. Never throws: every failure is a report and changes nothing. */
export async function refreshFeed(url: string, options: UpdaterOptions = {}): Promise<UpdateReport> {
  const now = (options.now ?? (() => new Date()))();
  const limits = options.limits ?? DEFAULT_FEED_LIMITS;
  const doFetch = options.fetch ?? fetch;
  const installed = await ensureIndex();
  const base = { at: now.toISOString(), source: url, fromVersion: installed.version };
  const fail = (message: string) => recordUpdate({ ...base, ok: false, message });

  const stateKey = `${FEED_STATE_PREFIX}${url}`;
  const stored = (await getMeta<FeedState>(stateKey)) ?? {};
  // After a reset or a newer shipped index, the last body applied is not what is installed: fetch it whole.
  const state: FeedState = stored.version === installed.version ? stored : {};
  const headers: Record<string, string> = {};
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;

  let response: Response;
  try {
    // Our own validators, not the HTTP cache's: `no-store` keeps a 304 visible to us.
    response = await doFetch(url, { headers, cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    return fail(`could not fetch: ${error instanceof Error ? error.message : String(error)}`);
  }
  const redirect = redirectProblem(url, response);
  if (redirect) {
    await response.body?.cancel().catch(() => undefined);
    return fail(redirect);
  }
  if (response.status === 304) return recordUpdate({ ...base, ok: true, message: 'not modified', toVersion: installed.version });
  if (!response.ok) return fail(`could not fetch: HTTP ${response.status}`);

  let text: string;
  try {
    text = await readLimited(response, limits.maxBytes);
  } catch (error) {
    return fail(error instanceof FeedTooLarge ? error.message : `could not read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bodyHash = hashText(text);
  if (state.bodyHash === bodyHash) return recordUpdate({ ...base, ok: true, message: 'not modified', toVersion: installed.version });

  const parsed = parseFeed(text, { installedVersion: installed.version, now, limits });
  if (!parsed.ok) {
    if (parsed.reason.startsWith('not newer') && feedVersion(text) === installed.version) {
      // The same data the reader already has (e.g. shipped in an update): up to date, not an error.
      return recordUpdate({ ...base, ok: true, message: 'up to date', toVersion: installed.version });
    }
    return fail(parsed.reason);
  }

  let applied: InstalledIndexMeta;
  try {
    // A delta that removes nothing is written from the records it touches; anything else over the whole index.
    const builtInCount = await getMeta<number>(SHIPPED_SIZE_KEY);
    applied = await applyFeedToStore(parsed.feed, url, typeof builtInCount === 'number' ? builtInCount : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(error instanceof FeedNotApplicable ? `cannot apply: ${message}` : `not applied: ${message}`);
  }
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  await setMeta(stateKey, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), bodyHash, version: applied.version } satisfies FeedState);
  return recordUpdate({
    ...base,
    ok: true,
    message: `updated to version ${applied.version} (${applied.deviceCount} devices)`,
    toVersion: applied.version,
  });
}

function feedVersion(text: string): number | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const version = (value as { version?: unknown } | null)?.version;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined;
  }
}
