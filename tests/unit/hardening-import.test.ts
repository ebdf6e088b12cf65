// Imports of follows and settings check the whole file before changing anything: each bad file below is
// refused with its reason, in a plain sentence, and leaves follows, settings and the sync mirror exactly as
// they were; hostile values never reach settings; a write that fails half-way keeps nothing of the import.
// A file's settings (feed URLs first) are shown before they apply and apply only when confirmed; the
// largest export SpecScout can make always imports again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acmePhone, storedUserData } from './acme-devices';
import { closeDB, getDB } from '../../utils/db';
import { loadSettings, saveSettings } from '../../utils/settings';
import { MAX_FEED_URL } from '../../utils/settings-model';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { setFollow } from '../../entrypoints/background/follows';
import { exportData, importData, previewImport } from '../../entrypoints/background/transfer';
import { MAX_FOLLOWS, MAX_IMPORT_BYTES } from '../../utils/reader-data';

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

const file = (extra: Record<string, unknown>) => JSON.stringify({ ...MARK, follows: [], ...extra });

describe('import validation before any change', () => {
  const BAD: [string, string, RegExp][] = [
    ['an empty file', '', /not JSON text/],
    ['a truncated file', file({ follows: [{ id: 'acme-nova' }] }).slice(0, 40), /not JSON text, or it was cut short/],
    ['a JSON array', '[]', /not a SpecScout export/],
    ['a prototype-polluting key', `{"specscout":"specscout-export","format":1,"follows":[],"__proto__":{"admin":true}}`, /parts SpecScout does not know \("__proto__"\)/],
    ['more follows than allowed', file({ follows: Array.from({ length: 5001 }, (_, i) => ({ id: `acme-${i}` })) }), /it lists 5,001 follows; SpecScout keeps at most 5,000/],
    ['a follow that is a string', file({ follows: ['acme-nova'] }), /follow 1 is not a follow entry/],
    ['an id carrying markup', file({ follows: [{ id: '<img src=x onerror=alert(1)>' }] }), /follow 1 has no valid device id/],
    ['an id too long', file({ follows: [{ id: `acme-${'x'.repeat(200)}` }] }), /follow 1 has no valid device id/],
    ['an id with a bidi override', file({ follows: [{ id: 'acme-nova\u202e' }] }), /no valid device id/],
    ['an overlong date', file({ follows: [{ id: 'acme-nova', since: `2025-01-01${' '.repeat(50)}` }] }), /date that cannot be read/],
    ['a bad entry after 100 good ones', file({ follows: [...Array.from({ length: 100 }, (_, i) => ({ id: `acme-${i}` })), { id: 7 }] }), /follow 101 has no valid device id/],
    ['a file over the size limit', file({ padding: 'x'.repeat(MAX_IMPORT_BYTES) }), /^Nothing was imported: the file is too large \(max 8 MB\)\.$/],
  ];
  for (const [what, json, reason] of BAD) {
    it(`refuses ${what}, says why, and changes nothing`, async () => {
      const before = await everything();
      const result = await importData(json, 'replace', NOW);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/^Nothing was imported: /);
      // A sentence for the reader: no field paths, no message types.
      expect(result.message).not.toMatch(/follows\[|importData|\.id:/);
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
    expect((await importData(file({ settings }), 'replace', NOW)).ok).toBe(true);
    const stored = await loadSettings();
    expect(stored.feedUrls).toEqual(['https://feeds.example/ok.json']);
    expect(stored.disabledSites).toEqual(['example.com']);
    expect(stored.enabledSites).toEqual([]);
    expect(stored.region).toBe('');
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
    expect(await importData(json, 'replace', NOW)).toEqual({ ok: false, message: 'Nothing was imported: there is not enough disk space. Free some space and try again.' });
    vi.restoreAllMocks();
    expect(await everything()).toEqual(before);
  });
});

describe('a crafted file cannot change settings unseen', () => {
  const crafted = () =>
    JSON.stringify({
      ...MARK,
      follows: [{ id: 'acme-nova' }],
      settings: { feedUrls: ['https://attacker.example/index.json'], refreshHours: 1, markStyle: 'off', notifications: { enabled: false } },
    });

  it('previews every change, feed URLs first, and changes nothing', async () => {
    const before = await everything();
    const preview = await previewImport(crafted());
    expect(preview).toEqual({
      ok: true,
      follows: { total: 1, added: 1, notInIndex: 0 },
      hasSettings: true,
      settingChanges: [
        { key: 'feedUrls', added: ['https://attacker.example/index.json'], removed: ['https://feeds.example/a.json'] },
        { key: 'refreshHours', added: [], removed: [], from: '6', to: '1' },
        { key: 'markStyle', added: [], removed: [], from: 'underline', to: 'off' },
        { key: 'notifications.enabled', added: [], removed: [], from: 'true', to: 'false' },
        // The file has no region: importing its settings would put the default back, and says so.
        { key: 'region', added: [], removed: [], from: 'DE', to: '' },
      ],
    });
    expect(await everything()).toEqual(before);
  });

  it('imports the follows only unless the reader confirmed the settings', async () => {
    const result = await importData(crafted(), 'keep', NOW);
    expect(result).toEqual({ ok: true, message: 'Imported 1 follow (1 new); settings kept as they were.' });
    const settings = await loadSettings();
    expect(settings.feedUrls).toEqual(['https://feeds.example/a.json']);
    expect(settings).toMatchObject({ region: 'DE', refreshHours: 6, markStyle: 'underline' });
    expect((await everything()).follows.map((f) => f.id)).toEqual(['acme-nova', 'acme-orbit']);
  });

  it('applies the feed URLs and other settings only with the reader’s confirmation', async () => {
    expect(await importData(crafted(), 'replace', NOW)).toMatchObject({ ok: true, message: expect.stringMatching(/settings replaced/) });
    expect(await loadSettings()).toMatchObject({ feedUrls: ['https://attacker.example/index.json'], refreshHours: 1, markStyle: 'off' });
  });
});

describe('one follow limit everywhere, so every backup restores', () => {
  it('re-imports the largest export SpecScout can make (5,000 follows with the longest ids, every settings list full)', async () => {
    const ids = Array.from({ length: MAX_FOLLOWS }, (_, i) => `acme-${'x'.repeat(186)}${String(i).padStart(5, '0')}`.slice(0, 200));
    const devices = ids.map((id) => phone(id));
    await replaceIndex({ format: 1, version: 2, builtFrom: '2025-02-01', devices }, 'shipped', 'update');
    const db = await getDB();
    await db.clear('follows');
    const tx = db.transaction('follows', 'readwrite');
    await Promise.all(devices.map((d) => tx.store.put({ id: d.id, since: NOW.toISOString(), muted: true, snapshot: d })));
    await tx.done;
    await saveSettings({
      rejectedMatches: Array.from({ length: 5000 }, (_, i) => `site-${i}.example|${'r'.repeat(470)}${i}`),
      disabledSites: Array.from({ length: 500 }, (_, i) => `${'d'.repeat(240)}${i}.example`),
      enabledSites: Array.from({ length: 500 }, (_, i) => `${'e'.repeat(240)}${i}.example`),
      feedUrls: Array.from({ length: 20 }, (_, i) => `https://feeds.example/${'f'.repeat(2000)}/${i}.json`.slice(0, MAX_FEED_URL)),
    });
    const { json } = await exportData(NOW);
    expect(new TextEncoder().encode(json).length).toBeLessThan(MAX_IMPORT_BYTES);
    const exported = await loadSettings();
    expect(exported.rejectedMatches).toHaveLength(5000);
    expect(exported.feedUrls).toHaveLength(20);

    // Restored into a browser with nothing yet.
    await db.clear('follows');
    await db.clear('settings');
    expect(await importData(json, 'replace', NOW)).toEqual({ ok: true, message: 'Imported 5,000 follows (5,000 new); settings replaced.' });
    expect(await db.count('follows')).toBe(MAX_FOLLOWS);
    expect(await loadSettings()).toEqual(exported);
  });

  it('refuses an import that would take the follows past the limit, with a plain sentence, changing nothing', async () => {
    const before = await everything();
    const json = file({ follows: Array.from({ length: MAX_FOLLOWS }, (_, i) => ({ id: `acme-${i}` })) });
    const expected = 'Nothing was imported: with this file you would follow 5,001 devices, and SpecScout keeps at most 5,000. Unfollow some first.';
    expect(await previewImport(json)).toEqual({ ok: false, message: expected });
    expect(await importData(json, 'keep', NOW)).toEqual({ ok: false, message: expected });
    expect(await everything()).toEqual(before);
  });
});
