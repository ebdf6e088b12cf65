// A release-status pill: "Released 2014-01", coloured per status, readable in light and dark.
import type { Status } from '../../core/schema';
import { statusLabel } from './labels';

export interface StatusBadgeProps {
  status: Status | null | undefined;
  date?: string | undefined;
  /** Text before the badge for screen readers and sighted readers alike, e.g. "Now:". */
  prefix?: string;
}

export function StatusBadge({ status, date, prefix }: StatusBadgeProps) {
  const label = [statusLabel(status), date].filter(Boolean).join(' ');
  return (
    <span class={`ss-badge ss-badge-${status ?? 'unknown'}`} data-status={status ?? 'unknown'}>
      {prefix ? `${prefix} ${label}` : label}
    </span>
  );
}
