// Two or three devices side by side: status, launch dates and every spec, rows that differ highlighted
// (by colour and, for screen readers and colour-blind readers, by a "differs" mark in the row header),
// and the better value marked where one is better (core/compare.ts). Sized to the 400 px popup.
import { betterOf } from '../../core/compare';
import { deviceTitle } from '../../core/names';
import type { Device, Specs } from '../../core/schema';
import { firstEvent, currentStatus } from '../../core/status';
import { formatSpecs } from '../../core/summary';
import { specLabel, statusLabel } from '../device/index';
import { sendToBackground } from '../../utils/messaging';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { Empty, ErrorState, Loading } from '../common/States';
import { mainHref, recordHref } from './links';

/** Every spec key, in the order the spec table lists them (core/summary.ts). */
const SPEC_ORDER: (keyof Specs)[] = formatSpecs({
  displayInches: 1, displayResolution: '1x1', chipset: 'x', ramGb: [1], storageGb: [1], mainCameraMp: 1, rearCamerasMp: [1],
  selfieCameraMp: 1, batteryMah: 1, osAtLaunch: 'x', dimensionsMm: [1, 1, 1], weightG: 1,
}).map(([key]) => key);

export interface CompareRow {
  label: string;
  values: string[];
  differs: boolean;
  /** Positions of the devices whose value is better (core/compare.ts); empty when none is. */
  better: number[];
}

/** The comparison as rows; a row is left out when no device has a value for it. */
export function compareRows(devices: readonly Device[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const add = (label: string, values: string[], better: number[] = []) => {
    if (values.every((v) => v === '')) return;
    rows.push({ label, values, differs: new Set(values).size > 1, better });
  };
  add(t('popupCompareStatus'), devices.map((d) => {
    const s = currentStatus(d);
    return s ? [statusLabel(s.status), s.date].filter(Boolean).join(' ') : statusLabel(null);
  }));
  add(t('popupCompareAnnounced'), devices.map((d) => firstEvent(d, 'announced')?.date ?? ''));
  add(t('popupCompareReleased'), devices.map((d) => firstEvent(d, 'released')?.date ?? ''));
  const specs = devices.map((d) => new Map(formatSpecs(d.specs)));
  const raw = devices.map((d) => d.specs ?? {});
  for (const key of SPEC_ORDER) add(specLabel(key), specs.map((m) => m.get(key) ?? ''), betterOf(key, raw));
  return rows;
}

export function CompareView({ ids, tabId }: { ids: string[]; tabId?: number | undefined }) {
  const [state, reload] = useAsync(() => Promise.all(ids.map((id) => sendToBackground('getDevice', { id }))), [ids.join(',')]);
  const back = (
    <a href={mainHref(tabId)} class="app-small">
      {t('popupBack')}
    </a>
  );
  if (state.state === 'loading') return <Loading label={t('popupCompareLoading')} />;
  if (state.state === 'error') return <div>{back}<ErrorState error={state.error} onRetry={reload} /></div>;
  const devices = state.value.flatMap((d) => (d ? [d.device] : []));
  if (devices.length < 2) return <div>{back}<Empty title={t('popupCompareMissingTitle')} hint={t('popupCompareMissingHint')} /></div>;
  const names = devices.map((d) => deviceTitle(d));
  const rows = compareRows(devices);
  return (
    <div>
      {back}
      <h1>{t('popupCompareTitle')}</h1>
      <p class="app-legend ss-muted">
        <span class="app-legend-swatch" aria-hidden="true" />
        {t('popupCompareLegend')}
      </p>
      <p class="app-legend ss-muted">{t('popupCompareBetterLegend')}</p>
      <table class="app-compare">
        <caption class="visually-hidden">{names.join(' · ')}</caption>
        <thead>
          <tr>
            <td class="app-compare-corner" />
            {devices.map((d, i) => (
              <th scope="col" key={d.id}>
                <a href={recordHref(d.id, tabId)}>{names[i]}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} data-differs={row.differs ? 'true' : 'false'}>
              <th scope="row">
                {row.label}
                {row.differs ? <span class="visually-hidden"> {t('popupCompareDiffers')}</span> : null}
              </th>
              {row.values.map((value, i) => {
                const better = row.better.includes(i);
                return (
                  <td key={devices[i]!.id} class={row.differs ? 'app-diff' : undefined} data-better={better ? 'true' : undefined}>
                    {value || '—'}
                    {better ? (
                      <span class="app-better">
                        <span aria-hidden="true"> ★</span>
                        <span class="visually-hidden"> {t('popupCompareBetter')}</span>
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
