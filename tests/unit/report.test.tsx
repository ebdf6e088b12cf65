// "Report wrong data": the prefilled report (device id, field, the reader's correction) in the tracker's
// new-issue address, the build setting that names the tracker, and the form in the record view, which
// sends nothing itself and offers the text to copy in a build without a tracker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportBaseFromEnv, reportText, reportUrl, type DataReport } from '../../core/report';
import { ReportForm } from '../../components/device/ReportForm';
import { builtInReportUrl } from '../../utils/report-target';
import { act } from 'preact/test-utils';
import { change, click, installDom, mount, need, text, unmount, until } from './popup-fakes';

/** linkedom's textarea has no settable value: the typed text is given as the element's own value. */
async function typeText(el: Element, value: string): Promise<void> {
  Object.defineProperty(el, 'value', { value, configurable: true });
  await act(() => void el.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('input', { bubbles: true })));
}
import { useEnglishMessages } from './fake-i18n';

const REPORT: DataReport = {
  deviceId: 'sony-xperia-z1-f',
  deviceTitle: 'Sony Xperia Z1 f',
  field: 'dates',
  correction: 'Released 2013-12-20 in Japan & not 2014 (docomo press release)',
};

describe('the report', () => {
  it('carries the device id, the field and the correction in the tracker address', () => {
    const url = new URL(reportUrl('https://tracker.example/specscout/issues/new?labels=data', REPORT));
    expect(url.origin + url.pathname).toBe('https://tracker.example/specscout/issues/new');
    expect(url.searchParams.get('labels')).toBe('data');
    expect(url.searchParams.get('title')).toBe('Wrong data: Sony Xperia Z1 f (sony-xperia-z1-f), dates');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Device id: sony-xperia-z1-f');
    expect(body).toContain('Field: dates');
    expect(body).toContain(REPORT.correction);
    expect(reportText(REPORT)).toContain(body);
  });

  it('takes the tracker from the build environment: https only, none when unset', () => {
    expect(reportBaseFromEnv({})).toBeUndefined();
    expect(reportBaseFromEnv({ SPECSCOUT_REPORT_URL: '  ' })).toBeUndefined();
    expect(reportBaseFromEnv({ SPECSCOUT_REPORT_URL: 'https://tracker.example/issues/new' })).toBe('https://tracker.example/issues/new');
    expect(() => reportBaseFromEnv({ SPECSCOUT_REPORT_URL: 'http://tracker.example/issues/new' })).toThrow(/https/);
    expect(() => reportBaseFromEnv({ SPECSCOUT_REPORT_URL: 'https://me:pw@tracker.example/' })).toThrow(/credentials/);
    expect(() => reportBaseFromEnv({ SPECSCOUT_REPORT_URL: 'tracker' })).toThrow(/not a URL/);
    // Unit tests are not a build: no tracker is compiled in.
    expect(builtInReportUrl()).toBeUndefined();
  });
});

describe('the report form', () => {
  let copied: string[];
  beforeEach(() => {
    installDom();
    useEnglishMessages();
    copied = [];
    // Node 20 has no navigator; the form uses only navigator.clipboard.
    const clipboard = { writeText: async (s: string) => void copied.push(s) };
    Object.defineProperty(globalThis, 'navigator', { value: { ...(globalThis.navigator ?? {}), clipboard }, configurable: true });
  });
  afterEach(() => unmount());

  it('fills the tracker link from what the reader typed, and sends nothing before their click', async () => {
    const root = await mount(<ReportForm deviceId={REPORT.deviceId} deviceTitle={REPORT.deviceTitle} tracker="https://tracker.example/issues/new" />);
    const field = need(root, '#report-field');
    await change(field, (el) => void Object.defineProperty(el, 'value', { value: 'dates', configurable: true }));
    await typeText(need(root, '#report-correction'), REPORT.correction);
    const link = need(root, '#report-open');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    const url = new URL(link.getAttribute('href')!);
    expect(url.searchParams.get('body')).toContain('Field: dates');
    expect(url.searchParams.get('body')).toContain(REPORT.correction);
    expect(copied).toEqual([]);
  });

  it('offers the text to copy in a build without a tracker', async () => {
    const root = await mount(<ReportForm deviceId={REPORT.deviceId} deviceTitle={REPORT.deviceTitle} tracker={undefined} />);
    expect(root.querySelector('#report-open')).toBeNull();
    expect(text(root)).toContain('copy the report');
    await typeText(need(root, '#report-correction'), 'Snapdragon 800');
    await click(need(root, '#report-copy'));
    await until(() => expect(text(need(root, '#report-message'))).toBe('The report is copied.'));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Device id: sony-xperia-z1-f');
    expect(copied[0]).toContain('Snapdragon 800');
  });
});
