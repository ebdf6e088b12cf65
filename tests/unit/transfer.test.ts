// Export, import and reset of follows and settings: a round trip keeps them, a bad file changes nothing
// and says why, a reset keeps follows only when asked.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acmePhone, storedUserData } from './acme-devices';
import { closeDB, getDB, setMeta } from '../../utils/db';
import { loadSettings, saveSettings } from '../../utils/settings';
import { DEFAULT_SETTINGS } from '../../utils/settings-model';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { listFollows, readSyncIds, setFollow, setMuted } from '../../entrypoints/background/follows';
import { exportData, importData, previewImport, resetData } from '../../entrypoints/background/transfer';

const NOW = new Date('2025-02-11T09:00:00Z');

const phone = (id: string) => acmePhone(id);
const everything = storedUserData;

beforeEach(async () => {
  await closeDB();
  await replaceIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: [phone('acme-nova'), phone('acme-orbit'), phone('acme-pulse')] }, 'shipped', 'install');
});

describe('export and import', () => {
  it('round-trips follows (with mute) and settings into a fresh profile', async () => {
    await setFollow('acme-nova', true, NOW);
    await setFollow('acme-orbit', true, NOW);
    await setMuted('acme-orbit', true);
    await saveSettings({ region: 'JP', refreshHours: 6, feedUrls: ['https://feeds.example/a.json'] });
    const { json } = await exportData(NOW);
    const parsed = JSON.parse(json) as { follows: unknown[]; settings: { region: string } };
    expect(parsed.follows).toEqual([
      { id: 'acme-nova', since: NOW.toISOString(), muted: false },
      { id: 'acme-orbit', since: NOW.toISOString(), muted: true },
    ]);
    expect(json).not.toContain('snapshot');

    // Another browser: same index, nothing followed yet.
    await closeDB();
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    fakeBrowser.reset();
    await replaceIndex({ format: 1, version: 1, builtFrom: '2025-01-31', devices: [phone('acme-nova'), phone('acme-orbit')] }, 'shipped', 'install');
    const result = await importData(json, 'replace', NOW);
    expect(result).toEqual({ ok: true, message: 'Imported 2 follows (2 new); settings replaced.' });
    expect((await listFollows()).map((f) => [f.summary.id, f.muted, f.since])).toEqual([
      ['acme-nova', false, NOW.toISOString()],
      ['acme-orbit', true, NOW.toISOString()],
    ]);
    expect(await loadSettings()).toMatchObject({ region: 'JP', refreshHours: 6, feedUrls: ['https://feeds.example/a.json'] });
    expect(await readSyncIds()).toEqual(['acme-nova', 'acme-orbit']);
  });

  it('adds imported follows to the current ones and keeps follows the index does not know yet', async () => {
    await setFollow('acme-pulse', true, NOW);
    const file = { specscout: 'specscout-export', format: 1, follows: [{ id: 'acme-nova' }, { id: 'acme-future-phone', muted: true }] };
    const result = await importData(JSON.stringify(file), 'replace', NOW);
    expect(result).toEqual({ ok: true, message: 'Imported 2 follows (2 new); 1 not in the index yet.' });
    const rows = await (await getDB()).getAll('follows');
    expect(rows.map((r) => [r.id, r.snapshot === null])).toEqual([
      ['acme-future-phone', true],
      ['acme-nova', false],
      ['acme-pulse', false],
    ]);
  });

  const BAD: [string, string, string][] = [
    ['text that is not JSON', '{follows: []', 'the file is not a SpecScout export (it is not JSON text, or it was cut short)'],
    ['JSON that is not an export', JSON.stringify({ follows: [] }), 'the file is not a SpecScout export'],
    ['a newer format', JSON.stringify({ specscout: 'specscout-export', format: 2, follows: [] }), 'the file was exported by a newer SpecScout (format 2); update SpecScout, then import it again'],
    ['a format that is not a number', JSON.stringify({ specscout: 'specscout-export', format: 'one', follows: [] }), 'the file says it is a SpecScout export, but its format is not one SpecScout knows'],
    ['an unknown field', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [], extra: 1 }), 'the file has parts SpecScout does not know ("extra")'],
    ['follows that are not a list', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: {} }), 'the list of follows is missing or is not a list'],
    ['a bad id after good ones', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [{ id: 'acme-nova' }, { id: 'Bad Id!' }] }), 'follow 2 has no valid device id'],
    ['a duplicate id', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [{ id: 'acme-nova' }, { id: 'acme-nova' }] }), '"acme-nova" is listed twice'],
    ['a bad date', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [{ id: 'acme-nova', since: 'yesterday' }] }), 'follow 1 ("acme-nova") has a date that cannot be read'],
    ['a bad mute flag', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [{ id: 'acme-nova', muted: 'yes' }] }), 'follow 1 ("acme-nova") has a mute setting that is not true or false'],
    ['settings that are not an object', JSON.stringify({ specscout: 'specscout-export', format: 1, follows: [], settings: [1] }), 'the settings in the file cannot be read'],
  ];
  for (const [what, json, reason] of BAD) {
    it(`changes nothing and says why for ${what}`, async () => {
      await setFollow('acme-orbit', true, NOW);
      await saveSettings({ region: 'DE' });
      const before = await everything();
      const result = await importData(json, 'replace', NOW);
      expect(result).toEqual({ ok: false, message: `Nothing was imported: ${reason}.` });
      expect(await previewImport(json)).toEqual(result);
      expect(await everything()).toEqual(before);
    });
  }

  it('migrates settings through normalizeSettings (old shape, out-of-range values)', async () => {
    const file = { specscout: 'specscout-export', format: 1, follows: [], settings: { underline: false, refreshHours: 9999, region: 'nowhere' } };
    expect((await importData(JSON.stringify(file), 'replace', NOW)).ok).toBe(true);
    expect(await loadSettings()).toMatchObject({ markStyle: 'off', refreshHours: 168, region: DEFAULT_SETTINGS.region });
  });
});

describe('reset', () => {
  beforeEach(async () => {
    await setFollow('acme-nova', true, NOW);
    await saveSettings({ region: 'JP' });
    await setMeta('toldKeys', ['acme-nova|status|announced']);
    await setMeta('feed:https://feeds.example/a.json', { etag: '"x"' });
  });

  it('restores default settings and forgets told changes and feed state, keeping follows when asked', async () => {
    await resetData(true);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const db = await getDB();
    expect(await db.get('meta', 'toldKeys')).toBeUndefined();
    expect(await db.get('meta', 'feed:https://feeds.example/a.json')).toBeUndefined();
    expect((await db.get('meta', 'index'))?.value).toMatchObject({ version: 1 });
    expect(await db.getAllKeys('follows')).toEqual(['acme-nova']);
    expect(await readSyncIds()).toEqual(['acme-nova']);
  });

  it('drops follows (and their sync mirror) unless asked to keep them', async () => {
    await resetData(false);
    expect(await (await getDB()).getAllKeys('follows')).toEqual([]);
    expect(await readSyncIds()).toEqual([]);
  });
});
