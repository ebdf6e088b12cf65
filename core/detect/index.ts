// Device detection: finds device names in article text and resolves each to a device record.
// compileMatcher runs at build time (scripts/build-index.ts); loadMatcher and detect run in the worker.

export type { MatchReason } from './names';
export type { Mention, Matcher } from './matcher';
export type { ArticleContext } from './article-context';
export type { ScannerInfo } from './scanner';
export type { CompiledMatcher } from './compile';
export { compileMatcher, MATCHER_FORMAT, indexStamp } from './compile';
export { loadMatcher, type MatcherOptions } from './matcher';

export { emptyContext, readContext } from './article-context';
