// Marking on sites beyond the default news list. The reader's grant of a site's permission IS the
// switch: the worker registers the content script for every extra site it holds a permission for, and
// unregisters it when the permission goes. Registrations persist across sessions; they are re-synced
// on install, on startup and whenever a permission is added or removed, so they never drift.
import { browser } from 'wxt/browser';
import { isDefaultSite, siteOfPattern, sitePatterns } from '../../components/common/site-access';

/** Our registrations' ids: `specscout-site:<site>`. */
export const SITE_SCRIPT_PREFIX = 'specscout-site:';
/** Where WXT writes the content script entrypoint (entrypoints/content/index.ts). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** Extra sites the extension holds a permission for (the manifest's defaults excluded). */
export async function grantedExtraSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const sites = new Set<string>();
  for (const pattern of origins) {
    const site = siteOfPattern(pattern);
    if (site && !isDefaultSite(site)) sites.add(site);
  }
  return [...sites].sort();
}

let syncing: Promise<void> = Promise.resolve();

/** Makes our registered content scripts exactly one per granted extra site. Calls are serialised. */
export function syncSiteScripts(): Promise<void> {
  syncing = syncing.then(doSync, doSync);
  return syncing;
}

async function doSync(): Promise<void> {
  const [wanted, registered] = await Promise.all([
    grantedExtraSites(),
    browser.scripting.getRegisteredContentScripts(),
  ]);
  const ours = registered.filter((s) => s.id.startsWith(SITE_SCRIPT_PREFIX));
  const wantedIds = new Set(wanted.map((site) => SITE_SCRIPT_PREFIX + site));
  const stale = ours.map((s) => s.id).filter((id) => !wantedIds.has(id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.map((s) => s.id));
  const missing = wanted.filter((site) => !have.has(SITE_SCRIPT_PREFIX + site));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map((site) => ({
        id: SITE_SCRIPT_PREFIX + site,
        matches: sitePatterns(site),
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
}

/** Listeners for index.ts to register synchronously at worker start. */
export function registerSiteListeners(): void {
  const resync = () => {
    void syncSiteScripts().catch((error: unknown) => console.warn('SpecScout: syncing site scripts failed', error));
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
}
