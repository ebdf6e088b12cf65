// "Report wrong data" for one device: the reader picks what is wrong and says what is right; their click
// then opens the project's tracker with the report filled in (nothing is sent before that click, and the
// tracker page is theirs to submit or close), or, in a build without a tracker, copies the report's text.
import { useState } from 'preact/hooks';
import { REPORT_FIELDS, MAX_CORRECTION, reportText, reportUrl, type DataReport, type ReportField } from '../../core/report';
import { builtInReportUrl } from '../../utils/report-target';
import { t } from '../../utils/i18n';

/** "other-names" -> "reportFieldOtherNames". */
export function reportFieldKey(field: ReportField): string {
  return `reportField${field.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

export function ReportForm({ deviceId, deviceTitle, open = false, tracker = builtInReportUrl() }: { deviceId: string; deviceTitle: string; open?: boolean; tracker?: string | undefined }) {
  const [field, setField] = useState<ReportField>('status');
  const [correction, setCorrection] = useState('');
  const [message, setMessage] = useState('');
  const report = (): DataReport => ({ deviceId, deviceTitle, field, correction });
  const copy = () => {
    navigator.clipboard
      .writeText(reportText(report()))
      .then(() => setMessage(t('reportCopied')))
      .catch(() => setMessage(t('reportCopyFailed')));
  };
  return (
    <details class="app-report" id="report" open={open}>
      <summary>{t('reportTitle')}</summary>
      <p class="ss-muted app-small">{tracker ? t('reportIntroTracker') : t('reportIntroCopy')}</p>
      <label class="app-field">
        <span>{t('reportFieldLabel')}</span>
        <select id="report-field" value={field} onChange={(e) => setField(e.currentTarget.value as ReportField)}>
          {REPORT_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(reportFieldKey(f))}
            </option>
          ))}
        </select>
      </label>
      <label class="app-field">
        <span>{t('reportCorrectionLabel')}</span>
        <textarea id="report-correction" rows={3} maxLength={MAX_CORRECTION} value={correction} onInput={(e) => setCorrection(e.currentTarget.value)} />
      </label>
      <div class="app-row">
        {tracker ? (
          // An ordinary link: the browser opens the tracker only on the reader's click, in a new tab.
          <a class="ss-button" id="report-open" href={reportUrl(tracker, report())} target="_blank" rel="noopener noreferrer" onClick={() => setMessage(t('reportOpened'))}>
            {t('reportOpen')}
          </a>
        ) : null}
        <button type="button" class="ss-button" id="report-copy" onClick={copy}>
          {t('reportCopy')}
        </button>
      </div>
      {message ? <p class="app-small" role="status" id="report-message">{message}</p> : null}
    </details>
  );
}
