// Shared by the detection tests: the shipped index (built if stale) and a matcher compiled from it once.
import { compileMatcher, loadMatcher, type Matcher } from '../../core/detect/index';
import type { Device } from '../../core/schema';
import { loadShippedIndex } from '../../scripts/lib/load-index';

let cached: Promise<{ matcher: Matcher; devices: Map<string, Device> }> | null = null;

export function shippedMatcher(): Promise<{ matcher: Matcher; devices: Map<string, Device> }> {
  cached ??= loadShippedIndex({ log: () => undefined }).then((index) => ({
    matcher: loadMatcher(JSON.parse(JSON.stringify(compileMatcher(index.devices)))),
    devices: new Map(index.devices.map((d) => [d.id, d])),
  }));
  return cached;
}
