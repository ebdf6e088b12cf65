// Which tab the popup is about. Opened from the toolbar, the active tab of its window; opened by address
// (tests, or the card's "open in popup"), the `tab` in the query, else the last focused normal window's
// active tab, since a popup page in a tab of its own has no "active tab" but itself.
import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  /** Known for sites the extension may read (default sites, granted sites, activeTab). */
  url?: string;
}

export async function resolveTargetTab(tabId?: number): Promise<TargetTab | null> {
  if (tabId !== undefined) {
    const tab = await browser.tabs.get(tabId);
    return tab.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  }
  const own = browser.runtime.getURL('/popup.html');
  let [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || (tab.url ?? '').startsWith(own)) {
    const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
    if (window?.id !== undefined) [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  }
  if (!tab || tab.id === undefined || (tab.url ?? '').startsWith(own)) return null;
  return { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}
