import { describe, expect, it } from 'vitest';
import { DEFAULT_NEWS_SITE_PATTERNS, defaultSiteForHost } from '../../core/sites';

describe('default news sites', () => {
  it('covers each site with and without subdomains, over https only', () => {
    expect(DEFAULT_NEWS_SITE_PATTERNS).toContain('https://*.gsmarena.com/*');
    expect(DEFAULT_NEWS_SITE_PATTERNS.every((p) => p.startsWith('https://*.'))).toBe(true);
  });
  it('maps a subdomain to its site and rejects look-alike hosts', () => {
    expect(defaultSiteForHost('www.GSMArena.com')).toBe('gsmarena.com');
    expect(defaultSiteForHost('m.theverge.com.')).toBe('theverge.com');
    expect(defaultSiteForHost('notgsmarena.com')).toBeNull();
    expect(defaultSiteForHost('gsmarena.com.evil.example')).toBeNull();
  });
});
