// Export, import and reset of follows and settings, and where copies of them are kept. An import is
// shown before it changes anything: how many follows it adds and every setting it would change, feed URLs
// first (a feed can replace the whole device index); the reader imports follows and settings, follows
// only, or nothing. A file too large is refused by its size before it is read or sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import type { ImportPreview, SettingChange, SettingKey } from '../../utils/protocol';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../utils/reader-data';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { regionLabel } from './RegionSection';

/** i18n keys of the settings' names, as the confirmation lists them. */
export const SETTING_LABEL: Record<SettingKey, string> = {
  feedUrls: 'optionsFeeds',
  refreshHours: 'optionsImportRefreshHours',
  enabledSites: 'optionsSitesExtra',
  disabledSites: 'optionsImportDisabledSites',
  markStyle: 'optionsStyleLegend',
  hoverDelayMs: 'optionsHoverDelay',
  'notifications.enabled': 'optionsNotifyEnabled',
  'notifications.quiet': 'optionsQuiet',
  'notifications.dailyCap': 'optionsDailyCap',
  'notifications.kinds': 'optionsKindsLegend',
  region: 'optionsImportRegion',
  keepReadingHistory: 'popupReadingKeep',
  rejectedMatches: 'optionsImportRejectedMatches',
};

/** Long lists (hundreds of rejected matches) are shown by their first entries and a count. */
const SHOWN = 5;

/** An error as a sentence the reader can act on, never a message type or the browser's own wording. */
export function plainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/no answer from SpecScout|Receiving end does not exist|Could not establish connection/i.test(message)) return t('optionsNoAnswer');
  if (/message length exceeded|exceeds the maximum|too large/i.test(message)) return t('optionsFileTooLarge', MAX_IMPORT_LABEL);
  // The worker's own sentence, without the "importData: " a refused request is prefixed with.
  return t('optionsDataFailed', message.replace(/^[a-zA-Z]+: /, ''));
}

function Values({ values, sign }: { values: string[]; sign: 'added' | 'removed' }) {
  if (values.length === 0) return null;
  const shown = values.slice(0, SHOWN);
  return (
    <>
      <span class="app-small">{t(sign === 'added' ? 'optionsImportAdds' : 'optionsImportRemoves')}</span>
      <ul class="app-changes">
        {shown.map((v) => (
          <li key={v}>
            <code>{v}</code>
          </li>
        ))}
        {values.length > SHOWN ? <li>{t('optionsImportMore', (values.length - SHOWN).toLocaleString())}</li> : null}
      </ul>
    </>
  );
}

function Change({ change }: { change: SettingChange }) {
  // A region is shown by its name: the empty one ("any region") would otherwise read as nothing.
  const shown = (value: string) => (change.key === 'region' ? regionLabel(value) : value);
  return (
    <li class="app-import-change" data-setting={change.key}>
      <strong>{t(SETTING_LABEL[change.key])}</strong>
      {change.from !== undefined ? <span class="app-small"> {t('optionsImportFromTo', [shown(change.from), shown(change.to ?? '')])}</span> : null}
      <Values values={change.added} sign="added" />
      <Values values={change.removed} sign="removed" />
    </li>
  );
}

