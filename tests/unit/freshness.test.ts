// How fresh the data is (core/freshness.ts): the date shown, and the warning with its reason.
import { describe, expect, it } from 'vitest';
import { failureReason, formatDataDate, freshness, STALE_AFTER_DAYS } from '../../core/freshness';

const NOW = new Date('2026-12-08T12:00:00Z');

describe('freshness', () => {
  it('shows the data date, or the date a verified manifest confirmed it, whichever is later', () => {
    expect(freshness({ now: NOW, builtFrom: '2026-12-03', hasSource: true })).toEqual({ dataAsOf: '2026-12-03' });
    expect(freshness({ now: NOW, builtFrom: '2026-11-20', hasSource: true, confirmedAt: '2026-12-07T18:00:00Z', lastSuccess: '2026-12-08T06:00:00Z' })).toEqual({ dataAsOf: '2026-12-07' });
    expect(formatDataDate('2026-12-03')).toBe('3 Dec 2026');
  });

  it('warns after 30 days without a successful update, saying why', () => {
    expect(STALE_AFTER_DAYS).toBe(30);
    const old = { now: NOW, builtFrom: '2026-10-01', hasSource: true, lastSuccess: '2026-11-01T00:00:00Z' };
    expect(freshness({ ...old, lastFailure: 'feed unreachable: Failed to fetch' }).warning).toEqual({ kind: 'stale', reason: 'no update for more than 30 days: the update feed could not be reached' });
    expect(freshness({ ...old, lastFailure: 'signature refused: unknown key "x"' }).warning?.reason).toMatch(/signature was refused/);
    expect(freshness({ ...old, offline: true }).warning?.reason).toMatch(/this browser is offline/);
    expect(freshness({ ...old, lastSuccess: '2026-11-10T00:00:00Z' }).warning).toBeUndefined();
    expect(freshness({ now: NOW, builtFrom: '2025-10-22', hasSource: false }).warning?.reason).toMatch(/this build has no update source/);
  });

  it('calls data unconfirmed once the manifest has expired, even after a recent check', () => {
    expect(freshness({ now: NOW, builtFrom: '2026-12-01', hasSource: true, lastSuccess: '2026-12-08T00:00:00Z', expires: '2026-12-05T00:00:00Z' }).warning)
      .toEqual({ kind: 'expired', reason: 'the update feed\u2019s manifest expired on 2026-12-05, so this data is unconfirmed' });
  });

  it('keeps other failures in their own words', () => {
    expect(failureReason('cannot apply: status rolled back', false)).toBe('the last update failed (cannot apply: status rolled back)');
  });
});
