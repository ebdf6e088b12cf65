// The accessibility suite, shared by the light and dark runs (separate files so each gets a fresh
// browser process): axe-core over the popup's views, the options page and the hover card, and the
// contrast of every text and control measured from computed styles (tests/e2e/contrast.ts), which
// catches what axe cannot tell (it passed a link drawn in its own background colour).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';
import { cardContrastFailures, contrastFailures } from './contrast';
import { axeViolations, openArticle, openCardOnFirstMark, openPopupFor } from './popup-helpers';

/** axe finds nothing and every text and control has the contrast WCAG AA asks for. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await contrastFailures(page)).toEqual([]);
}

export function accessibilitySuite(colorScheme: 'light' | 'dark'): void {
  describe(`accessibility (${colorScheme})`, () => {
    let session: Session;
    let tabId: number;
    let article: Page;
    let ids: string[] = [];
    beforeAll(async () => {
      session = await launch({ colorScheme });
      ({ tabId, page: article } = await openArticle(session, 100_000));
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    });

    it('the contrast probe reports exactly the known failures of its fixture page', async () => {
      const page = await session.context.newPage();
      await page.goto(`${session.server.origin}/contrast-cases.html`);
      const expected = await page.evaluate(
        (dark) =>
          [...document.querySelectorAll(dark ? '[data-fails], [data-fails-dark]' : '[data-fails]')].map((el) => ({
            kind: el.getAttribute('data-fails') ?? el.getAttribute('data-fails-dark'),
            text: el.getAttribute('placeholder') ?? (el.textContent ?? '').trim(),
          })),
        colorScheme === 'dark',
      );
      const found = (await contrastFailures(page)).map((f) => ({ kind: f.kind, text: /"(.*)"$/.exec(f.where)?.[1] ?? '' }));
      expect(found).toEqual(expected);
      await page.close();
    });

    it('finds no violations in the popup with the page devices listed', async () => {
      const popup = await openPopupFor(session, tabId);
      await popup.locator('[data-device-id]').first().waitFor({ timeout: 15_000 });
      ids = await popup.locator('[data-device-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-device-id')!));
      await expectAccessible(popup);
      // Two picked devices show the comparison bar with its "Compare side by side" link.
      await popup.locator('[data-device-id] input[type="checkbox"]').nth(0).check();
      await popup.locator('[data-device-id] input[type="checkbox"]').nth(1).check();
      await popup.getByRole('link', { name: 'Compare side by side' }).waitFor();
      await expectAccessible(popup);
      // The site turned off: "Marking is off" with Undo, then back on.
      await popup.locator('#site-switch').click();
      const undo = popup.locator('.app-notice').getByRole('button', { name: 'Undo' });
      await undo.waitFor();
      await expectAccessible(popup);
      await undo.click();
      await popup.locator('[data-device-id]').first().waitFor({ timeout: 15_000 });
    });

    it('finds no violations in search results, following, the record and the comparison', async () => {
      const popup = await openPopupFor(session, tabId);
      await popup.getByRole('tab', { name: 'Search' }).click();
      await popup.getByRole('searchbox').fill('xperia');
      await popup.locator('#panel-search [data-device-id]').first().waitFor({ timeout: 15_000 });
      await expectAccessible(popup);
      await popup.getByRole('tab', { name: 'Following' }).click();
      await popup.locator('#panel-following .app-state, #panel-following [data-device-id]').first().waitFor();
      await expectAccessible(popup);

      const record = await openPopupFor(session, tabId, `&device=${ids[0]}`);
      await record.locator('section[aria-labelledby="sec-reading"] [role="switch"]').waitFor({ timeout: 15_000 });
      await expectAccessible(record);

      const compare = await openPopupFor(session, tabId, `&compare=${ids.slice(0, 2).join(',')}`);
      await compare.locator('table.app-compare').waitFor({ timeout: 15_000 });
      await expectAccessible(compare);
    });

    it('finds no violations in the options page', async () => {
      const options = await session.openOptions();
      await options.locator('#data dl').waitFor({ timeout: 15_000 });
      await options.locator('#notifications [role="switch"]').first().waitFor();
      await expectAccessible(options);
    });

    it('gives every text and control of the hover card enough contrast', async () => {
      const card = await openCardOnFirstMark(article);
      expect(await cardContrastFailures(card)).toEqual([]);
      await card.close();
    });
  });
}
