// Marking and the hover card in real Chromium with the built extension: every expected name is
// highlighted through the CSS Custom Highlight API, the page's DOM is left exactly as it was (but for
// the card's host), pages that grow or re-render are followed, editable areas are left alone, and the
// card opens on hover and on the keyboard command with the right device and status.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CardProbe } from './card-probe';
import { launch, type Session } from './browser';

const SHOTS = 'docs/screenshots';

/** The marked texts in document order, read from the page's own world (the registry is per document). */
function markedTexts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('specscout');
    if (!highlight) return null;
    const ranges = [...(highlight as unknown as Set<Range>)];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

/** The DOM as markup, without the card's host: what must be identical with and without SpecScout. */
function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll('specscout-card')) host.remove();
    return new XMLSerializer().serializeToString(clone);
  });
}

/** Centre of the first box of the n-th range whose text is `text`. */
function markCentre(page: Page, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([wanted, index]) => {
      const highlight = CSS.highlights.get('specscout');
      const ranges = [...((highlight ?? new Set()) as unknown as Set<Range>)]
        .filter((r) => r.toString() === wanted)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index as number];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [text, nth] as const,
  );
}

async function waitForMarks(page: Page, atLeast: number): Promise<string[]> {
  await expect.poll(async () => (await markedTexts(page))?.length ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(atLeast);
  return (await markedTexts(page)) ?? [];
}

/** The card, through the tests' own way into its closed shadow root (card-probe.ts). */
const card = (page: Page) => new CardProbe(page);

describe('marking names on a page and the hover card', () => {
  let session: Session;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('highlights every device name in the article, and none in code, hidden text or the title', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    const texts = await waitForMarks(page, 7);
    expect(texts).toEqual(['Xperia Z1', 'Xperia Z1 Mini', 'Honami Mini', 'Xperia Z1 f', 'SO-02F', 'Xperia Z1', 'C6903']);
    await page.screenshot({ path: `${SHOTS}/page.png` });
    await page.close();
  });

  it('leaves the DOM exactly as a browser without SpecScout renders it, card open or not', async () => {
    const plain = await session.context.newPage();
    await plain.goto(`${session.server.origin}/sony-article.html`);
    const expected = await serializeDom(plain);
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    expect(await serializeDom(page)).toBe(expected);
    const at = await markCentre(page, 'Xperia Z1 Mini');
    await page.mouse.move(at!.x, at!.y);
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await serializeDom(page)).toBe(expected);
    expect(await page.evaluate(() => document.querySelectorAll('specscout-card').length)).toBe(1);
    await plain.close();
    await page.close();
  });

  it('opens the card on hover with the device, its status then and now, and why the name matched', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    const at = await markCentre(page, 'Xperia Z1 Mini');
    await page.mouse.move(at!.x - 20, at!.y);
    await page.mouse.move(at!.x, at!.y);
    const dialog = card(page);
    await expect.poll(() => dialog.attr('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await dialog.attr('data-device-id')).toBe('sony-xperia-z1-compact');
    expect(await dialog.attr('aria-label')).toContain('Xperia Z1 Compact');
    const text = await dialog.text();
    expect(text).toContain('Xperia Z1 Compact');
    expect(text).toMatch(/At the time of this article: rumored[^.]*\. Now: released/);
    expect(text).toContain('Xperia Z1 Mini');
    expect(text).toContain('Not this device');
    // The card sits inside the viewport, beside the name.
    const box = (await dialog.box())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await dialog.screenshot(`${SHOTS}/card-light.png`);

    // Moving into the card keeps it open; leaving both closes it after the grace period; Escape closes it.
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(500);
    expect(await dialog.count()).toBe(1);
    await page.mouse.move(5, 890);
    await expect.poll(() => dialog.count(), { timeout: 3000 }).toBe(0);
    await page.mouse.move(at!.x, at!.y);
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('renders the card in dark mode, styled in px whatever the page root font size', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '40px';
    });
    const at = await markCentre(page, 'SO-02F');
    await page.mouse.move(at!.x, at!.y);
    const dialog = card(page);
    await expect.poll(() => dialog.attr('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await dialog.attr('data-device-id')).toBe('sony-xperia-z1-f');
    expect(await dialog.text()).toMatch(/model code SO-02F/i);
    const look = await dialog.read((el) => {
      const style = getComputedStyle(el);
      return { width: style.width, fontSize: style.fontSize, background: style.backgroundColor };
    });
    expect(look).toEqual({ width: '340px', fontSize: '13px', background: 'rgb(30, 33, 39)' });
    await dialog.screenshot(`${SHOTS}/card-dark.png`);
    await page.close();
  });

  it('opens the card from the keyboard command for the name at the selection, focused', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('specscout') as unknown as Set<Range>)].filter((r) => r.toString() === 'C6903');
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      const caret = document.createRange();
      caret.setStart(ranges[0]!.startContainer, ranges[0]!.startOffset + 2);
      selection.addRange(caret);
    });
    // What the worker's commands.onCommand listener sends to the active tab.
    const sent = await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { specscout: 1, type: 'openCardAtSelection', data: {} });
    });
    expect(sent).toEqual({ ok: true, value: { opened: true } });
    const dialog = card(page);
    await expect.poll(() => dialog.attr('data-device-id')).toBe('sony-xperia-z1');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('specscout-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('answers the popup with the devices on the page in order of first appearance', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    const reply = await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { specscout: 1, type: 'pageDevices', data: {} });
    });
    expect(reply.value.ids).toEqual(['sony-xperia-z1', 'sony-xperia-z1-compact', 'sony-xperia-z1-f']);
    expect(reply.value.summaries.map((s: { id: string }) => s.id).sort()).toEqual(['sony-xperia-z1', 'sony-xperia-z1-compact', 'sony-xperia-z1-f']);
    await page.close();
  });

  it('follows a live blog as it grows: new entries, text edited in place, appended sections', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('live-blog.html'));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.fixtureDone ?? null), { timeout: 10_000 }).toBe('1');
    await expect
      .poll(async () => (await markedTexts(page)) ?? [], { timeout: 10_000 })
      .toEqual([
        'Xiaomi 14 Ultra',
        'Nothing Phone (2)',
        'OnePlus 12',
        'Apple iPhone 15 Pro',
        'SM-S928B',
        'Samsung Galaxy S24 Ultra',
        'Pixel 8 Pro',
        'Pixel 8 Pro',
        'Galaxy S24 Ultra',
      ]);
    const plain = await session.context.newPage();
    await plain.goto(`${session.server.origin}/live-blog.html`);
    await expect.poll(() => plain.evaluate(() => document.documentElement.dataset.fixtureDone ?? null), { timeout: 10_000 }).toBe('1');
    expect(await serializeDom(page)).toBe(await serializeDom(plain));
    await page.close();
    await plain.close();
  });

  it('re-marks a page whose framework replaces the server-rendered nodes, leaving no dead marks', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('hydrate.html'));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.fixtureDone ?? null), { timeout: 10_000 }).toBe('1');
    await expect
      .poll(async () => (await markedTexts(page)) ?? [], { timeout: 10_000 })
      .toEqual(['Samsung Galaxy S24 Ultra', 'Apple iPhone 15 Pro', 'Pixel 8 Pro']);
    const allConnected = await page.evaluate(() =>
      [...(CSS.highlights.get('specscout') as unknown as Set<Range>)].every((r) => r.startContainer.isConnected && !r.collapsed),
    );
    expect(allConnected).toBe(true);
    await page.close();
  });

  it('starts over on single-page-app navigation and marks the new article', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('spa.html'));
    await expect.poll(async () => (await markedTexts(page)) ?? [], { timeout: 40_000 }).toEqual(['Pixel 8 Pro']);
    await page.click('#next');
    await expect.poll(async () => (await markedTexts(page)) ?? [], { timeout: 10_000 }).toEqual(['OnePlus 12', 'Xiaomi 14 Ultra']);
    const reply = await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { specscout: 1, type: 'pageDevices', data: {} });
    });
    expect(reply.value.url).toMatch(/\/spa-next\.html$/);
    expect(reply.value.ids).toEqual(['oneplus-12', 'xiaomi-14-ultra']);
    await page.close();
  });

  it('never marks inside form fields or editable regions, even while the reader types', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('editable.html'));
    await waitForMarks(page, 1);
    await page.click('#editor p');
    await page.keyboard.type(' And the Pixel 8 Pro too.');
    await page.waitForTimeout(1200);
    expect(await markedTexts(page)).toEqual(['Pixel 8 Pro']);
    await page.close();
  });

  it('drops a rejected match at once and remembers it for the site', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await waitForMarks(page, 7);
    const at = await markCentre(page, 'C6903');
    await page.mouse.move(at!.x, at!.y);
    const dialog = card(page);
    await expect.poll(() => dialog.attr('data-state'), { timeout: 10_000 }).toBe('ready');
    // Actions count once the card has been seen unobscured for a moment (entrypoints/content/click-guard.ts).
    await expect.poll(() => dialog.seen(), { timeout: 5000 }).toBe(true);
    await dialog.click('Not this device');
    await expect.poll(async () => (await markedTexts(page)) ?? []).toEqual(['Xperia Z1 Mini', 'Honami Mini', 'Xperia Z1 f', 'SO-02F']);
    expect(await dialog.count()).toBe(0);
    await page.reload();
    await waitForMarks(page, 4);
    await page.waitForTimeout(500);
    expect(await markedTexts(page)).toEqual(['Xperia Z1 Mini', 'Honami Mini', 'Xperia Z1 f', 'SO-02F']);
    await page.close();
  });
});
