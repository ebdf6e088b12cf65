// Imports of follows and settings check the whole file before changing anything: each bad file below is
// refused with its reason and leaves follows, settings and the sync mirror exactly as they were; hostile
// values never reach settings; a write that fails half-way keeps nothing of the import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acmePhone, storedUserData } from './acme-devices';
import { closeDB } from '../../utils/db';
import { loadSettings, saveSettings } from '../../utils/settings';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { setFollow } from '../../entrypoints/background/follows';
import { importData } from '../../entrypoints/background/transfer';

const NOW = new Date('2025-02-11T09:00:00Z');
const MARK = { specscout: 'specscout-export', format: 1 };

const phone = (id: string) => acmePhone(id);
const everything = storedUserData;

beforeEach(async () => {
  await closeDB();
  await replaceIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: [phone('acme-nova'), phone('acme-orbit')] }, 'shipped', 'install');
  await setFollow('acme-orbit', true, NOW);
  await saveSettings({ region: 'DE', feedUrls: ['https://feeds.example/a.json'] });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('import validation before any change', () => {
  const file = (extra: Record<string, unknown>) => JSON.stringify({ ...MARK, follows: [], ...extra });
  const BAD: [string, string, RegExp][] = [
    ['an empty file', '', /not JSON/],
    ['a truncated file', file({ follows: [{ id: 'acme-nova' }] }).slice(0, 40), /not JSON/],
    ['a JSON array', '[]', /not a SpecScout export/],
    ['a prototype-polluting key', `{"specscout":"specscout-export","format":1,"follows":[],"__proto__":{"admin":true}}`, /unknown field: __proto__/],
    ['more follows than allowed', file({ follows: Array.from({ length: 5001 }, (_, i) => ({ id: `acme-${i}` })) }), /5001 entries, more than 5000/],
    ['a follow that is a string', file({ follows: ['acme-nova'] }), /follows\[0\]: not an object/],
    ['an id carrying markup', file({ follows: [{ id: '<img src=x onerror=alert(1)>' }] }), /follows\[0\]\.id: not a device id/],
    ['an id too long', file({ follows: [{ id: `acme-${'x'.repeat(200)}` }] }), /follows\[0\]\.id: not a device id/],
    ['an id with a bidi override', file({ follows: [{ id: 'acme-nova\u202e' }] }), /not a device id/],
    ['an overlong date', file({ follows: [{ id: 'acme-nova', since: `2025-01-01${' '.repeat(50)}` }] }), /since: not a date/],
    ['a bad entry after 100 good ones', file({ follows: [...Array.from({ length: 100 }, (_, i) => ({ id: `acme-${i}` })), { id: 7 }] }), /follows\[100\]\.id/],
  ];
  for (const [what, json, reason] of BAD) {
    it(`refuses ${what}, says why, and changes nothing`, async () => {
      const before = await everything();
      const result = await importData(json, NOW);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/^Nothing imported: /);
      expect(result.message).toMatch(reason);
      expect(await everything()).toEqual(before);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  }

  it('keeps hostile values out of settings: script and plain-http feed URLs, markup hosts, bad regions', async () => {
    const settings = {
      markStyle: 'background',
      feedUrls: ['javascript:alert(1)', 'data:application/json,{}', 'http://feeds.example/f.json', 'https://feeds.example/ok.json'],
      disabledSites: ['<b>x</b>.com', 'example.com'],
      enabledSites: ['javascript:alert(1)'],
      region: '<script>',
      hoverDelayMs: -5,
      notifications: { enabled: 'yes', dailyCap: 1e9, kinds: ['status', '<img>'] },
    };
    expect((await importData(file({ settings }), NOW)).ok).toBe(true);
    const stored = await loadSettings();
    expect(stored.feedUrls).toEqual(['https://feeds.example/ok.json']);
    expect(stored.disabledSites).toEqual(['example.com']);
    expect(stored.enabledSites).toEqual([]);
    expect(stored.region).toBe('US');
    expect(stored.hoverDelayMs).toBe(0);
    expect(stored.notifications).toMatchObject({ enabled: true, dailyCap: 100, kinds: ['status'] });
    expect(stored.markStyle).toBe('background');
  });

  it('keeps nothing of an import whose database write fails half-way (full disk)', async () => {
    const before = await everything();
    const proto = globalThis.IDBObjectStore.prototype;
    const original = proto.put;
    let puts = 0;
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'follows' && ++puts > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const json = file({ follows: [{ id: 'acme-nova' }, { id: 'acme-pulse' }, { id: 'acme-zen' }], settings: { region: 'JP' } });
    await expect(importData(json, NOW)).rejects.toThrow(/quota/i);
    vi.restoreAllMocks();
    expect(await everything()).toEqual(before);
  });
});
