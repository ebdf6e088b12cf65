// Addresses inside the popup: the record and comparison views are popup.html with a query, so they
// open the same way from the popup, the hover card and a notification; `tab` is carried along.

export interface PopupRoute {
  view: 'main' | 'device' | 'compare';
  deviceId?: string;
  compareIds?: string[];
  /** The tab whose devices "On this page" lists (tests and the card pass it; else the active tab). */
  tabId?: number;
  /** The popup section to open on ("following" from a summary notification). */
  section?: PopupSection;
}

export type PopupSection = 'page' | 'following' | 'search';
const SECTIONS: readonly PopupSection[] = ['page', 'following', 'search'];

const ID = /^[a-z0-9][a-z0-9-]{0,199}$/;

export function parseRoute(search: string): PopupRoute {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  const tabId = Number.isInteger(tab) && tab > 0 ? tab : undefined;
  const base = tabId !== undefined ? { tabId } : {};
  const device = params.get('device');
  if (device && ID.test(device)) return { view: 'device', deviceId: device, ...base };
  const compare = params.get('compare');
  if (compare) {
    const ids = [...new Set(compare.split(',').filter((id) => ID.test(id)))].slice(0, 3);
    if (ids.length >= 2) return { view: 'compare', compareIds: ids, ...base };
  }
  const section = params.get('section');
  return { view: 'main', ...base, ...(SECTIONS.includes(section as PopupSection) ? { section: section as PopupSection } : {}) };
}

function withTab(query: string, tabId: number | undefined): string {
  return tabId !== undefined ? `${query}&tab=${tabId}` : query;
}

export function recordHref(id: string, tabId?: number): string {
  return withTab(`?device=${encodeURIComponent(id)}`, tabId);
}

export function compareHref(ids: readonly string[], tabId?: number): string {
  return withTab(`?compare=${ids.map(encodeURIComponent).join(',')}`, tabId);
}

export function mainHref(tabId?: number): string {
  return tabId !== undefined ? `?tab=${tabId}` : '?';
}
