// `npm run readme:data`: writes the README's data figures (index counts from index:stats, coverage and
// cross-check from the cross-check report) between the markers `<!-- data-figures -->` and
// `<!-- /data-figures -->`, so the figures are those of the commit, never typed by hand. `--check` only
// says whether the block is current (exit 1 when not).

import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCurated } from './lib/build';
import { coverageByGroup, crossCheckReport } from './lib/crosscheck-report';
import { loadShippedIndex } from './lib/load-index';
import { DATASETS_DIR, ROOT } from './lib/paths';
import { indexStats } from './lib/index-stats';

const START = '<!-- data-figures -->';
const END = '<!-- /data-figures -->';

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)}%`;

async function block(): Promise<string> {
  const index = await loadShippedIndex();
  const stats = indexStats(index.devices);
  const lines = [
    `The index (\`npm run --silent index:stats\`), data as of ${index.builtFrom}: ${n(stats.devices)} devices, ${n(stats.curated.devices)} curated`
      + ` (${n(stats.curated.withSpecsAndStatus)} with specs and a status timeline), ${n(stats.rumors)} rumors, ${n(stats.names)} names and`
      + ` ${n(stats.modelCodes)} model codes; the newest release it knows is ${stats.newestRelease?.date ?? 'none'}.`,
  ];
  if (existsSync(DATASETS_DIR)) {
    const reviewed = (JSON.parse(await readFile(path.join(ROOT, 'data/statuses-reviewed.json'), 'utf8')) as { date: string }).date;
    const r = await crossCheckReport(DATASETS_DIR, await loadCurated(), index.devices, reviewed);
    if (r.coverage) {
      const groups = coverageByGroup(r.coverage.rows);
      const all = groups.find((g) => g.group === 'all')!;
      lines.push('', `Coverage of the 2023-2026 models of the mobiinfo 2026 reference (\`npm run crosscheck\`, statuses as of ${reviewed}):`
        + ` ${n(all.curatedWithSpecs)} of ${n(all.models)} (${pct(all.share)}) resolve to a curated record with key specs and a timeline;`
        + ` ${r.stale.length} stale statuses; ${r.overdue.length} rumored launches past their expected date, shown as "expected …, not confirmed";`
        + ` ${r.open.length} open disagreements with the reference datasets, ${r.excused} excused with a reason.`, '');
      lines.push('| brand | covered | share |', '|---|---|---|');
      for (const g of groups.filter((x) => x.group !== 'all')) lines.push(`| ${g.group} | ${g.curatedWithSpecs} / ${g.models} | ${pct(g.share)} |`);
    }
  } else lines.push('', '(Coverage figures need ../shared/datasets, absent here.)');
  return lines.join('\n');
}

async function main(): Promise<number> {
  const file = path.join(ROOT, 'README.md');
  const readme = await readFile(file, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
  const next = `${readme.slice(0, a + START.length)}\n${await block()}\n${readme.slice(b)}`;
  if (process.argv.includes('--check')) {
    process.stdout.write(next === readme ? 'readme:data: current\n' : 'readme:data: out of date (npm run readme:data)\n');
    return next === readme ? 0 : 1;
  }
  await writeFile(file, next);
  process.stdout.write('readme:data: README.md data figures written\n');
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`readme:data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
