// The parts of the detection engine, each on its own (core/detect/): the starts tables, the entry info
// word, the joined-string index, the two scanners behind the Scanner interface (the WebAssembly one held
// to the reference), the decision rules, and the article context as it comes from a page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContext, readContext } from '../../core/detect/article-context';
import { isBrandEntry, isFamilyWordEntry, levelOf, maskOf, packInfo, reasonOf, secondWordGlued } from '../../core/detect/entry-info';
import { JoinedIndex } from '../../core/detect/joined-index';
import { NameTable } from '../../core/detect/name-table';
import { lowerStartTable, startKinds, upperStartTable, vocabularyTable } from '../../core/detect/name-starts';
import { LEVEL_NEVER } from '../../core/detect/names';
import { Rules } from '../../core/detect/rules';
import type { ScanSetup } from '../../core/detect/scanner';
import { JsScanner } from '../../core/detect/scanner-js';
import { WasmTokenScanner } from '../../core/detect/scanner-wasm';
import { F_BREAK, F_GLUED, F_UPPER, Tokens } from '../../core/detect/tokens';
import { addStart, emptyStartTable, hasStart, startKey } from '../../core/detect/word-starts';
import { validateMessage } from '../../utils/protocol-validate';
import { shippedMatcher } from './detect-fixture';

const SEED = 2020;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** The shipped name table with both scanners over it, each with its own tokens. */
async function scanners(): Promise<{ table: NameTable; js: { scanner: JsScanner; tokens: Tokens }; wasm: { scanner: WasmTokenScanner; tokens: Tokens } }> {
  const { compiled } = await shippedMatcher();
  const table = new NameTable(compiled);
  const kinds = startKinds(table);
  const setup: ScanSetup = { vocabulary: table.vocabulary, rootChild: table.rootChild, lowerStarts: lowerStartTable(table, kinds), lookUpEveryWord: false };
  const words = vocabularyTable(table, kinds);
  const wasm = WasmTokenScanner.create(setup, upperStartTable(table), words)!;
  expect(wasm).not.toBeNull();
  table.vocabulary.useTable({ words: wasm.module.tableWords(), shift: words.shift, refresh: () => wasm.module.tableWords() });
  return {
    table,
    js: { scanner: new JsScanner(setup), tokens: new Tokens(table.vocabulary) },
    wasm: { scanner: wasm, tokens: new Tokens(table.vocabulary) },
  };
}

function scanWith(scanner: JsScanner | WasmTokenScanner, tokens: Tokens, text: string): void {
  tokens.text = text;
  scanner.scan(text, tokens);
}

describe('the starts tables', () => {
  it('hold every word added and let few others through', () => {
    const starts = emptyStartTable(2000, 64);
    const keys = new Set<number>();
    for (let w = 0; w < 2000; w++) {
      const key = startKey(3 + (w % 9), 97 + (w % 26), 97 + ((w * 7) % 26), 48 + (w % 10), w % 3 === 0);
      keys.add(key);
      addStart(starts, key);
    }
    for (const key of keys) expect(hasStart(starts.bits, starts.shift, key)).toBe(true);
    let through = 0;
    let tried = 0;
    for (let len = 1; len < 20; len++) {
      for (let a = 97; a < 123; a++) {
        const key = startKey(len, a, 120, 122, false);
        if (keys.has(key)) continue;
        tried++;
        if (hasStart(starts.bits, starts.shift, key)) through++;
      }
    }
    expect(through / tried).toBeLessThan(0.01);
  });
});

describe('the entry info word', () => {
  it('reads back every field it was packed with', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: LEVEL_NEVER }), fc.boolean(),
      fc.integer({ min: 0, max: (1 << 22) - 1 }), fc.boolean(), (reason, level, family, mask, glued) => {
        const info = packInfo(reason, level, family, mask, glued);
        expect([reasonOf(info), levelOf(info), isFamilyWordEntry(info), maskOf(info), secondWordGlued(info), isBrandEntry(info)])
          .toEqual([reason, level, family, mask, glued, false]);
      }), { seed: SEED, numRuns: RUNS });
  });
});

