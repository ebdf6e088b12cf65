// The card's actions as the worker carries them out: "Not this device", "Don't mark on this site",
// "Full record" and loading a record with a visible waking-up state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rejectMatch } from '../../entrypoints/background/rejections';
import { openRecord } from '../../entrypoints/background/open-record';
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
    await openRecord('sony-xperia-z1', undefined, 'report');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(expect.stringMatching(/\/popup\.html\?device=sony-xperia-z1#report$/));
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
