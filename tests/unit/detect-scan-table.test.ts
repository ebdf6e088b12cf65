// The WebAssembly scan's vocabulary table (core/detect/scan-table.ts): every ASCII word of the vocabulary
// is found with its value and no other word is, it grows to hold any vocabulary, and the module's own probe
// (scan.wat) answers as the table's does, whatever the case of the word in the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildScanTable, ID_BITS, LONG_ID, NOT_FOUND, probeLetters, probeScanTable, VALUE_DETERMINER, VALUE_FIRST_ALONE,
  VALUE_FIRST_IN_CONTEXT, VALUE_GOES_ON, VALUE_LOWER_GLUED, VALUE_LOWER_SPACED, VALUE_ROOT, wordKey,
  type ScanTable,
} from '../../core/detect/scan-table';
import { LIST_DECIDED, WasmScanner } from '../../core/detect/wasm-scan';

const SEED = 424242;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

function vocabOf(words: string[]): { vocab: string; offsets: Int32Array } {
  const offsets = new Int32Array(words.length + 1);
  words.forEach((w, t) => { offsets[t + 1] = offsets[t]! + w.length; });
  return { vocab: words.join(''), offsets };
}

function tableOf(words: string[], flags: (t: number) => number = () => 0):
  { table: ScanTable; values: Int32Array; letters: Int32Array } {
  const { vocab, offsets } = vocabOf(words);
  const values = new Int32Array(words.length);
  const letters = new Int32Array(words.length);
  for (let t = 0; t < words.length; t++) { values[t] = t | flags(t); letters[t] = Math.imul(t + 1, 0x9e3779b1); }
  return { table: buildScanTable(vocab, offsets, values, letters, words.indexOf('plus')), values, letters };
}

function lettersOf(table: ScanTable, word: string): number {
  const key = new Int32Array(2);
  return wordKey(word, 0, word.length, key) ? probeLetters(table, key[0]!, key[1]!) : 0;
}

function probe(table: ScanTable, word: string): number {
  const key = new Int32Array(2);
  return wordKey(word, 0, word.length, key) ? probeScanTable(table, key[0]!, key[1]!) : NOT_FOUND;
}

const WORDS = [
  'galaxy', 's24', 'ultra', 'plus', '+', 'xperia', 'z1', 'f', 'compact', '12345678', '123456789', 'a',
  // Two long words with one key (first seven letters and length) and a third of another length.
  'smartphones', 'smartphoned', 'smartphone',
  // Outside ASCII: never an ASCII word's.
  'fēnix', 'ß',
];
const FLAGS = [VALUE_ROOT, VALUE_LOWER_SPACED, VALUE_LOWER_GLUED, VALUE_ROOT | VALUE_LOWER_SPACED | VALUE_GOES_ON,
  VALUE_FIRST_ALONE, VALUE_FIRST_IN_CONTEXT | VALUE_DETERMINER];

