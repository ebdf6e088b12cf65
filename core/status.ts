// The release-status model: what state a device was in at a given date ("at the time of this article:
// rumored; now: released 2014-01"), read from its status timeline and its dated rumors. Pure: "now" is
// simply "no date given", never the clock.

import type { Device, PartialDate, Status, StatusEvent } from './schema';

export interface CurrentStatus {
  status: Status;
  /** Date of the event that set this status, when known. */
  date?: PartialDate;
  /** Region of that event, when it was regional. */
  region?: string;
}

/**
 * How far along a device is: the order of precedence when two events share a date (later stages win), and
 * the order a status may move in without a correction (core/feed.ts `statusRollbacks`).
 */
export const STATUS_STAGE: Readonly<Record<Status, number>> = { rumored: 0, announced: 1, released: 2, cancelled: 3, discontinued: 3 };
const STAGE = STATUS_STAGE;

/**
 * Total order for sorting partial dates: by common precision first, then the less precise one first
 * ("2014" < "2014-01" < "2014-01-22" < "2014-02").
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  if (x !== y) return x < y ? -1 : 1;
  return a.length - b.length;
}

/** Last day of a partial date's period: "2014" -> "2014-12-31", "2014-02" -> "2014-02-28". */
export function endOfPeriod(date: PartialDate): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const days = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    return `${date}-${String(days).padStart(2, '0')}`;
  }
  return date;
}

/**
 * Whether something dated `date` had surely happened by `at`: its whole period is over by the end of
 * `at`'s period. So a release in "2014-01" has not happened for an article of 2014-01-06 (it may be later
 * that month), but has for an article dated "2014-01" or "2014-02-03".
 */
export function happenedBy(date: PartialDate, at: PartialDate): boolean {
  return endOfPeriod(date) <= endOfPeriod(at);
}

/** Whether two partial dates can be the same day ("2014-01" and "2014-01-06" can). */
function overlaps(a: PartialDate, b: PartialDate): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function appliesToRegion(event: StatusEvent, region: string | undefined): boolean {
  if (region === undefined || event.region === undefined) return true;
  return event.region === region || event.region === 'global';
}

/**
 * The timeline, oldest first. Validation already requires records to list events oldest first (compared at
 * their common precision), and that order also places undated events, so it is kept as written.
 */
export function timeline(device: Pick<Device, 'status'>): StatusEvent[] {
  return [...device.status];
}

/** Events that had happened by `at` (all that are not merely expected when `at` is absent), oldest first. */
export function eventsBy(device: Pick<Device, 'status'>, at?: PartialDate, region?: string): StatusEvent[] {
  const events = timeline(device).filter((e) => !e.expected && appliesToRegion(e, region));
  if (at === undefined) return events;
  // An undated event is placed in time only by what follows it: it counts once a later dated event counts.
  const counted: StatusEvent[] = [];
  let lastCountedIndex = -1;
  events.forEach((e, i) => {
    if (e.date !== undefined && happenedBy(e.date, at)) lastCountedIndex = i;
  });
  events.forEach((e, i) => {
    if (i <= lastCountedIndex) counted.push(e);
  });
  return counted;
}

/** Earliest date on which a rumor about the device was published, if any rumor is dated. */
export function firstRumorDate(device: Pick<Device, 'rumors'>): PartialDate | undefined {
  let first: PartialDate | undefined;
  for (const r of device.rumors ?? []) {
    const d = r.source.date;
    if (d !== undefined && (first === undefined || comparePartialDates(d, first) < 0)) first = d;
  }
  return first;
}

/**
 * Earliest date of a rumor that could have been published by `at` (its period had begun). Lenient on
 * purpose, unlike status events: an article of 2013-11-20 reporting a rumor dated "2013-11" is itself the
 * evidence that the device was rumored then, while "released 2014-01" must not be claimed on 2014-01-06.
 */
function firstRumorDateBy(device: Pick<Device, 'rumors'>, at: PartialDate): PartialDate | undefined {
  let first: PartialDate | undefined;
  for (const r of device.rumors ?? []) {
    const d = r.source.date;
    const begun = d !== undefined && d.slice(0, Math.min(d.length, at.length)) <= at.slice(0, Math.min(d.length, at.length));
    if (d !== undefined && begun && (first === undefined || comparePartialDates(d, first) < 0)) first = d;
  }
  return first;
}

