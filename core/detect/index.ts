// Device detection: finds device names in article text and resolves each to a device record.
// compileMatcher runs at build time (scripts/build-index.ts); loadMatcher and detect run in the worker.

export type { MatchReason } from './names';
export type { Mention, ArticleContext, Matcher, ScannerInfo } from './matcher';
export type { CompiledMatcher } from './compile';
export { compileMatcher, MATCHER_FORMAT, indexStamp } from './compile';
export { loadMatcher, type MatcherOptions } from './matcher';

/** An empty context: the state before the first batch of an article. */
export function emptyContext(): import('./matcher').ArticleContext {
  return { brands: [], families: [], devices: {} };
}
