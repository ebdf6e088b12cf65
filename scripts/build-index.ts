// `npm run build-index [-- --with-datasets ../shared/datasets] [--out DIR]`: builds public/index/ from
// data/curated and the npm datasets. Logs go to stderr; a bad record stops the build with its location.

import path from 'node:path';
import { existsSync } from 'node:fs';
import { BuildError, buildIndex } from './lib/build';
import { DATASETS_DIR } from './lib/paths';

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i === -1) return undefined;
  const value = args[i + 1];
  return value === undefined || value.startsWith('--') ? '' : value;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const log = (line: string): void => void process.stderr.write(`build-index: ${line}\n`);
  let withDatasets = argValue(args, '--with-datasets');
  if (withDatasets !== undefined) {
    withDatasets = withDatasets === '' ? DATASETS_DIR : path.resolve(process.cwd(), withDatasets);
    if (!existsSync(withDatasets)) {
      log(`--with-datasets: ${withDatasets} does not exist; building without the reference datasets`);
      withDatasets = undefined;
    } else {
      log('with reference datasets: some carry non-commercial or share-alike licences; do not ship this build');
    }
  }
  const out = argValue(args, '--out');
  try {
    const s = await buildIndex({ withDatasets, outDir: out ? path.resolve(process.cwd(), out) : undefined, log });
    const m = s.merge;
    log(`version ${s.version} (built from ${s.builtFrom}): ${s.devices} devices, ${s.curated} curated; imported: ${m.joinedByName} joined by name, ${m.joinedByCode} by code, ${m.added} added, ${m.codesDropped} codes left with their curated owner, ${m.junkNamesDropped} junk names and ${m.junkDevicesDropped} junk-only devices left out`);
    log(`${s.files.join(', ')}: index ${(s.indexBytes / 1024).toFixed(0)} KiB, JSON.parse ${s.parseMs} ms${s.matcherBytes !== undefined ? `, matcher ${(s.matcherBytes / 1024).toFixed(0)} KiB` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      log(`failed, ${error.problems.length} problem(s):`);
      for (const p of error.problems) process.stderr.write(`  ${p}\n`);
      return 1;
    }
    throw error;
  }
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`build-index: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
