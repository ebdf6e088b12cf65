// The options page: where SpecScout runs, how it marks, what notifies, and the reader's data. Every
// change is saved at once through the worker (setSettings), which tells open tabs so marks follow.
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../utils/messaging';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { PAGE_CSS } from '../common/styles';
import { useAsync } from '../common/useAsync';
import { ErrorState, Loading } from '../common/States';
import { SitesSection } from './SitesSection';
import { MarkingSection } from './MarkingSection';
import { NotificationsSection } from './NotificationsSection';
import { RegionSection } from './RegionSection';
import { DataSection } from './DataSection';

/** PRIVACY.md, shipped as text by wxt.config.ts. */
export const PRIVACY_PATH = '/PRIVACY.txt';

export type SavePatch = (patch: Partial<Settings>) => Promise<void>;

export function OptionsApp() {
  const [state, reload, set] = useAsync(() => sendToBackground('getSettings', {}), []);
  const [status, setStatus] = useState('');
  // Saves can overlap (two quick clicks while the worker writes its storage copies): only the latest save's
  // answer is shown, or an older answer would flip the control back to the earlier choice.
  const latestSave = useRef(0);
  const save: SavePatch = async (patch) => {
    const mine = ++latestSave.current;
    setStatus('');
    const before = state.state === 'ready' ? state.value : null;
    // Shown at once, so a control never flips back while the worker saves; the worker's normalised answer
    // then replaces it, and a failed save puts the previous settings back.
    if (before) set({ ...before, ...patch, notifications: { ...before.notifications, ...(patch.notifications ?? {}) } });
    try {
      const saved = await sendToBackground('setSettings', { patch });
      if (mine !== latestSave.current) return;
      set(saved);
      setStatus(t('optionsSaved'));
    } catch (error) {
      if (mine !== latestSave.current) return;
      if (before) set(before);
      setStatus(t('optionsSaveFailed', error instanceof Error ? error.message : String(error)));
    }
  };
  // After an import or reset the settings are read again in place: a reload would unmount the sections,
  // and with them the message saying what the import did.
  const refresh = () => {
    sendToBackground('getSettings', {}).then(set, reload);
  };
  return (
    <>
      <style>{PAGE_CSS}</style>
      <main class="app app-options">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optionsNavLabel')}>
          <ul>
            <li><a href="#sites">{t('optionsSites')}</a></li>
            <li><a href="#marking">{t('optionsMarking')}</a></li>
            <li><a href="#region">{t('optionsRegion')}</a></li>
            <li><a href="#notifications">{t('optionsNotifications')}</a></li>
            <li><a href="#data">{t('optionsData')}</a></li>
          </ul>
        </nav>
        <p class="app-small">
          <a id="privacy-link" href={browser.runtime.getURL(PRIVACY_PATH as '/popup.html')} target="_blank" rel="noopener">
            {t('optionsPrivacy')}
          </a>
        </p>
        <p class="app-small ss-muted" role="status" aria-live="polite" id="options-status">
          {status}
        </p>
        {state.state === 'loading' ? <Loading /> : null}
        {state.state === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : null}
        {state.state === 'ready' ? (
          <>
            <SitesSection settings={state.value} save={save} />
            <MarkingSection settings={state.value} save={save} />
            <RegionSection settings={state.value} save={save} />
            <NotificationsSection settings={state.value} save={save} />
            <DataSection settings={state.value} save={save} onImported={refresh} />
          </>
        ) : null}
      </main>
    </>
  );
}
