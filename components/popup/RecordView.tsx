// The full record of one device: every spec, the status timeline per region, every name, rumors with
// sources and outcomes, variants, what it was compared with, and where the reader read about it.
import { ReportForm } from '../device/ReportForm';
import { deviceTitle } from '../../core/names';
import type { ComponentChildren } from 'preact';
import { FollowButton, NameList, OverdueNote, RumorList, SpecTable, StatusBadge, StatusTimeline } from '../device/index';
import type { Device, StatusEvent, VariantRelation } from '../../core/schema';
import { sendToBackground } from '../../utils/messaging';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { Empty, ErrorState, Loading } from '../common/States';
import { compareHref, mainHref, recordHref } from './links';
import { ReadingSection } from './ReadingSection';

const RELATION_KEYS: Record<VariantRelation, string> = {
  'carrier-variant': 'popupRelationCarrierVariant',
  'regional-sibling': 'popupRelationRegionalSibling',
  successor: 'popupRelationSuccessor',
  predecessor: 'popupRelationPredecessor',
  sibling: 'popupRelationSibling',
};

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="app-section" aria-labelledby={`sec-${id}`}>
      <h2 id={`sec-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** Events grouped by region, the first launch (no region) first, regions in order of first event. */
export function byRegion(events: readonly StatusEvent[]): [string, StatusEvent[]][] {
  const groups = new Map<string, StatusEvent[]>();
  for (const e of events) {
    const key = e.region ?? '';
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.entries()].sort((a, b) => (a[0] === '' ? -1 : b[0] === '' ? 1 : 0));
}

function Variants({ device, tabId }: { device: Device; tabId?: number | undefined }) {
  const links = device.variants ?? [];
  const [state] = useAsync(() => (links.length ? sendToBackground('getSummaries', { ids: links.map((l) => l.id) }) : Promise.resolve([])), [device.id]);
  if (links.length === 0) return <p class="ss-muted app-small">{t('popupNoVariants')}</p>;
  const names = new Map(state.state === 'ready' ? state.value.map((s) => [s.id, deviceTitle(s)]) : []);
  return (
    <ul class="app-list">
      {links.map((link) => (
        <li key={link.id}>
          <a href={recordHref(link.id, tabId)}>{names.get(link.id) ?? link.id}</a>{' '}
          <span class="ss-muted app-small">
            {t(RELATION_KEYS[link.relation])}
            {link.note ? ` · ${link.note}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ComparedWith({ id, tabId }: { id: string; tabId?: number | undefined }) {
  const [state, reload] = useAsync(() => sendToBackground('comparedWith', { id }), [id]);
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.value.length === 0) return <p class="ss-muted app-small">{t('popupComparedNone')}</p>;
  return (
    <ul class="app-list">
      {state.value.map((other) => (
        <li key={other.id} class="app-row">
          <a href={recordHref(other.id, tabId)}>{deviceTitle(other)}</a>
          <StatusBadge status={other.status} date={other.statusDate} />
          <a class="app-small" href={compareHref([id, other.id], tabId)}>
            {t('popupCompareWith')}
            <span class="visually-hidden"> {deviceTitle(other)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function RecordView({ id, tabId }: { id: string; tabId?: number | undefined }) {
  const [state, reload] = useAsync(() => sendToBackground('getDevice', { id }), [id]);
  const back = (
    <a href={mainHref(tabId)} class="app-small">
      {t('popupBack')}
    </a>
  );
  if (state.state === 'loading') return <Loading label={t('popupRecordLoading')} />;
  if (state.state === 'error') return <div>{back}<ErrorState error={state.error} onRetry={reload} /></div>;
  if (state.value === null) return <div>{back}<Empty title={t('popupRecordMissingTitle')} hint={t('popupRecordMissingHint')} /></div>;
  const { device, following, current } = state.value;
  const title = deviceTitle(device);
  return (
    <article aria-labelledby="record-title">
      {back}
      <div class="app-header">
        <div>
          <h1 id="record-title">{title}</h1>
          <div class="app-device-meta">
            <StatusBadge status={current.status} date={current.date} prefix={t('popupNow')} />
            <OverdueNote device={device} />
            {device.family ? <span class="ss-muted">{device.family}</span> : null}
          </div>
        </div>
        <FollowButton id={device.id} following={following} />
      </div>
      <Section id="specs" title={t('popupSpecs')}>
        <SpecTable specs={device.specs} />
      </Section>
      <Section id="timeline" title={t('popupTimeline')}>
        {device.status.length === 0 ? (
          <p class="ss-muted app-small">{t('popupTimelineEmpty')}</p>
        ) : (
          byRegion(device.status).map(([region, events]) => (
            <div key={region || 'first'}>
              <h3>{region ? t('popupRegion', region) : t('popupRegionFirst')}</h3>
              <StatusTimeline events={events} />
            </div>
          ))
        )}
      </Section>
      <Section id="names" title={t('popupNames')}>
        {device.names.length === 0 ? <p class="ss-muted app-small">{t('popupNamesEmpty')}</p> : <NameList names={device.names} />}
      </Section>
      <Section id="rumors" title={t('popupRumors')}>
        {(device.rumors ?? []).length === 0 ? <p class="ss-muted app-small">{t('popupRumorsEmpty')}</p> : <RumorList rumors={device.rumors ?? []} />}
      </Section>
      <Section id="variants" title={t('popupVariants')}>
        <Variants device={device} tabId={tabId} />
      </Section>
      <Section id="compared" title={t('popupComparedWith')}>
        <p class="ss-muted app-small">{t('popupComparedWithIntro')}</p>
        <ComparedWith id={device.id} tabId={tabId} />
      </Section>
      <Section id="reading" title={t('popupReadingTitle')}>
        <ReadingSection deviceId={device.id} />
      </Section>
      {/* The card's "Report wrong data" opens this record at #report, with the form open. */}
      <ReportForm deviceId={device.id} deviceTitle={title} open={location.hash === '#report'} />
    </article>
  );
}
