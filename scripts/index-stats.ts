// `npm run --silent index:stats`: counts over the shipped index as JSON on stdout (build logs go to stderr).
// Goal for the shipped index: >= 400 curated devices with specs and status, >= 20,000 names and model codes.

import { loadShippedIndex } from './lib/load-index';
import { indexStats } from './lib/index-stats';

async function main(): Promise<void> {
  const index = await loadShippedIndex();
  // builtFrom is the data's date: the newest date any source of the index carries, not the build machine's clock.
  process.stdout.write(`${JSON.stringify({ version: index.version, dataDate: index.builtFrom, ...indexStats(index.devices) }, null, 2)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`index:stats: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
