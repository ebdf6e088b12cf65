// Shared by the detection tests: the shipped index and its compiled matcher, which the unit run's global
// setup (global-setup.ts) built once for every test file; each file only parses and loads them.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { loadMatcher, type CompiledMatcher, type Matcher } from '../../core/detect/index';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import type { Device } from '../../core/schema';

interface Shipped {
  matcher: Matcher;
  /** The same matcher looking every word up as it scans (the reference for the scan's shortcuts). */
  eagerMatcher: Matcher;
  /** The same matcher cutting words in JavaScript (where WebAssembly cannot run; the reference of scan.wat). */
  jsMatcher: Matcher;
  /** The compiled form, for tests that load matchers of their own. */
  compiled: CompiledMatcher;
  devices: Map<string, Device>;
}

let cached: Promise<Shipped> | null = null;

async function load(): Promise<Shipped> {
  const files = inject('shippedFiles');
  const [indexText, matcherText] = await Promise.all([readFile(files.index, 'utf8'), readFile(files.matcher, 'utf8')]);
  const index = unpackIndex(JSON.parse(indexText) as ShippedIndex);
  const compiled = JSON.parse(matcherText) as CompiledMatcher;
  return {
    matcher: loadMatcher(compiled),
    eagerMatcher: loadMatcher(compiled, { lookUpEveryWord: true }),
    jsMatcher: loadMatcher(compiled, { javaScriptScan: true }),
    compiled,
    devices: new Map(index.devices.map((d) => [d.id, d])),
  };
}

export function shippedMatcher(): Promise<Shipped> {
  cached ??= load();
  return cached;
}
