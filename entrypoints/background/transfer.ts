// Export, import and reset of the reader's own data (follows and settings). An import is checked whole
// before anything changes and then written in one transaction: a bad file changes nothing and says why.
// The options page first asks what an import would change (previewImport) and shows it, feed URLs first;
// settings are replaced only when the reader confirms that, else only follows are imported.
import { abortQuietly, getDB, isQuotaError } from '../../utils/db';
import type { ImportPreview, Settings } from '../../utils/protocol';
import { checkFollowList, MAX_FOLLOWS, MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, type ReaderFollow } from '../../utils/reader-data';
import { copyReaderData } from '../../utils/reader-recovery';
import { diffSettings } from '../../utils/settings-diff';
import { normalizeSettings, SETTINGS_VERSION } from '../../utils/settings-model';
import { CHANGE_LOG_KEY, refreshBadge, TOLD_KEYS_KEY } from './follows';
import { COUNTER_KEY } from './notifier';
import { FEED_STATE_PREFIX, LAST_UPDATE_KEY, UPDATE_REPORTS_KEY } from './updater';

export const EXPORT_MARK = 'specscout-export';
/** The export file's format; every earlier one is read too (there has been one so far). */
export const EXPORT_FORMAT = 1;
const FILE_FIELDS = ['specscout', 'format', 'exportedAt', 'follows', 'settings'];

export type ExportedFollow = ReaderFollow;

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

/** The checked contents of an export file, or why it is refused, as a sentence the reader can act on. */
export function checkImport(json: string): { ok: true; follows: ExportedFollow[]; settings?: Settings } | { ok: false; message: string } {
  if (json.length > MAX_IMPORT_BYTES) return { ok: false, message: `the file is too large (max ${MAX_IMPORT_LABEL})` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'the file is not a SpecScout export (it is not JSON text, or it was cut short)' };
  }
  if (!isRecord(value) || value.specscout !== EXPORT_MARK) return { ok: false, message: 'the file is not a SpecScout export' };
  const format = value.format;
  if (typeof format === 'number' && Number.isInteger(format) && format > EXPORT_FORMAT) {
    return { ok: false, message: `the file was exported by a newer SpecScout (format ${format}); update SpecScout, then import it again` };
  }
  if (format !== EXPORT_FORMAT) return { ok: false, message: 'the file says it is a SpecScout export, but its format is not one SpecScout knows' };
  const unknown = Object.keys(value).filter((k) => !FILE_FIELDS.includes(k));
  if (unknown.length > 0) return { ok: false, message: `the file has parts SpecScout does not know (${unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')})` };
  const follows = checkFollowList(value.follows);
  if (!follows.ok) return follows;
  if (value.settings !== undefined && !isRecord(value.settings)) return { ok: false, message: 'the settings in the file cannot be read' };
  return { ok: true, follows: follows.follows, ...(value.settings !== undefined ? { settings: normalizeSettings(value.settings) } : {}) };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What importing `json` would change, computed against the current follows and settings; changes nothing. */
export async function previewImport(json: string): Promise<ImportPreview> {
  const checked = checkImport(json);
  if (!checked.ok) return { ok: false, message: `Nothing was imported: ${checked.message}.` };
  const db = await getDB();
  const tx = db.transaction(['follows', 'devices', 'settings']);
  const known = new Set(await tx.objectStore('follows').getAllKeys());
  const fresh = checked.follows.filter((f) => !known.has(f.id));
  const inIndex = await Promise.all(fresh.map((f) => tx.objectStore('devices').getKey(f.id)));
  const current = normalizeSettings((await tx.objectStore('settings').get('settings'))?.value);
  await tx.done;
  if (known.size + fresh.length > MAX_FOLLOWS) return { ok: false, message: tooMany(known.size + fresh.length) };
  return {
    ok: true,
    follows: { total: checked.follows.length, added: fresh.length, notInIndex: inIndex.filter((k) => k === undefined).length },
    hasSettings: checked.settings !== undefined,
    settingChanges: checked.settings ? diffSettings(current, checked.settings) : [],
  };
}

function tooMany(total: number): string {
  return `Nothing was imported: with this file you would follow ${total.toLocaleString('en')} devices, and SpecScout keeps at most ${MAX_FOLLOWS.toLocaleString('en')}. Unfollow some first.`;
}

/**
 * Adds the file's follows to the current ones (an existing follow keeps its snapshot; its mute follows the
 * file) and, only when the reader confirmed it (`settings: 'replace'`), replaces the settings, all in one
 * transaction. Feed URLs are settings: a file never changes them unless the reader saw and confirmed them.
 */
export async function importData(json: string, settingsMode: 'keep' | 'replace', now = new Date()): Promise<{ ok: boolean; message: string }> {
  const checked = checkImport(json);
  if (!checked.ok) return { ok: false, message: `Nothing was imported: ${checked.message}.` };
  const replaceSettings = settingsMode === 'replace' && checked.settings !== undefined;
  const db = await getDB();
  const tx = db.transaction(['follows', 'devices', 'settings'], 'readwrite');
  const follows = tx.objectStore('follows');
  let added = 0;
  let unknown = 0;
  try {
    const existingCount = await follows.count();
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
    if (existingCount + added > MAX_FOLLOWS) {
      await abortQuietly(tx);
      return { ok: false, message: tooMany(existingCount + added) };
    }
    if (replaceSettings) await tx.objectStore('settings').put({ key: 'settings', value: { ...checked.settings!, version: SETTINGS_VERSION } });
    await tx.done;
  } catch (error) {
    // A failed import (a full disk) keeps nothing of itself.
    await abortQuietly(tx);
    if (isQuotaError(error)) return { ok: false, message: 'Nothing was imported: there is not enough disk space. Free some space and try again.' };
    throw error;
  }
  await copyReaderData(db);
  const parts = [`Imported ${plural(checked.follows.length, 'follow')} (${added.toLocaleString('en')} new)`];
  if (unknown > 0) parts.push(`${unknown.toLocaleString('en')} not in the index yet`);
  if (replaceSettings) parts.push('settings replaced');
  else if (checked.settings) parts.push('settings kept as they were');
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
  await copyReaderData(db);
  await refreshBadge();
  return { ok: true };
}
