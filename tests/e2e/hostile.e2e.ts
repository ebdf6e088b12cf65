// Hostile and heavy pages in real Chromium with the built extension. A page that forges SpecScout
// messages, overrides the DOM and CSS built-ins, restyles everything and mutates constantly still gets its
// names marked and the right card, and cannot reach the worker; a page with 10,000 mentions, a 5 MB text
// node, 5,000 levels of nesting, frames, its own shadow DOM and RTL / non-Latin text is read within the cap
// without blocking the page. Neither page nor worker logs an error. Build first: `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { CardProbe } from './card-probe';
import { launch, type Session } from './browser';

/**
 * Installed before any page script: pristine copies of the functions the test reads highlights with, so the
 * hostile page's overrides (made later, in the same main world) cannot fool the test itself.
 */
const PROBE = `(() => {
  const registry = CSS.highlights;
  const get = HighlightRegistry.prototype.get;
  const values = Highlight.prototype.values;
  const text = Range.prototype.toString;
  const compare = Range.prototype.compareBoundaryPoints;
  const rects = Range.prototype.getClientRects;
  const scroll = Element.prototype.scrollIntoView;
  const ranges = () => {
    const h = get.call(registry, 'specscout');
    if (!h) return null;
    return [...values.call(h)].sort((a, b) => compare.call(a, Range.START_TO_START, b));
  };
  Object.defineProperty(window, '__probe', { value: Object.freeze({
    texts: () => ranges()?.map((r) => text.call(r)) ?? null,
    centre: (wanted) => {
      const range = (ranges() ?? []).find((r) => text.call(r) === wanted);
      if (!range) return null;
      scroll.call(range.startContainer.parentElement, { block: 'center' });
      const box = rects.call(range)[0];
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
  }) });
})();`;

/** Longest gap between 10 ms heartbeats since the page loaded: how long the main thread was blocked. */
const HEARTBEAT = `(() => {
  let last = performance.now();
  window.__maxGap = 0;
  window.addEventListener('load', () => { last = performance.now(); window.__maxGap = 0; });
  const beat = () => {
    const now = performance.now();
    if (document.readyState === 'complete') window.__maxGap = Math.max(window.__maxGap, now - last);
    last = now;
    setTimeout(beat, 10);
  };
  beat();
})();`;

function texts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => (window as unknown as { __probe: { texts(): string[] | null } }).__probe.texts());
}

/** The card, through the tests' own way into its closed shadow root (card-probe.ts). */
const card = (page: Page) => new CardProbe(page);

/** Errors a page shows (uncaught exceptions, console errors). */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

