// Feed refresh in the worker: a good feed replaces the index and tells followers once; a feed that fails
// to fetch, is too large, or does not validate changes nothing, notifies nobody and is reported.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Device, DeviceIndex } from '../../core/schema';
import { DEFAULT_FEED_LIMITS } from '../../core/feed';
import { closeDB } from '../../utils/db';
import { storedIndexState } from './acme-devices';
import { saveSettings } from '../../utils/settings';
import { onIndexReplaced, replaceIndex } from '../../entrypoints/background/index-store';
import { afterIndexReplaced, listFollows, setFollow } from '../../entrypoints/background/follows';
import { checkNow, handleAlarm, lastUpdate, refreshAll, REFRESH_ALARM, scheduleRefresh } from '../../entrypoints/background/updater';
import { useEnglishMessages } from './fake-i18n';

const FEED_URL = 'https://feeds.example/specscout.json';
const NOW = new Date('2025-02-11T09:00:00Z');

// As in the worker (index.ts): follows are reconciled after every index replacement.
onIndexReplaced(() => afterIndexReplaced());

function phone(id: string, status: Device['status']): Device {
  return { id, brand: 'Acme', name: id.slice(5), category: 'phone', names: [{ name: `${id}-code`.toUpperCase(), kind: 'code' }], status, sources: [{ id: 'acme', title: 'Acme press' }] };
}
const RUMORED = (id: string) => phone(id, [{ status: 'rumored', date: '2025-01' }]);
const ANNOUNCED = (id: string) => phone(id, [{ status: 'rumored', date: '2025-01' }, { status: 'announced', date: '2025-02-10' }]);

function snapshotFeed(version: number, devices: Device[]): string {
  return JSON.stringify({ format: 1, kind: 'snapshot', version, builtFrom: '2025-02-10', devices });
}

interface Served {
  body: string;
  status?: number;
  headers?: Record<string, string>;
}

/** A fetch that serves `serve()` and honours If-None-Match against the served ETag, like a real server. */
function fakeFetch(serve: () => Served, seen: Headers[] = []): typeof fetch {
  return (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push(headers);
    const s = serve();
    const etag = s.headers?.etag;
    if (etag && headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(s.body, { status: s.status ?? 200, headers: s.headers });
  }) as typeof fetch;
}

const dbState = storedIndexState;

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
  const index: DeviceIndex = { format: 1, version: 5, builtFrom: '2025-01-31', devices: [RUMORED('acme-nova'), RUMORED('acme-orbit')] };
  await replaceIndex(index, 'shipped', 'install');
  await setFollow('acme-nova', true, NOW);
  await saveSettings({ feedUrls: [FEED_URL] });
});

