// The whole cross-check as data: curated facts against every reference dataset present, coverage of the
// 2023-2026 models of the report groups, and stale statuses. Shared by `npm run crosscheck` and its test.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Device, PartialDate } from '../../core/schema';
import { fromGsmarenaCsv, GSMARENA_SOURCE } from '../../core/adapters/gsmarena';
import { fromLineageWiki, LINEAGE_WIKI_SOURCE } from '../../core/adapters/lineage-wiki';
import { MOBIINFO_SOURCE } from '../../core/adapters/mobiinfo';
import { crossCheck, type Disagreement } from './crosscheck';
import { applyExceptions, loadExceptions, type CrossCheckException } from './crosscheck-exceptions';
import { coverage, staleStatuses, type CoverageRow, type MissingModel, type StaleStatus } from './coverage';
import { GSMARENA_CSV, LINEAGE_DIR, MOBIINFO_DIR, readLineageDocs, readMobiinfo } from './datasets';

export const COVERAGE_YEARS = ['2023', '2024', '2025', '2026'];

export interface CrossCheckReport {
  today: PartialDate;
  curated: number;
  datasets: Record<string, { devices: number; disagreements: number } | 'missing'>;
  coverage?: { rows: CoverageRow[]; missing: MissingModel[] };
  stale: StaleStatus[];
  overdue: StaleStatus[];
  open: Disagreement[];
  excused: number;
  unusedExceptions: CrossCheckException[];
}

export async function crossCheckReport(dir: string, curated: Device[], index: readonly Device[], today: PartialDate): Promise<CrossCheckReport> {
  const exceptions = await loadExceptions();
  const datasets: CrossCheckReport['datasets'] = {};
  const found: Disagreement[] = [];
  const add = (id: string, reference: Device[], loose: boolean): void => {
    const d = crossCheck(curated, reference, id, { looseRelease: loose });
    datasets[id] = { devices: reference.length, disagreements: d.length };
    found.push(...d);
  };
  const gsm = path.join(dir, GSMARENA_CSV);
  if (existsSync(gsm)) add(GSMARENA_SOURCE.id, fromGsmarenaCsv(await readFile(gsm, 'utf8')), false);
  else datasets[GSMARENA_SOURCE.id] = 'missing';
  const lineage = path.join(dir, LINEAGE_DIR);
  if (existsSync(lineage)) add(LINEAGE_WIKI_SOURCE.id, fromLineageWiki(await readLineageDocs(lineage)), true);
  else datasets[LINEAGE_WIKI_SOURCE.id] = 'missing';
  const mobiinfoDir = path.join(dir, MOBIINFO_DIR);
  let report: CrossCheckReport['coverage'];
  let matched: Parameters<typeof staleStatuses>[1] = [];
  if (existsSync(mobiinfoDir)) {
    const reference = await readMobiinfo(mobiinfoDir);
    // The site's release date is often the announcement: loose, as for the lineage wiki.
    add(MOBIINFO_SOURCE.id, reference, true);
    const c = coverage(index, reference, COVERAGE_YEARS);
    report = { rows: c.rows, missing: c.missing };
    matched = c.matched;
  } else datasets[MOBIINFO_SOURCE.id] = 'missing';
  const { stale, overdue } = staleStatuses(curated, matched, today);
  const { open, excused, unused } = applyExceptions(found, exceptions);
  return { today, curated: curated.length, datasets, ...(report ? { coverage: report } : {}), stale, overdue, open, excused: excused.length, unusedExceptions: unused };
}

/** Per group: models, curated with specs, share; then the whole. */
export function coverageByGroup(rows: readonly CoverageRow[]): { group: string; models: number; curatedWithSpecs: number; anyRecord: number; share: number }[] {
  const by = new Map<string, { group: string; models: number; curatedWithSpecs: number; anyRecord: number }>();
  for (const r of rows) {
    const g = by.get(r.group) ?? { group: r.group, models: 0, curatedWithSpecs: 0, anyRecord: 0 };
    g.models += r.models;
    g.curatedWithSpecs += r.curatedWithSpecs;
    g.anyRecord += r.anyRecord;
    by.set(r.group, g);
  }
  const groups = [...by.values()];
  const all = groups.reduce((t, g) => ({ group: 'all', models: t.models + g.models, curatedWithSpecs: t.curatedWithSpecs + g.curatedWithSpecs, anyRecord: t.anyRecord + g.anyRecord }), { group: 'all', models: 0, curatedWithSpecs: 0, anyRecord: 0 });
  return [...groups, all].map((g) => ({ ...g, share: g.models === 0 ? 0 : g.curatedWithSpecs / g.models }));
}
