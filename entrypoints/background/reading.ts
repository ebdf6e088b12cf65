// Reading history: the articles the reader opened that mention a device, with the device's status at the
// article's date. Kept only in this browser (IndexedDB `reading`), never synced or exported, off with
// settings.keepReadingHistory, forgotten on request. Also answers "compared with": the devices that
// appeared in the same articles.
import { currentStatus } from '../../core/status';
import { getDB } from '../../utils/db';
import type { DeviceSummary, ReadingEntry } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings';
import { statusRegion } from '../../utils/settings-model';
import { siteOfUrl } from '../../components/common/site-access';
import { getDevices, getSummaries } from './index-store';

/** Rows kept at most; the oldest seen go first. A reader opening 50 device articles a day keeps months. */
export const MAX_READING_ROWS = 5000;
/** Articles naming more devices than this are round-ups, not comparisons; they are not recorded. */
const MAX_DEVICES_PER_ARTICLE = 40;

/** The article's address without fragment or query (tracking parameters are not history). */
export function articleUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/**
 * Records that the reader opened `url` (titled `title`, published `publishedAt` if the page says) and
 * that it mentions `deviceIds`. `at` is now, as an ISO timestamp. Pages without a title are not
 * articles worth listing and are skipped, as is everything when the reader turned history off.
 */
export async function recordReading(
  deviceIds: readonly string[],
  url: string,
  title: string | undefined,
  publishedAt: string | undefined,
  at: string,
): Promise<void> {
  const clean = articleUrl(url);
  const heading = title?.trim().slice(0, 300);
  if (!clean || !heading || deviceIds.length === 0 || deviceIds.length > MAX_DEVICES_PER_ARTICLE) return;
  const settings = await loadSettings();
  if (!settings.keepReadingHistory) return;
  const devices = await getDevices([...new Set(deviceIds)]);
  const date = publishedAt && /^\d{4}(-\d{2}(-\d{2})?)?/.test(publishedAt) ? publishedAt.slice(0, 10) : undefined;
  const site = siteOfUrl(clean) ?? new URL(clean).hostname;
  const db = await getDB();
  const tx = db.transaction('reading', 'readwrite');
  for (const device of devices) {
    // The status when the article was written, or when it was read if the page gives no date.
    const then = currentStatus(device, date ?? at.slice(0, 10), statusRegion(settings));
    void tx.store.put({
      deviceId: device.id,
      url: clean,
      title: heading,
      site,
      ...(date ? { date } : {}),
      statusThen: then?.status ?? null,
      seenAt: at,
    });
  }
  const count = await tx.store.count();
  if (count > MAX_READING_ROWS) {
    let cursor = await tx.store.index('seenAt').openCursor();
    for (let excess = count - MAX_READING_ROWS; cursor && excess > 0; excess--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** The articles mentioning `deviceId` (or every recorded article, one row per article), newest first. */
export async function readingHistory(deviceId?: string): Promise<ReadingEntry[]> {
  const db = await getDB();
  const rows = deviceId ? await db.getAllFromIndex('reading', 'deviceId', deviceId) : await db.getAll('reading');
  const byUrl = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = byUrl.get(row.url);
    if (!seen || row.seenAt > seen.seenAt) byUrl.set(row.url, row);
  }
  return [...byUrl.values()]
    .sort((a, b) => (a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0))
    .slice(0, 500)
    .map((row) => ({
      url: row.url,
      title: row.title,
      site: row.site,
      ...(row.date ? { date: row.date } : {}),
      statusThen: (row.statusThen as ReadingEntry['statusThen']) ?? null,
      seenAt: row.seenAt,
    }));
}

/** Devices mentioned in the same articles as `deviceId`, most shared articles first. */
export async function comparedWith(deviceId: string, limit = 12): Promise<DeviceSummary[]> {
  const db = await getDB();
  const urls = new Set((await db.getAllFromIndex('reading', 'deviceId', deviceId)).map((r) => r.url));
  if (urls.size === 0) return [];
  const counts = new Map<string, number>();
  // The store is capped (MAX_READING_ROWS), so one scan is cheap enough for a record view.
  for (const row of await db.getAll('reading')) {
    if (row.deviceId !== deviceId && urls.has(row.url)) counts.set(row.deviceId, (counts.get(row.deviceId) ?? 0) + 1);
  }
  const ids = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([id]) => id);
  const summaries = await getSummaries(ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  return summaries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export async function forgetReadingHistory(): Promise<{ ok: true }> {
  await (await getDB()).clear('reading');
  return { ok: true };
}

/**
 * The detect handler's hook (entrypoints/background/detect.ts `detectHooks.onPageDevices`): records the
 * page the content script read, under the tab's own address when the browser gives one.
 */
export function recordFromDetect(
  ids: string[],
  request: { url: string; title?: string; publishedAt?: string },
  sender: { tab?: { url?: string } },
): Promise<void> {
  return recordReading(ids, sender.tab?.url ?? request.url, request.title, request.publishedAt, new Date().toISOString());
}
