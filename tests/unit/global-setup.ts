// Runs once per unit-test run, before any test file: makes sure public/index/ is built and holds a compiled
// matcher of the current index, so the detection tests load it (a JSON parse) instead of each test file
// compiling the 28,000-device matcher again (about ten seconds per file under load).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MATCHER_FORMAT, compileMatcher, indexStamp, type CompiledMatcher } from '../../core/detect/index';
import { loadShippedIndex } from '../../scripts/lib/load-index';
import { INDEX_FILE, MATCHER_FILE, OUT_DIR } from '../../scripts/lib/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built index and a compiled matcher of it (tests/unit/detect-fixture.ts reads both). */
    shippedFiles: { index: string; matcher: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Rebuilds public/index/ (index and matcher) when anything it is built from changed.
  const index = await loadShippedIndex({ log: () => undefined });
  const builtMatcher = path.join(OUT_DIR, MATCHER_FILE);
  let matcher = builtMatcher;
  let scratch: string | null = null;
  try {
    const built = JSON.parse(await readFile(builtMatcher, 'utf8')) as Partial<CompiledMatcher>;
    if (built.format !== MATCHER_FORMAT || built.stamp !== indexStamp(index.devices)) throw new Error('stale matcher.json');
  } catch {
    // Missing, unreadable or of another index: compiled here once, into a directory of this run.
    scratch = await mkdtemp(path.join(tmpdir(), 'specscout-unit-'));
    matcher = path.join(scratch, MATCHER_FILE);
    await writeFile(matcher, JSON.stringify(compileMatcher(index.devices)));
  }
  project.provide('shippedFiles', { index: path.join(OUT_DIR, INDEX_FILE), matcher });
  return async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
}
