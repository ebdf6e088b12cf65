// The WebAssembly word scanner (core/detect/scan.wat, run by wasm-scan.ts) against the JavaScript scan it
// replaces: the same mentions and context on any text, whatever the characters (outside ASCII, astral,
// ignorable, full-width), token lengths (past its sixty-four-byte blocks) and sizes (past its first token
// room, past the memory it keeps). Also: the committed module is the assembled source, and where
// WebAssembly cannot run, or its memory cannot grow for a page, the matcher goes on in JavaScript.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMatcher } from '../../core/detect/index';
import { DETERMINERS } from '../../core/detect/names';
import { WasmScanner } from '../../core/detect/wasm-scan';
import { assembleScanWasm, SCAN_WASM_MODULE } from '../../scripts/lib/scan-wasm';
import { shippedMatcher } from './detect-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 515151;

const pieces = fc.constantFrom(
  'Samsung', 'Galaxy', 'S24', 'Ultra', 'iPhone', '15', 'Pro', 'Max', 'Xperia', 'Z1', 'f', 'Z1f', 'SM-S928B', 'SO-02F',
  'the', 'its', 'one', 'One', 'pixel', 'Pixel', 'moto', 'g84', 'vivo', 'x100', '+', 'Plus', '(2013)', "'s", '’s',
  ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u00ad', '\u200b', '\ufeff', '\u0301', '-', '(', ')', '"', "'", '“', '”', '«',
  'fēnix', 'É', 'ß', 'İ', 'ﬁ', 'Ⅳ', 'Ｓ', '２４', '＋', '三星', 'Привет', '😀', '\ud83d', '\ude00', '\u0000', '\uffff',
  'a'.repeat(70), 'Z'.repeat(65), '7'.repeat(80), 'x'.repeat(63) + 'é',
);
const text = fc.oneof(
  fc.array(pieces, { maxLength: 80 }).map((a) => a.join(' ')),
  fc.array(pieces, { maxLength: 80 }).map((a) => a.join('')),
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
);

describe('the WebAssembly scanner', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is the one the matcher uses where WebAssembly runs (Node here)', async () => {
    const { matcher, jsMatcher } = await shippedMatcher();
    expect(matcher.scanner().kind).toBe('webassembly');
    expect(matcher.scanner().memoryBytes).toBeGreaterThan(0);
    expect(jsMatcher.scanner()).toEqual({ kind: 'javascript', memoryBytes: 0 });
  });

  it('finds what the JavaScript scan finds, on any text', async () => {
    const { matcher, jsMatcher, compiled } = await shippedMatcher();
    const eager = loadMatcher(compiled, { lookUpEveryWord: true });
    const eagerJs = loadMatcher(compiled, { lookUpEveryWord: true, javaScriptScan: true });
    fc.assert(fc.property(text, (t) => {
      const expected = jsMatcher.detect(t);
      expect(matcher.detect(t)).toEqual(expected);
      expect(eager.detect(t)).toEqual(eagerJs.detect(t));
    }), { seed: SEED, numRuns: RUNS * 5 });
  });

  it('finds the same in real articles, whole and cut anywhere, with the context handed on', async () => {
    const { matcher, jsMatcher } = await shippedMatcher();
    const corpus = corpusText();
    expect(corpus.length).toBeGreaterThan(5_000);
    expect(matcher.detect(corpus)).toEqual(jsMatcher.detect(corpus));
    fc.assert(fc.property(fc.integer({ min: 0, max: corpus.length }), fc.integer({ min: 0, max: 4000 }), (from, size) => {
      const first = corpus.slice(from, from + size);
      const second = corpus.slice(from + size, from + 2 * size);
      const a = matcher.detect(first);
      const b = jsMatcher.detect(first);
      expect(a).toEqual(b);
      expect(matcher.detect(second, a.context)).toEqual(jsMatcher.detect(second, b.context));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('keeps every start whose walk may find a name: after each determiner, a quote, or before a second word', async () => {
    const { matcher, jsMatcher, eagerMatcher } = await shippedMatcher();
    const words = ['one', 'One', 'Pro', 'Air', 'Note', 'Edge', 'mate', 'life', 'fire', 'you', 'it', 'up', 'I', 'Find', 'first'];
    const before = [...DETERMINERS, 'The', 'Its', '“', '"', "'", '(', 'and', ''];
    const after = ['', 'X', '5', 'Pro', 'is', 'phone', '2', '(2013)', 'mini', '+', 'Plus'];
    const lines: string[] = [];
    for (const w of words) for (const b of before) for (const a of after) lines.push(`Sony ${b} ${w} ${a}. Galaxy ${b}${w} ${a}!`);
    const text = lines.join('\n');
    expect(matcher.detect(text)).toEqual(jsMatcher.detect(text));
    expect(matcher.detect(text)).toEqual(eagerMatcher.detect(text));
  });

  it('makes room as a page needs it and lets big memory go after', async () => {
    const { compiled, jsMatcher } = await shippedMatcher();
    const matcher = loadMatcher(compiled, { scannerMemoryKept: 4 << 20 });
    // Dense names (more tokens than its first room) and then a page past the memory it keeps.
    const dense = 'Galaxy S24 Ultra, SM-S928B; a b c d 1 2 3 + + '.repeat(5000);
    expect(matcher.detect(dense)).toEqual(jsMatcher.detect(dense));
    const big = corpusText().repeat(Math.ceil((1 << 20) / corpusText().length));
    expect(matcher.detect(big)).toEqual(jsMatcher.detect(big));
    expect(matcher.scanner().memoryBytes).toBeLessThanOrEqual(4 << 20);
    expect(matcher.detect('The Samsung Galaxy S24 Ultra is out.')).toEqual(jsMatcher.detect('The Samsung Galaxy S24 Ultra is out.'));
  });

  it('leaves the matcher in JavaScript where WebAssembly cannot run', async () => {
    const { compiled, jsMatcher } = await shippedMatcher();
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const fresh = await import('../../core/detect/index');
    const matcher = fresh.loadMatcher(compiled);
    expect(matcher.scanner().kind).toBe('javascript');
    const t = 'Sony said the Xperia Z1 f (SO-02F) is the Z1 Compact abroad; the Galaxy S24 Ultra is SM-S928B.';
    expect(matcher.detect(t)).toEqual(jsMatcher.detect(t));
  });

  it('goes on in JavaScript when the module cannot grow its memory for a page', async () => {
    const { compiled, jsMatcher } = await shippedMatcher();
    const matcher = loadMatcher(compiled);
    const t = 'The Samsung Galaxy S24 Ultra (SM-S928B) and the Xperia Z1 f.';
    const grow = vi.spyOn(WasmScanner.prototype, 'scan').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    try {
      expect(matcher.detect(t)).toEqual(jsMatcher.detect(t));
      expect(matcher.scanner().kind).toBe('javascript');
    } finally {
      grow.mockRestore();
    }
    expect(matcher.detect(t)).toEqual(jsMatcher.detect(t));
  });

  it('is scan.wat assembled: the committed module is up to date (npm run build:wasm)', async () => {
    expect(readFileSync(SCAN_WASM_MODULE, 'utf8')).toBe(await assembleScanWasm());
  });
});

/** Our annotated articles back to back, markup removed. */
function corpusText(): string {
  return cachedCorpus ??= readCorpus();
}
let cachedCorpus: string | undefined;

function readCorpus(): string {
  const dir = 'tests/corpus';
  return readdirSync(dir).filter((f) => f.endsWith('.ann.txt')).sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8').replace(/\[\[\??([^\]|]+)\|[^\]]+\]\]/g, '$1')).join('\n');
}
