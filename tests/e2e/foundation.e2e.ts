// The foundation, in real Chromium: the extension loads, its content script runs on a default news
// site's host, the worker answers a typed message and detects in WebAssembly, and the popup and options
// pages render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser';

describe('the built extension in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs its content script on a default news site and reaches the worker', async () => {
    const page = await session.context.newPage();
    await page.goto(session.newsUrl('plain.html'));
    await expect
      // The content script registers its highlight once the worker answered its settings request; on a
      // fresh profile the worker is installing the shipped index first, which takes a while.
      .poll(() => page.evaluate(() => CSS.highlights.has('specscout')), { timeout: 40_000 })
      .toBe(true);
  });

  it('does not run on a site that is not in the default list', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.server.origin}/plain.html`);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => CSS.highlights.has('specscout'))).toBe(false);
  });

  it('detects in WebAssembly: the CSP lets the worker compile its word scanner', async () => {
    const options = await session.openOptions();
    const reply = await options.evaluate(async () =>
      (await chrome.runtime.sendMessage({ specscout: 1, type: 'getIndexInfo', data: {} })) as { ok: boolean; value?: { scanner?: string } });
    expect(reply.value?.scanner).toBe('webassembly');
    await expect.poll(() => options.getByText('WebAssembly (fast)').count(), { timeout: 20_000 }).toBe(1);
  });

  it('renders the popup and the options page', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('h1').first().textContent()).toContain('SpecScout');
    const options = await session.openOptions();
    await expect.poll(() => options.locator('h1').first().textContent()).toContain('SpecScout');
  });
});
