// The matcher's word lookups (core/detect/matcher.ts lookup, lookupBytes, lookupIgnoring): every word of the
// shipped vocabulary is found by its own id, written in any case, from the text or from its UTF-8, with
// WebAssembly (the vocabulary table in the module's memory) and without (a copy of its own); other words
// are not found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToOffsets } from '../../core/detect/b64';
import { loadMatcher } from '../../core/detect/index';
import { shippedMatcher } from './detect-fixture';

/** The lookups, reached past `private`: they are the matcher's innermost step and have no public face. */
interface Lookups {
  lookup(text: string, start: number, end: number): number;
  lookupBytes(bytes: Uint8Array, start: number, end: number): number;
  lookupIgnoring(text: string, start: number, end: number): number;
}

const SEED = 77;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('the matcher looks words up', () => {
  it('finds every word of the vocabulary by its id, in any case, in both scans', async () => {
    const { compiled } = await shippedMatcher();
    const offsets = base64ToOffsets(compiled.vocabOffsets);
    const encoder = new TextEncoder();
    for (const m of [loadMatcher(compiled), loadMatcher(compiled, { javaScriptScan: true })]) {
      // Characters outside ASCII are classified (and folded) as the scan first meets them.
      m.detect('warm up: é ü ß İ Ｓ \u00ad \u200b');
      const look = m as unknown as Lookups;
      let found = 0;
      for (let t = 0; t + 1 < offsets.length; t++) {
        const word = compiled.vocab.slice(offsets[t], offsets[t + 1]);
        // Up to four characters outside ASCII: never looked up (chars.ts C_OTHER), so never found.
        if (word.length <= 4 && /[^\x00-\x7f]/.test(word)) continue;
        for (const written of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
          if (written.length !== word.length) continue;
          expect(look.lookup(written, 0, written.length)).toBe(t);
          expect(look.lookupIgnoring(`${written.slice(0, 1)}\u00ad${written.slice(1)}`, 0, written.length + 1)).toBe(t);
          if (/^[\x00-\x7f]+$/.test(written)) {
            const bytes = encoder.encode(` ${written}`);
            expect(look.lookupBytes(bytes, 1, bytes.length)).toBe(t);
          }
        }
        found++;
      }
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
