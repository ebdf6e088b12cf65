// The popup in dark mode follows the system theme (a file of its own: one browser per file).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser';
import { openArticle, openPopupFor } from './popup-helpers';

const SHOTS = 'docs/screenshots';

describe('the popup in dark mode', () => {
  let session: Session;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('follows the system theme', async () => {
    const { tabId } = await openArticle(session, 100_000);
    const popup = await openPopupFor(session, tabId);
    await popup.locator('[data-device-id]').first().waitFor({ timeout: 15_000 });
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(30, 33, 39)');
    await popup.screenshot({ path: `${SHOTS}/popup-dark.png` });
  }, 120_000);
});
