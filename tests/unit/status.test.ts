import { describe, expect, it } from 'vitest';
import { comparePartialDates, currentStatus, describeStatus, firstEvent, happenedBy, isOverdue, nextExpected, overdueExpectation } from '../../core/status';
import { device } from './index-fixtures';

describe('happenedBy', () => {
  it('counts an event only once its whole period is over by the end of the reference period', () => {
    expect(happenedBy('2014-01-06', '2014-01-06')).toBe(true);
    expect(happenedBy('2014-01', '2014-01-06')).toBe(false);
    expect(happenedBy('2014-01', '2014-01')).toBe(true);
    expect(happenedBy('2014-01-06', '2014-01')).toBe(true);
    expect(happenedBy('2014', '2014-06-01')).toBe(false);
    expect(happenedBy('2013', '2014-01-01')).toBe(true);
  });
});

describe('comparePartialDates', () => {
  it('orders less precise dates before more precise ones within the same period', () => {
    expect(['2014-02', '2014-01-22', '2014', '2014-01'].sort(comparePartialDates)).toEqual(['2014', '2014-01', '2014-01-22', '2014-02']);
  });
});

describe('currentStatus', () => {
  const z9 = device();

  it('is the latest event when no date is given', () => {
    expect(currentStatus(z9)).toEqual({ status: 'released', date: '2014-10', region: 'EU' });
  });

  it('is the state at an article date', () => {
    expect(currentStatus(z9, '2014-09-10')).toEqual({ status: 'announced', date: '2014-09-03' });
    expect(currentStatus(z9, '2014-11-01')).toEqual({ status: 'released', date: '2014-10', region: 'EU' });
  });

  it('is rumored between the first dated rumor and the first event', () => {
    expect(currentStatus(z9, '2014-07-01')).toEqual({ status: 'rumored', date: '2014-06' });
  });

  it('is unknown before anything was said about the device', () => {
    expect(currentStatus(z9, '2013-01-01')).toBeUndefined();
  });

  it('ignores events in other regions when a region is asked for', () => {
    expect(currentStatus(z9, undefined, 'US')).toEqual({ status: 'announced', date: '2014-09-03' });
    expect(currentStatus(z9, undefined, 'EU')?.status).toBe('released');
  });

  it('lets a month-precision release win over a same-month announcement', () => {
    const d = device({ status: [{ status: 'announced', date: '2014-01-06' }, { status: 'released', date: '2014-01', region: 'US' }] });
    expect(currentStatus(d)?.status).toBe('released');
    expect(currentStatus(d, '2014-01-06')?.status).toBe('announced');
  });

  it('never counts expected events as happened', () => {
    const d = device({ status: [{ status: 'announced', date: '2014-09-03' }, { status: 'released', date: '2014-12', expected: true }] });
    expect(currentStatus(d)?.status).toBe('announced');
    expect(currentStatus(d, '2015-06')?.status).toBe('announced');
    expect(nextExpected(d, '2014-10')).toEqual({ status: 'released', date: '2014-12', expected: true });
    expect(nextExpected(d, '2015-01')).toBeUndefined();
  });

  it('places an undated event by the dated event after it', () => {
    const d = device({ rumors: [], status: [{ status: 'announced' }, { status: 'released', date: '2014-10' }] });
    expect(currentStatus(d, '2014-09')).toBeUndefined();
    expect(currentStatus(d, '2014-11')?.status).toBe('released');
    expect(currentStatus(device({ rumors: [], status: [{ status: 'cancelled' }] }))).toEqual({ status: 'cancelled' });
  });

  it('is terminal after discontinuation or cancellation', () => {
    const d = device({ status: [...device().status, { status: 'discontinued', date: '2016' }] });
    expect(currentStatus(d)).toEqual({ status: 'discontinued', date: '2016' });
    expect(currentStatus(d, '2015-05')?.status).toBe('released');
  });
});

describe('describeStatus', () => {
  it('shows then and now when they differ', () => {
    expect(describeStatus(device(), '2014-07-01')).toBe('at the time of this article: rumored; now: released 2014-10 (EU)');
  });
  it('shows only now when nothing changed', () => {
    expect(describeStatus(device(), '2015-01-01')).toBe('released 2014-10 (EU)');
  });
});

describe('firstEvent', () => {
  it('finds the first event of a status', () => {
    expect(firstEvent(device(), 'released')?.date).toBe('2014-10');
    expect(firstEvent(device(), 'cancelled')).toBeUndefined();
  });
});

describe('rumored status at an article date', () => {
  it('counts a rumor whose period had begun by the article date, the earliest first', () => {
    const device = {
      status: [{ status: 'announced' as const, date: '2014-01-06' }],
      rumors: [
        { claim: 'a', source: { publication: 'p', date: '2013' }, confidence: 'low' as const, outcome: 'wrong' as const },
        { claim: 'b', source: { publication: 'q', date: '2013-11' }, confidence: 'medium' as const, outcome: 'wrong' as const },
      ],
    };
    expect(currentStatus(device, '2013-12-12')).toEqual({ status: 'rumored', date: '2013' });
    expect(currentStatus({ ...device, rumors: device.rumors.slice(1) }, '2013-11-20')).toEqual({ status: 'rumored', date: '2013-11' });
    expect(currentStatus({ ...device, rumors: device.rumors.slice(1) }, '2013-10-01')).toBeUndefined();
    expect(currentStatus(device, '2012-06-01')).toBeUndefined();
    expect(currentStatus(device, '2014-02-01')).toEqual({ status: 'announced', date: '2014-01-06' });
  });
});

describe('expected dates that passed', () => {
  const rumored = { status: [{ status: 'rumored' as const, date: '2025-06' }, { status: 'announced' as const, date: '2026-02', expected: true }] };

  it('are overdue once their whole period is over', () => {
    expect(isOverdue(rumored.status[1]!, '2026-02-28')).toBe(false);
    expect(isOverdue(rumored.status[1]!, '2026-03-01')).toBe(true);
    expect(isOverdue(rumored.status[1]!, '2026-02')).toBe(false);
    expect(isOverdue(rumored.status[0]!, '2030-01-01')).toBe(false);
  });

  it('make a rumored device "expected, not confirmed" until it launches or a new date is expected', () => {
    expect(overdueExpectation(rumored, '2026-12-08')).toEqual(rumored.status[1]);
    expect(overdueExpectation(rumored, '2026-01-15')).toBeUndefined();
    const announced = { status: [...rumored.status, { status: 'announced' as const, date: '2026-02-25' }] };
    expect(overdueExpectation(announced, '2026-12-08')).toBeUndefined();
    const moved = { status: [...rumored.status, { status: 'announced' as const, date: '2027-02', expected: true }] };
    expect(overdueExpectation(moved, '2026-12-08')).toBeUndefined();
  });
});
