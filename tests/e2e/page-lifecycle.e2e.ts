// The content script's life beyond one page view, in real Chromium: settings changed in the popup or
// options reach open tabs at once (mark style, turning a site off and on), and after the extension is
// reloaded the orphaned script removes its highlights and listeners instead of throwing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './browser';

function markCount(page: Page): Promise<number | null> {
  return page.evaluate(() => CSS.highlights.get('specscout')?.size ?? null);
}

function adoptedCss(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.adoptedStyleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n'),
  );
}

describe('settings changes and extension reloads', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('follows settings changed elsewhere: mark style, site off and on again', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('sony-article.html'));
    await expect.poll(() => markCount(page), { timeout: 40_000 }).toBe(7);
    expect(await adoptedCss(page)).toMatch(/text-decoration: underline [^;]*dotted/);

    const popup = await session.openPopup();
    const setSettings = (patch: Record<string, unknown>) =>
      popup.evaluate((p) => chrome.runtime.sendMessage({ specscout: 1, type: 'setSettings', data: { patch: p } }), patch);

    await setSettings({ markStyle: 'background' });
    await expect.poll(() => adoptedCss(page)).toContain('background-color');

    await setSettings({ disabledSites: ['gsmarena.com'] });
    await expect.poll(() => markCount(page)).toBeNull();
    expect(await adoptedCss(page)).toBe('');

    await setSettings({ disabledSites: [] });
    await expect.poll(() => markCount(page), { timeout: 10_000 }).toBe(7);
    await popup.close();
    await page.close();
  });

  it('cleans up after the extension is reloaded instead of throwing "Extension context invalidated"', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(session.newsUrl('sony-article.html'));
    await expect.poll(() => markCount(page), { timeout: 40_000 }).toBe(7);

    await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The orphaned script notices on its next piece of work: a pointer move, a page mutation.
    await expect
      .poll(
        async () => {
          await page.mouse.move(200 + Math.random() * 400, 300);
          await page.evaluate(() => document.body.append(document.createTextNode(' ')));
          return markCount(page);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeNull();
    expect(await adoptedCss(page)).toBe('');
    expect(errors.filter((e) => /context invalidated|SpecScout/i.test(e))).toEqual([]);
    await page.close();
  });
});