describe('the vocabulary table of the WebAssembly scan', () => {
  it('finds every ASCII word with its value and next letters, a "+" as "plus", and no other word', () => {
    const { table, values, letters } = tableOf(WORDS, (t) => FLAGS[t % FLAGS.length]!);
    for (const w of ['galaxy', 's24', 'ultra', 'plus', 'xperia', 'z1', 'f', 'compact', '12345678', 'a']) {
      expect(probe(table, w)).toBe(values[WORDS.indexOf(w)]);
      expect(lettersOf(table, w)).toBe(letters[WORDS.indexOf(w)]);
    }
    expect(probe(table, '+')).toBe(values[WORDS.indexOf('plus')]);
    expect(lettersOf(table, '+')).toBe(letters[WORDS.indexOf('plus')]);
    // A long word: the matcher looks it up; the flags and letters are those of every word with its key.
    const shared = (values[WORDS.indexOf('smartphones')]! | values[WORDS.indexOf('smartphoned')]!) & ~ID_BITS;
    expect(lettersOf(table, 'smartphonex')).toBe(letters[WORDS.indexOf('smartphones')]! | letters[WORDS.indexOf('smartphoned')]!);
    expect(probe(table, 'smartphones')).toBe(shared | LONG_ID);
    expect(probe(table, 'smartphonex')).toBe(shared | LONG_ID);
    expect(probe(table, 'smartphone')).toBe((values[WORDS.indexOf('smartphone')]! & ~ID_BITS) | LONG_ID);
    expect(probe(table, '123456789')).toBe((values[WORDS.indexOf('123456789')]! & ~ID_BITS) | LONG_ID);
    expect(probe(table, 'smartphonesx')).toBe(NOT_FOUND);
    expect(wordKey('fēnix', 0, 5, new Int32Array(2))).toBe(false);
    const known = new Set(WORDS);
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{1,8}$/), (w) => {
      fc.pre(!known.has(w));
      expect(probe(table, w)).toBe(NOT_FOUND);
    }), { seed: SEED, numRuns: RUNS * 5 });
  });

  it('refuses a vocabulary with a word nine times rather than growing without end', () => {
    expect(() => tableOf(Array.from({ length: 9 }, () => 'same'))).toThrow(/more than once/);
  });

  it('grows to hold a big vocabulary, nine slots in ten at most, the same table each time', () => {
    const words = new Set<string>();
    let x = 12345;
    while (words.size < 30_000) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      words.add((x % 36 ** 6).toString(36).slice(0, 1 + (x % 8)));
    }
    const list = [...words];
    const { table, values } = tableOf(list);
    // Compared in plain loops, one expect each: thirty thousand expects and a deep equality of the table's
    // bytes took longer than building it, past the test timeout on a loaded machine.
    const misses = list.filter((w, t) => probe(table, w) !== values[t]);
    expect(misses).toEqual([]);
    const slots = (table.bytes.byteLength - 16) / 64 * 4;
    expect(table.size).toBe(list.length);
    expect(table.size / slots).toBeLessThanOrEqual(0.9);
    expect(Buffer.compare(tableOf(list).table.bytes, table.bytes)).toBe(0);
  });

  it('lists in the module the starts whose walk may find something, and only those', () => {
    const words = ['the', 'dog', 'it', 'pro', 'sony', 'max'];
    const start = VALUE_ROOT | VALUE_LOWER_SPACED;
    const flags: Record<string, number> = {
      the: VALUE_DETERMINER, dog: 0, it: start | VALUE_FIRST_IN_CONTEXT, pro: start | VALUE_GOES_ON, sony: start | VALUE_FIRST_ALONE, max: 0,
    };
    const { vocab, offsets } = vocabOf(words);
    const values = new Int32Array(words.map((w, t) => t | flags[w]!));
    // "pro" goes on with a word starting with "m".
    const letters = new Int32Array(words.map((w) => (w === 'pro' ? 1 << ('m'.charCodeAt(0) & 31) : 0)));
    const table = buildScanTable(vocab, offsets, values, letters, -1);
    // Starts tables that let every word through: the module's table alone decides.
    const all = { lower: new Int32Array(32).fill(-1), lowerShift: 22, upper: new Int32Array(32).fill(-1), upperShift: 22 };
    const scanner = WasmScanner.create(all, table)!;
    const listed = (t: string): string[] => {
      const out = scanner.scan(t, false);
      const found: string[] = [];
      for (let q = 0; q < out.nList * 3; q += 3) found.push(t.slice(out.tStart[out.list[q]!], out.tEnd[out.list[q]!]));
      return found;
    };
    expect(listed('the it')).toEqual(['it']);
    expect(listed('dog it')).toEqual([]);
    expect(listed('the, it')).toEqual([]);
    expect(listed('dog “it”')).toEqual(['it']);
    expect(listed('pro max')).toEqual(['pro']);
    expect(listed('pro dog')).toEqual([]);
    expect(listed('pro. max')).toEqual([]);
    expect(listed('Sony dog')).toEqual(['Sony']);
    expect(listed('The It')).toEqual(['It']);
  });

  it('answers in the module as it does here, for words written in any case', () => {
    const { table } = tableOf(WORDS, (t) => FLAGS[t % FLAGS.length]!);
    // Starts tables of nothing: listing every token (the matcher's lookUpEveryWord) takes the module past them.
    const starts = { lower: new Int32Array(32), lowerShift: 22, upper: new Int32Array(32), upperShift: 22 };
    const scanner = WasmScanner.create(starts, table)!;
    expect(scanner).not.toBeNull();
    const piece = fc.oneof(
      fc.constantFrom(...WORDS, 'GALAXY', 'Galaxy', 'S24', 'SmartPhones', 'Z1', 'é', '—', '“', "'", '+'),
      fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.stringMatching(/^[0-9]{1,10}$/), fc.constantFrom('a'.repeat(70), 'Z'.repeat(9)),
    );
    const text = fc.array(piece, { maxLength: 60 }).chain((ws) =>
      fc.array(fc.constantFrom(' ', '  ', '\n', '-', ', ', ''), { minLength: ws.length, maxLength: ws.length })
        .map((gaps) => ws.map((w, i) => w + gaps[i]!).join('')));
    fc.assert(fc.property(text, (t) => {
      const out = scanner.scan(t, true);
      let decided = 0;
      for (let q = 0; q < out.nList * 3; q += 3) {
        const k = out.list[q]!;
        const token = t.slice(out.tStart[k], out.tEnd[k]);
        if ((out.list[q + 2]! & LIST_DECIDED) === 0) {
          // Only tokens with characters outside ASCII are left to the matcher.
          expect(/[^\x00-\x7f]/.test(token)).toBe(true);
          continue;
        }
        decided++;
        const expected = (probe(table, token.toLowerCase()) << 8) >> 8;
        expect(out.tId[k]).toBe(expected);
      }
      expect(decided).toBeLessThanOrEqual(out.count);
    }), { seed: SEED, numRuns: RUNS * 2 });
  });
});
