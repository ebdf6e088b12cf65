import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parseCsv, parseCsvRecords } from '../../core/adapters/csv';
import { fromGsmarenaCsv, gsmStatusEvents, parseGsmDate } from '../../core/adapters/gsmarena';
import { fromLineageWiki, lineageReleaseDates, lineageSizes } from '../../core/adapters/lineage-wiki';
import { fromMobileModels, splitVariantName } from '../../core/adapters/mobilemodels';
import { deviceListProblems } from '../../core/validate';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../fixtures/datasets');
/** The shared reference datasets sit next to the repository; absent on most machines, and then skipped. */
const datasets = path.resolve(here, '../../../shared/datasets');
const hasDatasets = existsSync(datasets);
const read = (file: string): string => readFileSync(file, 'utf8');

describe('parseCsv', () => {
  it('handles quoted separators, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi""","line\nbreak"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'line\nbreak'],
      ['1', '2', '3', '4'],
    ]);
  });
  it('keeps empty fields and skips a byte-order mark', () => {
    expect(parseCsv('\ufeffx,,z')).toEqual([['x', '', 'z']]);
  });
  it('keys rows by the header, filling missing trailing fields', () => {
    expect(parseCsvRecords('a,b\n1')).toEqual([{ a: '1', b: '' }]);
  });
});

describe('GSMArena adapter', () => {
  it('reads dates at the precision given', () => {
    expect(parseGsmDate('2014, January')).toBe('2014-01');
    expect(parseGsmDate('2016, May 16th')).toBe('2016-05-16');
    expect(parseGsmDate('2017, Q3')).toBe('2017');
    expect(parseGsmDate('Not announced yet')).toBeUndefined();
  });

  it('turns status strings into events', () => {
    expect(gsmStatusEvents('2014, January', 'Available. Released 2014, February').map((e) => [e.status, e.date])).toEqual([['announced', '2014-01'], ['released', '2014-02']]);
    expect(gsmStatusEvents('2015, March. Released 2015, May', 'Discontinued').map((e) => [e.status, e.date])).toEqual([['announced', '2015-03'], ['released', '2015-05'], ['discontinued', undefined]]);
    expect(gsmStatusEvents('2017, Q3', 'Coming soon. Exp. release 2017, December')).toEqual([
      { status: 'announced', date: '2017', source: 'gsmarena-2017' },
      { status: 'released', date: '2017-12', expected: true, source: 'gsmarena-2017' },
    ]);
    expect(gsmStatusEvents('Not announced yet', 'Cancelled')).toEqual([{ status: 'cancelled', source: 'gsmarena-2017' }]);
  });

  const devices = fromGsmarenaCsv(read(path.join(fixtures, 'gsm-sample.csv')));

  it('maps spec columns and leaves NA out', () => {
    expect(devices.find((d) => d.name === 'Nimbus 5')?.specs).toEqual({
      displayInches: 4.3, displayResolution: '720x1280', chipset: 'Qualcomm MSM8974 Snapdragon 800', ramGb: [2],
      mainCameraMp: 20.7, selfieCameraMp: 2, batteryMah: 2300, osAtLaunch: 'Android 4.3', dimensionsMm: [127, 64.9, 9.5], weightG: 137,
    });
    expect(devices.find((d) => d.name === 'Slate 10')).toMatchObject({ category: 'tablet', specs: { displayInches: 10.1, mainCameraMp: 0.3, osAtLaunch: 'Android 5.0' } });
  });

  it('strips the brand from names, keeps quoted names whole, and guesses watches', () => {
    expect(devices.map((d) => d.name).sort()).toEqual(['Nimbus "Fold", prototype', 'Nimbus 5', 'Nimbus 7', 'Slate 10', 'Watch 2']);
    expect(devices.find((d) => d.name === 'Watch 2')?.category).toBe('watch');
  });

  it('drops a timeline that contradicts itself instead of the device', () => {
    // "Watch 2" was announced in June and released in May: a dataset typo.
    expect(devices.find((d) => d.name === 'Watch 2')?.status).toEqual([]);
    expect(deviceListProblems(devices, 'gsm')).toEqual([]);
  });

  it.skipIf(!hasDatasets)('reads the reference CSV into valid records', () => {
    const all = fromGsmarenaCsv(read(path.join(datasets, 'gsmarena-2017/gsm.csv')));
    expect(all.length).toBeGreaterThan(8000);
    expect(deviceListProblems(all, 'gsm.csv')).toEqual([]);
    expect(all.find((d) => d.brand === 'Sony' && d.name === 'Xperia Z1 Compact')?.specs?.batteryMah).toBe(2300);
  });
});

