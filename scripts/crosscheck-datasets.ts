// `npx tsx scripts/crosscheck-datasets.ts [datasets-dir]`: curated announce/release dates, display sizes and
// batteries against the GSMArena CSV and the lineage wiki, disagreements as JSON on stdout. Skips, saying
// so on stderr, when the reference datasets (../shared/datasets by default) are absent.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromGsmarenaCsv, GSMARENA_SOURCE } from '../core/adapters/gsmarena';
import { fromLineageWiki, LINEAGE_WIKI_SOURCE } from '../core/adapters/lineage-wiki';
import { BuildError, loadCurated } from './lib/build';
import { crossCheck } from './lib/crosscheck';
import { GSMARENA_CSV, LINEAGE_DIR, readLineageDocs } from './lib/datasets';
import { DATASETS_DIR } from './lib/paths';

async function main(): Promise<number> {
  const arg = process.argv[2];
  const dir = arg ? path.resolve(process.cwd(), arg) : DATASETS_DIR;
  if (!existsSync(dir)) {
    process.stderr.write(`crosscheck: ${dir} not found; nothing to compare (the reference datasets are optional)\n`);
    process.stdout.write('{"skipped":true,"disagreements":[]}\n');
    return 0;
  }
  const curated = await loadCurated();
  const disagreements = [];
  const compared: Record<string, number> = {};
  const gsm = path.join(dir, GSMARENA_CSV);
  if (existsSync(gsm)) {
    const found = crossCheck(curated, fromGsmarenaCsv(await readFile(gsm, 'utf8')), GSMARENA_SOURCE.id);
    compared[GSMARENA_SOURCE.id] = found.length;
    disagreements.push(...found);
  } else process.stderr.write(`crosscheck: ${GSMARENA_CSV} missing; skipped\n`);
  const lineage = path.join(dir, LINEAGE_DIR);
  if (existsSync(lineage)) {
    const found = crossCheck(curated, fromLineageWiki(await readLineageDocs(lineage)), LINEAGE_WIKI_SOURCE.id, { looseRelease: true });
    compared[LINEAGE_WIKI_SOURCE.id] = found.length;
    disagreements.push(...found);
  } else process.stderr.write(`crosscheck: ${LINEAGE_DIR} missing; skipped\n`);
  process.stdout.write(`${JSON.stringify({ curated: curated.length, disagreementsByDataset: compared, disagreements }, null, 2)}\n`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof BuildError) process.stderr.write(`crosscheck: curated data is invalid:\n${error.problems.join('\n')}\n`);
  else process.stderr.write(`crosscheck: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
