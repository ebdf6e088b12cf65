// Shared steps for the popup, options and accessibility suites: open the fixture article and wait until
// SpecScout marked it, and open the popup for that tab (a popup opened by address has no active tab).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CardProbe } from './card-probe';
import type { Session } from './browser';

export const POPUP_VIEWPORT = { width: 420, height: 600 };

/** Opens the fixture article, waits until SpecScout marked it, and returns its tab id. */
export async function openArticle(session: Session, waitMs = 50_000): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(session.newsUrl('sony-article.html'));
  // The first page after install waits for the index to be installed and the matcher loaded (~20 s here).
  // On a loaded machine the content script can give up its retries before the worker is ready, so
  // the page is reloaded (as a reader would) every 30 s without marks.
  const deadline = Date.now() + waitMs;
  let reloadAt = Date.now() + 30_000;
  while ((await page.evaluate(() => (CSS.highlights.get('specscout') as unknown as Set<Range> | undefined)?.size ?? 0)) === 0) {
    if (Date.now() > deadline) throw new Error('SpecScout did not mark the fixture article');
    if (Date.now() > reloadAt) {
      reloadAt = Date.now() + 30_000;
      await page.reload();
    }
    await page.waitForTimeout(250);
  }
  const tabId = await session.worker.evaluate(async () => {
    const tabs = (globalThis as any).chrome.tabs as { query(q: object): Promise<{ id?: number }[]> };
    const [tab] = await tabs.query({ url: '*://www.gsmarena.com/sony-article.html' });
    return tab!.id!;
  });
  return { page, tabId };
}

export async function openPopupFor(session: Session, tabId: number, query = ''): Promise<Page> {
  const popup = await session.openPopup(`?tab=${tabId}${query}`);
  await popup.setViewportSize(POPUP_VIEWPORT);
  return popup;
}


export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A and AA rules and best practices) in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts (CSP script-src 'self'), so addScriptTag cannot inject axe;
  // DevTools evaluation is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as any).axe as { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Hovers the first mark in the page and waits for its card to be ready; returns the probe that reads it. */
export async function openCardOnFirstMark(page: Page): Promise<CardProbe> {
  const at = await page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('specscout') ?? new Set()) as unknown as Set<Range>)].sort((a, b) =>
      a.compareBoundaryPoints(Range.START_TO_START, b),
    );
    const range = ranges[0];
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0]!;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  if (!at) throw new Error('no mark to hover');
  await page.bringToFront();
  await page.mouse.move(at.x - 30, at.y);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  const card = new CardProbe(page);
  await expect.poll(() => card.attr('data-state'), { timeout: 10_000 }).toBe('ready');
  return card;
}
