// A reader's path in real Firefox with the built Firefox add-on: names marked on a news article with the
// page's DOM untouched, the hover card with the device and its status, Follow on the card and the follow in
// the popup (on this page and under Following), popup search, the options page (a site off and on, export and import), and a notification
// once a feed moves the followed device from rumored to announced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  byText,
  cardButton,
  cardDialog,
  cardState,
  FIREFOX_EXTENSION_DIR,
  hoverMark,
  launchFirefox,
  markedTexts,
  tabIdOf,
  waitForMarks,
  type FirefoxSession,
} from './firefox';
import { unpackIndex, type ShippedIndex } from '../../core/feed';
import { currentStatus } from '../../core/status';
import type { Device } from '../../core/schema';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const say = (key: string) => MESSAGES[key]!.message;

const SONY_MARKS = ['Xperia Z1', 'Xperia Z1 Mini', 'Honami Mini', 'Xperia Z1 f', 'SO-02F', 'Xperia Z1', 'C6903'];

/** The DOM as markup, without the card's host: what must be identical with and without SpecScout. */
function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('specscout-card')) host.remove();
    return new XMLSerializer().serializeToString(clone);
  });
}

/** The switch (role="switch") whose label is `name`, or null. */
async function switchNamed(page: Page, name: string): Promise<ElementHandle<Element> | null> {
  const id = await page.evaluate((wanted: string) => {
    const found = [...document.querySelectorAll('[role="switch"]')].find(
      (s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() === wanted,
    );
    return found?.id ?? null;
  }, name);
  return id ? page.$(`[id="${id}"]`) : null;
}

/** A rumored device from the index the add-on ships, and the same record once announced. */
function pickRumoredDevice(): { before: Device; after: Device } {
  const shipped = unpackIndex(JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'index/index.json'), 'utf8')) as ShippedIndex);
  const before = shipped.devices
    .filter((d) => currentStatus(d)?.status === 'rumored' && !d.status.some((e) => e.expected))
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!before) throw new Error('the shipped index has no rumored device to follow');
  const lastDate = [...before.status].reverse().find((e) => e.date)?.date ?? '2025';
  const after = structuredClone(before);
  after.status.push({ status: 'announced', date: `${lastDate.slice(0, 4)}-12-15` });
  return { before, after };
}

