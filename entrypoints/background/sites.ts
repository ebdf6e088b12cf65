// Marking on sites beyond the default news list. The reader's grant of a site's permission IS the
// switch: the worker registers the content script for every extra site it holds a permission for, and
// unregisters it when the permission goes. Registrations persist across sessions; they are re-synced
// on install, on startup and whenever a permission is added or removed, so they never drift. A
// registration only reaches pages loaded after it, so a grant also starts the script in the site's
// tabs already open: the page the reader turned marking on from is marked at once, not after a reload.
import { browser } from 'wxt/browser';
import { isDefaultSite, siteOfPattern, sitePatterns } from '../../components/common/site-access';
import { sendToTab } from '../../utils/messaging';
import { saveSettings, loadSettings } from '../../utils/settings';

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

/** The extra sites among granted origins (a default site's pattern is the manifest's own). */
function extraSitesOf(origins: readonly string[]): string[] {
  return [...new Set(origins.map(siteOfPattern).filter((site): site is string => site !== null && !isDefaultSite(site)))];
}

/** Whether our content script already runs in the tab (it answers "pageDevices"). */
async function hasContentScript(tabId: number): Promise<boolean> {
  return sendToTab(tabId, 'pageDevices', {}).then(
    () => true,
    () => false,
  );
}

/**
 * After the reader granted sites: lists them as turned on (the popup that asked may have closed
 * behind the browser's prompt before it could save that) and starts the content script in their open
 * tabs that do not run it yet. Returns the ids of the tabs it started the script in.
 */
export async function startGrantedSites(origins: readonly string[]): Promise<number[]> {
  const sites = extraSitesOf(origins);
  if (sites.length === 0) return [];
  const { enabledSites } = await loadSettings();
  const added = sites.filter((site) => !enabledSites.includes(site));
  if (added.length) await saveSettings({ enabledSites: [...enabledSites, ...added] });
  const tabs = await browser.tabs.query({ url: sites.flatMap(sitePatterns) });
  const started: number[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded || (await hasContentScript(tab.id))) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}`] });
      started.push(tab.id);
    } catch (error) {
      // A tab that navigated away or shows an error page: its next load gets the registered script.
      console.debug('SpecScout: could not start marking in tab', tab.id, error);
    }
  }
  return started;
}

/** Listeners for index.ts to register synchronously at worker start. */
export function registerSiteListeners(): void {
  const resync = () => {
    void syncSiteScripts().catch((error: unknown) => console.warn('SpecScout: syncing site scripts failed', error));
  };
  browser.permissions.onAdded.addListener((added) => {
    resync();
    void startGrantedSites(added.origins ?? []).catch((error: unknown) => console.warn('SpecScout: starting marking on granted sites failed', error));
  });
  browser.permissions.onRemoved.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
}
