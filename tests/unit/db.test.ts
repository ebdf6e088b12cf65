// The database schema: fresh installs, upgrades from every earlier version, and what they keep.
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openSpecScoutDB } from '../../utils/db';

/** Builds a database exactly as version 1 of the extension left it, with a follow and settings in it. */
async function makeVersion1(name: string) {
  const db = await openSpecScoutDB(name, 1);
  await db.put('follows', { id: 'sony-xperia-z1-compact', since: '2014-01-06T00:00:00Z', muted: false, snapshot: null });
  await db.put('settings', { key: 'settings', value: { markStyle: 'background' } });
  await db.put('meta', { key: 'index', value: { version: 3 } });
  db.close();
}

describe('database schema', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openSpecScoutDB('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['devices', 'follows', 'meta', 'reading', 'settings']);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('upgrades a version 1 database and keeps its follows, settings and meta', async () => {
    await makeVersion1('v1');
    const db = await openSpecScoutDB('v1');
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('follows', 'sony-xperia-z1-compact')).toMatchObject({ since: '2014-01-06T00:00:00Z' });
    expect(await db.get('settings', 'settings')).toMatchObject({ value: { markStyle: 'background' } });
    expect(await db.get('meta', 'index')).toMatchObject({ value: { version: 3 } });
    expect(db.objectStoreNames.contains('reading')).toBe(true);
    db.close();
  });

  it('leaves a version 1 database intact when the upgrade is interrupted', async () => {
    await makeVersion1('interrupted');
    // Open at the new version and abort inside the versionchange transaction, as a killed worker would.
    await expect(
      openDB('interrupted', DB_VERSION, {
        upgrade(db, _old, _new, tx) {
          db.createObjectStore('reading', { keyPath: ['deviceId', 'url'] });
          // idb rejects `tx.done` on abort; that rejection is the point of this test, not an error.
          tx.done.catch(() => undefined);
          tx.abort();
        },
      }),
    ).rejects.toThrow();
    const again = await openDB('interrupted');
    expect(again.version).toBe(1);
    expect(again.objectStoreNames.contains('reading')).toBe(false);
    expect(await again.get('follows', 'sony-xperia-z1-compact')).toBeDefined();
    again.close();
    // The next start completes the upgrade.
    const db = await openSpecScoutDB('interrupted');
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('follows', 'sony-xperia-z1-compact')).toBeDefined();
    db.close();
  });

  it('refuses a version it has no upgrade path to', () => {
    expect(() => openSpecScoutDB('future', DB_VERSION + 1)).toThrow(/no upgrade path/);
  });
});
