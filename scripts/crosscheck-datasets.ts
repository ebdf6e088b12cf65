// `npm run crosscheck [-- datasets-dir] [-- --json] [-- --missing] [-- --today YYYY-MM-DD]`: curated facts
// against every reference dataset in ../shared/datasets (gsmarena, lineage wiki, mobiinfo): coverage of the
// 2023-2026 models per brand and year, stale statuses, and disagreements (launch dates more than 45 days apart,
// chipset, display size, battery) not excused in data/crosscheck-exceptions/. Exit code 1 when a disagreement
// is open or a status is stale. Skips cleanly, saying so, when the datasets are absent.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { BuildError, loadCurated } from './lib/build';
import { coverageByGroup, crossCheckReport, COVERAGE_YEARS, type CrossCheckReport } from './lib/crosscheck-report';
import { loadShippedIndex } from './lib/load-index';
import { DATASETS_DIR } from './lib/paths';

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function print(r: CrossCheckReport, showMissing: boolean): string {
  const lines: string[] = [`cross-check as of ${r.today}: ${r.curated} curated records`];
  for (const [id, d] of Object.entries(r.datasets)) lines.push(`  ${id}: ${d === 'missing' ? 'not present, skipped' : `${d.devices} devices, ${d.disagreements} disagreements`}`);
  if (r.coverage) {
    lines.push('', `coverage of ${COVERAGE_YEARS[0]}-${COVERAGE_YEARS.at(-1)} models (mobiinfo): curated with specs / models, per year`);
    const years = COVERAGE_YEARS;
    lines.push(`  ${'group'.padEnd(11)} ${years.map((y) => y.padStart(9)).join(' ')}      total  share  any record`);
    for (const g of coverageByGroup(r.coverage.rows)) {
      const cells = years.map((y) => {
        const row = r.coverage!.rows.find((x) => x.group === g.group && x.year === y);
        const [c, m] = g.group === 'all'
          ? [r.coverage!.rows.filter((x) => x.year === y).reduce((s, x) => s + x.curatedWithSpecs, 0), r.coverage!.rows.filter((x) => x.year === y).reduce((s, x) => s + x.models, 0)]
          : [row?.curatedWithSpecs ?? 0, row?.models ?? 0];
        return `${c}/${m}`.padStart(9);
      });
      lines.push(`  ${g.group.padEnd(11)} ${cells.join(' ')} ${`${g.curatedWithSpecs}/${g.models}`.padStart(10)} ${percent(g.share).padStart(6)} ${percent(g.models ? g.anyRecord / g.models : 0).padStart(11)}`);
    }
    if (showMissing) {
      lines.push('', `missing (${r.coverage.missing.length}):`);
      for (const m of r.coverage.missing) lines.push(`  ${m.group} ${m.year}: ${m.name}${m.resolvesTo ? ` (reaches ${m.resolvesTo}, not curated with specs)` : ''}`);
    } else lines.push(`  ${r.coverage.missing.length} missing: --missing lists them`);
  }
  lines.push('', `stale statuses: ${r.stale.length}`);
  for (const s of r.stale) lines.push(`  ${s.id}: ${s.status}, ${s.why}`);
  lines.push(`overdue rumors (shown as not confirmed): ${r.overdue.length}`);
  for (const s of r.overdue) lines.push(`  ${s.id}: ${s.why}`);
  lines.push('', `disagreements: ${r.open.length} open, ${r.excused} excused in data/crosscheck-exceptions/`);
  for (const d of r.open) lines.push(`  ${d.id} ${d.field}: ours ${d.curated}, ${d.dataset} "${d.datasetName}" ${d.value} (matched by ${d.matchedBy})`);
  if (r.unusedExceptions.length > 0) {
    lines.push(`exceptions that excuse nothing now (remove them): ${r.unusedExceptions.length}`);
    for (const e of r.unusedExceptions) lines.push(`  ${e.id} ${e.field} (${e.dataset})`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showMissing = args.includes('--missing');
  const todayAt = args.indexOf('--today');
  const today = todayAt >= 0 ? args[todayAt + 1]! : new Date().toISOString().slice(0, 10);
  const positional = args.filter((a, i) => !a.startsWith('--') && (todayAt < 0 || i !== todayAt + 1));
  const dir = positional[0] ? path.resolve(process.cwd(), positional[0]) : DATASETS_DIR;
  if (!existsSync(dir)) {
    process.stderr.write(`crosscheck: ${dir} not found; nothing to compare (the reference datasets are optional)\n`);
    if (json) process.stdout.write('{"skipped":true}\n');
    return 0;
  }
  const curated = await loadCurated();
  const index = await loadShippedIndex();
  const report = await crossCheckReport(dir, curated, index.devices, today);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : print(report, showMissing));
  return report.open.length > 0 || report.stale.length > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof BuildError) process.stderr.write(`crosscheck: curated data is invalid:\n${error.problems.join('\n')}\n`);
  else process.stderr.write(`crosscheck: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
