// The word lookups (core/detect/vocabulary.ts lookup, lookupBytes, lookupIgnoring): every word of the
// shipped vocabulary is found by its own id, written in any case, from the text or from its UTF-8, with
// the vocabulary table in the WebAssembly module's memory (as the matcher reads it where WebAssembly runs)
// and in an array of its own (where it cannot); other words are not found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../core/detect/chars';
import { NameTable } from '../../core/detect/name-table';
import { lowerStartTable, startKinds, upperStartTable, vocabularyTable } from '../../core/detect/name-starts';
import type { Vocabulary } from '../../core/detect/vocabulary';
import { WasmScanner } from '../../core/detect/wasm-scan';
import { shippedMatcher } from './detect-fixture';

/** The shipped vocabulary, its short words found in the module's copy of the table, or in its own. */
function vocabularies(compiled: ConstructorParameters<typeof NameTable>[0]): { name: string; vocabulary: Vocabulary }[] {
  const own = new NameTable(compiled);
  const ownTable = vocabularyTable(own, startKinds(own));
  own.vocabulary.useTable({ words: new Int32Array(ownTable.bytes.buffer), shift: ownTable.shift, refresh: null });
  const inModule = new NameTable(compiled);
  const kinds = startKinds(inModule);
  const lower = lowerStartTable(inModule, kinds);
  const upper = upperStartTable(inModule);
  const moduleTable = vocabularyTable(inModule, kinds);
  const wasm = WasmScanner.create({ lower: lower.bits, lowerShift: lower.shift, upper: upper.bits, upperShift: upper.shift }, moduleTable)!;
  expect(wasm).not.toBeNull();
  inModule.vocabulary.useTable({ words: wasm.tableWords(), shift: moduleTable.shift, refresh: () => wasm.tableWords() });
  return [{ name: 'own table', vocabulary: own.vocabulary }, { name: 'module table', vocabulary: inModule.vocabulary }];
}

const SEED = 77;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('the matcher looks words up', () => {
  it('finds every word of the vocabulary by its id, in any case, in both tables', async () => {
    const { compiled } = await shippedMatcher();
    const encoder = new TextEncoder();
    // Characters outside ASCII are classified (and folded) as a scan first meets them: here, as if the
    // words had been scanned.
    tokenize(`${compiled.vocab} ${compiled.vocab.toUpperCase()} é ü ß İ Ｓ \u00ad \u200b`);
    for (const { vocabulary: look } of vocabularies(compiled)) {
      const offsets = look.offsets;
      let found = 0;
      // Mismatches collected and compared once: an expect per lookup (a quarter of a million) took longer
      // than the lookups.
      const wrong: string[] = [];
      const check = (how: string, written: string, got: number, t: number): void => { if (got !== t) wrong.push(`${how} ${written}: ${got}, not ${t}`); };
      for (let t = 0; t + 1 < offsets.length; t++) {
        const word = compiled.vocab.slice(offsets[t], offsets[t + 1]);
        // Up to four characters outside ASCII: never looked up (chars.ts C_OTHER), so never found.
        if (word.length <= 4 && /[^\x00-\x7f]/.test(word)) continue;
        for (const written of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
          if (written.length !== word.length) continue;
          check('lookup', written, look.lookup(written, 0, written.length), t);
          check('lookupIgnoring', written, look.lookupIgnoring(`${written.slice(0, 1)}\u00ad${written.slice(1)}`, 0, written.length + 1), t);
          if (/^[\x00-\x7f]+$/.test(written)) {
            const bytes = encoder.encode(` ${written}`);
            check('lookupBytes', written, look.lookupBytes(bytes, 1, bytes.length), t);
          }
        }
        found++;
      }
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(found).toBeGreaterThan(10_000);
      const vocabulary = new Set<string>();
      for (let t = 0; t + 1 < offsets.length; t++) vocabulary.add(compiled.vocab.slice(offsets[t], offsets[t + 1]));
      fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{1,14}$/), (word) => {
        fc.pre(!vocabulary.has(word));
        expect(look.lookup(word, 0, word.length)).toBe(-1);
        expect(look.lookupBytes(encoder.encode(word), 0, word.length)).toBe(-1);
      }), { seed: SEED, numRuns: RUNS * 5 });
    }
  });
});
