// What changed for a followed device between the record the reader was last told about and the new one:
// the meaningful changes only (status, dates, regional release, rumor outcomes, newly confirmed specs),
// each with a stable key so "already told" can be remembered across sources (an extension update and a
// feed may bring the same news) and restarts. Pure: reordering names, sources or events is not news.

import { formatSpecs } from './summary';
import { comparePartialDates, currentStatus, firstEvent, nextExpected, STATUS_STAGE, timeline } from './status';
import { STATUSES, type Device, type Rumor, type Specs, type SpecKey, type Status } from './schema';

/** Kinds of change, in the order they are listed; utils/settings-model.ts CHANGE_KINDS mirrors it (tested). */
export const CHANGE_KIND_LIST = [
  'status',
  'announce-date',
  'release-date',
  'expected-date',
  'regional-release',
  'rumor-outcome',
  'specs-confirmed',
  'removed',
] as const;
export type ChangeKind = (typeof CHANGE_KIND_LIST)[number];

export interface DeviceChange {
  deviceId: string;
  kind: ChangeKind;
  /**
   * Stable across sources and restarts: `deviceId|kind|what it became`. The same news arriving twice
   * (shipped index, then a feed) has the same key; a different later change has a different one.
   */
  key: string;
  /** One English sentence naming the device ("Sony Xperia Z1 is now announced (2013-09-04)"). */
  text: string;
  /**
   * Keys of earlier news this change withdraws (a correction of a status): forgotten as "told", so when the
   * withdrawn status comes true after all it is told again rather than silently matching the old key.
   */
  retracts?: string[];
}

const SPEC_LABELS: Record<SpecKey, string> = {
  displayInches: 'display',
  displayResolution: 'resolution',
  chipset: 'chipset',
  ramGb: 'RAM',
  storageGb: 'storage',
  mainCameraMp: 'main camera',
  rearCamerasMp: 'rear cameras',
  selfieCameraMp: 'selfie camera',
  batteryMah: 'battery',
  osAtLaunch: 'OS at launch',
  dimensionsMm: 'dimensions',
  weightG: 'weight',
};

const STATUS_WORDS: Record<Status, string> = {
  rumored: 'rumored',
  announced: 'announced',
  released: 'released',
  cancelled: 'cancelled',
  discontinued: 'discontinued',
};

function title(d: Pick<Device, 'brand' | 'name'>): string {
  return d.name.toLowerCase().startsWith(d.brand.toLowerCase()) ? d.name : `${d.brand} ${d.name}`;
}

/** A value's identity regardless of the order of option lists (RAM and storage options are sets). */
function specIdentity(key: SpecKey, value: Specs[SpecKey]): string {
  if (Array.isArray(value) && (key === 'ramGb' || key === 'storageGb' || key === 'rearCamerasMp')) {
    return JSON.stringify([...(value as number[])].sort((a, b) => a - b));
  }
  return JSON.stringify(value);
}

/** Short stable hash (FNV-1a, 32 bits) so keys stay small when they name a rumor's claim. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function rumorIdentity(r: Rumor): string {
  return `${r.source.publication.trim().toLowerCase()}|${r.claim.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

function sameRegion(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toUpperCase() === b.toUpperCase();
}

/** The first release the reader can buy in `region`: an event naming that region exactly. */
function regionalRelease(d: Device, region: string) {
  return timeline(d).find((e) => e.status === 'released' && !e.expected && sameRegion(e.region, region));
}

/** " (2014-01, JP)", " (JP)", " (2014-01)" or nothing. */
function withDate(date: string | undefined, region?: string): string {
  const inside = [date, region].filter((part) => part !== undefined).join(', ');
  return inside ? ` (${inside})` : '';
}

/**
 * The meaningful changes from `before` (the record as last told) to `after` (undefined: the device left
 * the index), for a reader in `region`. Order: status, dates, regional release, rumors, specs.
 */
