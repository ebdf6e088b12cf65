// Data: the installed index (version, size, sources and licences, last update), the reader's feeds with
// "check now", reading history, and export, import and reset of follows and settings (BackupSection.tsx).
import { useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import type { Settings, UpdateReport } from '../../utils/protocol';
import { isFeedUrl } from '../../utils/settings-model';
import { t } from '../../utils/i18n';
import { Toggle } from '../common/Toggle';
import { useAsync } from '../common/useAsync';
import { ErrorState, Loading } from '../common/States';
import type { SavePatch } from './OptionsApp';
import { BackupSection } from './BackupSection';
import { RestoreBuiltIn } from './RestoreBuiltIn';
import { UpdateSource } from './UpdateSource';

function Report({ report, ownFeeds }: { report: UpdateReport; ownFeeds: readonly string[] }) {
  // A feed the reader added is never presented with the signed source's trust.
  const own = ownFeeds.includes(report.source) ? ` (${t('optionsFeedAddedByYou')})` : '';
  return (
    <span>
      {report.at.slice(0, 16).replace('T', ' ')} · {report.source}{own} · {report.ok ? t('optionsUpdateOk') : t('optionsUpdateFailed')}
      {report.message ? ` · ${report.message}` : ''}
    </span>
  );
}

/** `round` changes after a check or a restore, so what is installed is read again. */
function IndexInfoView({ round, settings, save }: { round: number; settings: Settings; save: SavePatch }) {
  const [state, reload] = useAsync(() => sendToBackground('getIndexInfo', {}), [round]);
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error') return <ErrorState error={state.error} hint={t('optionsIndexErrorHint')} onRetry={reload} />;
  const info = state.value;
  return (
    <>
      <dl class="app-dl">
        <dt>{t('optionsIndexVersion')}</dt>
        <dd>{String(info.version)}</dd>
        <dt>{t('optionsIndexBuilt')}</dt>
        <dd>{info.builtFrom || '—'}</dd>
        <dt>{t('optionsIndexSize')}</dt>
        <dd>{t('optionsIndexSizeValue', [info.devices.toLocaleString(), info.names.toLocaleString()])}</dd>
        <dt>{t('optionsLastUpdate')}</dt>
        <dd>{info.lastUpdate ? <Report report={info.lastUpdate} ownFeeds={settings.feedUrls} /> : t('optionsNoUpdateYet')}</dd>
        {info.scanner ? (
          <>
            <dt>{t('optionsScanner')}</dt>
            <dd>{t(info.scanner === 'webassembly' ? 'optionsScannerWasm' : 'optionsScannerJs')}</dd>
          </>
        ) : null}
      </dl>
      <UpdateSource info={info} settings={settings} save={save} />
      <h3>{t('optionsSources')}</h3>
      <ul class="app-list app-small">
        {info.sources.map((s) => (
          <li key={s.name}>
            {s.name} — <span class="ss-muted">{s.licence}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Feeds({ settings, save, onChecked }: { settings: Settings; save: SavePatch; onChecked: () => void }) {
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState('');
  const [reports, setReports] = useState<UpdateReport[] | null>(null);
  const [checking, setChecking] = useState(false);
  const add = (event: Event) => {
    event.preventDefault();
    const value = url.trim();
    if (!isFeedUrl(value)) {
      setMessage(t('optionsFeedInvalid'));
      return;
    }
    void save({ feedUrls: [...settings.feedUrls.filter((u) => u !== value), value] }).then(() => {
      setUrl('');
      setMessage('');
    });
  };
  const check = () => {
    setChecking(true);
    setMessage('');
    sendToBackground('checkNow', {})
      .then((result) => {
        setReports(result);
        onChecked();
      })
      .catch((error: unknown) => setMessage(t('optionsCheckFailed', error instanceof Error ? error.message : String(error))))
      .finally(() => setChecking(false));
  };
  return (
    <>
      <h3>{t('optionsFeeds')}</h3>
      <p class="ss-muted app-small">{t('optionsFeedsIntro')}</p>
      {settings.feedUrls.length === 0 ? <p class="ss-muted app-small">{t('optionsFeedsEmpty')}</p> : null}
      <ul class="app-list">
        {settings.feedUrls.map((feed) => (
          <li key={feed} class="app-row">
            <span class="app-small">
              {feed} <span class="ss-muted">({t('optionsFeedAddedByYou')})</span>
            </span>
            <button type="button" class="ss-button" onClick={() => void save({ feedUrls: settings.feedUrls.filter((u) => u !== feed) })}>
              {t('optionsFeedRemove')}
              <span class="visually-hidden"> {feed}</span>
            </button>
          </li>
        ))}
      </ul>
      <form class="app-row" onSubmit={add}>
        <label class="app-field">
          <span>{t('optionsFeedAddLabel')}</span>
          <input type="url" value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <button type="submit" class="ss-button">{t('optionsFeedAdd')}</button>
      </form>
      <div class="app-row">
        <button type="button" class="ss-button ss-button-primary" onClick={check} disabled={checking}>
          {checking ? t('optionsChecking') : t('optionsCheckNow')}
        </button>
      </div>
      {message ? <p class="app-notice" role="status">{message}</p> : null}
      {reports ? (
        <ul class="app-list app-small" role="status">
          {reports.length === 0 ? <li>{t('optionsCheckNothing')}</li> : reports.map((r) => <li key={`${r.source}-${r.at}`}><Report report={r} ownFeeds={settings.feedUrls} /></li>)}
        </ul>
      ) : null}
    </>
  );
}

export function DataSection({ settings, save, onImported }: { settings: Settings; save: SavePatch; onImported: () => void }) {
  const [forgot, setForgot] = useState('');
  const [round, setRound] = useState(0);
  const indexChanged = () => setRound((r) => r + 1);
  return (
    <section id="data" class="app-section" aria-labelledby="data-title">
      <h2 id="data-title">{t('optionsData')}</h2>
      <h3>{t('optionsIndex')}</h3>
      <IndexInfoView round={round} settings={settings} save={save} />
      <Feeds settings={settings} save={save} onChecked={indexChanged} />
      <RestoreBuiltIn onRestored={indexChanged} />
      <h3>{t('optionsReading')}</h3>
      <Toggle id="keep-reading" label={t('popupReadingKeep')} description={t('popupReadingKeepDesc')} checked={settings.keepReadingHistory} onChange={(on) => void save({ keepReadingHistory: on })} />
      <div class="app-row">
        <button
          type="button"
          class="ss-button"
          onClick={() => {
            sendToBackground('forgetReadingHistory', {})
              .then(() => setForgot(t('popupReadingForgotten')))
              .catch(() => setForgot(t('commonSaveFailed')));
          }}
        >
          {t('popupReadingForget')}
        </button>
        {forgot ? <span class="app-small" role="status">{forgot}</span> : null}
      </div>
      <BackupSection onImported={onImported} />
    </section>
  );
}
