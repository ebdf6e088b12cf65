// Issue 22 item 2 in real Chromium: a feed the reader added serves the snapshot that used to wipe the index
// and pin it (version 9007199254740991, no devices), then one with a plausible version and no devices. Both
// are refused with their reasons in options, and the index stays whole: same version and size, search
// still finds devices. Then an honest delta applies, and "Restore the built-in data" puts the shipped index
// back with the follow kept. Build first: `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, type Session } from './browser';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import type { Device } from '../../core/schema';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const say = (key: string) => MESSAGES[key]!.message;

async function ask<T>(page: Page, type: string, data: Record<string, unknown> = {}): Promise<T> {
  const reply = await page.evaluate(
    async ([t, d]) => (await chrome.runtime.sendMessage({ specscout: 1, type: t, data: d })) as { ok: boolean; value?: unknown; error?: string },
    [type, data] as const,
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

interface Info {
  version: number;
  devices: number;
  lastUpdate?: { ok: boolean; message: string; source: string };
}

describe('a feed cannot wipe or pin the index', () => {
  let session: Session;
  let options: Page;
  let shipped: { version: number; devices: Device[] };
  let body = '';

  beforeAll(async () => {
    session = await launch();
    shipped = unpackIndex(JSON.parse(readFileSync(join(EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
    // The worker fetches the feed cross-origin without host permission: CORS, as a static host would send.
    session.server.route('/feeds/feed.json', (_req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
    options = await session.openOptions();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Clicks Check now and waits for this check's reports (the list is replaced when the check answers). */
  async function checkNow(): Promise<string> {
    const reports = options.locator('#data ul[role="status"]');
    const previous = (await reports.count()) > 0 ? await reports.textContent() : null;
    const button = options.getByRole('button', { name: say('optionsCheckNow') });
    await button.click();
    await expect.poll(async () => (await reports.count()) > 0 && (await reports.textContent()) !== previous && (await button.isEnabled()), { timeout: 30_000 }).toBe(true);
    return (await reports.textContent()) ?? '';
  }

  it('adds a feed of the reader\'s own in options', async () => {
    await expect.poll(() => ask<Info>(options, 'getIndexInfo').then((i) => i.version), { timeout: 30_000 }).toBe(shipped.version);
    await ask(options, 'setFollow', { id: shipped.devices[0]!.id, follow: true });
    await options.getByLabel(say('optionsFeedAddLabel')).fill(`${session.server.origin}/feeds/feed.json`);
    await options.getByRole('button', { name: say('optionsFeedAdd') }).click();
    await expect.poll(() => options.locator('#data').textContent()).toContain('/feeds/feed.json');
  });

  it('refuses the snapshot with version 9007199254740991 and no devices, says why, and keeps the index whole', async () => {
    body = JSON.stringify({ format: 1, kind: 'snapshot', version: Number.MAX_SAFE_INTEGER, devices: [] });
    const shown = await checkNow();
    expect(shown).toContain('version from the future: 9007199254740991');
    const info = await ask<Info>(options, 'getIndexInfo');
    expect(info).toMatchObject({ version: shipped.version, devices: shipped.devices.length, lastUpdate: { ok: false } });
    const hits = await ask<unknown[]>(options, 'search', { query: shipped.devices[0]!.name });
    expect(hits.length).toBeGreaterThan(0);
    // The Data section's own "Last update" line says it too.
    await expect.poll(() => options.locator('#data dl').textContent()).toContain('version from the future');
  });

  it('refuses a plausible version that empties the index', async () => {
    body = JSON.stringify({ format: 1, kind: 'snapshot', version: shipped.version + 1, devices: [] });
    expect(await checkNow()).toMatch(new RegExp(`the snapshot removes ${shipped.devices.length} of the ${shipped.devices.length} installed devices`));
    expect(await ask<Info>(options, 'getIndexInfo')).toMatchObject({ version: shipped.version, devices: shipped.devices.length });
  });

  it('applies an honest delta, then restores the built-in data with the follow kept', async () => {
    const added: Device = {
      id: 'acme-e2e-restore-phone', brand: 'Acme', name: 'Restore Phone', category: 'phone', names: [],
      status: [{ status: 'rumored', date: '2025-01' }], sources: [{ id: 'acme', title: 'Acme press' }],
    };
    body = JSON.stringify({ format: 1, kind: 'delta', baseVersion: shipped.version, version: shipped.version + 1, upsert: [added], remove: [] });
    expect(await checkNow()).toContain(`updated to version ${shipped.version + 1}`);
    expect((await ask<Device | null>(options, 'getDevice', { id: added.id }))).not.toBeNull();

    await options.getByRole('button', { name: say('optionsRestoreStart') }).click();
    await expect.poll(() => options.locator('#data').textContent(), { timeout: 60_000 }).toContain('restored the built-in data');
    expect(await ask<Info>(options, 'getIndexInfo')).toMatchObject({ version: shipped.version, devices: shipped.devices.length, lastUpdate: { ok: true } });
    expect(await ask<Device | null>(options, 'getDevice', { id: added.id })).toBeNull();
    const follows = await ask<{ summary: { id: string } }[]>(options, 'listFollows');
    expect(follows.map((f) => f.summary.id)).toEqual([shipped.devices[0]!.id]);
  });
});
