// The `search` handler: a typo-tolerant index over every device's names (core/search.ts), built lazily
// from the installed index the first time the worker is asked after waking, and dropped when the index is replaced.
import { buildSearchIndex, search, type SearchIndex } from '../../core/search';
import type { SearchHit } from '../../utils/protocol';
import { allDevices, getSummaries, onIndexReplaced } from './index-store';

let building: Promise<SearchIndex> | null = null;

onIndexReplaced(() => {
  building = null;
});

export function getSearchIndex(): Promise<SearchIndex> {
  building ??= (async () => buildSearchIndex(await allDevices()))().catch((error: unknown) => {
    building = null;
    throw error;
  });
  return building;
}

export async function searchDevices(query: string, limit = 20): Promise<SearchHit[]> {
  const results = search(await getSearchIndex(), query, limit);
  if (results.length === 0) return [];
  const summaries = new Map((await getSummaries(results.map((r) => r.id))).map((s) => [s.id, s]));
  const hits: SearchHit[] = [];
  for (const r of results) {
    const summary = summaries.get(r.id);
    if (summary) hits.push({ summary, matchedName: r.matchedName, reason: r.reason });
  }
  return hits;
}
