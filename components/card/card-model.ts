// What the card says, computed from the record and the mention without rendering: why the name
// matched, and the "at the time of this article / now" line. Kept apart so it is tested on its own.
import type { Device } from '../../core/schema';
import type { DeviceDetail, PageMention } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { nameKindLabel, statusLabel } from '../device/labels';

const REASON_KEYS: Record<string, string> = {
  'full-name': 'cardReason_full_name',
  name: 'cardReason_name',
  alias: 'cardReason_alias',
  'model-code': 'cardReason_model_code',
  shorthand: 'cardReason_shorthand',
  codename: 'cardReason_codename',
  'rumored-name': 'cardReason_rumored_name',
};

/** "model code SM-S928B", "carrier name SO-01F (docomo, JP)"; null when the marketing name itself matched. */
export function matchExplanation(device: Pick<Device, 'brand' | 'name' | 'names'>, mention: Pick<PageMention, 'reason' | 'matchedName'>): string | null {
  const matched = mention.matchedName.trim();
  const lower = matched.toLowerCase();
  const full = `${device.brand} ${device.name}`.toLowerCase();
  if (!matched || lower === device.name.toLowerCase() || lower === full) return null;
  const known = device.names.find((n) => n.name.toLowerCase() === lower);
  if (known) {
    const where = [known.carrier, known.region].filter(Boolean).join(', ');
    return `${nameKindLabel(known.kind)} ${known.name}${where ? ` (${where})` : ''}`;
  }
  const key = REASON_KEYS[mention.reason];
  return key ? `${t(key)} ${matched}` : matched;
}

function describe(state: { status: DeviceDetail['current']['status']; date?: string | undefined } | undefined): string {
  if (!state || state.status === null) return t('cardNotYetKnown');
  return [statusLabel(state.status).toLowerCase(), state.date].filter(Boolean).join(' ');
}

/**
 * "At the time of this article: rumored. Now: released 2014-01." Only when the article has a date and
 * the status then differs from the status now; null otherwise (the badge already says it).
 */
export function thenAndNow(detail: Pick<DeviceDetail, 'statusAtDate' | 'current'>): string | null {
  const then = detail.statusAtDate;
  if (!then) return null;
  if (then.status === detail.current.status) return null;
  return t('cardThenNow', [describe(then), describe(detail.current)]);
}
