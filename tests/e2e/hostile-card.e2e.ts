// A page that tries to act for the reader through the hover card, in real Chromium with the built
// extension: synthetic pointer events open nothing, the card's DOM is out of page script's reach (so
// neither its buttons nor what the reader follows are), synthetic clicks and keys change nothing, the
// worker bounds record tabs, a real click through an opaque top-layer ad lands on nothing, and the page
// never receives a window message naming the extension. Follows are read back from the worker.
// Build first: `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';
import { CardProbe } from './card-probe';
import { RECORD_TABS_PER_MINUTE } from '../../entrypoints/background/open-record';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const FOLLOW = MESSAGES.cardFollow!.message;
const FULL_RECORD = MESSAGES.cardOpenRecord!.message;
const NOT_ON_SITE = MESSAGES.cardNotOnThisSite!.message;

interface Attack {
  hover(name: string, ms?: number): Promise<number>;
  reach(): { host: string | null; shadowRoot: string; hostChildren: number; dialogs: number; pressed: number; buttons: string[] };
  clickEverywhere(): Promise<number>;
  shape(): string;
  cover(liftOnPress?: boolean): void;
  uncover(): void;
}

/** Runs one of the fixture's attacks in the page's own world, as the page's script would. */
function attack<K extends keyof Attack>(page: Page, name: K, ...args: Parameters<Attack[K]>): Promise<Awaited<ReturnType<Attack[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const fn = (window as unknown as { __attack: Record<string, (...x: unknown[]) => unknown> }).__attack[n as string]!;
      return fn(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Attack[K]>>>;
}

describe('a page acting on the card as the reader', () => {
  let session: Session;
  /** An extension page kept open behind the article: asking the worker from it moves no focus, closes no card. */
  let extension: Page;

  beforeAll(async () => {
    session = await launch();
    extension = await session.openPopup();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function background<T>(type: string, data: unknown = {}): Promise<T> {
    const reply = await extension.evaluate(([t, d]) => chrome.runtime.sendMessage({ specscout: 1, type: t, data: d }), [type, data] as const);
    return reply as T;
  }

  const follows = async () => (await background<{ value: { summary: { id: string } }[] }>('listFollows')).value.map((f) => f.summary.id);
  const recordTabs = () => session.context.pages().filter((p) => p.url().includes('/popup.html?device=')).length;
  // (The extension page kept open is popup.html without a device.)

  async function openArticle(): Promise<{ page: Page; probe: CardProbe }> {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('hostile-card.html'));
    await page.bringToFront();
    await expect
      .poll(() => page.evaluate(() => [...((CSS.highlights.get('specscout') ?? []) as Iterable<Range>)].map((r) => r.toString())), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['Xperia Z1', 'Xperia Z1 Mini', 'SO-02F']));
    return { page, probe: new CardProbe(page) };
  }

  /** Opens the card by a real hover (trusted input) and waits until its actions count. */
  async function hoverOpen(page: Page, probe: CardProbe, name: string): Promise<void> {
    const at = await page.evaluate((wanted) => {
      const range = [...((CSS.highlights.get('specscout') ?? []) as Iterable<Range>)].find((r) => r.toString() === wanted)!;
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, name);
    await page.mouse.move(at.x - 20, at.y);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => probe.attr('data-state'), { timeout: 10_000 }).toBe('ready');
  }

  it('opens no card for synthetic pointer events, and page script cannot reach, click or key the card', async () => {
    const { page, probe } = await openArticle();
    expect(await attack(page, 'hover', 'Xperia Z1 Mini', 1500)).toBeGreaterThan(20);
    expect(await probe.count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('specscout-card'))).toBeNull();

    await hoverOpen(page, probe, 'Xperia Z1 Mini');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(true);
    // The host is there, but nothing inside it is.
    expect(await attack(page, 'reach')).toEqual({ host: 'specscout-card', shadowRoot: 'null', hostChildren: 0, dialogs: 0, pressed: 0, buttons: [] });
    expect(await attack(page, 'clickEverywhere')).toBeGreaterThan(50);
    expect(await probe.count()).toBe(1);
    expect(await follows()).toEqual([]);
    expect(recordTabs()).toBe(0);
    expect((await background<{ value: { disabledSites: string[] } }>('getSettings')).value.disabledSites).toEqual([]);

    // The reader's own click works, and all the page learns of it is that the card's host was clicked.
    await probe.click(FOLLOW);
    await expect.poll(follows).toEqual(['sony-xperia-z1-compact']);
    const paths = await page.evaluate(() => (window as unknown as { __clickPaths: string[][] }).__clickPaths);
    expect(paths.at(-1)).toEqual(['SPECSCOUT-CARD', 'BODY', 'HTML', '#document', '[object Window]']);
    await background('setFollow', { id: 'sony-xperia-z1-compact', follow: false });
    await page.close();
  });

  it('shows page script the same card whether the reader follows the device or not', async () => {
    const shapes: string[] = [];
    const sizes: unknown[] = [];
    for (const following of [false, true]) {
      await background('setFollow', { id: 'sony-xperia-z1-compact', follow: following });
      const { page, probe } = await openArticle();
      await hoverOpen(page, probe, 'Xperia Z1 Mini');
      expect(await probe.read((card) => card.querySelector('[aria-pressed]')?.getAttribute('aria-pressed'))).toBe(String(following));
      shapes.push(await attack(page, 'shape'));
      sizes.push(await probe.box());
      expect(await attack(page, 'reach')).toMatchObject({ shadowRoot: 'null', pressed: 0 });
      await page.close();
    }
    expect(shapes[0]).toContain('1');
    expect(shapes[1]).toBe(shapes[0]);
    expect(sizes[1]).toEqual(sizes[0]);
    await background('setFollow', { id: 'sony-xperia-z1-compact', follow: false });
  });

  it('opens one record tab per card open, and the worker no more than its limit a minute', async () => {
    const { page, probe } = await openArticle();
    await hoverOpen(page, probe, 'SO-02F');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(true);
    const at = (await probe.controlCentre(FULL_RECORD))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(recordTabs).toBe(1);
    // The card closed with its tab: clicking the same place again opens nothing more.
    expect(await probe.count()).toBe(0);
    await page.bringToFront();
    await page.mouse.click(at.x, at.y);

    // However many a content script asks for, the worker opens at most its limit in a minute.
    const replies = await extension.evaluate(
      (id) => Promise.all(Array.from({ length: 12 }, () => chrome.runtime.sendMessage({ specscout: 1, type: 'openRecord', data: { id } }))),
      'sony-xperia-z1-f',
    );
    expect(replies.filter((r: { ok: boolean }) => r.ok)).toHaveLength(RECORD_TABS_PER_MINUTE - 1);
    await expect.poll(recordTabs).toBe(RECORD_TABS_PER_MINUTE);
    for (const tab of session.context.pages().filter((p) => p.url().includes('/popup.html?device='))) await tab.close();
    await page.close();
  });

  it('ignores a real click through an opaque top-layer ad over Follow, and one the ad uncovers as the reader presses', async () => {
    const { page, probe } = await openArticle();
    await hoverOpen(page, probe, 'Xperia Z1 Mini');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(true);
    const follow = (await probe.controlCentre(FOLLOW))!;

    await attack(page, 'cover');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(false);
    // The reader sees only the ad ("Close ad" where Follow is) and clicks it, for real.
    await page.waitForTimeout(800);
    await page.mouse.click(follow.x, follow.y);
    expect(await probe.attr('data-refused')).toBe('too-soon');
    await page.mouse.click(follow.x, follow.y);

    // The ad lifts the moment the reader presses: the card is uncovered when the click lands, but was not seen.
    await attack(page, 'uncover');
    await attack(page, 'cover', true);
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(false);
    await probe.read((card) => card.removeAttribute('data-refused'));
    await page.mouse.click(follow.x, follow.y);
    expect(await probe.attr('data-refused')).toBe('too-soon');
    expect(await probe.count()).toBe(1);
    expect(await follows()).toEqual([]);

    // "Don't mark on this site" is guarded the same way.
    await attack(page, 'cover');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(false);
    const notOnSite = (await probe.controlCentre(NOT_ON_SITE))!;
    await page.mouse.click(notOnSite.x, notOnSite.y);
    expect(await probe.attr('data-refused')).toBe('too-soon');
    expect(await probe.count()).toBe(1);
    expect((await background<{ value: { disabledSites: string[] } }>('getSettings')).value.disabledSites).toEqual([]);

    // Once the ad is gone and the card has been seen, the reader's click counts.
    await attack(page, 'uncover');
    await expect.poll(() => probe.seen(), { timeout: 5000 }).toBe(true);
    await probe.click(FOLLOW);
    await expect.poll(follows).toEqual(['sony-xperia-z1-compact']);
    await background('setFollow', { id: 'sony-xperia-z1-compact', follow: false });
    await page.close();
  });

  it('never posts the page a window message that names the extension', async () => {
    const { page } = await openArticle();
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(session.extensionId))).toEqual([]);
    await page.close();
  });
});
