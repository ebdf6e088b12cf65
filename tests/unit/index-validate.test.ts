import { describe, expect, it } from 'vitest';
import { deviceListProblems, deviceProblems, indexProblems, isPartialDate } from '../../core/validate';
import { device } from './index-fixtures';

describe('isPartialDate', () => {
  it('accepts year, month and day precision', () => {
    expect(['2014', '2014-01', '2014-01-22', '2016-02-29'].every(isPartialDate)).toBe(true);
  });
  it('refuses impossible and malformed dates', () => {
    for (const bad of ['2014-13', '2015-02-29', '2014-1', '14-01-01', '2014/01', '2014-01-22T00:00', '', 2014]) {
      expect(isPartialDate(bad), String(bad)).toBe(false);
    }
  });
});

describe('deviceListProblems', () => {
  it('passes a well-formed record', () => {
    expect(deviceListProblems([device()], 'data/curated/sony.json', { requireStatus: true })).toEqual([]);
  });

  it('locates a bad date by file, position, id and field', () => {
    const bad = device({ status: [{ status: 'released', date: '2014-1' }] });
    expect(deviceListProblems([device({ id: 'sony-a' }), device({ id: 'sony-b' }), device({ id: 'sony-c' }), { ...bad, id: 'sony-xperia-z1' }], 'data/curated/sony.json'))
      .toEqual(['data/curated/sony.json: [3] sony-xperia-z1: status[0].date: not a date (YYYY, YYYY-MM or YYYY-MM-DD)']);
  });

  it('refuses duplicate ids within a list', () => {
    const problems = deviceListProblems([device(), device()], 'f.json');
    expect(problems).toEqual(['f.json: [1] sony-xperia-z9: id: duplicate id (also at [0])']);
  });

  it('refuses ids that are not lowercase-dashed', () => {
    for (const id of ['Sony-Z9', 'sony--z9', 'sony_z9', '-sony', 'sony z9']) {
      expect(deviceProblems(device({ id })).some((p) => p.startsWith('id: not lowercase-dashed')), id).toBe(true);
    }
  });

  it('refuses enum values outside the schema', () => {
    const problems = deviceProblems({ ...device(), category: 'laptop', names: [{ name: 'X', kind: 'nickname' }] });
    expect(problems).toContain('category: "laptop"; expected one of phone, tablet, watch, other');
    expect(problems.some((p) => p.startsWith('names[0].kind: "nickname"'))).toBe(true);
  });

  it('refuses references to sources the record does not list', () => {
    const problems = deviceProblems(device({ specSources: { batteryMah: 'nowhere' }, status: [{ status: 'released', source: 'ghost' }] }));
    expect(problems).toEqual(['specSources.batteryMah: unknown source "nowhere" (not in sources)', 'status[0].source: unknown source "ghost" (not in sources)']);
  });

  it('keeps only https URLs', () => {
    const d = device();
    d.sources[0]!.url = 'http://maker.example/press';
    d.rumors![0]!.source.url = 'javascript:alert(1)';
    expect(deviceProblems(d)).toEqual(['sources[0].url: not an https: URL', 'rumors[0].source.url: not an https: URL']);
  });

  it('refuses control and bidi-override characters and overlong strings', () => {
    expect(deviceProblems(device({ name: 'Xperia\u0000Z9' }))).toEqual(['name: contains control or bidi-override characters']);
    expect(deviceProblems(device({ name: 'Xperia \u202eZ9' }))).toEqual(['name: contains control or bidi-override characters']);
    expect(deviceProblems(device({ brand: 'S'.repeat(500) }))).toEqual(['brand: too long (500 > 120 characters)']);
  });

  it('refuses unknown fields, which catches typos and prototype keys', () => {
    const withProto = JSON.parse('{"__proto__": {"x": 1}}') as object;
    expect(deviceProblems({ ...device(), ...withProto, specz: {} })).toEqual(['__proto__: unknown field', 'specz: unknown field']);
  });

  it('refuses a timeline that is not oldest first', () => {
    const problems = deviceProblems(device({ status: [{ status: 'released', date: '2015-01' }, { status: 'announced', date: '2014-09' }] }));
    expect(problems).toEqual(['status[1].date: out of order (2014-09 after 2015-01; the timeline is oldest first)']);
  });

  it('allows a month-precision event after a day in the same month', () => {
    expect(deviceProblems(device({ status: [{ status: 'announced', date: '2014-01-06' }, { status: 'released', date: '2014-01' }] }))).toEqual([]);
  });

  it('requires status and sources on curated records only', () => {
    const bare = device({ status: [], sources: [], specSources: undefined });
    delete bare.specSources;
    expect(deviceListProblems([bare], 'c.json')).toEqual([]);
    expect(deviceListProblems([bare], 'c.json', { requireStatus: true })).toHaveLength(2);
  });

  it('checks spec ranges and list order', () => {
    const problems = deviceProblems(device({ specs: { displayInches: 500, ramGb: [8, 4], displayResolution: '1080 x 2340', batteryMah: 3000.5 } }));
    expect(problems).toEqual([
      'specs.displayInches: out of range (0.5..40)',
      'specs.displayResolution: not WIDTHxHEIGHT ("1080x2340")',
      'specs.ramGb: not smallest first',
      'specs.batteryMah: not an integer',
    ]);
  });
});

describe('indexProblems', () => {
  it('requires variant links to resolve within the index', () => {
    const index = { format: 1, version: 3, builtFrom: '2014-10-01', devices: [device({ variants: [{ id: 'sony-missing', relation: 'sibling' }] })] };
    expect(indexProblems(index, 'index')).toEqual(['index: [0] sony-xperia-z9: variants[0].id: no device "sony-missing" in the index']);
  });

  it('requires a positive integer version and a date', () => {
    expect(indexProblems({ format: 1, version: 0, builtFrom: 'soon', devices: [] }, 'i')).toEqual([
      'i: version: not a positive integer',
      'i: builtFrom: not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });
});
