// Import and the reader's data in real Chromium: a crafted file that sets feed URLs changes nothing until
// the reader confirms, and its feed URLs are listed first; "follows only" leaves every setting alone; a
// file over the size limit is refused by its size with a plain sentence; and a database deleted under the
// running worker comes back with its follows and settings from the storage.local copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { currentWorker, EXTENSION_DIR, launch, type Session } from './browser';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import { MAX_IMPORT_BYTES } from '../../utils/reader-data';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const say = (key: string, ...values: string[]) => values.reduce((text, v, i) => text.replace(`$p${i + 1}$`, v), MESSAGES[key]!.message);

/** Sends a protocol message from an extension page, as the options page does. */
async function ask<T>(page: Page, type: string, data: Record<string, unknown> = {}): Promise<T> {
  const reply = await page.evaluate(
    async ([t, d]) => (await chrome.runtime.sendMessage({ specscout: 1, type: t, data: d })) as { ok: boolean; value?: unknown; error?: string },
    [type, data] as const,
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

interface Settings {
  feedUrls: string[];
  refreshHours: number;
  markStyle: string;
  region: string;
}

const shipped = unpackIndex(JSON.parse(readFileSync(join(EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
const [first, second] = shipped.devices;

const ATTACKER_FEED = 'https://attacker.example/index.json';
const crafted = JSON.stringify({
  specscout: 'specscout-export',
  format: 1,
  follows: [{ id: first!.id }, { id: second!.id, muted: true }],
  settings: { feedUrls: [ATTACKER_FEED], refreshHours: 1, markStyle: 'off', region: 'GB' },
});

/** The import's message, or null while there is none (a locator's textContent would wait for it forever). */
function backupMessage(options: Page): Promise<string | null> {
  return options.locator('#backup-message').textContent({ timeout: 500 }).catch(() => null);
}

async function chooseFile(options: Page, name: string, buffer: Buffer): Promise<void> {
  await options.locator('#backup input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer });
}

describe('importing a file', () => {
  let session: Session;
  let options: Page;
  beforeAll(async () => {
    session = await launch();
    options = await session.openOptions();
    await options.locator('#backup').waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('shows a crafted file’s feed URLs first and applies nothing until the reader confirms', async () => {
    const before = await ask<Settings>(options, 'getSettings');
    expect(before.feedUrls).toEqual([]);
    await chooseFile(options, 'crafted.json', Buffer.from(crafted));
    const review = options.getByRole('region', { name: say('optionsImportReviewTitle') });
    await review.waitFor({ timeout: 10_000 });
    // Feed URLs come before every other change, and the warning says what a feed can do.
    const order = await review.locator('[data-setting]').evaluateAll((els) => els.map((el) => el.getAttribute('data-setting')));
    expect(order[0]).toBe('feedUrls');
    expect(order).toEqual(expect.arrayContaining(['refreshHours', 'markStyle', 'region']));
    expect(await review.locator('[data-setting="feedUrls"]').textContent()).toContain(ATTACKER_FEED);
    expect(await review.textContent()).toContain(say('optionsImportFeedsWarning'));

    // Shown, not applied: settings and follows are as they were.
    expect(await ask<Settings>(options, 'getSettings')).toEqual(before);
    expect(await ask<unknown[]>(options, 'listFollows')).toEqual([]);

    await review.getByRole('button', { name: say('optionsImportFollowsOnly') }).click({ timeout: 10_000 });
    await expect.poll(() => backupMessage(options), { timeout: 10_000 }).toContain('Imported 2 follows (2 new); settings kept as they were.');
    expect(await ask<Settings>(options, 'getSettings')).toEqual(before);
    const follows = await ask<{ summary: { id: string }; muted: boolean }[]>(options, 'listFollows');
    expect(follows.map((f) => [f.summary.id, f.muted]).sort()).toEqual([[first!.id, false], [second!.id, true]].sort());
  });

  it('applies the file’s settings, feed URLs included, only through the confirming button', async () => {
    await chooseFile(options, 'crafted.json', Buffer.from(crafted));
    const review = options.getByRole('region', { name: say('optionsImportReviewTitle') });
    await review.getByRole('button', { name: say('optionsImportEverything') }).click({ timeout: 10_000 });
    await expect.poll(() => backupMessage(options), { timeout: 10_000 }).toContain('settings replaced');
    expect(await ask<Settings>(options, 'getSettings')).toMatchObject({ feedUrls: [ATTACKER_FEED], refreshHours: 1, markStyle: 'off', region: 'GB' });
    // The options page shows the new feed in its list too (the page reloads its settings after an import).
    await expect.poll(() => options.locator('#data').textContent(), { timeout: 10_000 }).toContain(ATTACKER_FEED);
  });

  it('refuses a file over the size limit by its size, in a plain sentence, without sending it', async () => {
    const before = await ask<Settings>(options, 'getSettings');
    await chooseFile(options, 'huge.json', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20));
    await expect.poll(() => backupMessage(options), { timeout: 10_000 }).toBe('File too large (max 8 MB). Nothing was imported.');
    expect(await options.getByRole('region', { name: say('optionsImportReviewTitle') }).count()).toBe(0);
    expect(await ask<Settings>(options, 'getSettings')).toEqual(before);
  });

  it('says why a file that is not an export is refused, as a sentence', async () => {
    await chooseFile(options, 'notes.json', Buffer.from('{"hello": "world"}'));
    await expect.poll(() => backupMessage(options), { timeout: 10_000 }).toBe('Nothing was imported: the file is not a SpecScout export.');
  });

  it('restores follows and settings when the database is deleted under the running worker, and says so', async () => {
    const settings = await ask<Settings>(options, 'getSettings');
    const follows = (await ask<{ summary: { id: string } }[]>(options, 'listFollows')).map((f) => f.summary.id).sort();
    const worker = await currentWorker(session.context);
    // The copy the worker keeps in storage.local, in step with the database.
    const copy = await worker.evaluate(async () => (await chrome.storage.local.get('readerCopy')).readerCopy as { follows: { id: string }[] });
    expect(copy.follows.map((f) => f.id).sort()).toEqual(follows);
    await worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('specscout');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    expect(await ask<Settings>(options, 'getSettings')).toEqual(settings);
    expect((await ask<{ summary: { id: string } }[]>(options, 'listFollows')).map((f) => f.summary.id).sort()).toEqual(follows);
    await options.reload();
    await expect.poll(() => options.locator('#data-notices').textContent(), { timeout: 10_000 }).toMatch(/database was lost.*Restored 2 follows and your settings/);
  });
});
