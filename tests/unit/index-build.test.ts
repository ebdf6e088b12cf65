import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleIndex, BuildError, deriveVersion, loadCurated, newestDate } from '../../scripts/lib/build';
import { packIndex, stableStringify } from '../../core/feed';
import { indexProblems } from '../../core/validate';
import { device } from './index-fixtures';

function curatedDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'specscout-curated-'));
  for (const [name, value] of Object.entries(files)) writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadCurated(dir);
  } catch (error) {
    if (error instanceof BuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadCurated', () => {
  it('loads valid brand files', async () => {
    const dir = curatedDir({ 'sony.json': [device()] });
    expect((await loadCurated(dir)).map((d) => d.id)).toEqual(['sony-xperia-z9']);
  });

  it('stops on a bad record, naming the file, position, id and field', async () => {
    const bad = device({ id: 'sony-xperia-z1', status: [{ status: 'released', date: '2014-1' }] });
    const problems = await problemsOf(curatedDir({ 'sony.json': [device(), bad] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/sony\.json: \[1\] sony-xperia-z1: status\[0\]\.date: not a date \(YYYY, YYYY-MM or YYYY-MM-DD\)$/);
  });

  it('stops on invalid JSON and on ids repeated across files', async () => {
    expect((await problemsOf(curatedDir({ 'a.json': '[{', 'b.json': [device()] })))[0]).toMatch(/a\.json: invalid JSON/);
    expect(await problemsOf(curatedDir({ 'a.json': [device()], 'b.json': [device()] }))).toEqual([
      expect.stringMatching(/b\.json: \[0\] sony-xperia-z9: id: duplicate id \(also in .*a\.json\)$/),
    ]);
  });

  it('requires variant links to reach another curated record', async () => {
    const problems = await problemsOf(curatedDir({ 'a.json': [device({ variants: [{ id: 'sony-ghost', relation: 'sibling' }] })] }));
    expect(problems).toEqual([expect.stringMatching(/sony-xperia-z9: variants\[0\]\.id: no curated device "sony-ghost"$/)]);
  });
});

describe('version', () => {
  it('comes from the newest fact that happened, not from expected dates', () => {
    const d = device({ status: [{ status: 'announced', date: '2014-09-03' }, { status: 'released', date: '2015-01', expected: true }] });
    expect(newestDate([d])).toBe('2014-09-03');
  });

  it('is YYYYMMDD of builtFrom unless a larger version is pinned', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specscout-version-'));
    expect(await deriveVersion('2014-10-01', path.join(dir, 'missing.json'))).toBe(20141001);
    writeFileSync(path.join(dir, 'v.json'), JSON.stringify({ version: 20141001 + 5 }));
    expect(await deriveVersion('2014-10-01', path.join(dir, 'v.json'))).toBe(20141006);
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ version: 3 }));
    expect(await deriveVersion('2014-10-01', path.join(dir, 'old.json'))).toBe(20141001);
  });
});

describe('assembleIndex on the repository sources', () => {
  it('builds a valid index byte for byte the same twice', async () => {
    const first = await assembleIndex();
    const second = await assembleIndex();
    expect(indexProblems(first.index, 'index')).toEqual([]);
    expect(stableStringify(packIndex(second.index))).toBe(stableStringify(packIndex(first.index)));
    expect(first.index.devices.length).toBeGreaterThan(20_000);
  }, 60_000);
});
