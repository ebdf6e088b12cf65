// Which site a page belongs to, the match patterns that cover a site, and asking the browser for access
// to one. Shared by the popup, the options page and the worker (which registers the content script for
// the sites the reader granted), so all three agree on what "a site" is.
import { browser } from 'wxt/browser';
import { defaultSiteForHost } from '../../core/sites';

const HOST = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** "www.example.com" -> "example.com"; a default news site's subdomain -> that site. Null for non-web hosts. */
export function siteOfHost(host: string): string | null {
  const lower = host.toLowerCase().replace(/\.$/, '');
  const known = defaultSiteForHost(lower);
  if (known) return known;
  const bare = lower.replace(/^www\./, '');
  return HOST.test(bare) ? bare : null;
}

/** The site of an http(s) page, or null for the browser's own pages, files and extension pages. */
export function siteOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return siteOfHost(parsed.hostname);
  } catch {
    return null;
  }
}

/** `https://*.example.com/*`: the bare host and every subdomain, over https only (as the default sites, core/sites.ts). */
export function sitePatterns(site: string): string[] {
  return [`https://*.${site}/*`];
}

/**
 * The site a pattern we asked for covers ("https://*.example.com/*" -> "example.com"), or null for any
 * other pattern (the manifest's defaults are filtered by the caller). "*://*.example.com/*", what
 * versions before https-only asked for, still counts: a site the reader turned on stays on.
 */
export function siteOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https):\/\/\*\.([^/]+)\/\*$/.exec(pattern);
  return m && HOST.test(m[1]!) ? m[1]! : null;
}

export function isDefaultSite(site: string): boolean {
  return defaultSiteForHost(site) === site;
}

/**
 * Asks for access to a site. Chrome only shows the prompt inside a user gesture, so this must be the
 * first browser call in a click handler (no await before it).
 */
export function requestSiteAccess(site: string): Promise<boolean> {
  return browser.permissions.request({ origins: sitePatterns(site) });
}

export function hasSiteAccess(site: string): Promise<boolean> {
  return browser.permissions.contains({ origins: sitePatterns(site) });
}

/** Gives the access back; the worker unregisters the site's content script when the browser says so. */
export function removeSiteAccess(site: string): Promise<boolean> {
  return browser.permissions.remove({ origins: sitePatterns(site) });
}
