// Shared by the detection tests: the shipped index (built if stale) and a matcher compiled from it once.
import { compileMatcher, loadMatcher, type Matcher } from '../../core/detect/index';
import type { Device } from '../../core/schema';
import { loadShippedIndex } from '../../scripts/lib/load-index';

interface Shipped {
  matcher: Matcher;
  /** The same matcher looking every word up as it scans (the reference for the scan's shortcuts). */
  eagerMatcher: Matcher;
  devices: Map<string, Device>;
}

let cached: Promise<Shipped> | null = null;

export function shippedMatcher(): Promise<Shipped> {
  cached ??= loadShippedIndex({ log: () => undefined }).then((index) => {
    const compiled = JSON.parse(JSON.stringify(compileMatcher(index.devices)));
    return {
      matcher: loadMatcher(compiled),
      eagerMatcher: loadMatcher(compiled, { lookUpEveryWord: true }),
      devices: new Map(index.devices.map((d) => [d.id, d])),
    };
  });
  return cached;
}
