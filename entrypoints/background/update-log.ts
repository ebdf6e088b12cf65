// The log of update outcomes the options page shows: the last report and the most recent ones. Written by
// the feed updater and by the index store when it puts the built-in data back.
import { getDB, getMeta } from '../../utils/db';
import type { UpdateReport } from '../../utils/protocol';

export const LAST_UPDATE_KEY = 'lastUpdate';
export const UPDATE_REPORTS_KEY = 'updateReports';
/** Reports kept for the options page. */
const MAX_REPORTS = 20;

export async function lastUpdate(): Promise<UpdateReport | undefined> {
  return getMeta<UpdateReport>(LAST_UPDATE_KEY);
}

export async function updateReports(): Promise<UpdateReport[]> {
  return (await getMeta<UpdateReport[]>(UPDATE_REPORTS_KEY)) ?? [];
}

/** Keeps `report` as the last one and in the list, in one transaction; returns it. */
export async function recordUpdate(report: UpdateReport): Promise<UpdateReport> {
  const db = await getDB();
  const tx = db.transaction('meta', 'readwrite');
  const stored = (await tx.store.get(UPDATE_REPORTS_KEY))?.value;
  const previous = Array.isArray(stored) ? (stored as UpdateReport[]) : [];
  await tx.store.put({ key: LAST_UPDATE_KEY, value: report });
  await tx.store.put({ key: UPDATE_REPORTS_KEY, value: [...previous, report].slice(-MAX_REPORTS) });
  await tx.done;
  return report;
}