describe('hostile and heavy pages', () => {
  let session: Session;
  const workerErrors: string[] = [];
  const watch = (worker: Worker) =>
    worker.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });

  beforeAll(async () => {
    session = await launch();
    watch(session.worker);
    // A worker the browser restarts is a new Worker object.
    session.context.on('serviceworker', watch);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function background<T>(type: string, data: unknown = {}): Promise<T> {
    const popup = await session.openPopup();
    try {
      return await popup.evaluate(([t, d]) => chrome.runtime.sendMessage({ specscout: 1, type: t, data: d }), [type, data] as const);
    } finally {
      await popup.close();
    }
  }

  it('marks names and opens the right card on a page that forges messages, overrides built-ins, restyles and mutates', async () => {
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.addInitScript(PROBE);
    await page.goto(session.newsUrl(`hostile.html?ext=${session.extensionId}`));

    await expect.poll(async () => (await texts(page)) ?? [], { timeout: 40_000 }).toEqual(
      expect.arrayContaining(['Xperia Z1', 'Xperia Z1 Mini', 'Xperia Z1 f', 'SO-02F', 'C6903']),
    );
    // Let the forgeries (every 200 ms) and the ticker (every 50 ms) run for a while.
    await page.waitForTimeout(2500);
    expect(await texts(page)).toEqual(expect.arrayContaining(['Xperia Z1', 'Xperia Z1 Mini', 'SO-02F']));

    const at = await page.evaluate(() => (window as unknown as { __probe: { centre(t: string): { x: number; y: number } | null } }).__probe.centre('Xperia Z1 Mini'));
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 30, at!.y);
    await page.mouse.move(at!.x, at!.y);
    const dialog = card(page);
    await expect.poll(() => dialog.attr('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await dialog.attr('data-device-id')).toBe('sony-xperia-z1-compact');
    expect(await dialog.text()).toContain('Xperia Z1 Compact');
    // The card is drawn in its own shadow root, whatever the page's CSS says.
    // (Its size and font as on an ordinary page: the page's !important 19px fonts do not reach inside.)
    expect(await dialog.read((el) => [getComputedStyle(el).width, getComputedStyle(el).fontSize])).toEqual(['340px', '13px']);
    expect(await dialog.visible()).toBe(true);
    expect((await dialog.box())!.height).toBeGreaterThan(100);

    const hostile = await page.evaluate(() => (window as unknown as { __hostile: { forged: number; sendMessage: string; caught: string[] } }).__hostile);
    expect(hostile.forged).toBeGreaterThan(50);
    // Web pages have no way to message the extension (no externally_connectable).
    expect(hostile.sendMessage).toBe('not reachable');
    // The content script never called the page's overridden functions: it lives in its own world.
    expect(hostile.caught.filter((call) => call.includes('chrome-extension://'))).toEqual([]);

    // None of the forged envelopes changed anything.
    expect(await background<{ ok: boolean; value: unknown[] }>('listFollows')).toEqual({ ok: true, value: [] });
    expect((await background<{ value: { markStyle: string; disabledSites: string[] } }>('getSettings')).value).toMatchObject({ markStyle: 'underline', disabledSites: [] });
    expect(errors).toEqual([]);
    expect(workerErrors).toEqual([]);
    await page.close();
  });

  it('counts messages it refuses in the meta store', async () => {
    const popup = await session.openPopup();
    const replies = await popup.evaluate(async () => {
      const bad = [{ specscout: 1, type: 'dropEverything', data: {} }, { specscout: 1, type: 'getDevice', data: { id: '<b>' } }, { type: 'ping' }];
      return Promise.all(bad.map((m) => chrome.runtime.sendMessage(m).catch((e: Error) => `error: ${e.message}`)));
    });
    // Unanswered: the sender learns nothing but that no one replied.
    for (const reply of replies) expect(reply === undefined || String(reply).startsWith('error:')).toBe(true);
    const readCount = () =>
      popup.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('specscout');
            open.onsuccess = () => {
              const get = open.result.transaction('meta').objectStore('meta').get('refusedMessages');
              get.onsuccess = () => {
                resolve((get.result?.value?.total as number | undefined) ?? 0);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(readCount, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await popup.close();
  });

  it('reads a heavy page within its caps without blocking it or throwing', async () => {
    // The same page where SpecScout does not run (the fixture server's own host): the browser's own cost.
    const plain = await session.context.newPage();
    await plain.addInitScript(HEARTBEAT);
    await plain.goto(`${session.server.origin}/hostile-heavy.html`);
    await plain.waitForTimeout(6000);
    const plainGap = await plain.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    await plain.close();

    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.addInitScript(PROBE);
    await page.addInitScript(HEARTBEAT);
    await page.goto(session.newsUrl('hostile-heavy.html'));
    await expect.poll(async () => (await texts(page))?.length ?? 0, { timeout: 50_000 }).toBeGreaterThan(100);
    // Let the scan settle.
    await page.waitForTimeout(3000);
    const marked = (await texts(page)) ?? [];
    expect(marked.length).toBeLessThanOrEqual(2000);
    const where = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('specscout') as unknown as Set<Range>)];
      const inside = (id: string) => ranges.filter((r) => document.getElementById(id)!.contains(r.startContainer)).length;
      return { lead: inside('lead'), scripts: inside('scripts'), deep: inside('deep'), huge: inside('huge'), mentions: inside('mentions') };
    });
    // Names in Arabic, Japanese, Chinese, Russian and Hebrew sentences are marked, as is the bottom of the deep tree.
    expect(where.lead).toBeGreaterThanOrEqual(2);
    expect(where.scripts).toBeGreaterThanOrEqual(5);
    expect(where.deep).toBe(1);
    expect(where.mentions).toBeGreaterThan(100);
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    console.info(
      `heavy page: ${marked.length} marks (${JSON.stringify(where)}), longest main-thread block after load ${Math.round(maxGap)} ms ` +
        `(${Math.round(plainGap)} ms without SpecScout)`,
    );
    // Reading is sliced (8 ms slices): SpecScout adds no long block of its own to what the browser already spends.
    expect(maxGap).toBeLessThan(plainGap + 250);
    expect(errors).toEqual([]);
    expect(workerErrors).toEqual([]);
    await page.close();
  });
  it('marks the rest of the page, and the node itself, around one text node of over 6,000,000 characters', async () => {
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(session.newsUrl('huge-node.html'));
    expect(Number(await page.evaluate(() => document.documentElement.dataset.hugeLength))).toBeGreaterThan(6_000_000);
    // The worker refuses a request over 6,000,000 characters: the node goes in parts, and nothing after it is lost.
    await expect
      .poll(() => page.evaluate(() => [...((CSS.highlights.get('specscout') ?? []) as Iterable<Range>)].map((r) => `${r.startContainer.parentElement!.id}:${r.toString()}`).sort()), { timeout: 40_000 })
      .toEqual(['after:OnePlus 12', 'before:Xperia Z1 Compact', 'huge:Pixel 8 Pro']);
    expect(errors).toEqual([]);
    expect(workerErrors).toEqual([]);
    await page.close();
  });

  // Last: it reloads the extension under the session.
  it('leaves no uncaught error on a constantly mutating page when the extension is reloaded under it', async () => {
    const page = await session.context.newPage();
    const errors = collectPageErrors(page);
    await page.addInitScript(PROBE);
    await page.goto(session.newsUrl(`hostile.html?ext=${session.extensionId}`));
    await expect.poll(async () => (await texts(page))?.length ?? 0, { timeout: 40_000 }).toBeGreaterThanOrEqual(5);
    await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The ticker mutates every 50 ms: the orphaned script meets its invalidated context at once.
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 340);
    await expect.poll(() => texts(page), { timeout: 15_000 }).toBeNull();
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    await page.close();
  });
});
