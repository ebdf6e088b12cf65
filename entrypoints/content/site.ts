// The page's site as settings know it, and whether the reader turned marking off there or rejected a
// match on it. Same keys as the worker's detect.ts (`${site}|${deviceId}`, `*|${deviceId}`).
import { defaultSiteForHost } from '../../core/sites';
import type { Settings } from '../../utils/protocol';

export function siteForHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return defaultSiteForHost(lower) ?? lower.replace(/^www\./, '');
}

/** disabledSites are host suffixes: "example.com" turns off example.com and every subdomain. */
export function isSiteDisabled(host: string, settings: Pick<Settings, 'disabledSites'>): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return settings.disabledSites.some((s) => lower === s || lower.endsWith(`.${s}`));
}

export function isRejected(site: string, deviceId: string, settings: Pick<Settings, 'rejectedMatches'>): boolean {
  return settings.rejectedMatches.includes(`${site}|${deviceId}`) || settings.rejectedMatches.includes(`*|${deviceId}`);
}
