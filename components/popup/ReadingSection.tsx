// "Where you read about it": the articles the reader opened that mention a device, with the status the
// device had then. Kept only in this browser; a switch turns the history off and a button forgets it.
import { useState } from 'preact/hooks';
import { StatusBadge, safeHttpsUrl } from '../device/index';
import { sendToBackground } from '../../utils/messaging';
import type { ReadingEntry, Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { Toggle } from '../common/Toggle';
import { ErrorState, Loading } from '../common/States';

export function ReadingList({ entries }: { entries: ReadingEntry[] }) {
  return (
    <ul class="app-list app-reading">
      {entries.map((entry) => {
        const href = safeHttpsUrl(entry.url);
        return (
          <li key={entry.url}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {entry.title}
              </a>
            ) : (
              <span>{entry.title}</span>
            )}
            <div class="app-device-meta ss-muted">
              <span>{entry.site}</span>
              <span>{(entry.date ?? entry.seenAt).slice(0, 10)}</span>
              <StatusBadge status={entry.statusThen} prefix={t('popupReadingThen')} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function ReadingSection({ deviceId }: { deviceId: string }) {
  const [state, reload, set] = useAsync(
    async () => {
      const [entries, settings] = await Promise.all([sendToBackground('readingHistory', { deviceId }), sendToBackground('getSettings', {})]);
      return { entries, settings };
    },
    [deviceId],
  );
  const [note, setNote] = useState<string | null>(null);
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { entries, settings } = state.value;
  const keep = (on: boolean) => {
    sendToBackground('setSettings', { patch: { keepReadingHistory: on } })
      .then((saved: Settings) => set({ entries, settings: saved }))
      .catch(() => setNote(t('commonSaveFailed')));
  };
  const forget = () => {
    sendToBackground('forgetReadingHistory', {})
      .then(() => {
        set({ entries: [], settings });
        setNote(t('popupReadingForgotten'));
      })
      .catch(() => setNote(t('commonSaveFailed')));
  };
  return (
    <div>
      {entries.length === 0 ? (
        <p class="ss-muted app-small">{settings.keepReadingHistory ? t('popupReadingEmpty') : t('popupReadingOff')}</p>
      ) : (
        <ReadingList entries={entries} />
      )}
      <Toggle label={t('popupReadingKeep')} description={t('popupReadingKeepDesc')} checked={settings.keepReadingHistory} onChange={keep} />
      <div class="app-row">
        <button type="button" class="ss-button" onClick={forget}>
          {t('popupReadingForget')}
        </button>
      </div>
      {note ? (
        <p class="app-notice" role="status">
          {note}
        </p>
      ) : null}
    </div>
  );
}