function Review({ preview, busy, onImport, onCancel }: { preview: Extract<ImportPreview, { ok: true }>; busy: boolean; onImport: (settings: 'keep' | 'replace') => void; onCancel: () => void }) {
  const feeds = preview.settingChanges.find((c) => c.key === 'feedUrls');
  const others = preview.settingChanges.filter((c) => c.key !== 'feedUrls');
  const changesSettings = preview.settingChanges.length > 0;
  // Focus moves to the review, so a screen reader reads what the file would change before any button.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [preview]);
  return (
    <div class="app-import-review" role="region" aria-labelledby="import-review-title">
      <h4 id="import-review-title" tabIndex={-1} ref={title}>
        {t('optionsImportReviewTitle')}
      </h4>
      <p class="app-small">
        {t('optionsImportFollows', [preview.follows.total.toLocaleString(), preview.follows.added.toLocaleString()])}
        {preview.follows.notInIndex > 0 ? ` ${t('optionsImportNotInIndex', preview.follows.notInIndex.toLocaleString())}` : ''}
      </p>
      {feeds ? (
        <div class="app-import-feeds" data-setting="feedUrls">
          <p class="app-small">
            <strong>{t('optionsImportFeedsWarning')}</strong>
          </p>
          <Values values={feeds.added} sign="added" />
          <Values values={feeds.removed} sign="removed" />
        </div>
      ) : null}
      {others.length > 0 ? (
        <>
          <p class="app-small">{t('optionsImportSettingsChange')}</p>
          <ul class="app-list">
            {others.map((c) => (
              <Change key={c.key} change={c} />
            ))}
          </ul>
        </>
      ) : null}
      {preview.hasSettings && !changesSettings ? <p class="app-small ss-muted">{t('optionsImportSettingsSame')}</p> : null}
      <div class="app-row">
        {changesSettings ? (
          <button type="button" class="ss-button" disabled={busy} onClick={() => onImport('replace')}>
            {t('optionsImportEverything')}
          </button>
        ) : null}
        <button type="button" class="ss-button ss-button-primary" disabled={busy} onClick={() => onImport('keep')}>
          {t('optionsImportFollowsOnly')}
        </button>
        <button type="button" class="ss-button" disabled={busy} onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}

function SyncState() {
  const [state, reload] = useAsync(() => sendToBackground('backupStatus', {}), []);
  if (state.state !== 'ready') return null;
  const { sync, notices } = state.value;
  let text = '';
  // Pending without an error is a write under way, not a failure.
  if (sync.state === 'pending' && sync.error) {
    text = t('optionsSyncPending', [sync.error ?? '', String(sync.retryInMinutes ?? 1)]);
  } else if (sync.state === 'partial') {
    const left = [
      ...(sync.followsInSync < sync.followsTotal ? [t('optionsSyncFollowsLeft', [sync.followsInSync.toLocaleString(), sync.followsTotal.toLocaleString()])] : []),
      ...(!sync.settingsInSync ? [t('optionsSyncSettingsLeft')] : []),
      ...(!sync.mutedInSync ? [t('optionsSyncMutedLeft')] : []),
    ];
    text = t('optionsSyncPartial', left.join(' '));
  } else if (sync.at) {
    text = t('optionsSyncOk');
  }
  return (
    <>
      {text ? (
        <p class="app-small" id="sync-state" role="status">
          {text}
        </p>
      ) : null}
      {notices.length > 0 ? (
        <div class="app-notice" role="alert" id="data-notices">
          <ul class="app-changes">
            {notices.map((n) => (
              <li key={`${n.at}-${n.message}`}>
                {n.at.slice(0, 16).replace('T', ' ')} · {n.message}
              </li>
            ))}
          </ul>
          <button type="button" class="ss-button" onClick={() => void sendToBackground('dismissDataNotices', {}).then(reload)}>
            {t('optionsNoticesDismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}

export function BackupSection({ onImported }: { onImported: () => void }) {
  const [message, setMessage] = useState('');
  const [keepFollows, setKeepFollows] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState<{ json: string; preview: Extract<ImportPreview, { ok: true }> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [syncKey, setSyncKey] = useState(0);
  const fail = (error: unknown) => setMessage(plainError(error));
  const exportFile = () => {
    sendToBackground('exportData', {})
      .then(({ json }) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
        link.download = `specscout-${new Date().toISOString().slice(0, 10)}.json`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        setMessage(t('optionsExported'));
      })
      .catch(fail);
  };
  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    // Checked before reading: a huge file would fill memory, then fail as the browser's message-size error.
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage(t('optionsFileTooLarge', MAX_IMPORT_LABEL));
      return;
    }
    setMessage('');
    file
      .text()
      .then(async (json) => {
        const preview = await sendToBackground('previewImport', { json });
        if (preview.ok) setPending({ json, preview });
        else setMessage(preview.message);
      })
      .catch(fail);
  };
  const confirmImport = (settings: 'keep' | 'replace') => {
    if (!pending) return;
    setBusy(true);
    sendToBackground('importData', { json: pending.json, settings })
      .then((result) => {
        setMessage(result.message);
        setPending(null);
        if (result.ok) {
          setSyncKey((k) => k + 1);
          onImported();
        }
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };
  const reset = () => {
    sendToBackground('resetData', { keepFollows })
      .then(() => {
        setConfirming(false);
        setMessage(t('optionsResetDone'));
        setSyncKey((k) => k + 1);
        onImported();
      })
      .catch(fail);
  };
  return (
    <div id="backup">
      <h3>{t('optionsBackup')}</h3>
      <p class="ss-muted app-small">{t('optionsBackupIntro')}</p>
      <SyncState key={syncKey} />
      <div class="app-row">
        <button type="button" class="ss-button" onClick={exportFile}>{t('optionsExport')}</button>
        <label class="app-field">
          <span>{t('optionsImport')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => chooseFile(e.currentTarget)} />
        </label>
      </div>
      {pending ? (
        <Review
          preview={pending.preview}
          busy={busy}
          onImport={confirmImport}
          onCancel={() => {
            setPending(null);
            setMessage(t('optionsImportCancelled'));
          }}
        />
      ) : null}
      <h3>{t('optionsReset')}</h3>
      <label class="app-check">
        <input type="checkbox" checked={keepFollows} onChange={(e) => setKeepFollows(e.currentTarget.checked)} />
        {t('optionsResetKeepFollows')}
      </label>
      <div class="app-row">
        {confirming ? (
          <>
            <span class="app-small">{t('optionsResetConfirmText')}</span>
            <button type="button" class="ss-button ss-button-primary" onClick={reset}>{t('optionsResetConfirm')}</button>
            <button type="button" class="ss-button" onClick={() => setConfirming(false)}>{t('optionsCancel')}</button>
          </>
        ) : (
          <button type="button" class="ss-button" onClick={() => setConfirming(true)}>{t('optionsResetStart')}</button>
        )}
      </div>
      {message ? <p class="app-notice" role="status" id="backup-message">{message}</p> : null}
    </div>
  );
}
