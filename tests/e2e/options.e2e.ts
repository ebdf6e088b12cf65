// The options page in real Chromium: changes take effect on an open article at once (mark style off,
// a site turned off), the Data section shows the installed index and its licences; screenshot.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';
import { openArticle } from './popup-helpers';

const SHOTS = 'docs/screenshots';

/** The mark rules the content script adopted into the article's document. */
function markRules(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
  );
}

function markCount(page: Page): Promise<number> {
  return page.evaluate(() => (CSS.highlights.get('specscout') as unknown as Set<Range> | undefined)?.size ?? 0);
}

describe('the options page', () => {
  let session: Session;
  let article: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch();
    ({ page: article } = await openArticle(session, 100_000));
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('turns marks off on the open article when the style is set to Off, and back on', async () => {
    expect(await markRules(article)).toContain('::highlight(specscout)');
    const options = await session.openOptions();
    await options.getByRole('radio', { name: 'Off (no marks)' }).check();
    await expect.poll(() => markRules(article), { timeout: 10_000 }).not.toContain('::highlight(specscout)');
    await options.getByRole('radio', { name: 'Background' }).check();
    await expect.poll(() => markRules(article), { timeout: 10_000 }).toContain('background-color');
    await options.getByRole('radio', { name: 'Underline' }).check();
    await expect.poll(() => markRules(article), { timeout: 10_000 }).toContain('underline');
    await options.close();
  });

  it('clears the marks when the reader turns the site off, and marks again when turned back on', async () => {
    expect(await markCount(article)).toBeGreaterThan(0);
    const options = await session.openOptions();
    const site = options.getByRole('switch', { name: 'gsmarena.com' });
    expect(await site.getAttribute('aria-checked')).toBe('true');
    await site.click();
    await expect.poll(() => site.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => markCount(article), { timeout: 10_000 }).toBe(0);
    await site.click();
    await expect.poll(() => markCount(article), { timeout: 20_000 }).toBeGreaterThan(0);
    await options.close();
  });

  it('shows the installed index, its sources and licences, and the current shortcut', async () => {
    const options = await session.openOptions();
    await options.setViewportSize({ width: 900, height: 1000 });
    const data = options.locator('#data');
    await expect.poll(() => data.textContent(), { timeout: 10_000 }).toContain('CC-BY-SA-4.0');
    const text = (await data.textContent()) ?? '';
    expect(text).toContain('MIT');
    expect(text).toMatch(/[1-9][\d,]* devices, [1-9][\d,]* names/);
    expect(await options.locator('#marking kbd').textContent()).toBe('Alt+Shift+S');
    await options.screenshot({ path: `${SHOTS}/options.png` });
    await options.close();
  });
});
