// "Restore the built-in data": the index shipped with this version of the extension replaces whatever a
// feed installed, at any time (a feed that went wrong, data that looks off). Follows and settings stay.
import { useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import { t } from '../../utils/i18n';

export function RestoreBuiltIn({ onRestored }: { onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const restore = () => {
    setBusy(true);
    setMessage('');
    sendToBackground('restoreBuiltInData', {})
      .then((report) => {
        setMessage(t('optionsRestoreDone', report.message));
        onRestored();
      })
      .catch((error: unknown) => setMessage(t('optionsRestoreFailed', error instanceof Error ? error.message : String(error))))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <h3>{t('optionsRestoreTitle')}</h3>
      <p class="ss-muted app-small">{t('optionsRestoreIntro')}</p>
      <div class="app-row">
        <button type="button" class="ss-button" onClick={restore} disabled={busy}>
          {busy ? t('optionsRestoring') : t('optionsRestoreStart')}
        </button>
      </div>
      {message ? <p class="app-notice" role="status">{message}</p> : null}
    </>
  );
}