export function diffDevice(before: Device, after: Device | undefined, region: string): DeviceChange[] {
  const id = before.id;
  const name = title(after ?? before);
  const out: DeviceChange[] = [];
  const add = (kind: ChangeKind, what: string, text: string, retracts?: string[]) =>
    out.push({ deviceId: id, kind, key: `${id}|${kind}|${what}`, text, ...(retracts ? { retracts } : {}) });

  if (after === undefined) {
    add('removed', '', `${name} is no longer in the index`);
    return out;
  }

  // Status: the headline status anywhere (a release elsewhere is news; the reader's own region is below).
  // A status that moves back is news only as a correction the record declares (statusCorrection): an
  // undeclared step back is older data (a restored built-in index, a stale source), not something that
  // happened, and telling it would make the later return look like old news.
  const was = currentStatus(before);
  const now = currentStatus(after);
  const movedBack = was !== undefined && (now === undefined || STATUS_STAGE[now.status] < STATUS_STAGE[was.status]);
  const correction = after.statusCorrection;
  const declared = movedBack && correction !== undefined && correction.withdrawn === was.status;
  const statusMoved = now !== undefined && now.status !== was?.status && (!movedBack || declared);
  if (statusMoved && declared) {
    const stage = STATUS_STAGE[now.status];
    const retracts = STATUSES.filter((s) => STATUS_STAGE[s] > stage).map((s) => `${id}|status|${s}`);
    add(
      'status',
      `${now.status}|withdrawn-${was.status}|${hash(correction.note)}`,
      `${name}: status corrected to ${STATUS_WORDS[now.status]}${withDate(now.date, now.region)}, ${STATUS_WORDS[was.status]} was withdrawn: ${correction.note}`,
      retracts,
    );
  } else if (statusMoved) {
    const previously = was ? `, was ${STATUS_WORDS[was.status]}` : '';
    add('status', now.status, `${name} is now ${STATUS_WORDS[now.status]}${withDate(now.date, now.region)}${previously}`);
  }

  // Announce and release dates: set or changed. When the status just moved to that stage, the status
  // line already carries the date, so it is not told twice.
  for (const [kind, stage] of [['announce-date', 'announced'], ['release-date', 'released']] as const) {
    const oldDate = firstEvent(before, stage)?.date;
    const newDate = firstEvent(after, stage)?.date;
    if (newDate === undefined || newDate === oldDate) continue;
    if (statusMoved && now.status === stage && oldDate === undefined) continue;
    const verb = stage === 'announced' ? 'announce' : 'release';
    add(kind, newDate, oldDate ? `${name}: ${verb} date corrected to ${newDate} (was ${oldDate})` : `${name}: ${verb} date ${newDate}`);
  }

  // Expected date: the next expected event appeared or moved (one that came true is told as a status).
  const oldNext = nextExpected(before);
  const newNext = nextExpected(after);
  if (newNext?.date !== undefined) {
    const moved = oldNext === undefined || oldNext.status !== newNext.status || comparePartialDates(oldNext.date!, newNext.date) !== 0;
    if (moved) {
      const stage = STATUS_WORDS[newNext.status];
      const from = oldNext?.date !== undefined && oldNext.status === newNext.status ? ` (was ${oldNext.date})` : '';
      add('expected-date', `${newNext.status}|${newNext.date}`, `${name}: now expected to be ${stage} ${newNext.date}${newNext.region ? ` in ${newNext.region}` : ''}${from}`);
    }
  }

  // Released in the reader's region (not told again when the status line just said so for that region).
  const regional = regionalRelease(after, region);
  if (regional && !regionalRelease(before, region)) {
    const saidByStatus = statusMoved && now.status === 'released' && sameRegion(now.region, region);
    if (!saidByStatus) add('regional-release', region.toUpperCase(), `${name} is now released in ${region.toUpperCase()}${regional.date ? ` (${regional.date})` : ''}`);
  }

  // Rumors: an outcome that became known (or changed). Matched by publication and claim, not position.
  const oldRumors = new Map((before.rumors ?? []).map((r) => [rumorIdentity(r), r]));
  for (const r of after.rumors ?? []) {
    if (r.outcome === 'pending') continue;
    const previous = oldRumors.get(rumorIdentity(r));
    if (previous?.outcome === r.outcome) continue;
    const verdict = r.outcome === 'confirmed' ? 'confirmed' : r.outcome === 'wrong' ? 'proven wrong' : 'partly right';
    const note = r.outcomeNote ? `: ${r.outcomeNote}` : '';
    add('rumor-outcome', `${hash(rumorIdentity(r))}|${r.outcome}`, `${name}: rumor ${verdict} — “${r.claim}” (${r.source.publication})${note}`);
  }

  // Specs: newly known or changed values, one change listing them all (a launch confirms many at once).
  const oldSpecs = before.specs ?? {};
  const newSpecs = after.specs ?? {};
  const formatted = new Map(formatSpecs(newSpecs));
  const confirmed: SpecKey[] = [];
  for (const key of Object.keys(SPEC_LABELS) as SpecKey[]) {
    const value = newSpecs[key];
    if (value === undefined) continue;
    if (oldSpecs[key] !== undefined && specIdentity(key, oldSpecs[key]) === specIdentity(key, value)) continue;
    confirmed.push(key);
  }
  if (confirmed.length > 0) {
    const what = confirmed.map((k) => `${k}=${specIdentity(k, newSpecs[k])}`).join(',');
    const listed = confirmed.map((k) => `${SPEC_LABELS[k]} ${formatted.get(k) ?? ''}`.trim()).join(', ');
    add('specs-confirmed', hash(what), `${name}: specs confirmed — ${listed}`);
  }
  return out;
}
