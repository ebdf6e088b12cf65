// "Mark devices on this site": for a default news site it flips settings.disabledSites; for any other
// site it asks the browser for that site's permission (inside the click, as Chrome requires) and the
// worker registers the content script for it (entrypoints/background/sites.ts).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Toggle } from '../common/Toggle';
import { isDefaultSite, removeSiteAccess, requestSiteAccess } from '../common/site-access';
import { sendToBackground } from '../../utils/messaging';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';

/** The content script as built by WXT (entrypoints/content/index.ts). */
const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export interface SiteSwitchProps {
  site: string;
  tabId: number;
  settings: Settings;
  /** Whether the extension may run on the site now (a granted permission, or a default site). */
  hasAccess: boolean;
  onSettings: (settings: Settings) => void;
  /** Called once marking was turned on in the tab, so the list can be read again. */
  onEnabled: () => void;
}

export function SiteSwitch({ site, tabId, settings, hasAccess, onSettings, onEnabled }: SiteSwitchProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isDefault = isDefaultSite(site);
  const on = isDefault ? !settings.disabledSites.includes(site) : hasAccess && settings.enabledSites.includes(site);

  const change = (next: boolean) => {
    setMessage(null);
    if (isDefault) {
      const disabledSites = next ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site];
      setBusy(true);
      sendToBackground('setSettings', { patch: { disabledSites } })
        .then((saved) => {
          onSettings(saved);
          if (next) onEnabled();
        })
        .catch(() => setMessage(t('popupSiteFailed')))
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
            setMessage(t('popupSiteDenied'));
            return;
          }
          const saved = await sendToBackground('setSettings', {
            patch: { enabledSites: [...settings.enabledSites.filter((s) => s !== site), site], disabledSites: settings.disabledSites.filter((s) => s !== site) },
          });
          onSettings(saved);
          // The registration covers the next page loads; this page gets the script now.
          await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
          onEnabled();
        })
        .catch(() => setMessage(t('popupSiteFailed')))
        .finally(() => setBusy(false));
      return;
    }
    setBusy(true);
    removeSiteAccess(site)
      .then(() => sendToBackground('setSettings', { patch: { enabledSites: settings.enabledSites.filter((s) => s !== site) } }))
      .then((saved) => {
        onSettings(saved);
        setMessage(t('popupSiteOffReload'));
      })
      .catch(() => setMessage(t('popupSiteFailed')))
      .finally(() => setBusy(false));
  };

  return (
    <div class="app-site">
      <Toggle
        id="site-switch"
        label={t('popupSiteSwitch', site)}
        description={isDefault ? t('popupSiteDefault') : t('popupSiteExtra')}
        checked={on}
        disabled={busy}
        onChange={change}
      />
      {message ? (
        <p class="app-notice" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}
