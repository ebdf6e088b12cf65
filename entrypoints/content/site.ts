// The page's site as settings know it, and whether the reader turned marking off there or rejected a
// match on it. Same keys as the worker's detect.ts (`${site}|${deviceId}`, `*|${deviceId}`).
import { isRejectedMatch, siteKeyForHost } from '../../core/sites';
import type { Settings } from '../../utils/protocol';

export const siteForHost = siteKeyForHost;

/** disabledSites are host suffixes: "example.com" turns off example.com and every subdomain. */
export function isSiteDisabled(host: string, settings: Pick<Settings, 'disabledSites'>): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return settings.disabledSites.some((s) => lower === s || lower.endsWith(`.${s}`));
}

export function isRejected(site: string, deviceId: string, settings: Pick<Settings, 'rejectedMatches'>): boolean {
  return isRejectedMatch(site, deviceId, settings.rejectedMatches);
}
