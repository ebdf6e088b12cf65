// The card's actions as the worker carries them out: "Not this device", "Don't mark on this site",
// "Full record" and loading a record with a visible waking-up state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rejectMatch } from '../../entrypoints/background/rejections';
import { browser } from 'wxt/browser';
import { openRecord, RECORD_TABS_PER_MINUTE } from '../../entrypoints/background/open-record';
import { loadSettings } from '../../utils/settings';
import { closeDB } from '../../utils/db';
import { loadDetail, type LoadState } from '../../components/card/load-detail';
import type { DeviceDetail } from '../../utils/protocol';

describe('rejecting a match from the card', () => {
  // The database connection is cached per module; each test starts from the fresh factory setup.ts installs.
  beforeEach(() => closeDB());

  it('remembers "not this device" for the site only, once', async () => {
    await rejectMatch({ site: 'www.gsmarena.com', deviceId: 'sony-xperia-z1', matchedName: 'C6903', scope: 'device' });
    await rejectMatch({ site: 'gsmarena.com', deviceId: 'sony-xperia-z1', matchedName: 'C6903', scope: 'device' });
    const settings = await loadSettings();
    expect(settings.rejectedMatches).toEqual(['gsmarena.com|sony-xperia-z1']);
    expect(settings.disabledSites).toEqual([]);
  });

  it('turns marking off for the whole site on "don\'t mark on this site"', async () => {
    await rejectMatch({ site: 'theverge.com', deviceId: 'sony-xperia-z1', matchedName: 'Xperia Z1', scope: 'site' });
    const settings = await loadSettings();
    expect(settings.disabledSites).toEqual(['theverge.com']);
    expect(settings.rejectedMatches).toEqual([]);
  });
});

describe('opening the full record', () => {
  it('opens the popup page for the device in a new tab', async () => {
    await openRecord('sony-xperia-z1');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(expect.stringMatching(/\/popup\.html\?device=sony-xperia-z1$/));
  });

  it('opens it at the "Report wrong data" form for the card\'s report action', async () => {
    await openRecord('sony-xperia-z1', undefined, Date.now, 'report');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(expect.stringMatching(/\/popup\.html\?device=sony-xperia-z1#report$/));
  });

  it('opens at most six record tabs a minute, however many are asked for at once, and more a minute later', async () => {
    let now = 1_000_000;
    const clock = () => now;
    const before = (await fakeBrowser.tabs.query({})).length;
    const asked = await Promise.allSettled(Array.from({ length: 20 }, () => openRecord('sony-xperia-z1', undefined, clock)));
    expect(asked.filter((r) => r.status === 'fulfilled')).toHaveLength(RECORD_TABS_PER_MINUTE);
    expect(asked.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.objectContaining({ message: expect.stringMatching(/last minute/) }) });
    expect((await fakeBrowser.tabs.query({})).length - before).toBe(RECORD_TABS_PER_MINUTE);
    now += 59_000;
    await expect(openRecord('sony-xperia-z1', undefined, clock)).rejects.toThrow(/last minute/);
    now += 1_001;
    await expect(openRecord('sony-xperia-z1', undefined, clock)).resolves.toEqual({ ok: true });
  });

  it('keeps counting across a worker restart (the times are in storage.session, not in memory)', async () => {
    const now = () => 5_000_000;
    await browser.storage.session.set({ recordTabsOpenedAt: Array.from({ length: RECORD_TABS_PER_MINUTE }, (_, i) => 4_999_000 + i) });
    await expect(openRecord('sony-xperia-z1', undefined, now)).rejects.toThrow(/last minute/);
    // Damaged or future times count for nothing.
    await browser.storage.session.set({ recordTabsOpenedAt: ['x', null, 9_000_000] });
    await expect(openRecord('sony-xperia-z1', undefined, now)).resolves.toEqual({ ok: true });
  });
});

describe('loading a record for the card', () => {
  afterEach(() => vi.useRealTimers());
  const detail = { device: { id: 'x' } } as unknown as DeviceDetail;

  it('says the worker is waking up when it takes longer than a second, then shows the record', async () => {
    vi.useFakeTimers();
    const states: LoadState['kind'][] = [];
    let resolve: (d: DeviceDetail) => void = () => undefined;
    loadDetail(() => new Promise((r) => (resolve = r)), (s) => states.push(s.kind));
    vi.advanceTimersByTime(999);
    expect(states).toEqual(['loading']);
    vi.advanceTimersByTime(1);
    expect(states).toEqual(['loading', 'waking']);
    resolve(detail);
    await vi.runAllTimersAsync();
    expect(states).toEqual(['loading', 'waking', 'ready']);
  });

  it('reports a missing record and a failure apart, and nothing after being cancelled', async () => {
    const states: LoadState[] = [];
    loadDetail(() => Promise.resolve(null), (s) => states.push(s));
    loadDetail(() => Promise.reject(new Error('getDevice: no answer from SpecScout')), (s) => states.push(s));
    const cancel = loadDetail(() => Promise.resolve(detail), (s) => states.push(s));
    cancel();
    await new Promise((r) => setTimeout(r, 0));
    expect(states.map((s) => s.kind)).toEqual(['loading', 'loading', 'loading', 'missing', 'error']);
  });
});
