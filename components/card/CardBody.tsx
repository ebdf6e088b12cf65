// The card's content once the record is loaded: name, status (then and now), why it matched, key
// specs, other names, rumors and the actions. Presentational: every effect comes in as a callback.
import type { DeviceDetail, DeviceSummary, PageMention } from '../../utils/protocol';
import { keySpecs } from '../../core/summary';
import { deviceTitle } from '../../core/names';
import { t } from '../../utils/i18n';
import { FollowButton } from '../device/FollowButton';
import { KeySpecs } from '../device/KeySpecs';
import { NameList } from '../device/NameList';
import { RumorList } from '../device/RumorList';
import { OverdueNote } from '../device/OverdueNote';
import { StatusBadge } from '../device/StatusBadge';
import { matchExplanation, thenAndNow } from './card-model';

export type RejectScope = 'device' | 'site';

export interface CardTarget {
  mention: Pick<PageMention, 'deviceId' | 'matchedName' | 'reason'>;
  summary?: DeviceSummary | undefined;
}

export interface CardActions {
  onClose(): void;
  /** `section: 'report'`: the record opens at its "Report wrong data" form. */
  onOpenRecord(id: string, section?: 'report'): void;
  onReject(scope: RejectScope): void;
}

export interface CardHeaderProps {
  brand: string;
  name: string;
  onClose(): void;
  titleId: string;
}

export function CardHeader({ brand, name, onClose, titleId }: CardHeaderProps) {
  return (
    <div class="ss-card-head">
      <div class="ss-card-titles">
        <h2 class="ss-card-name" id={titleId}>
          {deviceTitle({ brand, name })}
        </h2>
      </div>
      {/* data-harmless: closing needs no proof that the reader saw the card (entrypoints/content/click-guard.ts). */}
      <button type="button" class="ss-card-close" data-harmless aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

export interface CardBodyProps extends CardActions {
  detail: DeviceDetail;
  target: CardTarget;
  titleId: string;
}

export function CardBody({ detail, target, titleId, onClose, onOpenRecord, onReject }: CardBodyProps) {
  const { device } = detail;
  const explanation = matchExplanation(device, target.mention);
  const thenNow = thenAndNow(detail);
  const specs = keySpecs(device);
  const otherNames = device.names.filter((n) => n.name.toLowerCase() !== device.name.toLowerCase());
  const rumors = device.rumors ?? [];
  return (
    <>
      <CardHeader brand={device.brand} name={device.name} onClose={onClose} titleId={titleId} />
      <div class="ss-card-status">
        <StatusBadge status={detail.current.status} date={detail.current.date} />
      </div>
      <OverdueNote device={device} />
      {thenNow ? <p class="ss-card-then-now" data-testid="then-now">{thenNow}</p> : null}
      {explanation ? <p class="ss-card-matched">{t('cardMatchedBy', explanation)}</p> : null}
      <section class="ss-section" aria-label={t('cardKeySpecs')}>
        <KeySpecs specs={specs} />
      </section>
      {otherNames.length > 0 ? (
        <section class="ss-section">
          <h3 class="ss-section-title">{t('cardOtherNames')}</h3>
          <NameList names={otherNames} limit={4} matchedName={target.mention.matchedName} moreLabel={(n) => t('cardMoreNames', String(n))} />
        </section>
      ) : null}
      {rumors.length > 0 ? (
        <section class="ss-section">
          <h3 class="ss-section-title">{t('cardRumors')}</h3>
          <RumorList rumors={rumors} limit={3} />
        </section>
      ) : null}
      <div class="ss-card-actions" role="group" aria-label={t('cardActions')}>
        <FollowButton id={device.id} following={detail.following} />
        <button type="button" class="ss-link-button" onClick={() => onOpenRecord(device.id)}>
          {t('cardOpenRecord')}
        </button>
        <button type="button" class="ss-link-button" onClick={() => onOpenRecord(device.id, 'report')}>
          {t('cardReportWrong')}
        </button>
        <button type="button" class="ss-link-button" onClick={() => onReject('device')}>
          {t('cardNotThisDevice')}
        </button>
        <button type="button" class="ss-link-button" onClick={() => onReject('site')}>
          {t('cardNotOnThisSite')}
        </button>
      </div>
    </>
  );
}
