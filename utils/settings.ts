// Settings storage: one row in the database's `settings` store, always read through normalizeSettings.
import { getDB } from './db';
import type { Settings } from './protocol';
import { copyReaderData } from './reader-recovery';
import { normalizeSettings, SETTINGS_VERSION } from './settings-model';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const row = await (await getDB()).get('settings', KEY);
  return normalizeSettings(row?.value);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const db = await getDB();
  const tx = db.transaction('settings', 'readwrite');
  const current = normalizeSettings((await tx.store.get(KEY))?.value);
  const next = normalizeSettings({
    ...current,
    ...patch,
    notifications: { ...current.notifications, ...(patch.notifications ?? {}) },
  });
  await tx.store.put({ key: KEY, value: { ...next, version: SETTINGS_VERSION } });
  await tx.done;
  // Copied outside the database, so a lost database does not silently reset them.
  await copyReaderData(db);
  return next;
}
