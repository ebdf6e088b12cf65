// Opens a device's full record (the popup page, as a tab) for the card's "Full record" link: content
// scripts cannot open extension pages that are not web-accessible, the worker can. Whatever asks, at
// most RECORD_TABS_PER_MINUTE tabs open in any minute, so even a content script driven by a hostile
// page cannot flood the browser with tabs. The times are kept in storage.session (this browser session
// only), not in the worker's memory, which is gone whenever the idle worker is stopped.
import { browser } from 'wxt/browser';

/** More than a reader opens by hand in a minute; few enough that a flood is a nuisance at worst. */
export const RECORD_TABS_PER_MINUTE = 6;
const MINUTE_MS = 60_000;
const OPENED_KEY = 'recordTabsOpenedAt';

// Serialised, so two requests arriving together cannot both read the same count.
let queue: Promise<unknown> = Promise.resolve();

/** `section: 'report'`: the record opens at its "Report wrong data" form. */
export function openRecord(id: string, openerTabId?: number, now: () => number = Date.now, section?: 'report'): Promise<{ ok: true }> {
  const run = queue.then(() => openWithinBudget(id, openerTabId, now(), section));
  queue = run.catch(() => undefined);
  return run;
}

async function openWithinBudget(id: string, openerTabId: number | undefined, at: number, section?: 'report'): Promise<{ ok: true }> {
  const stored = (await browser.storage.session.get(OPENED_KEY))[OPENED_KEY];
  // Times from the last minute only; a time in the future (the clock was set back) is dropped too.
  const recent = (Array.isArray(stored) ? stored : []).filter((t): t is number => typeof t === 'number' && t > at - MINUTE_MS && t <= at);
  if (recent.length >= RECORD_TABS_PER_MINUTE) {
    throw new Error(`openRecord: ${RECORD_TABS_PER_MINUTE} record tabs were opened in the last minute; try again shortly`);
  }
  await browser.storage.session.set({ [OPENED_KEY]: [...recent, at] });
  const url = browser.runtime.getURL(`/popup.html?device=${encodeURIComponent(id)}${section ? `#${section}` : ''}`);
  await browser.tabs.create({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
  return { ok: true };
}