describe('a reader in Firefox', () => {
  let session: FirefoxSession;
  let picked: { before: Device; after: Device };
  let article: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    picked = pickRumoredDevice();
    const fullName = `${picked.before.brand} ${picked.before.name}`;
    session.server.route('/follow-article.html', (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>What to expect next</title></head>
        <body><article><h1>What to expect next</h1>
        <p>Leakers keep talking about the ${fullName}, which has not been announced yet. Several reports say
        the ${fullName} will arrive before the end of the year, though nothing is confirmed.</p></article></body></html>`);
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks every device name of the article and leaves the DOM as Firefox renders it without the add-on', async () => {
    const plain = await session.openPage(`${session.server.origin}/sony-article.html`);
    const expected = await serializeDom(plain);
    await plain.close();
    article = await session.openPage(session.newsUrl('sony-article.html'));
    expect(await waitForMarks(article, SONY_MARKS.length)).toEqual(SONY_MARKS);
    expect(await serializeDom(article)).toBe(expected);
    await hoverMark(article, 'Xperia Z1 Mini');
    await expect.poll(async () => (await cardState(article))?.state, { timeout: 10_000 }).toBe('ready');
    expect(await serializeDom(article)).toBe(expected);
    expect(await article.evaluate(() => document.querySelectorAll('specscout-card').length)).toBe(1);
  });

  it('opens the hover card with the device, its status then and now, and why the name matched', async () => {
    const card = (await cardState(article))!;
    expect(card.deviceId).toBe('sony-xperia-z1-compact');
    expect(card.label).toContain('Xperia Z1 Compact');
    expect(card.text).toMatch(/At the time of this article: rumored[^.]*\. Now: released/);
    expect(card.text).toContain('Xperia Z1 Mini');
    const box = (await (await cardDialog(article))!.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    // Leaving name and card closes it after the grace period; Escape closes a card opened again.
    await article.mouse.move(5, 890, { steps: 3 });
    await expect.poll(() => cardDialog(article), { timeout: 5000 }).toBeNull();
    await hoverMark(article, 'SO-02F');
    await expect.poll(async () => (await cardState(article))?.deviceId, { timeout: 10_000 }).toBe('sony-xperia-z1-f');
    await article.keyboard.press('Escape');
    await expect.poll(() => cardDialog(article)).toBeNull();
  });

  it('follows a device from the card, and the popup shows it followed on this page and under Following', async () => {
    const url = session.newsUrl('follow-article.html');
    const page = await session.openPage(url);
    await waitForMarks(page, 1);
    await hoverMark(page, `${picked.before.brand} ${picked.before.name}`);
    await expect.poll(async () => (await cardState(page))?.state, { timeout: 10_000 }).toBe('ready');
    expect((await cardState(page))!.deviceId).toBe(picked.before.id);
    await (await cardButton(page, say('cardFollow')))!.click();
    await expect.poll(async () => (await cardButton(page, say('cardFollowing'))) !== null).toBe(true);

    const popup = await session.openExtensionPage(`popup.html?tab=${await tabIdOf(session, url)}`);
    // "On this page" shows the follow made on the card, not the state the page was read with.
    const row = (await popup.waitForSelector(`#panel-page [data-device-id="${picked.before.id}"] button[aria-pressed]`, { timeout: 10_000 }))!;
    expect(await row.evaluate((b) => [b.getAttribute('aria-pressed'), (b as HTMLElement).innerText.trim()])).toEqual(['true', say('cardFollowing')]);
    await (await popup.waitForSelector('#tab-following'))!.click();
    await expect
      .poll(() => popup.$$eval('#panel-following [data-device-id]', (rows) => rows.map((r) => r.getAttribute('data-device-id'))), { timeout: 10_000 })
      .toEqual([picked.before.id]);
    await popup.close();
    await page.close();
  });

  it('finds a device in the popup by its model code, typo or not', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await (await popup.waitForSelector('#tab-search'))!.click();
    const box = (await popup.waitForSelector('input[type="search"]'))!;
    await box.type('C6903');
    const firstHit = () => popup.$eval('#panel-search [data-device-id] .app-device-name', (e) => e.textContent).catch(() => null);
    await expect.poll(firstHit, { timeout: 15_000 }).toBe('Sony Xperia Z1');
    expect(await popup.$eval('#panel-search', (e) => e.textContent)).toContain('Model code C6903');
    await box.click({ count: 3 });
    await box.type('xpreia z1 compact');
    await expect.poll(firstHit, { timeout: 10_000 }).toBe('Sony Xperia Z1 Compact');
    await popup.close();
  });

  it('turns a site off and on from the options page, clearing and restoring the marks', async () => {
    const options = await session.openExtensionPage('options.html');
    const toggle = await expect.poll(() => switchNamed(options, 'gsmarena.com'), { timeout: 10_000 }).not.toBeNull().then(() => switchNamed(options, 'gsmarena.com'));
    expect(await toggle!.evaluate((e) => e.getAttribute('aria-checked'))).toBe('true');
    await toggle!.click();
    await expect.poll(() => markedTexts(article), { timeout: 10_000 }).toBeNull();
    await toggle!.click();
    await expect.poll(async () => (await markedTexts(article)) ?? [], { timeout: 20_000 }).toEqual(SONY_MARKS);
    await options.close();
  });

  it('exports follows and settings to a file and imports them back after a reset', async () => {
    const options = await session.openExtensionPage('options.html');
    await (await byText(options, 'button', say('optionsExport')))!.click();
    await expect.poll(() => options.$eval('#data', (e) => e.textContent ?? ''), { timeout: 20_000 }).toContain(say('optionsExported'));
    const exportedFiles = () => readdirSync(session.downloadDir).filter((f) => /^specscout-.*\.json$/.test(f));
    await expect.poll(exportedFiles, { timeout: 20_000 }).toHaveLength(1);
    const exported = join(session.downloadDir, exportedFiles()[0]!);
    await expect.poll(() => existsSync(exported) && readFileSync(exported, 'utf8').includes(picked.before.id)).toBe(true);

    await session.ask('resetData', { keepFollows: false });
    expect(await session.ask<unknown[]>('listFollows')).toEqual([]);
    const input = (await options.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(exported);
    await expect.poll(() => options.$eval('#data', (e) => e.textContent ?? ''), { timeout: 20_000 }).toContain(say('optionsImported').split('$')[0]!.trim());
    const follows = await session.ask<{ summary: { id: string } }[]>('listFollows');
    expect(follows.map((f) => f.summary.id)).toEqual([picked.before.id]);
    await options.close();
  });

  // Applying a feed rewrites the changed records inside one transaction over the installed index.
  it('shows one notification when a feed moves the followed device from rumored to announced', async () => {
    const installed = (await session.ask<{ indexVersion: number }>('ping')).indexVersion;
    const body = JSON.stringify({ format: 1, kind: 'delta', baseVersion: installed, version: installed + 1, upsert: [picked.after], remove: [] });
    session.server.route('/feeds/update.json', (_req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
    const feedUrl = `${session.server.origin}/feeds/update.json`;
    await session.ask('setSettings', { patch: { feedUrls: [feedUrl] } });
    const reports = await session.ask<{ ok: boolean; source: string; toVersion?: number }[]>('checkNow');
    expect(reports).toEqual([expect.objectContaining({ ok: true, source: feedUrl, toVersion: installed + 1 })]);

    const notifications = () => session.inExtension(async () => Object.keys((await chrome.notifications.getAll()) as Record<string, boolean>));
    await expect.poll(notifications, { timeout: 10_000 }).toHaveLength(1);
    expect((await notifications())[0]).toMatch(new RegExp(`^specscout\\|device\\|${picked.before.id}\\|`));
    const follows = await session.ask<{ summary: { status: string }; unseenChanges: { kind: string }[] }[]>('listFollows');
    expect(follows[0]?.summary.status).toBe('announced');
    expect(follows[0]?.unseenChanges.map((c) => c.kind)).toEqual(['status']);
  }, 120_000);
});
