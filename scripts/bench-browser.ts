// `npm run bench:browser`: in real Chromium with the built extension, the time from the content
// script's start (performance mark `specscout:start`) to the first highlights (`specscout:marked`)
// on a 20 KB article: with the service worker already running (warm), and right after the worker was
// stopped through CDP (woken: MV3 kills idle workers, so this is what a reader often gets). Also the
// very first page after install (the worker installs the shipped index then). Prints JSON.
import { launch } from '../tests/e2e/browser';
import { generateArticle } from '../tests/e2e/fixtures/generate';
import type { Page, Worker } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ARTICLE_BYTES = 20_000;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { runs: s.length, medianMs: round(s[Math.floor(s.length / 2)] ?? 0), minMs: round(s[0] ?? 0), maxMs: round(s[s.length - 1] ?? 0) };
}

async function timeToMarks(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const t = await page.evaluate(() => {
      const start = performance.getEntriesByName('specscout:start')[0]?.startTime;
      const marked = performance.getEntriesByName('specscout:marked')[0]?.startTime;
      return start !== undefined && marked !== undefined ? marked - start : null;
    });
    if (t !== null) return t;
    await page.waitForTimeout(20);
  }
  throw new Error(`no highlights on ${url} within 60 s`);
}

/** Waits until the worker has the index in IndexedDB (the `index` meta row); returns how long from now. */
async function waitForInstalledIndex(worker: Worker): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const installed = await worker.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('specscout');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            try {
              const get = db.transaction('meta').objectStore('meta').get('index');
              get.onsuccess = () => {
                db.close();
                resolve(get.result !== undefined);
              };
              get.onerror = () => resolve(false);
            } catch {
              db.close();
              resolve(false);
            }
          };
        }),
    );
    if (installed) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the index was not installed within 120 s');
}

async function main(): Promise<void> {
  const session = await launch();
  try {
    const html = generateArticle(ARTICLE_BYTES, 'Twenty kilobytes of phone news');
    session.server.route('/article-20k.html', (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(html);
    });
    const url = session.newsUrl('article-20k.html');
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');

    const firstAfterInstall = await timeToMarks(page, url);
    // The first install keeps writing the index to IndexedDB for seconds after the first marks (pages are
    // served from memory meanwhile). Warm and woken runs measure the steady state, so they start after it.
    const installMs = await waitForInstalledIndex(session.worker);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await timeToMarks(page, url));

    // The worker's running status as CDP reports it, to confirm each stop really happened.
    let status = 'unknown';
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of event.versions) if (v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) status = v.runningStatus;
    });
    const woken: number[] = [];
    let stopsConfirmed = 0;
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 3000;
      while (status !== 'stopped' && Date.now() < deadline) await page.waitForTimeout(20);
      // Only runs where the worker really stopped count as "woken".
      if (status !== 'stopped') continue;
      stopsConfirmed++;
      woken.push(await timeToMarks(page, url));
    }
    const marks = await page.evaluate(() => CSS.highlights.get('specscout')?.size ?? 0);
    process.stdout.write(
      JSON.stringify(
        {
          article: { bytes: html.length, marks },
          measure: 'content script start to first highlights (ms)',
          firstPageAfterInstallMs: Math.round(firstAfterInstall),
          indexInstalledAfterMs: installMs,
          warm: stats(warm),
          wokenWorker: { ...stats(woken), stopsConfirmed },
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:browser failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
