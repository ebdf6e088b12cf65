// Following a device in real Chromium: follow it from the hover card on an article, serve a feed that moves it
// from rumored to announced, and see exactly one notification and the new status; the same feed again
// tells nothing; after a browser restart on the same profile the follow and "already told" remain; bad
// feeds change nothing, notify nobody and are reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CardProbe } from './card-probe';
import { currentWorker, EXTENSION_DIR, launch, type Session } from './browser';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './server';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import { currentStatus } from '../../core/status';
import type { Device } from '../../core/schema';

// The extension APIs as seen by functions evaluated in the extension's pages and worker.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

/** Sends a protocol message from an extension page, as the popup and options pages do. */
async function ask<T>(page: Page, type: string, data: Record<string, unknown> = {}): Promise<T> {
  const reply = await page.evaluate(
    async ([t, d]) => (await chrome.runtime.sendMessage({ specscout: 1, type: t, data: d })) as { ok: boolean; value?: unknown; error?: string },
    [type, data] as const,
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

/** Ids of the notifications the browser currently shows for the extension, read in the worker. */
async function notificationIds(session: Session): Promise<string[]> {
  const worker = await currentWorker(session.context);
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

/** The worker's remembered "already told" keys, read straight from IndexedDB. */
async function toldKeys(session: Session): Promise<string[]> {
  const worker = await currentWorker(session.context);
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('specscout');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('toldKeys');
          get.onsuccess = () => resolve(((get.result as { value?: string[] } | undefined)?.value ?? []) as string[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** A rumored device from the index the extension ships, and the same record once announced. */
function pickRumoredDevice(): { before: Device; after: Device } {
  const shipped = unpackIndex(JSON.parse(readFileSync(join(EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
  const before = shipped.devices
    .filter((d) => currentStatus(d)?.status === 'rumored' && !d.status.some((e) => e.expected))
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!before) throw new Error('the shipped index has no rumored device to follow');
  const lastDate = [...before.status].reverse().find((e) => e.date)?.date ?? '2025';
  const after = structuredClone(before);
  // Same year as the last event, at its end: stays in timeline order whatever precision the rumor had.
  after.status.push({ status: 'announced', date: `${lastDate.slice(0, 4)}-12-15` });
  return { before, after };
}

interface Report {
  ok: boolean;
  message: string;
  source: string;
  toVersion?: number;
}

describe('following a device through a feed update', () => {
  let server: FixtureServer;
  let session: Session;
  let profile: string;
  let picked: { before: Device; after: Device };
  let installedVersion: number;
  let feedUrl: string;
  let page: Page;

  beforeAll(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    server = await startFixtureServer();
    profile = mkdtempSync(join(tmpdir(), 'specscout-follow-'));
    session = await launch({ userDataDir: profile, server });
    picked = pickRumoredDevice();
    page = await session.openPopup();
    installedVersion = (await ask<{ indexVersion: number }>(page, 'ping')).indexVersion;

    // The feed: a delta on top of the installed index, announcing the device. Served with an ETag (and
    // honouring If-None-Match) and CORS, since the worker fetches it cross-origin without host permission.
    const body = JSON.stringify({ format: 1, kind: 'delta', baseVersion: installedVersion, version: installedVersion + 1, upsert: [picked.after], remove: [] });
    server.route('/feeds/update.json', (req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('etag', '"update-1"');
      if (req.headers['if-none-match'] === '"update-1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
    for (const name of ['invalid-json', 'wrong-schema', 'older-version']) {
      server.route(`/feeds/${name}.json`, (_req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('content-type', 'application/json');
        const text = readFileSync(join(FIXTURES_DIR, 'feeds', `${name}.json`), 'utf8');
        // The wrong-schema feed must be newer than the index the update below installs (and no later than today
        // allows) for its records to be read at all.
        res.end(name === 'wrong-schema' ? JSON.stringify({ ...(JSON.parse(text) as object), version: installedVersion + 2 }) : text);
      });
    }
    feedUrl = `${server.origin}/feeds/update.json`;
  });

  afterAll(async () => {
    await session?.close(true);
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('follows the device from the hover card on a news article', async () => {
    // An article naming the device, served under a default news site's host name.
    const fullName = `${picked.before.brand} ${picked.before.name}`;
    server.route('/follow-article.html', (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>What to expect next</title></head>
        <body><article><h1>What to expect next</h1>
        <p>Leakers keep talking about the ${fullName}, which has not been announced yet. Several reports say
        the ${fullName} will arrive before the end of the year, though nothing is confirmed.</p></article></body></html>`);
    });
    const article = await session.context.newPage();
    await article.goto(session.newsUrl('follow-article.html'));
    await expect.poll(() => article.evaluate(() => CSS.highlights.get('specscout')?.size ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
    const at = await article.evaluate(() => {
      const range = [...(CSS.highlights.get('specscout') as unknown as Set<Range>)][0]!;
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await article.mouse.move(at.x - 20, at.y);
    await article.mouse.move(at.x, at.y);
    const card = new CardProbe(article);
    await expect.poll(() => card.attr('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await card.attr('data-device-id')).toBe(picked.before.id);
    // Actions count once the card has been seen unobscured for a moment (entrypoints/content/click-guard.ts).
    await expect.poll(() => card.seen(), { timeout: 5000 }).toBe(true);
    await card.click(MESSAGES.cardFollow!.message);
    await expect.poll(() => card.controls()).toContain(MESSAGES.cardFollowing!.message);

    const follows = await ask<{ summary: { id: string; status: string } }[]>(page, 'listFollows');
    expect(follows.map((f) => [f.summary.id, f.summary.status])).toEqual([[picked.before.id, 'rumored']]);

    // The popup's "On this page" shows the follow made on the card, not the state the page was read with.
    const tabId = await session.worker.evaluate(
      async (url) => ((await (globalThis as any).chrome.tabs.query({ url })) as { id: number }[])[0]!.id,
      session.newsUrl('follow-article.html'),
    );
    const popup = await session.openPopup(`?tab=${tabId}`);
    const row = popup.locator(`#panel-page [data-device-id="${picked.before.id}"] button[aria-pressed]`);
    await expect.poll(() => row.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    // innerText: the button lays out both labels (one size either way) and hides the one not shown.
    expect((await row.innerText()).trim()).toBe(MESSAGES.cardFollowing!.message);
    await popup.close();
    await article.close();
  });

  // Longer than the default: applying a feed rewrites the whole installed index (~30 s for 28k devices here).
  it('tells exactly once when a feed moves it from rumored to announced', async () => {
    await ask(page, 'setSettings', { patch: { feedUrls: [feedUrl] } });
    const reports = await ask<Report[]>(page, 'checkNow');
    expect(reports).toEqual([expect.objectContaining({ ok: true, source: feedUrl, toVersion: installedVersion + 1 })]);

    await expect.poll(() => notificationIds(session), { timeout: 10_000 }).toHaveLength(1);
    const [id] = await notificationIds(session);
    expect(id).toMatch(new RegExp(`^specscout\\|device\\|${picked.before.id}\\|`));

    const follows = await ask<{ summary: { id: string; status: string }; unseenChanges: { kind: string; text: string }[] }[]>(page, 'listFollows');
    expect(follows[0]?.summary.status).toBe('announced');
    expect(follows[0]?.unseenChanges.map((c) => c.kind)).toEqual(['status']);
    expect(await (await currentWorker(session.context)).evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

    // The popup's Following tab shows the news and the new status.
    const popup = await session.openPopup();
    await popup.getByRole('tab', { name: MESSAGES.popupTabFollowing?.message ?? 'Following' }).click();
    await expect.poll(() => popup.locator('main').innerText(), { timeout: 10_000 }).toContain(follows[0]!.unseenChanges[0]!.text);
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.screenshot({ path: 'docs/screenshots/popup-following-change.png' });
    await popup.close();
  }, 120_000);

  it('creates no notification when the same feed is refreshed again', async () => {
    const before = await notificationIds(session);
    const reports = await ask<Report[]>(page, 'checkNow');
    expect(reports).toEqual([expect.objectContaining({ ok: true, message: 'not modified' })]);
    expect(server.requests.filter((r) => r === 'GET /feeds/update.json')).toHaveLength(2);
    expect(await notificationIds(session)).toEqual(before);
    expect(await ask<unknown[]>(page, 'recentChanges')).toHaveLength(1);
  });

  it('keeps the follow and what was told after the browser restarts on the same profile', async () => {
    const toldBefore = await toldKeys(session);
    expect(toldBefore).toContain(`${picked.before.id}|status|announced`);
    await session.close(true);
    session = await launch({ userDataDir: profile, server });
    page = await session.openPopup();

    const follows = await ask<{ summary: { id: string; status: string } }[]>(page, 'listFollows');
    expect(follows.map((f) => [f.summary.id, f.summary.status])).toEqual([[picked.before.id, 'announced']]);
    expect(await toldKeys(session)).toEqual(toldBefore);
    const reports = await ask<Report[]>(page, 'checkNow');
    expect(reports).toEqual([expect.objectContaining({ ok: true, message: 'not modified' })]);
    expect(await notificationIds(session)).toEqual([]);
    expect((await ask<{ version: number }>(page, 'getIndexInfo')).version).toBe(installedVersion + 1);
  });

  it('changes nothing, notifies nobody and reports each bad feed', async () => {
    const urls = ['invalid-json', 'wrong-schema', 'older-version'].map((n) => `${server.origin}/feeds/${n}.json`);
    await ask(page, 'setSettings', { patch: { feedUrls: urls } });
    const followsBefore = await ask<unknown[]>(page, 'listFollows');
    const reports = await ask<Report[]>(page, 'checkNow');
    expect(reports.map((r) => [r.source, r.ok])).toEqual(urls.map((u) => [u, false]));
    expect(reports[0]!.message).toMatch(/invalid JSON/);
    expect(reports[1]!.message).toMatch(/invalid records/);
    expect(reports[2]!.message).toMatch(/not newer/);

    const info = await ask<{ version: number; lastUpdate?: Report }>(page, 'getIndexInfo');
    expect(info.version).toBe(installedVersion + 1);
    expect(info.lastUpdate).toMatchObject({ ok: false, source: urls[2] });
    expect(await ask<unknown[]>(page, 'listFollows')).toEqual(followsBefore);
    expect(await notificationIds(session)).toEqual([]);

    // The options page tells the reader what went wrong with the last refresh.
    const options = await session.openOptions();
    await expect.poll(() => options.locator('body').innerText(), { timeout: 10_000 }).toContain(reports[2]!.message);
    await options.close();
  });
});
