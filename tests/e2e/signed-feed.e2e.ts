// The signed update channel end to end in real Chromium (issue 17): the extension is built against a local
// test feed (SPECSCOUT_FEED_URL, and a throwaway key pair made here in SPECSCOUT_FEED_KEYS), the feed is
// built by the real builder and served like a static host. Follow a rumored device; publish a version in
// which it is announced; Check now: exactly one notification naming the device and the change; a second
// check and a browser restart tell nothing again; forged, rolled-back and expired feeds change nothing and
// are reported in options. Build the usual extension first (`npm run build`): its index is reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { currentWorker, EXTENSION_DIR, launch, type Session } from './browser';
import { startFixtureServer, type FixtureServer } from './server';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import { currentStatus } from '../../core/status';
import type { Device, DeviceIndex } from '../../core/schema';
import { buildFeed, keyIdOf, rawPublicKeyBase64 } from '../../scripts/lib/feed-build';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

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

async function notificationIds(session: Session): Promise<string[]> {
  const worker = await currentWorker(session.context);
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

interface Report {
  ok: boolean;
  message: string;
  source: string;
  toVersion?: number;
}

describe('the signed update channel in a real browser', () => {
  let server: FixtureServer;
  let session: Session;
  let options: Page;
  let buildDir: string;
  let profile: string;
  let feedUrl: string;
  let shipped: DeviceIndex;
  let picked: Device;
  let announced: Device;
  let published: Map<string, Uint8Array> = new Map();
  const key = generateKeyPairSync('ed25519');
  const v2 = () => shipped.version + 1;

  const publish = (index: DeviceIndex, previous: DeviceIndex[], now = new Date(), signingKey = key.privateKey, validityDays?: number) => {
    published = buildFeed({ index, previous, now, signingKey, ...(validityDays !== undefined ? { validityDays } : {}) }).files;
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    feedUrl = `${server.origin}/feed`;
    // A static host: the published files, with ETags honoured, and CORS as GitHub Pages sends it.
    const serveFile = (name: string, ifNoneMatch: string | undefined, res: ServerResponse) => {
      res.setHeader('access-control-allow-origin', '*');
      const body = published.get(name);
      if (!body) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      res.setHeader('etag', etag);
      if (ifNoneMatch === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.end(Buffer.from(body));
    };
    const route = (name: string) => server.route(`/feed/${name}`, (req, res) => serveFile(name, req.headers['if-none-match'], res));
    route('manifest.json');
    route('manifest.sig');

    shipped = unpackIndex(JSON.parse(readFileSync(join(EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
    picked = shipped.devices.filter((d) => currentStatus(d)?.status === 'rumored' && !d.status.some((e) => e.expected)).sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const lastDate = [...picked.status].reverse().find((e) => e.date)?.date ?? '2025';
    announced = { ...structuredClone(picked), status: [...picked.status, { status: 'announced', date: `${lastDate.slice(0, 4)}-12-15` }] };
    for (const version of [shipped.version, shipped.version + 1, shipped.version + 2]) {
      for (const name of [`snapshot-${version}.json.gz`, `delta-${shipped.version}-${version}.json.gz`, `delta-${shipped.version + 1}-${version}.json.gz`]) {
        route(name);
      }
    }
    // The first published version is the shipped data: a new install finds itself up to date.
    publish(shipped, []);

    buildDir = mkdtempSync(join(tmpdir(), 'specscout-signed-build-'));
    execFileSync('npx', ['wxt', 'build'], {
      stdio: 'ignore',
      env: {
        ...process.env,
        SPECSCOUT_OUT_DIR: buildDir,
        SPECSCOUT_FEED_URL: feedUrl,
        SPECSCOUT_FEED_KEYS: JSON.stringify([{ id: keyIdOf(key.publicKey), publicKey: rawPublicKeyBase64(key.publicKey) }]),
      },
    });
    profile = mkdtempSync(join(tmpdir(), 'specscout-signed-profile-'));
    session = await launch({ extensionDir: join(buildDir, 'chrome-mv3'), server, userDataDir: profile });
    options = await session.openOptions();
  }, 300_000);

  afterAll(async () => {
    await session?.close(true);
    await server?.close();
    for (const dir of [buildDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function checkNow(): Promise<string> {
    const reports = options.locator('#data ul[role="status"]');
    const previous = (await reports.count()) > 0 ? await reports.textContent() : null;
    await options.getByRole('button', { name: say('optionsCheckNow') }).click();
    await expect.poll(async () => (await reports.count()) > 0 && (await reports.textContent()) !== previous, { timeout: 60_000 }).toBe(true);
    return (await reports.textContent()) ?? '';
  }

  it('names the signed source in options and finds the installed data up to date', async () => {
    await expect.poll(() => options.locator('[data-update-source="signed"]').textContent(), { timeout: 30_000 }).toContain(feedUrl);
    await expect.poll(() => ask<{ lastUpdate?: Report }>(options, 'getIndexInfo').then((i) => i.lastUpdate?.message), { timeout: 30_000 }).toBe('up to date');
    await ask(options, 'setFollow', { id: picked.id, follow: true });
  });

  it('tells exactly once, naming the device and the change, when a new version announces it', async () => {
    publish({ ...shipped, version: v2(), devices: shipped.devices.map((d) => (d.id === picked.id ? announced : d)) }, [shipped]);
    expect(await checkNow()).toContain(`updated to version ${v2()}`);
    await expect.poll(() => notificationIds(session), { timeout: 15_000 }).toHaveLength(1);
    const [told] = await notificationIds(session);
    expect(told).toContain(`|device|${picked.id}|`);
    const changes = await ask<{ text: string }[]>(options, 'recentChanges');
    expect(changes.map((c) => c.text)).toEqual([expect.stringMatching(new RegExp(`${picked.name}.* is now announced`))]);

    expect(await checkNow()).toContain('not modified');
    // Nothing new: at most the first notification is still shown (Chromium closes it after a while).
    expect((await notificationIds(session)).filter((id) => id !== told)).toEqual([]);
    expect(await ask<unknown[]>(options, 'recentChanges')).toHaveLength(1);
  });

  it('tells nothing again after the browser restarts (the worker starts again and checks)', async () => {
    await session.close(true);
    session = await launch({ extensionDir: join(buildDir, 'chrome-mv3'), server, userDataDir: profile });
    options = await session.openOptions();
    await expect.poll(() => ask<{ at: string; message: string }[]>(options, 'recentChanges').then((c) => c.length), { timeout: 20_000 }).toBe(1);
    expect(await checkNow()).toContain('not modified');
    expect(await notificationIds(session)).toEqual([]);
    expect((await ask<{ version: number }>(options, 'getIndexInfo')).version).toBe(v2());
  });

  const bad: [string, () => void, RegExp][] = [
    ['a forged feed (signed by another key)', () => publish({ ...shipped, version: v2() + 1 }, [], new Date(), generateKeyPairSync('ed25519').privateKey), /signature refused: unknown key/],
    ['a rolled-back feed (an older version, validly signed)', () => publish(shipped, []), /rollback refused: feed version \d+ is older than \d+, already seen/],
    ['an expired feed', () => publish({ ...shipped, version: v2() + 1, devices: shipped.devices.map((d) => (d.id === picked.id ? announced : d)) }, [], new Date(Date.now() - 3 * 86_400_000), key.privateKey, 1), /expired: the manifest expired on .*; the data is kept but unconfirmed/],
  ];
  for (const [what, serve, reason] of bad) {
    it(`changes nothing for ${what}, and options says why`, async () => {
      serve();
      const before = await ask<{ version: number; devices: number }>(options, 'getIndexInfo');
      expect(await checkNow()).toMatch(reason);
      const after = await ask<{ version: number; devices: number; lastUpdate?: Report }>(options, 'getIndexInfo');
      expect(after).toMatchObject({ version: before.version, devices: before.devices, lastUpdate: { ok: false } });
      expect(await notificationIds(session)).toEqual([]);
      await expect.poll(() => options.locator('#data dl').textContent()).toMatch(reason);
    });
  }

  it('shows the expired data as unconfirmed', async () => {
    await options.reload();
    await expect.poll(() => options.locator('[data-freshness]').first().getAttribute('data-freshness'), { timeout: 10_000 }).toBe('expired');
  });
});
