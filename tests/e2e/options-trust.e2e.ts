// Options and the record view in real Chromium, for a reader deciding whether to trust SpecScout: the
// privacy policy opens from the options page, the chosen region changes the status a record shows, and
// "Report wrong data" (in a build without a tracker) copies a report naming the device, the field and
// the reader's correction, sending nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './browser';

describe('privacy, region and reports', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('opens the privacy policy shipped in the extension from the options page', async () => {
    const options = await session.openOptions();
    const link = options.getByRole('link', { name: /Privacy/ });
    const [policy] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await policy.waitForLoadState();
    const text = (await policy.textContent('body')) ?? '';
    expect(text).toContain('What never leaves your browser');
    expect(text).toContain('If-None-Match');
    await policy.close();
    await options.close();
  });

  it('shows a device sold only in Japan as released for any region, and not for a reader in the US', async () => {
    const record = await session.openPopup('?device=sony-xperia-z1-f');
    const header = record.locator('.app-device-meta');
    await expect.poll(() => header.textContent(), { timeout: 20_000 }).toMatch(/Now: Released/);
    const options = await session.openOptions();
    await options.getByRole('combobox', { name: 'Show release status and dates for' }).selectOption('US');
    await expect.poll(() => options.locator('#options-status').textContent()).not.toBe('');
    await record.reload();
    // Its announcement and release were in Japan only: for the US reader only the region-less rumor is left.
    await expect.poll(() => header.textContent(), { timeout: 20_000 }).toMatch(/Now: Rumored/);
    await options.getByRole('combobox', { name: 'Show release status and dates for' }).selectOption('');
    await expect.poll(() => options.locator('#options-status').textContent()).not.toBe('');
    await options.close();
    await record.close();
  });

  it('copies a report with the device id, the field and the correction, in a build without a tracker', async () => {
    const record = await session.openPopup('?device=sony-xperia-z1-f#report');
    const form = record.locator('#report');
    await expect.poll(() => form.getAttribute('open'), { timeout: 20_000 }).not.toBeNull();
    expect(await record.locator('#report-open').count()).toBe(0);
    await record.getByRole('combobox', { name: 'What is wrong' }).selectOption('dates');
    await record.getByRole('textbox', { name: 'What is right, and where you read it' }).fill('Released 2013-12-26 (docomo)');
    // Reading the clipboard back needs a permission an extension origin cannot be granted here: the text
    // given to the browser's real writeText is kept on the way through.
    await record.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    await record.getByRole('button', { name: 'Copy the report' }).click();
    await expect.poll(() => record.locator('#report-message').textContent()).toBe('The report is copied.');
    const copied = await record.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toContain('Device id: sony-xperia-z1-f');
    expect(copied).toContain('Field: dates');
    expect(copied).toContain('Released 2013-12-26 (docomo)');
    await record.close();
  });
});
