import { describe, expect, it } from 'vitest';
import { findDatePublished, toPartialDate } from '../../entrypoints/content/published-date';
import { placeCard, EDGE_MARGIN } from '../../entrypoints/content/position';
import { isRejected, isSiteDisabled, siteForHost } from '../../entrypoints/content/site';
import { highlightCss } from '../../entrypoints/content/highlight-style';
import { createSlice } from '../../entrypoints/content/slicer';

describe('the article date', () => {
  it('keeps the date part of an ISO timestamp and refuses what is not a plausible date', () => {
    expect(toPartialDate('2013-09-04T10:00:00+02:00')).toBe('2013-09-04');
    expect(toPartialDate(' 2014-01 ')).toBe('2014-01');
    expect(toPartialDate('2014')).toBe('2014');
    expect(toPartialDate('yesterday')).toBeUndefined();
    expect(toPartialDate('2014-13-01')).toBeUndefined();
    expect(toPartialDate('1066-10-14')).toBeUndefined();
    expect(toPartialDate(null)).toBeUndefined();
  });

  it('finds datePublished in JSON-LD objects, arrays and @graph', () => {
    expect(findDatePublished({ '@type': 'NewsArticle', datePublished: '2014-01-02T08:00:00Z' })).toBe('2014-01-02');
    expect(findDatePublished([{ '@type': 'WebSite' }, { '@graph': [{ '@type': 'Article', datePublished: '2013-12-12' }] }])).toBe('2013-12-12');
    expect(findDatePublished({ datePublished: 'not a date', author: { name: 'x' } })).toBeUndefined();
    expect(findDatePublished('2014-01-01')).toBeUndefined();
  });
});

describe('placing the card', () => {
  const viewport = { width: 1280, height: 900 };
  const card = { width: 340, height: 400 };

  it('goes below the name when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 80, height: 20 }, card, viewport)).toEqual({ left: 100, top: 126 });
  });

  it('goes above the name near the bottom of the viewport', () => {
    const place = placeCard({ left: 100, top: 800, width: 80, height: 20 }, card, viewport);
    expect(place.top + card.height).toBeLessThanOrEqual(800);
  });

  it('stays inside the viewport at the right edge and when taller than the room on either side', () => {
    const right = placeCard({ left: 1250, top: 100, width: 30, height: 20 }, card, viewport);
    expect(right.left + card.width).toBeLessThanOrEqual(viewport.width - EDGE_MARGIN);
    const tall = placeCard({ left: 10, top: 450, width: 30, height: 20 }, { width: 340, height: 880 }, viewport);
    expect(tall.top).toBeGreaterThanOrEqual(EDGE_MARGIN);
  });
});

describe('sites and rejections', () => {
  it('names the site as the settings do: the default news site, else the host without www', () => {
    expect(siteForHost('www.gsmarena.com')).toBe('gsmarena.com');
    expect(siteForHost('m.gsmarena.com')).toBe('gsmarena.com');
    expect(siteForHost('www.example.org')).toBe('example.org');
  });

  it('turns a disabled site off on every subdomain but not on look-alikes', () => {
    const settings = { disabledSites: ['theverge.com'] };
    expect(isSiteDisabled('www.theverge.com', settings)).toBe(true);
    expect(isSiteDisabled('theverge.com', settings)).toBe(true);
    expect(isSiteDisabled('nottheverge.com', settings)).toBe(false);
  });

  it('drops a device rejected on this site or everywhere, and keeps it elsewhere', () => {
    const settings = { rejectedMatches: ['gsmarena.com|sony-xperia-z1', '*|apple-iphone-15-pro'] };
    expect(isRejected('gsmarena.com', 'sony-xperia-z1', settings)).toBe(true);
    expect(isRejected('theverge.com', 'sony-xperia-z1', settings)).toBe(false);
    expect(isRejected('theverge.com', 'apple-iphone-15-pro', settings)).toBe(true);
  });
});

describe('mark styles and time slices', () => {
  it('styles the specscout highlight per setting, and not at all when off', () => {
    expect(highlightCss('underline')).toMatch(/^::highlight\(specscout\) \{ text-decoration: underline dotted/);
    expect(highlightCss('background')).toContain('background-color');
    expect(highlightCss('off')).toBe('');
  });

  it('says a slice is due once its budget is spent, and starts a fresh one after yielding', async () => {
    let now = 0;
    const slice = createSlice('test', 8, () => now);
    expect(slice.due()).toBe(false);
    now = 8;
    expect(slice.due()).toBe(true);
    await slice.next();
    expect(slice.due()).toBe(false);
  });
});