describe('lineage wiki adapter', () => {
  const docs = readdirSync(path.join(fixtures, 'lineage')).sort().map((f) => load(read(path.join(fixtures, 'lineage', f))));
  const devices = fromLineageWiki(docs);

  it('folds variant pages into one device with every code and codename', () => {
    const nimbus = devices.find((d) => d.name === 'Nimbus 6');
    expect(nimbus?.names.map((n) => `${n.kind}:${n.name}`)).toEqual(['codename:nimbus', 'code:NB-100', 'code:NB-101', 'codename:nimbusc', 'code:NB-100C']);
    expect(nimbus?.status).toEqual([{ status: 'released', date: '2016-05', source: 'lineage-wiki' }]);
    expect(nimbus?.specs).toEqual({
      displayInches: 5.2, displayResolution: '1080x1920', chipset: 'Qualcomm MSM8996 Snapdragon 820', ramGb: [3, 4], storageGb: [32, 64],
      batteryMah: 3000, dimensionsMm: [145, 71, 8.1], mainCameraMp: 16,
    });
  });

  it('puts the vendor in front of a bare-number name and takes a foldable\'s largest screen', () => {
    expect(devices.find((d) => d.name === 'Acme 2')).toMatchObject({ category: 'phone', specs: { displayInches: 7.9, displayResolution: '1536x2048' }, status: [{ date: '2015' }] });
  });

  it('reads release dates and sizes in their several spellings', () => {
    expect(lineageReleaseDates([{ a: '2016-07' }, { b: '2016-06' }])).toEqual(['2016-06', '2016-07']);
    expect(lineageReleaseDates(new Date(Date.UTC(2019, 9, 15)))).toEqual(['2019-10-15']);
    expect(lineageReleaseDates(2015)).toEqual(['2015']);
    expect(lineageSizes('512 MB')).toEqual([0.5]);
    expect(lineageSizes('6/8 GB LPDDR4X')).toEqual([6, 8]);
  });

  it.skipIf(!hasDatasets)('reads the reference wiki pages into valid records', () => {
    const dir = path.join(datasets, 'lineage-wiki-2026');
    const all = fromLineageWiki(readdirSync(dir).filter((f) => f.endsWith('.yml')).sort().map((f) => load(read(path.join(dir, f)))));
    expect(all.length).toBeGreaterThan(400);
    expect(deviceListProblems(all, 'lineage')).toEqual([]);
  });
});

describe('mobilemodels adapter', () => {
  const devices = fromMobileModels(read(path.join(fixtures, 'mobilemodels-sample.md')), 'Acme');

  it('splits region and carrier words off a variant name', () => {
    expect(splitVariantName('Nimbus 8 Japan (NTT Docomo)')).toEqual({ name: 'Nimbus 8', region: 'JP', carrier: 'NTT Docomo' });
    expect(splitVariantName('Nimbus 8 Pro China Mobile')).toEqual({ name: 'Nimbus 8 Pro', region: 'CN', carrier: 'China Mobile' });
    expect(splitVariantName('Nimbus 8 dual Canada')).toEqual({ name: 'Nimbus 8', region: 'CA' });
    expect(splitVariantName('Nimbus 8 5G')).toEqual({ name: 'Nimbus 8 5G' });
  });

  it('groups codes by device with their region and carrier', () => {
    expect(devices.map((d) => d.name)).toEqual(['Nimbus 8', 'Nimbus 8 Pro']);
    const n8 = devices[0]!;
    expect(n8.names).toContainEqual({ name: 'AN-51A', kind: 'code', region: 'JP', carrier: 'NTT Docomo' });
    expect(n8.names).toContainEqual({ name: 'cirrus', kind: 'codename' });
    expect(n8.names.filter((n) => n.kind === 'code')).toHaveLength(6);
    expect(devices[1]!.names).toContainEqual({ name: 'AC-N810F', kind: 'code', region: 'global' });
    expect(deviceListProblems(devices, 'mm')).toEqual([]);
  });

  it.skipIf(!hasDatasets)('reads the reference Sony file into valid records', () => {
    const all = fromMobileModels(read(path.join(datasets, 'mobilemodels-2026/sony.md')), 'Sony');
    expect(deviceListProblems(all, 'sony.md')).toEqual([]);
    expect(all.find((d) => d.names.some((n) => n.name === 'E6553'))?.name).toBe('Xperia Z3+');
  });
});
