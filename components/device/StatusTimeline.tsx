// The release timeline, oldest first: date, status, region; expected dates are marked as such.
import type { StatusEvent } from '../../core/schema';
import { isOverdue, timeline } from '../../core/status';
import { t } from '../../utils/i18n';
import { StatusBadge } from './StatusBadge';

export interface StatusTimelineProps {
  events: StatusEvent[];
  /** Today's date: an expected date it has passed reads "expected, not confirmed". */
  today?: string;
}

export function StatusTimeline({ events, today = todayIso() }: StatusTimelineProps) {
  const ordered = timeline({ status: events });
  return (
    <ol class="ss-timeline">
      {ordered.map((event, i) => (
        <li key={`${i}-${event.status}-${event.date ?? ''}`} class={event.expected ? 'ss-timeline-expected' : undefined}>
          <span class="ss-timeline-date">{event.date ?? '—'}</span>
          <StatusBadge status={event.status} />
          {event.region ? <span class="ss-muted">{event.region}</span> : null}
          {event.expected ? <span class="ss-muted">{t(isOverdue(event, today) ? 'cardExpectedNotConfirmed' : 'cardExpected')}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The reader's date, for judging expected dates (core never reads the clock; the UI may). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
