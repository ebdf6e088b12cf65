// Export, import and reset of the reader's own data (follows and settings). An import is checked whole
// before anything changes and then written in one transaction: a bad file changes nothing and says why.
import { abortQuietly, getDB } from '../../utils/db';
import type { Settings } from '../../utils/protocol';
import { normalizeSettings, SETTINGS_VERSION } from '../../utils/settings-model';
import { CHANGE_LOG_KEY, refreshBadge, TOLD_KEYS_KEY, writeSyncIds } from './follows';
import { COUNTER_KEY } from './notifier';
import { FEED_STATE_PREFIX, LAST_UPDATE_KEY, UPDATE_REPORTS_KEY } from './updater';

export const EXPORT_MARK = 'specscout-export';
export const EXPORT_FORMAT = 1;
const MAX_FOLLOWS = 5000;
const ID = /^[a-z0-9][a-z0-9-]*$/;

export interface ExportedFollow {
  id: string;
  since: string;
  muted: boolean;
}

export interface ExportFile {
  specscout: typeof EXPORT_MARK;
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  follows: ExportedFollow[];
  settings: Settings;
}

export async function exportData(now = new Date()): Promise<{ json: string }> {
  const db = await getDB();
  const tx = db.transaction(['follows', 'settings']);
  const follows = await tx.objectStore('follows').getAll();
  const settings = normalizeSettings((await tx.objectStore('settings').get('settings'))?.value);
  await tx.done;
  const file: ExportFile = {
    specscout: EXPORT_MARK,
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    // Snapshots are not exported: they are the index's records, which the importing browser has itself.
    follows: follows.map(({ id, since, muted }) => ({ id, since, muted })),
    settings,
  };
  return { json: JSON.stringify(file, null, 2) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The checked contents of an export file, or why it is refused. */
export function checkImport(json: string): { ok: true; follows: ExportedFollow[]; settings?: Settings } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(value) || value.specscout !== EXPORT_MARK) return { ok: false, message: 'not a SpecScout export file' };
  if (value.format !== EXPORT_FORMAT) return { ok: false, message: `unsupported export format ${JSON.stringify(value.format) ?? 'missing'} (expected ${EXPORT_FORMAT})` };
  const unknown = Object.keys(value).filter((k) => !['specscout', 'format', 'exportedAt', 'follows', 'settings'].includes(k));
  if (unknown.length > 0) return { ok: false, message: `unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` };
  if (!Array.isArray(value.follows)) return { ok: false, message: 'follows: not a list' };
  if (value.follows.length > MAX_FOLLOWS) return { ok: false, message: `follows: ${value.follows.length} entries, more than ${MAX_FOLLOWS}` };
  const follows: ExportedFollow[] = [];
  const seen = new Set<string>();
  for (const [i, item] of value.follows.entries()) {
    if (!isRecord(item)) return { ok: false, message: `follows[${i}]: not an object` };
    const { id, since, muted } = item;
    if (typeof id !== 'string' || id.length > 200 || !ID.test(id)) return { ok: false, message: `follows[${i}].id: not a device id` };
    if (seen.has(id)) return { ok: false, message: `follows[${i}].id: "${id}" is listed twice` };
    if (since !== undefined && (typeof since !== 'string' || since.length > 40 || Number.isNaN(Date.parse(since)))) {
      return { ok: false, message: `follows[${i}].since: not a date` };
    }
    if (muted !== undefined && typeof muted !== 'boolean') return { ok: false, message: `follows[${i}].muted: not true or false` };
    seen.add(id);
    follows.push({ id, since: since === undefined ? '' : new Date(since as string).toISOString(), muted: muted === true });
  }
  if (value.settings !== undefined && !isRecord(value.settings)) return { ok: false, message: 'settings: not an object' };
  return { ok: true, follows, ...(value.settings !== undefined ? { settings: normalizeSettings(value.settings) } : {}) };
}

/**
 * Adds the file's follows to the current ones (an existing follow keeps its snapshot; its mute follows the
 * file) and replaces the settings, all in one transaction.
 */
export async function importData(json: string, now = new Date()): Promise<{ ok: boolean; message: string }> {
  const checked = checkImport(json);
  if (!checked.ok) return { ok: false, message: `Nothing imported: ${checked.message}` };
  const db = await getDB();
  const tx = db.transaction(['follows', 'devices', 'settings'], 'readwrite');
  const follows = tx.objectStore('follows');
  let added = 0;
  let unknown = 0;
  try {
    for (const entry of checked.follows) {
      const existing = await follows.get(entry.id);
      if (existing) {
        await follows.put({ ...existing, muted: entry.muted });
        continue;
      }
      // A device this index does not know yet is kept; its first record becomes the baseline.
      const device = await tx.objectStore('devices').get(entry.id);
      if (!device) unknown++;
      await follows.put({ id: entry.id, since: entry.since || now.toISOString(), muted: entry.muted, snapshot: device ?? null });
      added++;
    }
    if (checked.settings) await tx.objectStore('settings').put({ key: 'settings', value: { ...checked.settings, version: SETTINGS_VERSION } });
    await tx.done;
  } catch (error) {
    // A failed import (a full disk) keeps nothing of itself.
    await abortQuietly(tx);
    throw error;
  }
  await writeSyncIds((await db.getAllKeys('follows')) as string[]);
  const parts = [`Imported ${checked.follows.length} follow${checked.follows.length === 1 ? '' : 's'} (${added} new)`];
  if (unknown > 0) parts.push(`${unknown} not in the index yet`);
  if (checked.settings) parts.push('settings replaced');
  return { ok: true, message: `${parts.join('; ')}.` };
}

/** Meta rows that belong to the reader (the index and compiled matcher are left alone). */
const READER_META = [CHANGE_LOG_KEY, TOLD_KEYS_KEY, LAST_UPDATE_KEY, UPDATE_REPORTS_KEY, COUNTER_KEY];

/** Back to defaults: settings, change log, reading history, feed state; follows too unless kept. */
export async function resetData(keepFollows: boolean): Promise<{ ok: true }> {
  const db = await getDB();
  const tx = db.transaction(['follows', 'settings', 'meta', 'reading'], 'readwrite');
  const meta = tx.objectStore('meta');
  const feedKeys = ((await meta.getAllKeys()) as string[]).filter((k) => k.startsWith(FEED_STATE_PREFIX));
  await Promise.all([
    tx.objectStore('settings').clear(),
    tx.objectStore('reading').clear(),
    ...[...READER_META, ...feedKeys].map((k) => meta.delete(k)),
    ...(keepFollows ? [] : [tx.objectStore('follows').clear()]),
  ]);
  await tx.done;
  if (!keepFollows) await writeSyncIds([]);
  await refreshBadge();
  return { ok: true };
}
