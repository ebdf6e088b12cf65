// Property tests of detect(): never throws, spans lie inside the text and say what they claim, sorted
// and non-overlapping, deterministic, and the same in one batch or after a context round-trip.
// Fixed seed; FUZZ_RUNS sets the number of runs (npm run fuzz uses 20000).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedMatcher } from './detect-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 424242;

/** Text made of device-name fragments, brand words, traps and odd characters, to hit the rules often. */
const pieces = fc.constantFrom(
  'Samsung', 'Galaxy', 'S24', 'Ultra', 'iPhone', '15', 'Pro', 'Max', 'Xperia', 'Z1', 'f', 'Compact', 'SM-S928B',
  'OnePlus', 'One', 'Open', 'the', 'Pixel', 'pixel', '8', '+', 'Plus', '(2013)', 'Nexus 7', "'s", '’s', ' ', '\n',
  '\u00a0', '\u00ad', '-', '(', ')', '"', 'Snapdragon', 'Android', 'fēnix', '三星', '😀', '\u0301', 'Note', '10',
);
const articleText = fc.oneof(
  fc.array(pieces, { maxLength: 60 }).map((a) => a.join(' ')),
  fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ maxLength: 200, unit: 'binary' }),
);

describe('detect property', () => {
  it('never throws and returns sorted, non-overlapping spans that equal their text', async () => {
    const { matcher } = await shippedMatcher();
    fc.assert(fc.property(articleText, (text) => {
      const { mentions, context } = matcher.detect(text);
      let last = 0;
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(last);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(m.confidence).toBeGreaterThan(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
        last = m.end;
      }
      expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('gives the same answer every time, and the same answer after a context round-trip', async () => {
    const { matcher } = await shippedMatcher();
    fc.assert(fc.property(articleText, articleText, (a, b) => {
      expect(matcher.detect(a)).toEqual(matcher.detect(a));
      const first = matcher.detect(a);
      const again = matcher.detect(b, JSON.parse(JSON.stringify(first.context)));
      expect(again).toEqual(matcher.detect(b, first.context));
    }), { seed: SEED, numRuns: RUNS });
  });
});
