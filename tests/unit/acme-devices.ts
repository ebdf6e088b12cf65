// Small invented device records and reads of the stored index and the reader's data, shared by the data-safety tests.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Device } from '../../core/schema';
import { getDB } from '../../utils/db';

/** A rumored Acme phone ("acme-nova" -> name "nova"), with `extra` fields over it. */
export function acmePhone(id: string, extra: Partial<Device> = {}): Device {
  return { id, brand: 'Acme', name: id.slice(5), category: 'phone', names: [], status: [{ status: 'rumored', date: '2025-01' }], sources: [{ id: 'acme', title: 'Acme press' }], ...extra };
}

/** The installed index and what hangs on it (devices, its meta row, follows, told changes, settings): what a bad feed must leave alone. */
export async function storedIndexState() {
  const db = await getDB();
  return {
    devices: await db.getAll('devices'),
    index: (await db.get('meta', 'index'))?.value,
    follows: await db.getAll('follows'),
    told: (await db.get('meta', 'toldKeys'))?.value,
    settings: await db.getAll('settings'),
  };
}

/** Everything of the reader's that an import or reset may touch: follows, settings and the sync mirror. */
export async function storedUserData() {
  const db = await getDB();
  return { follows: await db.getAll('follows'), settings: await db.getAll('settings'), sync: await fakeBrowser.storage.sync.get(null) };
}
