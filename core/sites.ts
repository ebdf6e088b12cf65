// The tech news sites SpecScout marks by default, and the match patterns that cover them.
// Pure data so the manifest, the options page and the tests all read the same list.

export const DEFAULT_NEWS_SITES = [
  'gsmarena.com',
  'phonearena.com',
  'theverge.com',
  'engadget.com',
  'arstechnica.com',
  'androidauthority.com',
  'androidcentral.com',
  '9to5google.com',
  '9to5mac.com',
  'macrumors.com',
  'sammobile.com',
  'xda-developers.com',
  'gizmochina.com',
  'notebookcheck.net',
  'tomsguide.com',
  'techradar.com',
] as const;

/**
 * `https://*.gsmarena.com/*` for each site: the bare host and every subdomain, over https only. Every
 * one of these sites serves https (and sends plain-http visitors there); on a plain-http page anyone on
 * the network could rewrite what SpecScout reads and acts beside, so it does not run there (SECURITY.md).
 */
export const DEFAULT_NEWS_SITE_PATTERNS: readonly string[] = DEFAULT_NEWS_SITES.map((site) => `https://*.${site}/*`);

/** The site a host belongs to among the defaults ("www.gsmarena.com" -> "gsmarena.com"), or null. */
export function defaultSiteForHost(host: string): string | null {
  const lower = host.toLowerCase().replace(/\.$/, '');
  for (const site of DEFAULT_NEWS_SITES) {
    if (lower === site || lower.endsWith(`.${site}`)) return site;
  }
  return null;
}

/**
 * The key a site is remembered under in settings (rejected matches): the default news site a host belongs
 * to, else the host without "www." and a trailing dot. The content script and the worker both use it.
 */
export function siteKeyForHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return defaultSiteForHost(lower) ?? lower.replace(/^www\./, '');
}

/**
 * Whether the reader said a device is a wrong match on this site, or everywhere (`*`). Pass a Set where it
 * is asked for many mentions (the worker filters whole pages); the settings' list is fine for one.
 */
export function isRejectedMatch(site: string, deviceId: string, rejected: ReadonlySet<string> | readonly string[]): boolean {
  const has = (key: string) => ('has' in rejected ? rejected.has(key) : rejected.includes(key));
  return has(`${site}|${deviceId}`) || has(`*|${deviceId}`);
}
