import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../utils/settings-model';

describe('settings', () => {
  it('fills defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
  it('migrates the unversioned underline flag to a mark style', () => {
    expect(normalizeSettings({ underline: false }).markStyle).toBe('off');
    expect(normalizeSettings({ underline: true }).markStyle).toBe('underline');
  });
  it('drops malformed values instead of keeping them', () => {
    const s = normalizeSettings({
      markStyle: 'blink',
      hoverDelayMs: -5,
      disabledSites: ['theverge.com', 'javascript:alert(1)', 42],
      feedUrls: ['https://feeds.example/index.json', 'javascript:alert(1)', 'http://evil.example/feed', 'http://127.0.0.1:8080/feed.json'],
      notifications: { dailyCap: 1e9, kinds: ['status', 'bogus'] },
      region: 'usa',
    });
    expect(s.markStyle).toBe('underline');
    expect(s.hoverDelayMs).toBe(0);
    expect(s.disabledSites).toEqual(['theverge.com']);
    expect(s.feedUrls).toEqual(['https://feeds.example/index.json', 'http://127.0.0.1:8080/feed.json']);
    expect(s.notifications.dailyCap).toBe(100);
    expect(s.notifications.kinds).toEqual(['status']);
    expect(s.region).toBe('');
  });
});
