// Extra sites: the worker registers the content script for exactly the sites the reader granted, and
// the shared helpers agree on what a site is.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILE, SITE_SCRIPT_PREFIX, grantedExtraSites, startGrantedSites, syncSiteScripts } from '../../entrypoints/background/sites';
import { loadSettings, saveSettings } from '../../utils/settings';
import { closeDB } from '../../utils/db';
import { siteOfPattern, siteOfUrl, sitePatterns } from '../../components/common/site-access';

interface Registered { id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean }
let origins: string[];
let registered: Registered[];

beforeEach(() => {
  origins = [];
  registered = [];
  fakeBrowser.permissions.getAll = (async () => ({ origins, permissions: [] })) as never;
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = async () => registered.map((r) => ({ ...r }));
  scripting.registerContentScripts = async (scripts: Registered[]) => {
    for (const s of scripts) {
      if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.push(s);
    }
  };
  scripting.unregisterContentScripts = async ({ ids }: { ids: string[] }) => {
    registered = registered.filter((r) => !ids.includes(r.id));
  };
});

describe('content scripts for extra sites', () => {
  it('registers one persistent https-only script per granted site, ignoring the default news sites', async () => {
    // example.net was granted by a version that still asked for http too: it stays on, over https now.
    origins = ['https://*.gsmarena.com/*', 'https://*.blog.example.org/*', '*://*.example.net/*'];
    expect(await grantedExtraSites()).toEqual(['blog.example.org', 'example.net']);
    await syncSiteScripts();
    expect(registered.map((r) => r.id).sort()).toEqual([`${SITE_SCRIPT_PREFIX}blog.example.org`, `${SITE_SCRIPT_PREFIX}example.net`]);
    expect(registered[0]).toMatchObject({ js: [CONTENT_SCRIPT_FILE], persistAcrossSessions: true, matches: ['https://*.blog.example.org/*'] });
    expect(registered[1]).toMatchObject({ matches: ['https://*.example.net/*'] });
  });

  it('unregisters a site whose permission was removed and leaves others alone', async () => {
    origins = ['*://*.example.net/*', '*://*.example.com/*'];
    registered.push({ id: 'someone-else', matches: ['*://*.x.org/*'] });
    await syncSiteScripts();
    origins = ['*://*.example.com/*'];
    await syncSiteScripts();
    expect(registered.map((r) => r.id).sort()).toEqual(['someone-else', `${SITE_SCRIPT_PREFIX}example.com`]);
  });

  it('is safe to run twice at once (on startup and a permission event together)', async () => {
    origins = ['*://*.example.com/*'];
    await Promise.all([syncSiteScripts(), syncSiteScripts()]);
    expect(registered).toHaveLength(1);
  });
});

describe('a site granted while its page is open', () => {
  let injected: { tabId: number; files: string[] }[];
  beforeEach(async () => {
    // The worker's database connection is cached; each test opens a fresh one on its own database.
    await closeDB();
    injected = [];
    const tabs = [
      { id: 1, url: 'https://www.example.com/story' },
      { id: 2, url: 'https://news.example.com/other' },
      { id: 3, url: 'https://example.org/' },
      { id: 4, url: 'https://www.example.com/old', discarded: true },
    ];
    fakeBrowser.tabs.query = (async ({ url }: { url: string[] }) =>
      tabs.filter((tab) => url.some((pattern) => new URL(tab.url).hostname.endsWith(pattern.replace(/^[a-z*]+:\/\/\*\./, '').replace(/\/\*$/, ''))))) as never;
    // Tab 2 already runs the content script (a page loaded after the registration).
    fakeBrowser.tabs.sendMessage = (async (tabId: number) => {
      if (tabId === 2) return { ok: true, value: { url: 'https://news.example.com/other', ids: [], summaries: [] } };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    (fakeBrowser.scripting as unknown as Record<string, unknown>).executeScript = async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      return [];
    };
  });

  it("starts marking at once in the site's open tabs that do not run the script yet, and lists the site as on", async () => {
    await saveSettings({ enabledSites: ['example.net'] });
    expect(await startGrantedSites(['https://*.example.com/*'])).toEqual([1]);
    expect(injected).toEqual([{ tabId: 1, files: [`/${CONTENT_SCRIPT_FILE}`] }]);
    expect((await loadSettings()).enabledSites).toEqual(['example.net', 'example.com']);
  });

  it('leaves the default news sites and other origins to the manifest', async () => {
    expect(await startGrantedSites(['https://*.gsmarena.com/*', 'https://feeds.example.com/rss'])).toEqual([]);
    expect(injected).toEqual([]);
    expect((await loadSettings()).enabledSites).toEqual([]);
  });
});

describe('what a site is', () => {
  it('maps pages to sites and back to patterns', () => {
    expect(siteOfUrl('https://www.example.com/a?b')).toBe('example.com');
    expect(siteOfUrl('http://m.gsmarena.com/news.php')).toBe('gsmarena.com');
    expect(siteOfUrl('chrome://extensions')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
    expect(siteOfPattern(sitePatterns('example.com')[0]!)).toBe('example.com');
    expect(sitePatterns('example.com')).toEqual(['https://*.example.com/*']);
    expect(siteOfPattern('*://*.example.com/*')).toBe('example.com');
    expect(siteOfPattern('http://*.example.com/*')).toBeNull();
    expect(siteOfPattern('*://*/*')).toBeNull();
    expect(siteOfPattern('https://example.com/*')).toBeNull();
  });
});
