// "On this page": the devices the content script found in the tab, in order of first appearance, and
// the switch that turns marking on or off for the tab's site.
import { useState } from 'preact/hooks';
import { sendToBackground, sendToTab } from '../../utils/messaging';
import type { DeviceSummary, Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { Empty, ErrorState, Loading } from '../common/States';
import { hasSiteAccess, isDefaultSite, siteOfUrl } from '../common/site-access';
import { resolveTargetTab, type TargetTab } from './active-tab';
import { DeviceRow } from './DeviceRow';
import { SiteSwitch } from './SiteSwitch';

interface PageState {
  tab: TargetTab | null;
  site: string | null;
  settings: Settings;
  hasAccess: boolean;
  /** Null when no content script answered in the tab. */
  devices: DeviceSummary[] | null;
}

/** Summaries in the order their ids first appear on the page. */
export function inPageOrder(ids: readonly string[], summaries: readonly DeviceSummary[]): DeviceSummary[] {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const out: DeviceSummary[] = [];
  for (const id of new Set(ids)) {
    const s = byId.get(id);
    if (s) out.push(s);
  }
  return out;
}

async function loadPage(tabId: number | undefined): Promise<PageState> {
  const [tab, settings] = await Promise.all([resolveTargetTab(tabId), sendToBackground('getSettings', {})]);
  if (!tab) return { tab, site: null, settings, hasAccess: false, devices: null };
  let devices: DeviceSummary[] | null = null;
  let url = tab.url;
  let ids: string[] | null = null;
  try {
    const reply = await sendToTab(tab.id, 'pageDevices', {});
    ids = reply.ids;
    url ??= reply.url;
  } catch {
    // No content script in the tab: the site is off, not allowed, or the page predates the extension.
  }
  // The content script's summaries are as they were when it read the page: a Follow on the card or a
  // feed since then is not in them. The worker owns follows and the index, so it is asked for them now.
  if (ids) devices = inPageOrder(ids, ids.length > 0 ? await sendToBackground('getSummaries', { ids: [...new Set(ids)] }) : []);
  const site = siteOfUrl(url);
  const hasAccess = site !== null && (isDefaultSite(site) || (await hasSiteAccess(site).catch(() => false)));
  return { tab, site, settings, hasAccess, devices };
}

export interface PageTabProps {
  tabId?: number | undefined;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
}

export function PageTab({ tabId, selected, onSelect }: PageTabProps) {
  const [round, setRound] = useState(0);
  const [state, reload, set] = useAsync(() => loadPage(tabId), [tabId, round]);
  if (state.state === 'loading') return <Loading label={t('popupPageLoading')} />;
  if (state.state === 'error') return <ErrorState error={state.error} hint={t('popupPageErrorHint')} onRetry={reload} />;
  const page = state.value;
  if (!page.tab) return <Empty title={t('popupNoTabTitle')} hint={t('popupNoTabHint')} />;
  const siteOn = page.site !== null && (isDefaultSite(page.site) ? !page.settings.disabledSites.includes(page.site) : page.hasAccess && page.settings.enabledSites.includes(page.site));
  return (
    <div>
      {page.site ? (
        <SiteSwitch
          site={page.site}
          tabId={page.tab.id}
          settings={page.settings}
          hasAccess={page.hasAccess}
          onSettings={(settings) => set({ ...page, settings })}
          // The content script needs a moment to read the page after being turned on.
          onEnabled={() => setTimeout(() => setRound((r) => r + 1), 600)}
        />
      ) : null}
      {page.devices === null ? (
        page.site === null ? (
          <Empty title={t('popupUnreadableTitle')} hint={t('popupUnreadableHint')} />
        ) : !siteOn ? (
          <Empty title={t('popupSiteOffTitle', page.site)} hint={t('popupSiteOffHint')} />
        ) : (
          <Empty title={t('popupNotRunningTitle')} hint={t('popupNotRunningHint')}>
            <button type="button" class="ss-button" onClick={reload}>
              {t('commonRetry')}
            </button>
          </Empty>
        )
      ) : page.devices.length === 0 ? (
        <Empty title={t('popupNoDevicesTitle')} hint={t('popupNoDevicesHint')}>
          <button type="button" class="ss-button" onClick={reload}>
            {t('popupLookAgain')}
          </button>
        </Empty>
      ) : (
        <>
          <p class="ss-muted app-small" role="status">
            {t('popupPageCount', String(page.devices.length))}
          </p>
          <ul class="app-list" aria-label={t('popupPageListLabel')}>
            {page.devices.map((summary) => (
              <DeviceRow key={summary.id} summary={summary} tabId={tabId} selected={selected.has(summary.id)} onSelect={onSelect} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
