// The release timeline, oldest first: date, status, region; expected dates are marked as such.
import type { StatusEvent } from '../../core/schema';
import { timeline } from '../../core/status';
import { t } from '../../utils/i18n';
import { StatusBadge } from './StatusBadge';

export interface StatusTimelineProps {
  events: StatusEvent[];
}

export function StatusTimeline({ events }: StatusTimelineProps) {
  const ordered = timeline({ status: events });
  return (
    <ol class="ss-timeline">
      {ordered.map((event, i) => (
        <li key={`${i}-${event.status}-${event.date ?? ''}`} class={event.expected ? 'ss-timeline-expected' : undefined}>
          <span class="ss-timeline-date">{event.date ?? '—'}</span>
          <StatusBadge status={event.status} />
          {event.region ? <span class="ss-muted">{event.region}</span> : null}
          {event.expected ? <span class="ss-muted">{t('cardExpected')}</span> : null}
        </li>
      ))}
    </ol>
  );
}
