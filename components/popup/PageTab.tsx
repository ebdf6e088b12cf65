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
import { SiteSwitch, useSiteSwitch } from './SiteSwitch';

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

/** How long the list waits for the content script the worker starts in the tab when a site is turned on. */
const SCRIPT_START_WAIT_MS = 5000;
const SCRIPT_POLL_MS = 250;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function loadPage(tabId: number | undefined, justEnabled: boolean): Promise<PageState> {
  const [tab, settings] = await Promise.all([resolveTargetTab(tabId), sendToBackground('getSettings', {})]);
  if (!tab) return { tab, site: null, settings, hasAccess: false, devices: null };
  let devices: DeviceSummary[] | null = null;
  let url = tab.url;
  let ids: string[] | null = null;
  const deadline = Date.now() + (justEnabled ? SCRIPT_START_WAIT_MS : 0);
  for (;;) {
    try {
      const reply = await sendToTab(tab.id, 'pageDevices', {});
      ids = reply.ids;
      url ??= reply.url;
      // A script that just started may not have read the page yet.
      if (ids.length > 0 || Date.now() >= deadline) break;
    } catch {
      // No content script in the tab: the site is off, not allowed, or the page predates the extension.
      if (Date.now() >= deadline) break;
    }
    await delay(SCRIPT_POLL_MS);
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
  onSelect: (id: string, selected: boolean) => boolean;
}

export function PageTab({ tabId, selected, onSelect }: PageTabProps) {
  const [round, setRound] = useState(0);
  const [state, reload, set] = useAsync(() => loadPage(tabId, round > 0), [tabId, round]);
  if (state.state === 'loading') return <Loading label={t('popupPageLoading')} />;
  if (state.state === 'error') return <ErrorState error={state.error} hint={t('popupPageErrorHint')} onRetry={reload} />;
  const page = state.value;
  if (!page.tab) return <Empty title={t('popupNoTabTitle')} hint={t('popupNoTabHint')} />;
  return (
    <LoadedPage
      page={page}
      tabId={tabId}
      selected={selected}
      onSelect={onSelect}
      onSettings={(settings) => set({ ...page, settings })}
      onEnabled={() => setRound((r) => r + 1)}
      reload={reload}
    />
  );
}

interface LoadedPageProps extends PageTabProps {
  page: PageState;
  onSettings: (settings: Settings) => void;
  onEnabled: () => void;
  reload: () => void;
}

function LoadedPage({ page, tabId, selected, onSelect, onSettings, onEnabled, reload }: LoadedPageProps) {
  const site = page.site;
  const switcher = useSiteSwitch({ site: site ?? '', settings: page.settings, hasAccess: page.hasAccess, onSettings, onEnabled });
  // A site turned off (from the switch or the card's "Don't mark on this site") says so, whatever an
  // idle content script answers, with the way back beside it.
  const siteOff = site !== null && !switcher.on;
  return (
    <div>
      {site ? <SiteSwitch site={site} state={switcher} /> : null}
      {siteOff ? (
        <Empty title={t('popupSiteOffTitle', site)} hint={isDefaultSite(site) ? t('popupSiteOffDefaultHint') : t('popupSiteOffHint')}>
          {switcher.notice?.undo ? null : (
            <button type="button" class="ss-button" disabled={switcher.busy} onClick={() => switcher.change(true)}>
              {t('popupSiteTurnOn')}
            </button>
          )}
        </Empty>
      ) : page.devices === null ? (
        site === null ? (
          <Empty title={t('popupUnreadableTitle')} hint={t('popupUnreadableHint')} />
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
