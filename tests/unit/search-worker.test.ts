// The worker's search and reading-history handlers over a real (fake-indexeddb) index: results carry
// summaries, reading history records status at the article's date, respects the reader's switch, and
// "compared with" counts shared articles.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Device, DeviceIndex } from '../../core/schema';
import { closeDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { searchDevices } from '../../entrypoints/background/search';
import { articleUrl, comparedWith, forgetReadingHistory, readingHistory, recordReading } from '../../entrypoints/background/reading';
import { getIndexInfo } from '../../entrypoints/background/index-info';

const device = (id: string, name: string, extra: Partial<Device> = {}): Device => ({
  id, brand: 'Sony', name, category: 'phone', names: [], status: [], sources: [], ...extra,
});
const index: DeviceIndex = {
  format: 1, version: 7, builtFrom: '2026-01-01',
  devices: [
    device('sony-xperia-z1', 'Xperia Z1', {
      names: [{ name: 'C6903', kind: 'code' }],
      status: [{ status: 'announced', date: '2013-09-04' }, { status: 'released', date: '2013-09-20' }],
      specs: { displayInches: 5 },
    }),
    device('sony-xperia-z1-compact', 'Xperia Z1 Compact', { names: [{ name: 'D5503', kind: 'code' }], status: [{ status: 'announced', date: '2014-01-07' }] }),
    device('sony-xperia-z2', 'Xperia Z2', { status: [{ status: 'announced', date: '2014-02-24' }] }),
  ],
};

beforeEach(async () => {
  await closeDB();
  await replaceIndex(index, 'shipped', 'install');
});

describe('search in the worker', () => {
  it('answers with summaries, a model code first', async () => {
    const hits = await searchDevices('d5503');
    expect(hits[0]).toMatchObject({ matchedName: 'D5503', reason: 'code', summary: { id: 'sony-xperia-z1-compact', status: 'announced' } });
    expect((await searchDevices('xperia z1 compcat'))[0]?.summary.id).toBe('sony-xperia-z1-compact');
  });

  it('sees a replaced index at once', async () => {
    await replaceIndex({ ...index, version: 8, devices: [device('sony-xperia-z3', 'Xperia Z3')] }, 'feed', 'feed');
    expect((await searchDevices('xperia z3'))[0]?.summary.id).toBe('sony-xperia-z3');
    expect((await searchDevices('xperia z2')).map((h) => h.summary.id)).toEqual(['sony-xperia-z3']);
  });
});

describe('reading history', () => {
  it('records each device with its status at the article date, without query or fragment', async () => {
    await recordReading(['sony-xperia-z1', 'sony-xperia-z2'], 'https://www.gsmarena.com/z1.php?utm=x#c', 'Sony announces the Xperia Z1', '2013-09-05T10:00:00Z', '2024-01-01T00:00:00Z');
    const z1 = await readingHistory('sony-xperia-z1');
    expect(z1).toEqual([{ url: 'https://www.gsmarena.com/z1.php', title: 'Sony announces the Xperia Z1', site: 'gsmarena.com', date: '2013-09-05', statusThen: 'announced', seenAt: '2024-01-01T00:00:00Z' }]);
    expect((await readingHistory('sony-xperia-z2'))[0]?.statusThen).toBeNull();
  });

  it('keeps nothing when the reader turned history off, or for pages without a title', async () => {
    await recordReading(['sony-xperia-z1'], 'https://a.example.com/1', '  ', undefined, '2024-01-01T00:00:00Z');
    await saveSettings({ keepReadingHistory: false });
    await recordReading(['sony-xperia-z1'], 'https://a.example.com/2', 'A title', undefined, '2024-01-01T00:00:00Z');
    expect(await readingHistory()).toEqual([]);
  });

  it('lists the devices read about together, most shared articles first, and forgets on request', async () => {
    await recordReading(['sony-xperia-z1', 'sony-xperia-z2'], 'https://a.example.com/1', 'Z1 vs Z2', undefined, '2024-01-01T00:00:00Z');
    await recordReading(['sony-xperia-z1', 'sony-xperia-z2', 'sony-xperia-z1-compact'], 'https://a.example.com/2', 'Sony line-up', undefined, '2024-01-02T00:00:00Z');
    expect((await comparedWith('sony-xperia-z1')).map((s) => s.id)).toEqual(['sony-xperia-z2', 'sony-xperia-z1-compact']);
    expect((await readingHistory()).map((e) => e.title)).toEqual(['Sony line-up', 'Z1 vs Z2']);
    await forgetReadingHistory();
    expect(await readingHistory()).toEqual([]);
    expect(await comparedWith('sony-xperia-z1')).toEqual([]);
  });

  it('refuses addresses that are not web pages', () => {
    expect(articleUrl('chrome://settings')).toBeNull();
    expect(articleUrl('not a url')).toBeNull();
  });
});

describe('index info', () => {
  it('reports the installed index and every source with its licence', async () => {
    const info = await getIndexInfo();
    expect(info).toMatchObject({ version: 7, devices: 3, builtFrom: '2026-01-01' });
    expect(info.names).toBeGreaterThan(3);
    expect(info.sources.map((s) => s.licence)).toEqual(expect.arrayContaining(['MIT', 'CC-BY-SA-4.0']));
    expect(info.lastUpdate).toBeUndefined();
  });
});
