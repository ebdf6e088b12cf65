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

/** `*://*.gsmarena.com/*` for each site: http and https, the bare host and every subdomain. */
export const DEFAULT_NEWS_SITE_PATTERNS: readonly string[] = DEFAULT_NEWS_SITES.map((site) => `*://*.${site}/*`);

/** The site a host belongs to among the defaults ("www.gsmarena.com" -> "gsmarena.com"), or null. */
export function defaultSiteForHost(host: string): string | null {
  const lower = host.toLowerCase().replace(/\.$/, '');
  for (const site of DEFAULT_NEWS_SITES) {
    if (lower === site || lower.endsWith(`.${site}`)) return site;
  }
  return null;
}
