// Issue 22, items 2, 6 and 12, through the worker: one feed response cannot wipe the index or pin it (bounded
// versions, bounded removals, the built-in data wins when the installed index is unusable, "Restore the
// built-in data" at any time); a feed redirected from https to plain http is refused; a status moves back
// only when the record declares the correction, and the later return is told.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packIndex } from '../../core/feed';
import type { Device, DeviceIndex } from '../../core/schema';
import { closeDB, getDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { acmePhone, storedIndexState } from './acme-devices';
import { BUILT_IN_SOURCE, ensureIndex, onIndexReplaced, replaceIndex, restoreShippedIndex } from '../../entrypoints/background/index-store';
import { afterIndexReplaced, listFollows, recentChanges, setFollow } from '../../entrypoints/background/follows';
import { getIndexInfo } from '../../entrypoints/background/index-info';
import { refreshAll } from '../../entrypoints/background/updater';
import { useEnglishMessages } from './fake-i18n';

const FEED_URL = 'https://feeds.example/specscout.json';
const NOW = new Date('2025-02-11T09:00:00Z');

onIndexReplaced(() => afterIndexReplaced());

const ids = Array.from({ length: 100 }, (_, i) => `acme-phone-${String(i).padStart(3, '0')}`);
const announcedNova = acmePhone('acme-nova', { status: [{ status: 'rumored', date: '2025-01' }, { status: 'announced', date: '2025-02-10' }] });
const SHIPPED: DeviceIndex = { format: 1, version: 20250131, builtFrom: '2025-01-31', devices: [acmePhone('acme-nova'), ...ids.map((id) => acmePhone(id))] };

function serveShipped(): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(packIndex(SHIPPED)), { status: 200 })));
}

function serve(body: string, extra: { redirectedTo?: string } = {}): typeof fetch {
  return (async () => {
    const response = new Response(body, { status: 200 });
    if (extra.redirectedTo) {
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: extra.redirectedTo });
    }
    return response;
  }) as typeof fetch;
}

const snapshot = (version: number, devices: Device[]) => JSON.stringify({ format: 1, kind: 'snapshot', version, builtFrom: '2025-02-10', devices });
const delta = (baseVersion: number, version: number, upsert: Device[], remove: string[] = []) =>
  JSON.stringify({ format: 1, kind: 'delta', baseVersion, version, upsert, remove });
const HOSTILE = snapshot(Number.MAX_SAFE_INTEGER, []);

async function notifications(): Promise<number> {
  return Object.keys(await fakeBrowser.notifications.getAll()).length;
}

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
  serveShipped();
  await ensureIndex('install');
  await setFollow('acme-nova', true, NOW);
  await saveSettings({ feedUrls: [FEED_URL] });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('one feed response cannot wipe or pin the index', () => {
  it('refuses the snapshot with version 9007199254740991 and no devices; the index stays whole and honest feeds still apply', async () => {
    const before = await storedIndexState();
    const [report] = await refreshAll({ fetch: serve(HOSTILE), now: () => NOW });
    expect(report).toMatchObject({ ok: false, message: expect.stringMatching(/^version from the future: 9007199254740991/) });
    expect(await storedIndexState()).toEqual(before);
    expect(await notifications()).toBe(0);
    expect((await getIndexInfo()).lastUpdate).toEqual(report);

    const [honest] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova])), now: () => NOW });
    expect(honest).toMatchObject({ ok: true, toVersion: 20250210 });
    expect(await notifications()).toBe(1);
  });

  it('refuses a plausible version that empties the index, or a delta removing more than a fifth of it', async () => {
    const before = await storedIndexState();
    const [wipe] = await refreshAll({ fetch: serve(snapshot(20250210, [])), now: () => NOW });
    expect(wipe!.message).toMatch(/cannot apply: the snapshot removes 101 of the 101 installed devices/);
    const [cut] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [], ids.slice(0, 30))), now: () => NOW });
    expect(cut!.message).toMatch(/cannot apply: the delta removes 30 of the 101 installed devices; one update may remove at most 20/);
    expect(await storedIndexState()).toEqual(before);
    expect((await recentChanges()).filter((c) => c.kind === 'removed')).toEqual([]);
  });

  it('does not let feeds shrink the index a fifth at a time below the built-in size', async () => {
    const [first] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250201, [], ids.slice(0, 20))), now: () => NOW });
    expect(first).toMatchObject({ ok: true, toVersion: 20250201 });
    const [second] = await refreshAll({ fetch: serve(delta(20250201, 20250202, [], ids.slice(20, 30))), now: () => NOW });
    expect(second!.message).toMatch(/leaves 71 devices; the built-in index has 101, and updates may remove at most 20 of them/);
  });

  it('puts the built-in data back when the installed index has a version the date does not allow, and says so', async () => {
    // As an earlier build left it after the attack: the hostile version, no devices.
    await replaceIndex({ format: 1, version: Number.MAX_SAFE_INTEGER, builtFrom: '2025-02-10', devices: [] }, FEED_URL, 'feed');
    const restored = await ensureIndex();
    expect(restored).toMatchObject({ version: SHIPPED.version, deviceCount: 101, source: 'shipped' });
    expect((await getIndexInfo()).lastUpdate).toMatchObject({
      ok: false,
      source: BUILT_IN_SOURCE,
      message: expect.stringMatching(/not usable \(its version 9007199254740991 is later than any the date allows\); the built-in data is back/),
    });
    expect((await listFollows()).map((f) => f.summary.id)).toEqual(['acme-nova']);
  });

  it('puts the built-in data back on an extension update when the installed index is empty, though its version is higher', async () => {
    await replaceIndex({ format: 1, version: 20250201, builtFrom: '2025-02-01', devices: [] }, FEED_URL, 'feed');
    expect(await ensureIndex('update')).toMatchObject({ version: SHIPPED.version, deviceCount: 101 });
  });

  it('keeps a usable newer index from a feed on an extension update', async () => {
    await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova])), now: () => NOW });
    expect(await ensureIndex('update')).toMatchObject({ version: 20250210, source: FEED_URL });
  });

  it('restores the built-in data on request, keeping follows and what was told', async () => {
    await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova])), now: () => NOW });
    const told = (await storedIndexState()).told;
    const report = await restoreShippedIndex(NOW);
    expect(report).toMatchObject({ ok: true, source: BUILT_IN_SOURCE, fromVersion: 20250210, toVersion: SHIPPED.version });
    expect((await getIndexInfo()).version).toBe(SHIPPED.version);
    expect((await listFollows()).map((f) => f.summary.id)).toEqual(['acme-nova']);
    expect((await storedIndexState()).told).toEqual(told);
    // Going back to older data tells nothing (a step back is not news); the feed's next answer is not news again either.
    expect(await notifications()).toBe(1);
    await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova])), now: () => NOW });
    expect(await notifications()).toBe(1);
    expect((await getIndexInfo()).version).toBe(20250210);
  });
});

