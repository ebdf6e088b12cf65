// "Mark devices on this site": for a default news site it flips settings.disabledSites; for any other
// site it asks the browser for that site's permission (inside the click, as Chrome requires) and the
// worker registers the content script for it and starts it in the site's open tabs at once
// (entrypoints/background/sites.ts). Turning a site off says so and offers Undo.
import { useState } from 'preact/hooks';
import { Toggle } from '../common/Toggle';
import { isDefaultSite, removeSiteAccess, requestSiteAccess } from '../common/site-access';
import { sendToBackground } from '../../utils/messaging';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';

export interface SiteSwitchOptions {
  site: string;
  settings: Settings;
  /** Whether the extension may run on the site now (a granted permission, or a default site). */
  hasAccess: boolean;
  onSettings: (settings: Settings) => void;
  /** Called once marking was turned on, so the list can be read again. */
  onEnabled: () => void;
}

export interface SiteSwitchState {
  on: boolean;
  busy: boolean;
  /** What the last change did, and whether Undo can take it back. */
  notice: { text: string; undo: boolean } | null;
  /** Must run inside the reader's click: turning an extra site on asks for its permission first. */
  change: (next: boolean) => void;
}

/** Whether SpecScout marks `site` under these settings and access. */
export function isSiteOn(site: string, settings: Settings, hasAccess: boolean): boolean {
  return isDefaultSite(site) ? !settings.disabledSites.includes(site) : hasAccess && settings.enabledSites.includes(site);
}

export function useSiteSwitch({ site, settings, hasAccess, onSettings, onEnabled }: SiteSwitchOptions): SiteSwitchState {
  const [notice, setNotice] = useState<SiteSwitchState['notice']>(null);
  const [busy, setBusy] = useState(false);
  const isDefault = isDefaultSite(site);
  const on = isSiteOn(site, settings, hasAccess);
  const failed = () => setNotice({ text: t('popupSiteFailed'), undo: false });
  const turnedOff = (saved: Settings) => {
    onSettings(saved);
    // A default site's script removes its marks when told; an extra site's script stays until a reload.
    setNotice({ text: isDefault ? t('popupSiteTurnedOff', site) : t('popupSiteOffReload'), undo: true });
  };

  const change = (next: boolean) => {
    setNotice(null);
    if (isDefault) {
      const disabledSites = next ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site];
      setBusy(true);
      sendToBackground('setSettings', { patch: { disabledSites } })
        .then((saved) => {
          if (next) {
            onSettings(saved);
            onEnabled();
          } else turnedOff(saved);
        })
        .catch(failed)
        .finally(() => setBusy(false));
      return;
    }
    if (next) {
      // First browser call in the click: the permission prompt needs the user's gesture.
      const asked = requestSiteAccess(site);
      setBusy(true);
      asked
        .then(async (granted) => {
          if (!granted) {
            setNotice({ text: t('popupSiteDenied'), undo: false });
            return;
          }
          // The worker also adds the site and starts marking its open tabs when the grant arrives
          // (the popup may have closed behind the prompt); saving here too keeps this view current.
          const saved = await sendToBackground('setSettings', {
            patch: { enabledSites: [...settings.enabledSites.filter((s) => s !== site), site], disabledSites: settings.disabledSites.filter((s) => s !== site) },
          });
          onSettings(saved);
          onEnabled();
        })
        .catch(failed)
        .finally(() => setBusy(false));
      return;
    }
    setBusy(true);
    removeSiteAccess(site)
      .then(() => sendToBackground('setSettings', { patch: { enabledSites: settings.enabledSites.filter((s) => s !== site) } }))
      .then(turnedOff)
      .catch(failed)
      .finally(() => setBusy(false));
  };

  return { on, busy, notice, change };
}

export function SiteSwitch({ site, state }: { site: string; state: SiteSwitchState }) {
  return (
    <div class="app-site">
      <Toggle
        id="site-switch"
        label={t('popupSiteSwitch', site)}
        description={isDefaultSite(site) ? t('popupSiteDefault') : t('popupSiteExtra')}
        checked={state.on}
        disabled={state.busy}
        onChange={state.change}
      />
      {state.notice ? (
        <p class="app-notice app-row" role="status">
          <span>{state.notice.text}</span>
          {state.notice.undo ? (
            <button type="button" class="ss-link-button" disabled={state.busy} onClick={() => state.change(true)}>
              {t('commonUndo')}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
