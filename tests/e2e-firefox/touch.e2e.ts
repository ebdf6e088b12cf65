// Firefox for Android, emulated in desktop Firefox (no device at hand): a 360 px wide touch screen. A tap
// on a marked name opens its card (phones have no hover), lifting the finger leaves it open, a tap
// elsewhere closes it, a tap on a linked name is the link's, and the card and the popup fit the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { cardDialog, cardState, launchFirefox, markCentre, tabIdOf, waitForMarks, type FirefoxSession } from './firefox';

const PHONE = { width: 360, height: 740, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** How far the page's content reaches sideways: more than the screen means a sideways scroll. */
function contentWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** A point of the screen on no marked name, no link or control, and off the card's box. */
async function blankPoint(page: Page, card: { x: number; y: number; width: number; height: number }): Promise<{ x: number; y: number }> {
  const found = await page.evaluate((avoid: { x: number; y: number; width: number; height: number }) => {
    const marks = [...((CSS.highlights.get('specscout') ?? new Set()) as unknown as Set<Range>)].flatMap((r) => [...r.getClientRects()]);
    const inside = (x: number, y: number, b: { left: number; top: number; right: number; bottom: number }) =>
      x >= b.left - 4 && x <= b.right + 4 && y >= b.top - 4 && y <= b.bottom + 4;
    const cardBox = { left: avoid.x, top: avoid.y, right: avoid.x + avoid.width, bottom: avoid.y + avoid.height };
    for (let y = 20; y < innerHeight - 20; y += 30) {
      for (let x = 20; x < innerWidth - 20; x += 40) {
        if (inside(x, y, cardBox) || marks.some((box) => inside(x, y, box))) continue;
        if (document.elementFromPoint(x, y)?.closest('a, button, input, select, textarea, label, summary, [onclick]')) continue;
        return { x, y };
      }
    }
    return null;
  }, card);
  if (!found) throw new Error('no blank point on the screen');
  return found;
}

describe('Firefox for Android: touch', () => {
  let session: FirefoxSession;
  let article: Page;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens the card on a tap on a name, keeps it when the finger lifts, and fits it on a 360 px screen', async () => {
    article = await session.openPage(session.newsUrl('sony-article.html'));
    await article.setViewport(PHONE);
    await waitForMarks(article, 7);
    const at = (await markCentre(article, 'Xperia Z1 Mini'))!;
    await article.touchscreen.tap(at.x, at.y);
    await expect.poll(async () => (await cardState(article))?.state, { timeout: 10_000 }).toBe('ready');
    expect((await cardState(article))!.deviceId).toBe('sony-xperia-z1-compact');
    const box = (await (await cardDialog(article))!.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // Past the hover close grace period: a lifted finger is not a pointer that left.
    await new Promise((done) => setTimeout(done, 800));
    expect(await cardDialog(article)).not.toBeNull();
  });

  it('closes on a tap outside name and card, and opens another name on a tap on it', async () => {
    const card = (await (await cardDialog(article))!.boundingBox())!;
    const blank = await blankPoint(article, card);
    await article.touchscreen.tap(blank.x, blank.y);
    await expect.poll(() => cardDialog(article), { timeout: 5000 }).toBeNull();
    const other = (await markCentre(article, 'SO-02F'))!;
    await article.touchscreen.tap(other.x, other.y);
    await expect.poll(async () => (await cardState(article))?.deviceId, { timeout: 10_000 }).toBe('sony-xperia-z1-f');
  });

  it('leaves a tap on a linked name to its link', async () => {
    const blank = await blankPoint(article, (await (await cardDialog(article))!.boundingBox())!);
    await article.touchscreen.tap(blank.x, blank.y);
    await expect.poll(() => cardDialog(article), { timeout: 5000 }).toBeNull();
    const linked = (await markCentre(article, 'C6903'))!;
    await article.touchscreen.tap(linked.x, linked.y);
    await expect.poll(() => article.evaluate(() => location.pathname).catch(() => null), { timeout: 10_000 }).toBe('/review');
    await article.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(article, 7);
  });

  it('shows the popup within a 360 px wide screen', async () => {
    const popup = await session.openExtensionPage(`popup.html?tab=${await tabIdOf(session, session.newsUrl('sony-article.html'))}`);
    // Width and height only: puppeteer reloads a page whose touch emulation changes, and a moz-extension://
    // reload is never reported finished over BiDi (see openExtensionPage).
    await popup.setViewport({ width: PHONE.width, height: PHONE.height });
    await popup.waitForSelector('#panel-page [data-device-id]', { timeout: 15_000 });
    expect(await contentWidth(popup)).toBeLessThanOrEqual(PHONE.width);
    await (await popup.waitForSelector('#tab-search'))!.click();
    await (await popup.waitForSelector('input[type="search"]'))!.type('Xperia Z1');
    await popup.waitForSelector('#panel-search [data-device-id]', { timeout: 15_000 });
    expect(await contentWidth(popup)).toBeLessThanOrEqual(PHONE.width);
    await popup.close();
  });
});
