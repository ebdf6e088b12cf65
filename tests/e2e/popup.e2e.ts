// The popup in real Chromium with the built extension: this article's devices in order, following one,
// search by a model code, the full record (with where the reader read about it), comparison, and
// screenshots in light and dark.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser';
import { openArticle, openPopupFor } from './popup-helpers';

const SHOTS = 'docs/screenshots';
describe('the popup', () => {
  let session: Session;
  let tabId: number;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch();
    ({ tabId } = await openArticle(session, 100_000));
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it("lists the article's devices in order of first mention, with status and key specs", async () => {
    const popup = await openPopupFor(session, tabId);
    const rows = popup.locator('[data-device-id]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const names = await popup.locator('[data-device-id] .app-device-name').allTextContents();
    expect(names[0]).toBe('Sony Xperia Z1');
    expect(names).toContain('Sony Xperia Z1 Compact');
    expect(new Set(names).size).toBe(names.length);
    await expect.poll(() => popup.locator('#site-switch').getAttribute('aria-checked')).toBe('true');
    expect(await rows.first().locator('.ss-badge').first().textContent()).toMatch(/Released|Announced|Rumored/);
    await popup.screenshot({ path: `${SHOTS}/popup-light.png` });
    await popup.close();
  });

  it('follows a device, and lists it under Following', async () => {
    const popup = await openPopupFor(session, tabId);
    const follow = popup.locator('[data-device-id] button[aria-pressed]').first();
    await follow.waitFor({ timeout: 15_000 });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    await popup.getByRole('tab', { name: 'Following' }).click();
    await expect.poll(() => popup.locator('#panel-following [data-device-id] .app-device-name').allTextContents()).toEqual(['Sony Xperia Z1']);
    await popup.close();
  });

  it('finds a device by its model code as the reader types, typo or not', async () => {
    const popup = await openPopupFor(session, tabId);
    await popup.getByRole('tab', { name: 'Search' }).click();
    const box = popup.getByRole('searchbox');
    await box.fill('C6903');
    await expect.poll(() => popup.locator('#panel-search [data-device-id] .app-device-name').first().textContent(), { timeout: 15_000 }).toBe('Sony Xperia Z1');
    expect(await popup.locator('#panel-search').textContent()).toContain('Model code C6903');
    await box.fill('xpreia z1 compact');
    await expect.poll(() => popup.locator('#panel-search [data-device-id] .app-device-name').first().textContent()).toBe('Sony Xperia Z1 Compact');
    await popup.close();
  });

  it('opens the full record from search, with specs, names, timeline and the article the reader opened', async () => {
    const popup = await openPopupFor(session, tabId);
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.getByRole('searchbox').fill('C6903');
    const link = popup.locator('#panel-search [data-device-id] .app-device-name').first();
    await expect.poll(() => link.textContent(), { timeout: 15_000 }).toBe('Sony Xperia Z1');
    await link.click();
    await popup.waitForURL(/device=/);
    await expect.poll(() => popup.locator('#record-title').textContent()).toBe('Sony Xperia Z1');
    for (const heading of ['Specifications', 'Release status', 'Also known as', 'Rumors and how they turned out', 'Where you read about it']) {
      expect(await popup.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    expect(await popup.locator('#sec-names + ul').textContent()).toContain('C6903');
    await expect
      .poll(() => popup.locator('section[aria-labelledby="sec-reading"]').textContent(), { timeout: 10_000 })
      .toContain('A smaller Xperia is coming, say leakers');
    // Devices named in the same article are what it was compared with.
    await expect.poll(() => popup.locator('section[aria-labelledby="sec-compared"] a').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('compares three devices side by side in a 400 px popup, differences highlighted, no sideways scroll', async () => {
    const popup = await openPopupFor(session, tabId);
    // Chrome's toolbar popup is at most 800 px wide; ours is laid out for 400.
    await popup.setViewportSize({ width: 400, height: 600 });
    const boxes = popup.locator('[data-device-id] input[type="checkbox"]');
    await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await popup.getByRole('link', { name: 'Compare side by side' }).click();
    await popup.waitForURL(/compare=/);
    const headers = popup.locator('table.app-compare thead th');
    await expect.poll(() => headers.count(), { timeout: 10_000 }).toBe(3);
    const differing = popup.locator('tbody tr[data-differs="true"]');
    expect(await differing.count()).toBeGreaterThan(0);
    expect(await differing.first().locator('td.app-diff').count()).toBe(3);
    const fit = await popup.evaluate(() => {
      const table = document.querySelector('table.app-compare')!.getBoundingClientRect();
      const page = document.scrollingElement!;
      return { scrollWidth: page.scrollWidth, clientWidth: page.clientWidth, tableRight: Math.ceil(table.right) };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.tableRight).toBeLessThanOrEqual(400);
    await popup.screenshot({ path: `${SHOTS}/compare-light.png` });
    await popup.close();
  });
});
