// Under a rumored device's status: the launch it was expected for has passed with no confirmation in our data,
// so the card says so instead of showing a plain rumor ("Announced: expected 2026-02, not confirmed").
import type { Device } from '../../core/schema';
import { overdueExpectation } from '../../core/status';
import { t } from '../../utils/i18n';
import { statusLabel } from './labels';
import { todayIso } from './StatusTimeline';

export function OverdueNote({ device, today = todayIso() }: { device: Pick<Device, 'status' | 'rumors'>; today?: string }) {
  const late = overdueExpectation(device, today);
  if (!late?.date) return null;
  return <p class="ss-card-overdue" data-testid="overdue">{t('cardOverdue', [statusLabel(late.status), late.date])}</p>;
}