/**
 * The device's status at `at` (a partial date; absent = now, i.e. everything the data knows) in `region`
 * (absent = anywhere). Before the first event, a device with rumors dated by then is "rumored". Returns
 * undefined when nothing about the device was known at that date.
 */
export function currentStatus(device: Pick<Device, 'status' | 'rumors'>, at?: PartialDate, region?: string): CurrentStatus | undefined {
  const events = eventsBy(device, at, region);
  let best: StatusEvent | undefined;
  for (const e of events) {
    if (best === undefined) {
      best = e;
      continue;
    }
    // Events are in order; when two can fall on the same day ("2014-01-06" and "2014-01") the later stage
    // wins, so an announcement does not hide a release reported only by month.
    const sameTime = e.date !== undefined && best.date !== undefined && overlaps(e.date, best.date);
    if (!sameTime || STAGE[e.status] >= STAGE[best.status]) best = e;
  }
  if (best) return toCurrent(best);
  const rumorDate = at === undefined ? firstRumorDate(device) : firstRumorDateBy(device, at);
  if (rumorDate !== undefined) return { status: 'rumored', date: rumorDate };
  if (at === undefined && (device.rumors?.length ?? 0) > 0) return { status: 'rumored' };
  return undefined;
}

function toCurrent(e: StatusEvent): CurrentStatus {
  const out: CurrentStatus = { status: e.status };
  if (e.date !== undefined) out.date = e.date;
  if (e.region !== undefined) out.region = e.region;
  return out;
}

/** First event of a given status (optionally in a region), e.g. the launch date. */
export function firstEvent(device: Pick<Device, 'status'>, status: Status, region?: string): StatusEvent | undefined {
  return timeline(device).find((e) => e.status === status && !e.expected && appliesToRegion(e, region));
}

/** Whether an expected event's whole period is over by `today` without the event being confirmed. */
export function isOverdue(event: StatusEvent, today: PartialDate): boolean {
  return event.expected === true && event.date !== undefined && endOfPeriod(event.date) < endOfPeriod(today) && !happenedBy(today, event.date);
}

/**
 * The latest expected event that `today` has passed while the device is still only rumored (or unknown): the
 * card then says "expected to be announced 2026-02, not confirmed" instead of a plain rumor.
 */
export function overdueExpectation(device: Pick<Device, 'status' | 'rumors'>, today: PartialDate): StatusEvent | undefined {
  const now = currentStatus(device);
  if (now !== undefined && now.status !== 'rumored') return undefined;
  const late = timeline(device).filter((e) => isOverdue(e, today));
  if (late.length === 0 || nextExpected(device, today) !== undefined) return undefined;
  return late[late.length - 1];
}

/** The next expected event after `at` (or any expected event when `at` is absent). */
export function nextExpected(device: Pick<Device, 'status'>, at?: PartialDate): StatusEvent | undefined {
  return timeline(device).find((e) => e.expected && e.date !== undefined && (at === undefined || !happenedBy(e.date, at)));
}

/** "released 2014-01 (EU)", "rumored", "announced 2013-09-04". */
export function formatStatus(s: CurrentStatus | undefined): string {
  if (!s) return 'unknown';
  return [s.status, s.date, s.region ? `(${s.region})` : undefined].filter(Boolean).join(' ');
}

/**
 * Both states side by side when they differ: "at the time of this article: rumored; now: released 2014-01".
 * With no article date, or when nothing changed since, only the current state.
 */
export function describeStatus(device: Pick<Device, 'status' | 'rumors'>, articleDate?: PartialDate, region?: string): string {
  const now = currentStatus(device, undefined, region);
  if (articleDate === undefined) return formatStatus(now);
  const then = currentStatus(device, articleDate, region);
  if (then?.status === now?.status) return formatStatus(now);
  return `at the time of this article: ${then ? then.status : 'not yet known'}; now: ${formatStatus(now)}`;
}
