// Display text for the record's enums (status, name kind, rumor outcome), shared by every device view.
import type { NameKind, RumorOutcome, SpecKey, Status } from '../../core/schema';
import { t } from '../../utils/i18n';

const STATUS_KEYS: Record<Status, string> = {
  rumored: 'cardStatusRumored',
  announced: 'cardStatusAnnounced',
  released: 'cardStatusReleased',
  cancelled: 'cardStatusCancelled',
  discontinued: 'cardStatusDiscontinued',
};

const KIND_KEYS: Record<NameKind, string> = {
  official: 'cardNameKindOfficial',
  regional: 'cardNameKindRegional',
  carrier: 'cardNameKindCarrier',
  former: 'cardNameKindFormer',
  rumored: 'cardNameKindRumored',
  shorthand: 'cardNameKindShorthand',
  codename: 'cardNameKindCodename',
  code: 'cardNameKindCode',
};

const OUTCOME_KEYS: Record<RumorOutcome, string> = {
  confirmed: 'cardOutcomeConfirmed',
  wrong: 'cardOutcomeWrong',
  partly: 'cardOutcomePartly',
  pending: 'cardOutcomePending',
};

export function statusLabel(status: Status | null | undefined): string {
  return status ? t(STATUS_KEYS[status]) : t('cardStatusUnknown');
}

export function nameKindLabel(kind: NameKind): string {
  return t(KIND_KEYS[kind]);
}

export function outcomeLabel(outcome: RumorOutcome): string {
  return t(OUTCOME_KEYS[outcome]);
}

export function specLabel(key: SpecKey): string {
  return t(`cardSpec_${key}`);
}

/** Only https: links are ever rendered; anything else (javascript:, http:, data:) is dropped. */
export function safeHttpsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