describe('the joined-string index', () => {
  it('finds each string by its index and nothing else', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ maxLength: 8 }), { maxLength: 40 }), fc.string({ maxLength: 8 }), (list, other) => {
      const offsets = new Int32Array(list.length + 1);
      list.forEach((s, i) => { offsets[i + 1] = offsets[i]! + s.length; });
      const index = new JoinedIndex(list.join(''), offsets);
      expect(index.size()).toBe(list.length);
      list.forEach((s, i) => { expect(index.indexOf(s)).toBe(i); expect(index.at(i)).toBe(s); });
      if (!list.includes(other)) expect(index.indexOf(other)).toBe(-1);
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('the scanners', () => {
  const piece = fc.constantFrom('Samsung', 'Galaxy', 'S24', 'Ultra', 'iPhone', '15', 'Pro', 'Max', 'Z1f', 'SM-S928B', 'the', 'its',
    'one', 'pixel', 'vivo', 'x100', '+', '(2013)', "'s", ' ', '\n', '\u00a0', '\u00ad', '\u200b', '-', '"', '“', 'fēnix', 'Ｓ',
    '三星', '😀', 'a'.repeat(70), 'smartphones', 'Xiaomi', '.');
  const text = fc.oneof(fc.array(piece, { maxLength: 60 }).map((a) => a.join(' ')), fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
    fc.string({ maxLength: 200, unit: 'binary' }));

  // Which tokens each lists as starts may differ (the module drops starts whose walk would find nothing, and
  // lists some the rules then drop): detect-wasm.test.ts holds the mentions found from them equal.
  it('cut the same tokens, with the same ids and flags, in WebAssembly as in the reference', async () => {
    const { js, wasm } = await scanners();
    fc.assert(fc.property(text, (t) => {
      scanWith(js.scanner, js.tokens, t);
      scanWith(wasm.scanner, wasm.tokens, t);
      expect(wasm.tokens.count).toBe(js.tokens.count);
      const cut = (tokens: Tokens): string[] => Array.from({ length: tokens.count }, (_, k) =>
        `${tokens.tStart[k]}-${tokens.tEnd[k]}:${tokens.idAt(k)}:${tokens.tFlags[k]! & (F_GLUED | F_UPPER | F_BREAK)}`);
      expect(cut(wasm.tokens)).toEqual(cut(js.tokens));
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('the decision rules', () => {
  async function rulesOn(text: string): Promise<Rules & { idAt: (k: number) => number }> {
    const { table, js } = await scanners();
    scanWith(js.scanner, js.tokens, text);
    return Object.assign(new Rules(table, js.tokens), { idAt: (k: number) => js.tokens.idAt(k) });
  }

  it('take no lone letter before a separate number for a model name', async () => {
    expect((await rulesOn('A 2-pack')).loneLetterBeforeNumber(0, 1)).toBe(true);
    expect((await rulesOn('A2 pack')).loneLetterBeforeNumber(0, 1)).toBe(false);
  });

  it('read a name after a chip or OS word, or before a part word, as that chip or part', async () => {
    const chip = await rulesOn('Tensor G4');
    expect(chip.chipOrSystemBefore(chip.idAt(0))).toBe(true);
    const part = await rulesOn('A17 Pro chip');
    expect(part.partAfter(part.idAt(3))).toBe(true);
    const plain = await rulesOn('A17 Pro phone');
    expect(plain.partAfter(plain.idAt(3))).toBe(false);
  });

  it('end a family word only where no family noun follows', async () => {
    expect((await rulesOn('Pixel phones')).familyWordMayEnd(1)).toBe(false);
    expect((await rulesOn('Pixel today')).familyWordMayEnd(1)).toBe(true);
    expect((await rulesOn('Pixel')).familyWordMayEnd(1)).toBe(true);
  });
});

describe('the article context from a page', () => {
  it('reads a context with missing or wrong fields as an empty one', () => {
    expect(readContext({})).toEqual(emptyContext());
    expect(readContext({ brands: 'Sony', families: [1, 'sony|xperia'], devices: { 'sony-xperia-z1': '2', x: -3 } }))
      .toEqual({ brands: [], families: ['sony|xperia'], devices: { 'sony-xperia-z1': 2, x: 0 } });
  });

  it('detects with `{}` as with no context (it used to throw)', async () => {
    const { matcher } = await shippedMatcher();
    const text = 'The Galaxy S24 is fine. The S24 Ultra is fast.';
    expect(matcher.detect(text, {} as never)).toEqual(matcher.detect(text));
  });

  it('is refused at the worker unless it is a context the worker handed out', async () => {
    const { matcher } = await shippedMatcher();
    const handedOut = matcher.detect('The Sony Xperia Z1 and the Galaxy S24.').context;
    const detect = (context: unknown): boolean => validateMessage({ specscout: 1, type: 'detect', data: { text: 'x', url: 'https://example.com/', context } }).ok;
    expect(detect(handedOut)).toBe(true);
    expect(detect(undefined)).toBe(true);
    expect(detect({})).toBe(false);
    expect(detect({ ...handedOut, devices: { 'sony-xperia-z1': 'many' } })).toBe(false);
    expect(detect({ ...handedOut, brands: [1] })).toBe(false);
    expect(detect({ ...handedOut, extra: true })).toBe(false);
  });
});
