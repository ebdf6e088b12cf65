// Opens a device's full record (the popup page, as a tab) for the card's "Full record" link: content
// scripts cannot open extension pages that are not web-accessible, the worker can.
import { browser } from 'wxt/browser';

export async function openRecord(id: string, openerTabId?: number, section?: 'report'): Promise<{ ok: true }> {
  const url = browser.runtime.getURL(`/popup.html?device=${encodeURIComponent(id)}${section ? `#${section}` : ''}`);
  await browser.tabs.create({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
  return { ok: true };
}