describe('refreshing from a feed', () => {
  it('applies a newer feed, notifies once, and a second refresh of the same feed changes nothing', async () => {
    const seen: Headers[] = [];
    const fetchFeed = fakeFetch(() => ({ body: snapshotFeed(6, [ANNOUNCED('acme-nova'), RUMORED('acme-orbit')]), headers: { etag: '"v6"', 'last-modified': 'Mon, 10 Feb 2025 12:00:00 GMT' } }), seen);
    const [report] = await refreshAll({ fetch: fetchFeed, now: () => NOW });
    expect(report).toMatchObject({ ok: true, source: FEED_URL, fromVersion: 5, toVersion: 6 });
    expect((await dbState()).index).toMatchObject({ version: 6, source: FEED_URL });
    expect((await listFollows()).map((f) => f.summary.status)).toEqual(['announced']);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);

    const [second] = await refreshAll({ fetch: fetchFeed, now: () => NOW });
    expect(seen[1]!.get('if-none-match')).toBe('"v6"');
    expect(seen[1]!.get('if-modified-since')).toBe('Mon, 10 Feb 2025 12:00:00 GMT');
    expect(second).toMatchObject({ ok: true, message: 'not modified' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    expect(await lastUpdate()).toEqual(second);
  });

  it('recognises an unchanged body from a server that ignores conditional requests', async () => {
    const body = snapshotFeed(6, [ANNOUNCED('acme-nova'), RUMORED('acme-orbit')]);
    await refreshAll({ fetch: fakeFetch(() => ({ body })), now: () => NOW });
    const [again] = await refreshAll({ fetch: fakeFetch(() => ({ body })), now: () => NOW });
    expect(again).toMatchObject({ ok: true, message: 'not modified' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
  });

  it('applies a delta feed on top of the installed index', async () => {
    const delta = JSON.stringify({ format: 1, kind: 'delta', baseVersion: 5, version: 6, upsert: [ANNOUNCED('acme-nova')], remove: ['acme-orbit'] });
    const [report] = await refreshAll({ fetch: fakeFetch(() => ({ body: delta })), now: () => NOW });
    expect(report).toMatchObject({ ok: true, toVersion: 6 });
    expect((await dbState()).devices.map((d) => d.id)).toEqual(['acme-nova']);
  });

  it('treats a feed of the installed version as up to date, not as an error', async () => {
    const [report] = await refreshAll({ fetch: fakeFetch(() => ({ body: snapshotFeed(5, [RUMORED('acme-nova')]) })), now: () => NOW });
    expect(report).toMatchObject({ ok: true, message: 'up to date' });
  });

  const BAD: [string, Served, RegExp][] = [
    ['invalid JSON', { body: '{"format": 1, "kind": "snapshot", version: 6}' }, /invalid JSON/],
    ['a truncated feed', { body: snapshotFeed(6, [ANNOUNCED('acme-nova')]).slice(0, 80) }, /truncated/],
    ['the wrong schema', { body: JSON.stringify({ format: 1, kind: 'snapshot', version: 6, devices: [{ id: 'acme-nova' }] }) }, /invalid records/],
    ['an older version', { body: snapshotFeed(4, [ANNOUNCED('acme-nova')]) }, /not newer/],
    ['an HTTP error', { body: 'gone', status: 500 }, /HTTP 500/],
    ['a declared size over the limit', { body: snapshotFeed(6, [ANNOUNCED('acme-nova')]), headers: { 'content-length': String(DEFAULT_FEED_LIMITS.maxBytes + 1) } }, /oversized/],
    ['a body over the limit', { body: ' '.repeat(DEFAULT_FEED_LIMITS.maxBytes + 10) + snapshotFeed(6, [ANNOUNCED('acme-nova')]) }, /oversized/],
  ];
  for (const [what, served, reason] of BAD) {
    it(`changes nothing, notifies nobody and reports ${what}`, async () => {
      const before = await dbState();
      const [report] = await refreshAll({ fetch: fakeFetch(() => served), now: () => NOW });
      expect(report).toMatchObject({ ok: false, source: FEED_URL, fromVersion: 5 });
      expect(report!.message).toMatch(reason);
      expect(await dbState()).toEqual(before);
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
      expect(await lastUpdate()).toEqual(report);
    });
  }

  it('reports a feed that cannot be fetched at all', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const [report] = await refreshAll({ fetch: failing, now: () => NOW });
    expect(report).toMatchObject({ ok: false, message: 'could not fetch: Failed to fetch' });
  });

  it('does not send validators of a feed whose version is no longer installed', async () => {
    const seen: Headers[] = [];
    const fetchFeed = fakeFetch(() => ({ body: snapshotFeed(6, [ANNOUNCED('acme-nova')]), headers: { etag: '"v6"' } }), seen);
    await refreshAll({ fetch: fetchFeed, now: () => NOW });
    // A newer index arrives by an extension update; the feed's validators are stale now.
    await replaceIndex({ format: 1, version: 7, builtFrom: '2025-02-10', devices: [ANNOUNCED('acme-nova')] }, 'shipped', 'update');
    await refreshAll({ fetch: fetchFeed, now: () => NOW });
    expect(seen[1]!.get('if-none-match')).toBeNull();
  });

  it('returns no reports when no feed is set', async () => {
    await saveSettings({ feedUrls: [] });
    expect(await checkNow()).toEqual([]);
  });
});

describe('the refresh alarm', () => {
  it('is created with the period from settings and re-timed when the setting changes', async () => {
    await scheduleRefresh();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 6 * 60 });
    await saveSettings({ refreshHours: 3 });
    await handleAlarm({ name: REFRESH_ALARM, scheduledTime: Date.now(), periodInMinutes: 6 * 60 });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 3 * 60 });
  });

  it('ignores other alarms', async () => {
    await handleAlarm({ name: 'something-else', scheduledTime: Date.now() });
    expect(await lastUpdate()).toBeUndefined();
  });
});
