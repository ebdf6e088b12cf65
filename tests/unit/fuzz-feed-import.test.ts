// Fuzz of the two parsers that read outside data: the feed parser (network) and the import parser (a file
// the reader picks). Neither ever throws; a damaged valid input is never half-accepted; what they accept is
// safe to apply; and a refused import changes nothing in the database. Fixed seeds; FUZZ_RUNS sets the runs.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyFeed, parseFeed } from '../../core/feed';
import type { Device, DeviceIndex } from '../../core/schema';
import { closeDB, getDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { isFeedUrl } from '../../utils/settings-model';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { setFollow } from '../../entrypoints/background/follows';
import { checkImport, importData } from '../../entrypoints/background/transfer';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Runs that touch the (fake) database are slower: a tenth of the budget. */
const DB_RUNS = Math.max(20, Math.floor(RUNS / 10));

function phone(id: string): Device {
  return { id, brand: 'Acme', name: `Phone ${id.slice(5)}`, category: 'phone', names: [{ name: `AC-${id.length}`, kind: 'code' }], status: [{ status: 'rumored', date: '2025-01' }], sources: [{ id: 'acme', title: 'Acme press', url: 'https://acme.example/press' }] };
}

const INSTALLED: DeviceIndex = { format: 1, version: 5, builtFrom: '2025-01-31', devices: [phone('acme-nova'), phone('acme-orbit')] };
const NOW = new Date('2025-02-11T09:00:00Z');
const VALID_FEED = JSON.stringify({ format: 1, kind: 'snapshot', version: 6, builtFrom: '2025-02-10', devices: [phone('acme-nova'), phone('acme-pulse')] });
const VALID_IMPORT = JSON.stringify({
  specscout: 'specscout-export',
  format: 1,
  exportedAt: '2025-02-11T09:00:00.000Z',
  follows: [{ id: 'acme-nova', since: '2025-02-01T00:00:00.000Z', muted: true }],
  settings: { region: 'JP', feedUrls: ['https://feeds.example/a.json'] },
});

/** A valid text cut somewhere, with one character replaced, or with a hostile fragment spliced in. */
function damaged(text: string) {
  return fc.oneof(
    fc.nat({ max: text.length - 1 }).map((n) => text.slice(0, n)),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(([n, c]) => text.slice(0, n) + c + text.slice(n + 1)),
    fc
      .tuple(
        fc.nat({ max: text.length - 1 }),
        fc.constantFrom('"__proto__":{"x":1},', '"javascript:alert(1)"', '\u202e', '<script>', '"constructor":', '\u0000', '[[[[[[', '1e400', '-0'),
      )
      .map(([n, s]) => text.slice(0, n) + s + text.slice(n)),
  );
}

describe('feed parser fuzz', () => {
  it('fuzz: never throws on a damaged feed, and refuses every cut-short one', () => {
    fc.assert(
      fc.property(damaged(VALID_FEED), (text) => {
        const result = parseFeed(text, { installedVersion: INSTALLED.version, now: NOW });
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        // Accepted: it must have been a whole JSON document, and applying it gives a valid index.
        expect(() => JSON.parse(text)).not.toThrow();
        try {
          const next = applyFeed(INSTALLED, result.feed);
          expect(new Set(next.devices.map((d) => d.id)).size).toBe(next.devices.length);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
      { numRuns: RUNS, seed: 31_337 },
    );
  });

  it('fuzz: accepted records carry only https: links and no control or bidi characters', () => {
    const link = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,<b>', 'http://x.example/', 'HTTPS://ok.example/', ' https://x.example/'));
    const text = fc.string({ maxLength: 30, unit: 'binary' });
    fc.assert(
      fc.property(link, text, (url, name) => {
        const device = { ...phone('acme-nova'), name: name || 'x', sources: [{ id: 'acme', title: 'Acme', url }] };
        const result = parseFeed(JSON.stringify({ format: 1, kind: 'snapshot', version: 6, devices: [device] }), { installedVersion: INSTALLED.version, now: NOW });
        if (!result.ok) return;
        const accepted = (result.feed.kind === 'snapshot' ? result.feed.devices : [])[0]!;
        expect(new URL(accepted.sources[0]!.url!).protocol).toBe('https:');
        expect(accepted.name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: RUNS, seed: 31_338 },
    );
  });
});

describe('import parser fuzz', () => {
  beforeEach(async () => {
    await closeDB();
  });

  it('fuzz: never throws on a damaged export, and what it accepts is plain ids and safe settings', () => {
    fc.assert(
      fc.property(fc.oneof(damaged(VALID_IMPORT), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 100 })), (json) => {
        const result = checkImport(json);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        for (const f of result.follows) expect(f.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(new Set(result.follows.map((f) => f.id)).size).toBe(result.follows.length);
        for (const url of result.settings?.feedUrls ?? []) expect(isFeedUrl(url)).toBe(true);
      }),
      { numRuns: RUNS, seed: 4_242 },
    );
  });

  it('property: a refused import leaves follows, settings and the sync mirror exactly as they were', async () => {
    await replaceIndex(INSTALLED, 'shipped', 'install');
    await setFollow('acme-orbit', true, new Date('2025-02-01T00:00:00Z'));
    await saveSettings({ region: 'DE' });
    const read = async () => {
      const db = await getDB();
      return { follows: await db.getAll('follows'), settings: await db.getAll('settings'), sync: await fakeBrowser.storage.sync.get(null) };
    };
    const before = await read();
    await fc.assert(
      fc.asyncProperty(damaged(VALID_IMPORT).filter((json) => !checkImport(json).ok), async (json) => {
        const result = await importData(json, 'replace');
        expect(result.ok).toBe(false);
        expect(await read()).toEqual(before);
      }),
      { numRuns: DB_RUNS, seed: 4_243 },
    );
  });
});
