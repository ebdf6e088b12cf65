// `npm run bench [-- --json]`: speed and memory of device detection over the full shipped index.
// Re-runs itself under `node --expose-gc --import tsx` so retained heap can be measured after a full GC:
// heapMb = growth of (V8 heap used + ArrayBuffer memory) from before loading the compiled matcher to after,
// with the matcher still referenced. Times are medians of repeated runs after warm-up.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AhoCorasick } from '@monyone/aho-corasick';
import { compileMatcher, loadMatcher, type Matcher } from '../core/detect/index';
import { deviceForms } from '../core/detect/names';
import { loadShippedIndex } from './lib/load-index';
import { ROOT } from './lib/paths';

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
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => void, runs: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); }
  return median(t);
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** Plain article texts: the shared corpus and ours, markup removed. */
function articles(): string[] {
  const dirs = [path.join(ROOT, 'tests/corpus'), path.resolve(ROOT, '../shared/corpus')];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.ann.txt')) out.push(readFileSync(path.join(dir, f), 'utf8').replace(/\[\[\??([^\]|]+)\|[^\]]+\]\]/g, '$1'));
    }
  }
  return out;
}

function repeatTo(parts: string[], size: number): string {
  let s = '';
  let i = 0;
  while (s.length < size) s += parts[i++ % parts.length] + '\n';
  return s.slice(0, size);
}

function floor(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  return h;
}

async function main(): Promise<void> {
  const index = await loadShippedIndex();
  const devices = index.devices;
  let t0 = performance.now();
  const compiled = compileMatcher(devices);
  const compileMs = performance.now() - t0;
  const compiledText = JSON.stringify(compiled);
  log(`index: ${devices.length} devices; matcher.json ${(compiledText.length / 1024).toFixed(0)} KiB; compile ${compileMs.toFixed(0)} ms`);

  // Load time from JSON text, as the worker does on wake.
  const loadMs = time(() => { loadMatcher(JSON.parse(compiledText)); }, 15, 2);

  // Retained memory of one loaded matcher (the JSON text itself is not retained by it).
  gc?.(); gc?.();
  const before = process.memoryUsage();
  t0 = performance.now();
  let matcher: Matcher | null = loadMatcher(JSON.parse(compiledText));
  const coldLoadMs = performance.now() - t0;
  matcher.detect('warm up the Galaxy S24 Ultra');
  gc?.(); gc?.();
  const after = process.memoryUsage();
  const heapMb = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1048576;

  const texts = articles();
  const m = matcher;
  const article20kb = repeatTo(texts, 20 * 1024);
  const article20kbMs = time(() => { m.detect(article20kb); }, 200, 20);
  const page1mb = repeatTo(texts, 1024 * 1024);
  const page1mbMs = time(() => { m.detect(page1mb); }, 15);
  const floor1mbMs = time(() => { floor(page1mb); }, 15);
  const found1mb = m.detect(page1mb).mentions.length;

  // Aho-Corasick over the same names, matched case-insensitively on the lower-cased text (lower-casing
  // not counted), with the library's own word handling: it finds substrings, so it does less than we do.
  const keywords = new Set<string>();
  for (const d of devices) {
    for (const f of deviceForms(d)) keywords.add(f.name.toLowerCase());
    keywords.add(`${d.brand} ${d.name}`.toLowerCase());
  }
  const ac = new AhoCorasick([...keywords]);
  const lower = page1mb.toLowerCase();
  const ahoCorasickMs = time(() => { ac.matchInText(lower); }, 5, 1);

  const worst: Record<string, Record<string, number>> = {};
  const cases: Record<string, string[]> = {
    denseNames: ['Galaxy S24 Ultra, iPhone 15 Pro Max, Pixel 9 Pro XL, Xperia 1 V, SM-S928B, the S24 Ultra and the 15 Pro. '],
    repeatedBrands: ['Samsung Samsung Apple Google Sony Galaxy Galaxy iPhone Pixel Xperia '],
    longTokens: ['x'.repeat(50000) + ' ' + '9'.repeat(50000) + ' '],
    nonLatin: ['三星发布了新的旗舰手机，它的屏幕更大。Новый смартфон Samsung получил большой экран. 새로운 갤럭시 폰이 출시되었습니다. '],
  };
  for (const [name, parts] of Object.entries(cases)) {
    worst[name] = {};
    for (const scale of [1, 2, 4]) {
      const text = repeatTo(parts, 256 * 1024 * scale);
      worst[name]![`x${scale}`] = round(time(() => { m.detect(text); }, 7, 1), 2);
    }
  }

  const result = {
    devices: devices.length,
    matcherKb: Math.round(compiledText.length / 1024),
    compileMs: round(compileMs, 1),
    loadMs: round(loadMs, 2),
    coldLoadMs: round(coldLoadMs, 2),
    heapMb: round(heapMb, 2),
    heapMeasured: gc ? 'gc before and after loading; heapUsed + arrayBuffers growth' : 'no gc available: rough',
    article20kbMs: round(article20kbMs, 3),
    page1mbMs: round(page1mbMs, 2),
    floor1mbMs: round(floor1mbMs, 2),
    page1mbOverFloor: round(page1mbMs / floor1mbMs, 2),
    mentions1mb: found1mb,
    ahoCorasickMs: round(ahoCorasickMs, 1),
    speedupVsAhoCorasick: round(ahoCorasickMs / page1mbMs, 1),
    worstCases256kbScaled: worst,
  };
  matcher = null;
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  else for (const [k, v] of Object.entries(result)) log(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
