// Extra sites: the worker registers the content script for exactly the sites the reader granted, and
// the shared helpers agree on what a site is.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILE, SITE_SCRIPT_PREFIX, grantedExtraSites, syncSiteScripts } from '../../entrypoints/background/sites';
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
