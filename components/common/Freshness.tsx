// "Data as of 3 Dec 2026", and a plain warning with its reason when the data may be out of date (no update
// for 30 days, or the signed feed's manifest expired). Shown in the popup and the options page.
import { formatDataDate } from '../../core/freshness';
import type { IndexInfo } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/messaging';
import { useAsync } from './useAsync';

export function Freshness({ freshness }: { freshness: IndexInfo['freshness'] }) {
  return (
    <div class="app-freshness" data-freshness={freshness.warning ? freshness.warning.kind : 'fresh'}>
      <span class="app-small">{t('freshnessDataAsOf', formatDataDate(freshness.dataAsOf))}</span>
      {freshness.warning ? (
        <p class="app-notice app-small" role="status">
          {t(freshness.warning.kind === 'expired' ? 'freshnessUnconfirmed' : 'freshnessStale', freshness.warning.reason)}
        </p>
      ) : null}
    </div>
  );
}

/** The same line, loading what the worker knows; nothing while loading or when it cannot be read. */
export function FreshnessLine() {
  const [state] = useAsync(() => sendToBackground('getIndexInfo', {}), []);
  return state.state === 'ready' ? <Freshness freshness={state.value.freshness} /> : null;
}
