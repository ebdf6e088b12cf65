// The update source this build was made with (core/feed-keys.ts feedSourceFromEnv, read by wxt.config.ts
// at build time and compiled in as __SPECSCOUT_FEED_SOURCE__). Unit tests and builds without it get none.
import { NO_FEED_SOURCE, type FeedSource } from '../core/feed-keys';

declare const __SPECSCOUT_FEED_SOURCE__: FeedSource | undefined;

export function builtInFeedSource(): FeedSource {
  return typeof __SPECSCOUT_FEED_SOURCE__ === 'undefined' ? NO_FEED_SOURCE : __SPECSCOUT_FEED_SOURCE__;
}
