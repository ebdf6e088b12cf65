// Settings: defaults, and the one function that turns anything stored or imported into valid
// settings. Older stored shapes are migrated here; unknown or malformed fields fall back to defaults.
import type { MarkStyle, Settings } from './protocol';
import { CHANGE_KIND_LIST } from '../core/changes';

export const SETTINGS_VERSION = 1;

/** The change kinds a reader can choose to be notified of: every kind core/changes.ts reports. */
export const CHANGE_KINDS = CHANGE_KIND_LIST;

export const DEFAULT_SETTINGS: Settings = {
  markStyle: 'underline',
  hoverDelayMs: 300,
  disabledSites: [],
  enabledSites: [],
  notifications: { enabled: true, quiet: false, dailyCap: 10, kinds: [...CHANGE_KINDS] },
  // Empty: the status and dates wherever they happened first. A region code: as the reader there sees them.
  region: '',
  feedUrls: [],
  updatesEnabled: true,
  // Every 6 hours: a status change reaches followers the same day, and an unchanged manifest costs a 304.
  refreshHours: 6,
  keepReadingHistory: true,
  rejectedMatches: [],
};

/**
 * The region status and dates are picked for (`core/status.ts` `currentStatus`): undefined, i.e. every
 * region, when the reader chose none.
 */
export function statusRegion(settings: Pick<Settings, 'region'>): string | undefined {
  return settings.region === '' ? undefined : settings.region;
}

/** Longest feed URL kept. */
export const MAX_FEED_URL = 2048;

const MARK_STYLES: MarkStyle[] = ['underline', 'background', 'off'];
const HOST = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

function stringList(value: unknown, keep: (s: string) => boolean, max = 500): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value) if (typeof item === 'string' && keep(item) && out.size < max) out.add(item);
  return [...out];
}

export function isFeedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    // http only for the reader's own machine (a feed they serve locally); everything else https.
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

/**
 * Migrates and validates stored or imported settings. Version 0 (unversioned) stored
 * `underline: boolean` instead of `markStyle`.
 */
export function normalizeSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const legacyStyle = typeof input.underline === 'boolean' ? (input.underline ? 'underline' : 'off') : undefined;
  const notifications = (typeof input.notifications === 'object' && input.notifications !== null
    ? input.notifications
    : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    markStyle: MARK_STYLES.includes(input.markStyle as MarkStyle) ? (input.markStyle as MarkStyle) : (legacyStyle ?? d.markStyle),
    hoverDelayMs: clampInt(input.hoverDelayMs, 0, 3000, d.hoverDelayMs),
    disabledSites: stringList(input.disabledSites, (s) => HOST.test(s)),
    enabledSites: stringList(input.enabledSites, (s) => HOST.test(s)),
    notifications: {
      enabled: typeof notifications.enabled === 'boolean' ? notifications.enabled : d.notifications.enabled,
      quiet: typeof notifications.quiet === 'boolean' ? notifications.quiet : d.notifications.quiet,
      dailyCap: clampInt(notifications.dailyCap, 1, 100, d.notifications.dailyCap),
      kinds: Array.isArray(notifications.kinds)
        ? stringList(notifications.kinds, (s) => (CHANGE_KINDS as readonly string[]).includes(s))
        : [...d.notifications.kinds],
    },
    region: typeof input.region === 'string' && /^([A-Z]{2})?$/.test(input.region) ? input.region : d.region,
    // Bounded in length as every list here is, so the largest settings still export and import (reader-data.ts).
    feedUrls: stringList(input.feedUrls, (s) => s.length <= MAX_FEED_URL && isFeedUrl(s), 20),
    updatesEnabled: typeof input.updatesEnabled === 'boolean' ? input.updatesEnabled : d.updatesEnabled,
    refreshHours: clampInt(input.refreshHours, 1, 168, d.refreshHours),
    keepReadingHistory: typeof input.keepReadingHistory === 'boolean' ? input.keepReadingHistory : d.keepReadingHistory,
    rejectedMatches: stringList(input.rejectedMatches, (s) => s.length <= 500 && s.includes('|'), 5000),
  };
}
