// Bad feeds through the worker's refresh, each proven to leave the installed index, follows, told changes
// and settings exactly as they were, with a clear reason on the options page (getIndexInfo().lastUpdate).
// Complements updater.test.ts (invalid JSON, truncated, wrong schema, older, oversized, HTTP errors).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeviceIndex } from '../../core/schema';
import { closeDB } from '../../utils/db';
import { acmePhone, storedIndexState } from './acme-devices';
import { saveSettings } from '../../utils/settings';
import { onIndexReplaced, replaceIndex } from '../../entrypoints/background/index-store';
import { afterIndexReplaced, setFollow } from '../../entrypoints/background/follows';
import { getIndexInfo } from '../../entrypoints/background/index-info';
import { refreshAll } from '../../entrypoints/background/updater';

const FEED_URL = 'https://feeds.example/specscout.json';
const NOW = new Date('2025-02-11T09:00:00Z');

onIndexReplaced(() => afterIndexReplaced());

const phone = acmePhone;

const state = storedIndexState;

function serve(body: string): typeof fetch {
  return (async () => new Response(body, { status: 200 })) as typeof fetch;
}

const snapshot = (version: number, devices: unknown[]) => JSON.stringify({ format: 1, kind: 'snapshot', version, builtFrom: '2025-02-10', devices });
const delta = (baseVersion: number, version: number, upsert: unknown[], remove: string[]) =>
  JSON.stringify({ format: 1, kind: 'delta', baseVersion, version, upsert, remove });

beforeEach(async () => {
  await closeDB();
  fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
  const index: DeviceIndex = {
    format: 1,
    version: 5,
    builtFrom: '2025-01-31',
    devices: [phone('acme-nova', { variants: [{ id: 'acme-orbit', relation: 'sibling' }] }), phone('acme-orbit')],
  };
  await replaceIndex(index, 'shipped', 'install');
  await setFollow('acme-nova', true, NOW);
  await saveSettings({ feedUrls: [FEED_URL], region: 'DE' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const hostile = readFileSync(new URL('../fixtures/feeds/hostile-snapshot.json', import.meta.url), 'utf8');

const BAD: [string, string, RegExp][] = [
  ['duplicate ids', snapshot(6, [phone('acme-nova'), phone('acme-nova')]), /duplicate ids: acme-nova/],
  ['hostile strings (bidi overrides, javascript: and data: URLs)', hostile, /invalid records: .*bidi-override.*not an https: URL/],
  ['markup and script URLs in a rumor', snapshot(6, [phone('acme-nova', { rumors: [{ claim: 'x', confidence: 'low', outcome: 'pending', source: { publication: 'Leaks', url: 'javascript:alert(1)' } }] }), phone('acme-orbit')]), /rumors\[0\]\.source\.url: not an https: URL/],
  ['a record id that is not a slug', snapshot(6, [phone('acme-nova'), phone('acme-orbit'), { ...phone('acme-x'), id: '../../etc/passwd' }]), /invalid records/],
  ['a delta for another base version', delta(4, 6, [phone('acme-nova')], []), /base mismatch/],
  ['a delta that would leave a variant link dangling', delta(5, 6, [], ['acme-orbit']), /cannot apply: .*variant "acme-orbit" is not in the index/],
  ['a feed with a prototype-polluting key', `{"format":1,"kind":"snapshot","version":6,"devices":[],"__proto__":{"x":1}}`, /wrong schema: __proto__: unknown field/],
  ['a feed nested too deep to be data', `${'['.repeat(5000)}${']'.repeat(5000)}`, /wrong schema|invalid JSON/],
];

describe('a bad feed changes nothing and says why', () => {
  for (const [what, body, reason] of BAD) {
    it(`refuses ${what}; index, follows, told changes and settings unchanged`, async () => {
      const before = await state();
      const [report] = await refreshAll({ fetch: serve(body), now: () => NOW });
      expect(report).toMatchObject({ ok: false, source: FEED_URL, fromVersion: 5 });
      expect(report!.message).toMatch(reason);
      expect(await state()).toEqual(before);
      expect((await getIndexInfo()).lastUpdate).toEqual(report);
    });
  }

  it('keeps everything when the disk fills up while a valid feed is written, and reports it', async () => {
    const before = await state();
    const proto = globalThis.IDBObjectStore.prototype;
    const original = proto.put;
    let puts = 0;
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'devices' && ++puts > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const [report] = await refreshAll({ fetch: serve(snapshot(6, [phone('acme-nova'), phone('acme-orbit'), phone('acme-pulse')])), now: () => NOW });
    vi.restoreAllMocks();
    expect(report).toMatchObject({ ok: false, message: expect.stringMatching(/not applied: .*quota/i) });
    expect(await state()).toEqual(before);
  });
});
