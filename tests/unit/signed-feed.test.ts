// The signed channel in the worker: a feed directory built by the real builder with a throwaway key and
// served like a static host. A new version announcing a followed device applies and tells once; the same
// check again costs a 304 and tells nothing; forged, rolled-back, expired, mixed-up and oversized feeds
// change nothing and say why; mirrors are tried in order; automatic checks can be turned off.
import { sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packIndex } from '../../core/feed';
import type { FeedSource } from '../../core/feed-keys';
import type { Device, DeviceIndex } from '../../core/schema';
import { closeDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { ensureIndex, onIndexReplaced } from '../../entrypoints/background/index-store';
import { afterIndexReplaced, listFollows, setFollow } from '../../entrypoints/background/follows';
import { getIndexInfo } from '../../entrypoints/background/index-info';
import { refreshAll } from '../../entrypoints/background/updater';
import { signedFeedState } from '../../entrypoints/background/signed-feed';
import { acmePhone, storedIndexState } from './acme-devices';
import { buildDir, makeKey, staticHost, withManifest, type Host } from './signed-feed-fixtures';
import { useEnglishMessages } from './fake-i18n';

onIndexReplaced(() => afterIndexReplaced());

const PRIMARY = 'https://feeds.example/specscout';
const MIRROR = 'https://mirror.example/specscout';
const NOW = new Date('2026-12-08T12:00:00Z');
const key = makeKey();
const others = Array.from({ length: 40 }, (_, i) => acmePhone(`acme-p${String(i).padStart(2, '0')}`));
const announcedNova: Device = acmePhone('acme-nova', { status: [{ status: 'rumored', date: '2025-01' }, { status: 'announced', date: '2026-12-07' }] });
const SHIPPED: DeviceIndex = { format: 1, version: 20261201, builtFrom: '2026-12-01', devices: [acmePhone('acme-nova'), ...others] };
const V2: DeviceIndex = { format: 1, version: 20261207, builtFrom: '2026-12-07', devices: [announcedNova, ...others] };
const source: FeedSource = { urls: [PRIMARY, MIRROR], keys: [key.feedKey] };

let host: Host;
const check = (now = NOW, trigger: 'auto' | 'manual' = 'manual') => refreshAll({ source, fetch: host.fetch, now: () => now, trigger });
const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll()).length;

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(packIndex(SHIPPED)), { status: 200 })));
  await ensureIndex('install');
  await setFollow('acme-nova', true, NOW);
  host = staticHost();
  host.dirs.set(PRIMARY, buildDir(key, V2, [SHIPPED], new Date('2026-12-07T18:00:00Z')).files);
  host.dirs.set(MIRROR, 'down');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the signed update channel', () => {
  it('applies the delta for the installed version, tells the follower once, and a second check costs a 304', async () => {
    const [report] = await check();
    expect(report).toMatchObject({ ok: true, source: PRIMARY, fromVersion: 20261201, toVersion: 20261207, message: 'updated to version 20261207 (41 devices, delta)' });
    expect(host.requests).toEqual([`${PRIMARY}/manifest.json`, `${PRIMARY}/manifest.sig`, `${PRIMARY}/delta-20261201-20261207.json.gz`]);
    expect((await listFollows())[0]!.summary.status).toBe('announced');
    expect(await notifications()).toBe(1);

    const [again] = await check();
    expect(again).toMatchObject({ ok: true, message: 'not modified' });
    expect(host.requests.slice(3)).toEqual([`${PRIMARY}/manifest.json`]);
    expect(await notifications()).toBe(1);
    expect(await signedFeedState()).toMatchObject({ highestVersion: 20261207, lastSuccess: NOW.toISOString() });
  });

  it('fetches the snapshot when no delta fits the installed version', async () => {
    host.dirs.set(PRIMARY, buildDir(key, V2, [], new Date('2026-12-07T18:00:00Z')).files);
    const [report] = await check();
    expect(report!.message).toBe('updated to version 20261207 (41 devices, snapshot)');
    expect(await notifications()).toBe(1);
  });

  it('tries the mirrors in order', async () => {
    host.dirs.set(MIRROR, host.dirs.get(PRIMARY)!);
    host.dirs.set(PRIMARY, 'down');
    const [report] = await check();
    expect(report).toMatchObject({ ok: true, toVersion: 20261207, message: `updated to version 20261207 (41 devices, delta) from mirror ${MIRROR}` });
  });

  it('says what failed on every mirror when none answers', async () => {
    host.dirs.set(PRIMARY, 'down');
    const [report] = await check();
    expect(report).toMatchObject({ ok: false, message: `${PRIMARY}: feed unreachable: Failed to fetch; ${MIRROR}: feed unreachable: Failed to fetch` });
  });

  const refusals: [string, () => void, RegExp][] = [
    ['a manifest signed by another key', () => host.dirs.set(PRIMARY, buildDir(makeKey(), V2, [SHIPPED], NOW).files), /signature refused: unknown key/],
    ['a manifest changed after signing', () => {
      const files = new Map(host.dirs.get(PRIMARY) as Map<string, Uint8Array>);
      files.set('manifest.json', Buffer.from(new TextDecoder().decode(files.get('manifest.json')!).replace('"dataVersion": 20261207', '"dataVersion": 20261208')));
      host.dirs.set(PRIMARY, files);
    }, /signature refused: manifest.sig does not match/],
    ['a file that is not the one the manifest lists', () => {
      const files = new Map(host.dirs.get(PRIMARY) as Map<string, Uint8Array>);
      const delta = files.get('delta-20261201-20261207.json.gz')!.slice();
      delta[delta.length - 5] = delta[delta.length - 5]! ^ 0xff;
      files.set('delta-20261201-20261207.json.gz', delta);
      host.dirs.set(PRIMARY, files);
    }, /file refused: delta-20261201-20261207\.json\.gz: SHA-256 \w+ does not match the manifest/],
    ['an expired manifest', () => host.dirs.set(PRIMARY, buildDir(key, V2, [SHIPPED], new Date('2026-12-07T18:00:00Z'), 0.25).files), /expired: the manifest expired on 2026-12-08; the data is kept but unconfirmed/],
    ['a signed manifest whose file is of another version (mix-and-match)', () => {
      const older = buildDir(key, { ...V2, version: 20261205 }, [SHIPPED], NOW).files;
      const current = host.dirs.get(PRIMARY) as Map<string, Uint8Array>;
      const manifest = JSON.parse(new TextDecoder().decode(current.get('manifest.json')!)) as { files: { path: string; size: number; sha256: string; unpackedSize: number }[] };
      const swapped = older.get('delta-20261201-20261205.json.gz')!;
      const fake = buildDir(key, { ...V2, version: 20261205 }, [SHIPPED], NOW).manifest.files.find((f) => f.kind === 'delta')!;
      manifest.files = manifest.files.map((f) => (f.path === 'delta-20261201-20261207.json.gz' ? { ...f, size: fake.size, sha256: fake.sha256, unpackedSize: fake.unpackedSize } : f));
      const files = withManifest(current, JSON.stringify(manifest), key.privateKey);
      files.set('delta-20261201-20261207.json.gz', swapped);
      host.dirs.set(PRIMARY, files);
    }, /file refused: delta-20261201-20261207\.json\.gz holds a delta of version 20261205, the manifest says delta 20261207/],
    ['a file larger than the manifest says', () => {
      const current = host.dirs.get(PRIMARY) as Map<string, Uint8Array>;
      const manifest = JSON.parse(new TextDecoder().decode(current.get('manifest.json')!)) as { files: { size: number }[] };
      manifest.files = manifest.files.map((f) => ({ ...f, size: 10 }));
      host.dirs.set(PRIMARY, withManifest(current, JSON.stringify(manifest), key.privateKey));
    }, /oversized: delta-20261201-20261207\.json\.gz declares \d+ bytes > limit of 10/],
  ];
  for (const [what, serve, reason] of refusals) {
    it(`refuses ${what}; index, follows and told changes unchanged, and options says why`, async () => {
      serve();
      const before = await storedIndexState();
      const [report] = await check();
      expect(report).toMatchObject({ ok: false, source: PRIMARY });
      expect(report!.message).toMatch(reason);
      expect(await storedIndexState()).toEqual(before);
      expect(await notifications()).toBe(0);
      expect((await getIndexInfo()).lastUpdate).toEqual(report);
    });
  }

  it('refuses a rollback to a version older than one already verified', async () => {
    await check();
    host.dirs.set(PRIMARY, buildDir(key, { ...V2, version: 20261205 }, [SHIPPED], NOW).files);
    const before = await storedIndexState();
    const [report] = await check();
    expect(report!.message).toContain(`${PRIMARY}: rollback refused: feed version 20261205 is older than 20261207, already seen`);
    expect(await storedIndexState()).toEqual(before);
  });

  it('keeps the built-in data when it is newer than the feed', async () => {
    host.dirs.set(PRIMARY, buildDir(key, { ...SHIPPED, version: 20261130 }, [], NOW).files);
    const [report] = await check();
    expect(report).toMatchObject({ ok: true, message: 'up to date (the built-in data, version 20261201, is newer)' });
  });

  it('checks nothing automatically when the reader turned updates off; Check now still checks', async () => {
    await saveSettings({ updatesEnabled: false });
    expect(await check(NOW, 'auto')).toEqual([]);
    expect(host.requests).toEqual([]);
    const [report] = await check(NOW, 'manual');
    expect(report).toMatchObject({ ok: true, toVersion: 20261207 });
  });

  it('refuses a signature that does not sign these bytes, even over the same JSON', async () => {
    const files = new Map(host.dirs.get(PRIMARY) as Map<string, Uint8Array>);
    const text = new TextDecoder().decode(files.get('manifest.json')!);
    // Signed as compact JSON; served pretty-printed: the same data, other bytes.
    files.set('manifest.sig', Buffer.from(sign(null, Buffer.from(JSON.stringify(JSON.parse(text))), key.privateKey).toString('base64')));
    host.dirs.set(PRIMARY, files);
    const [report] = await check();
    expect(report!.message).toMatch(/signature refused/);
  });
});
