// Shared by the detection tests: the shipped index (built if stale) and a matcher compiled from it once.
import { compileMatcher, loadMatcher, type CompiledMatcher, type Matcher } from '../../core/detect/index';
import type { Device } from '../../core/schema';
import { loadShippedIndex } from '../../scripts/lib/load-index';

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

export function shippedMatcher(): Promise<Shipped> {
  cached ??= loadShippedIndex({ log: () => undefined }).then((index) => {
    const compiled = JSON.parse(JSON.stringify(compileMatcher(index.devices)));
    return {
      matcher: loadMatcher(compiled),
      eagerMatcher: loadMatcher(compiled, { lookUpEveryWord: true }),
      jsMatcher: loadMatcher(compiled, { javaScriptScan: true }),
      compiled,
      devices: new Map(index.devices.map((d) => [d.id, d])),
    };
  });
  return cached;
}
