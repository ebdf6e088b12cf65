// The background's life in real Firefox: with the idle timeout cut to two seconds the event page is
// stopped between every step. The first install still writes the whole shipped index (seconds of writes
// that Firefox would cut short), and names are still marked and cards still open once the background was
// stopped, on a page loaded again and on a page left open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardState, FIREFOX_EXTENSION_DIR, hoverMark, launchFirefox, waitForMarks, type FirefoxSession } from './firefox';
import { unpackIndex, type ShippedIndex } from '../../core/feed';

const SONY_MARKS = ['Xperia Z1', 'Xperia Z1 Mini', 'Honami Mini', 'Xperia Z1 f', 'SO-02F', 'Xperia Z1', 'C6903'];
// Two seconds: short enough to stop the background during the first install without the keep-alive,
// long enough that a busy machine's unpacking of the shipped index (before the first write) fits in it.
const IDLE_TIMEOUT_MS = 2000;

/** True while the add-on's background page runs (it is one of the add-on's views until Firefox stops it). */
function backgroundRunning(session: FirefoxSession): Promise<boolean> {
  // extension.getViews is answered in the page's own process: asking does not wake the background.
  return session.inExtension(() =>
    (chrome.extension.getViews() as Window[]).some((view) => view.location.pathname === '/_generated_background_page.html'),
  );
}

/** The installed index's meta row, read from IndexedDB in an add-on page (null before there is one). */
function installedIndex(session: FirefoxSession): Promise<{ version: number; builtFrom: string; deviceCount: number; nameCount: number; source: string } | null> {
  return session.inExtension(async () => {
    // Opening a database that does not exist would create it empty, in the background's way.
    if (!(await indexedDB.databases()).some((db) => db.name === 'specscout')) return null;
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('specscout');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('meta').objectStore('meta').get('index');
        get.onsuccess = () => {
          db.close();
          resolve((get.result as { value?: { version: number; builtFrom: string; deviceCount: number; nameCount: number; source: string } } | undefined)?.value ?? null);
        };
        get.onerror = () => reject(get.error);
      };
    });
  });
}

async function waitUntilStopped(session: FirefoxSession): Promise<void> {
  await expect.poll(() => backgroundRunning(session), { timeout: 20_000, interval: 200 }).toBe(false);
}

describe('Firefox stops the idle background', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox({ idleTimeoutMs: IDLE_TIMEOUT_MS });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('writes the whole shipped index on the first run although Firefox stops an idle background after two seconds', async () => {
    const shipped = unpackIndex(JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
    await expect
      .poll(() => installedIndex(session), { timeout: 60_000, interval: 500 })
      .toEqual({ version: shipped.version, builtFrom: shipped.builtFrom, deviceCount: shipped.devices.length, nameCount: expect.any(Number), source: 'shipped' });
    // Nothing failed on the way ("write-failed ... will be tried again at the next start").
    expect(await session.inExtension(async () => (await chrome.storage.local.get(null)) as Record<string, unknown>)).not.toHaveProperty('storageProblems');
    await waitUntilStopped(session);
  }, 90_000);

  it('marks a page loaded after the background was stopped, and opens its card', async () => {
    const page = await session.openPage(session.newsUrl('sony-article.html'));
    expect(await waitForMarks(page, SONY_MARKS.length)).toEqual(SONY_MARKS);
    await waitUntilStopped(session);
    await page.reload();
    expect(await waitForMarks(page, SONY_MARKS.length)).toEqual(SONY_MARKS);
    await hoverMark(page, 'Xperia Z1 Mini');
    await expect.poll(async () => (await cardState(page))?.state, { timeout: 10_000 }).toBe('ready');
    const card = (await cardState(page))!;
    expect(card.deviceId).toBe('sony-xperia-z1-compact');
    expect(card.text).toMatch(/At the time of this article: rumored[^.]*\. Now: released/);
    await page.close();
  });

  it('opens a card on a page left open while the background was stopped', async () => {
    const page = await session.openPage(session.newsUrl('sony-article.html'));
    await waitForMarks(page, SONY_MARKS.length);
    await waitUntilStopped(session);
    await hoverMark(page, 'SO-02F');
    await expect.poll(async () => (await cardState(page))?.state, { timeout: 10_000 }).toBe('ready');
    expect((await cardState(page))!.deviceId).toBe('sony-xperia-z1-f');
    expect(await backgroundRunning(session)).toBe(true);
    await page.close();
  });
});
