// Shared steps for the popup, options and accessibility suites: open the fixture article and wait until
// SpecScout marked it, and open the popup for that tab (a popup opened by address has no active tab).
import type { Page } from 'playwright-core';
import type { Session } from './browser';

export const POPUP_VIEWPORT = { width: 420, height: 600 };

/** Opens the fixture article, waits until SpecScout marked it, and returns its tab id. */
export async function openArticle(session: Session, waitMs = 50_000): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(session.newsUrl('sony-article.html'));
  // The first page after install waits for the index to be installed and the matcher loaded (~20 s here).
  const deadline = Date.now() + waitMs;
  while ((await page.evaluate(() => (CSS.highlights.get('specscout') as unknown as Set<Range> | undefined)?.size ?? 0)) === 0) {
    if (Date.now() > deadline) throw new Error('SpecScout did not mark the fixture article');
    await page.waitForTimeout(250);
  }
  const tabId = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: '*://www.gsmarena.com/sony-article.html' });
    return tab!.id!;
  });
  return { page, tabId };
}

export async function openPopupFor(session: Session, tabId: number, query = ''): Promise<Page> {
  const popup = await session.openPopup(`?tab=${tabId}${query}`);
  await popup.setViewportSize(POPUP_VIEWPORT);
  return popup;
}

