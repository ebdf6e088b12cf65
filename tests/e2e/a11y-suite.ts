// The accessibility suite (axe-core over the popup's views and the options page), shared by the light
// and dark runs, which are separate files so each gets a fresh browser process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser';
import { axeViolations, openArticle, openPopupFor } from './popup-helpers';

export function accessibilitySuite(colorScheme: 'light' | 'dark'): void {
  describe(`accessibility (${colorScheme})`, () => {
    let session: Session;
    let tabId: number;
    let ids: string[] = [];
    beforeAll(async () => {
      session = await launch({ colorScheme });
      ({ tabId } = await openArticle(session, 100_000));
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    });

    it('finds no violations in the popup with the page devices listed', async () => {
      const popup = await openPopupFor(session, tabId);
      await popup.locator('[data-device-id]').first().waitFor({ timeout: 15_000 });
      ids = await popup.locator('[data-device-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-device-id')!));
      // A picked device shows the comparison bar too.
      await popup.locator('[data-device-id] input[type="checkbox"]').first().check();
      expect(await axeViolations(popup)).toEqual([]);
    });

    it('finds no violations in search results, following, the record and the comparison', async () => {
      const popup = await openPopupFor(session, tabId);
      await popup.getByRole('tab', { name: 'Search' }).click();
      await popup.getByRole('searchbox').fill('xperia');
      await popup.locator('#panel-search [data-device-id]').first().waitFor({ timeout: 15_000 });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.getByRole('tab', { name: 'Following' }).click();
      await popup.locator('#panel-following .app-state, #panel-following [data-device-id]').first().waitFor();
      expect(await axeViolations(popup)).toEqual([]);

      const record = await openPopupFor(session, tabId, `&device=${ids[0]}`);
      await record.locator('section[aria-labelledby="sec-reading"] [role="switch"]').waitFor({ timeout: 15_000 });
      expect(await axeViolations(record)).toEqual([]);

      const compare = await openPopupFor(session, tabId, `&compare=${ids.slice(0, 2).join(',')}`);
      await compare.locator('table.app-compare').waitFor({ timeout: 15_000 });
      expect(await axeViolations(compare)).toEqual([]);
    });

    it('finds no violations in the options page', async () => {
      const options = await session.openOptions();
      await options.locator('#data dl').waitFor({ timeout: 15_000 });
      await options.locator('#notifications [role="switch"]').first().waitFor();
      expect(await axeViolations(options)).toEqual([]);
    });
  });
}