describe('a delta applied from the records it touches', () => {
  it('writes only its records and keeps the counts right', async () => {
    const added = acmePhone('acme-zeta');
    const [report] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova, added])), now: () => NOW });
    expect(report).toMatchObject({ ok: true, message: 'updated to version 20250210 (102 devices)' });
    expect((await getIndexInfo()).devices).toBe(102);
    expect((await storedIndexState()).index).toMatchObject({ version: 20250210, deviceCount: 102, source: FEED_URL });
  });

  it('refuses a link to a device that is not installed, and changes nothing', async () => {
    const before = await storedIndexState();
    const linked = acmePhone('acme-zeta', { variants: [{ id: 'acme-missing', relation: 'sibling' }] });
    const [report] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [linked])), now: () => NOW });
    expect(report!.message).toBe('cannot apply: index after feed: acme-zeta: variant "acme-missing" is not in the index');
    expect(await storedIndexState()).toEqual(before);
  });
});

describe('a redirected feed', () => {
  it('is refused when https is redirected to plain http on another host', async () => {
    const before = await storedIndexState();
    const [report] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova]), { redirectedTo: 'http://evil.example/feed.json' }), now: () => NOW });
    expect(report).toMatchObject({ ok: false, message: 'refused: the feed redirected to http://evil.example/feed.json, which is not https' });
    expect(await storedIndexState()).toEqual(before);
  });

  it('is used when the redirect stays on https', async () => {
    const [report] = await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova]), { redirectedTo: 'https://mirror.example/feed.json' }), now: () => NOW });
    expect(report).toMatchObject({ ok: true, toVersion: 20250210 });
  });
});

describe('a status moving back', () => {
  beforeEach(async () => {
    await refreshAll({ fetch: serve(delta(SHIPPED.version, 20250210, [announcedNova])), now: () => NOW });
  });

  it('is refused without a correction flag, and nothing is told', async () => {
    const before = await storedIndexState();
    const [report] = await refreshAll({ fetch: serve(delta(20250210, 20250211, [acmePhone('acme-nova')])), now: () => NOW });
    expect(report!.message).toBe('cannot apply: status rolled back: acme-nova: status moves back from announced to rumored without a statusCorrection');
    expect(await storedIndexState()).toEqual(before);
  });

  it('is told as a correction when declared, and the later return is told too', async () => {
    const corrected = acmePhone('acme-nova', { statusCorrection: { withdrawn: 'announced', note: 'The announcement was a fake press page.' } });
    await refreshAll({ fetch: serve(delta(20250210, 20250211, [corrected])), now: () => NOW });
    await refreshAll({ fetch: serve(delta(20250211, 20250212, [{ ...announcedNova, statusCorrection: corrected.statusCorrection! }])), now: () => NOW });
    const texts = (await recentChanges()).filter((c) => c.kind === 'status').map((c) => c.text);
    expect(texts).toEqual([
      'Acme nova is now announced (2025-02-10), was rumored',
      'Acme nova: status corrected to rumored (2025-01), announced was withdrawn: The announcement was a fake press page.',
      'Acme nova is now announced (2025-02-10), was rumored',
    ]);
    // The newest note agrees with the status.
    expect((await listFollows())[0]!.summary.status).toBe('announced');
    expect((await (await getDB()).get('meta', 'toldKeys'))?.value).toContain('acme-nova|status|announced');
  });
});
