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

  it('answers the same when it looks every word up as when it looks up only words that may start a name', async () => {
    const { matcher, eagerMatcher, devices } = await shippedMatcher();
    // Real names and codes of the index, in any case, among function words, glued or quoted.
    const names = [...devices.values()].flatMap((d) => [d.name, `${d.brand} ${d.name}`, ...d.names.map((n) => n.name)]);
    const word = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom('the', 'a', 'its', 'is', 'on', 'and', 'of', 'one', 'edge', 'mini', 'plus', 'first', 'phones', 'chip', 'Snapdragon'),
      pieces,
    );
    const spelled = fc.tuple(word, fc.constantFrom('as is', 'lower', 'upper'))
      .map(([w, how]) => (how === 'lower' ? w.toLowerCase() : how === 'upper' ? w.toUpperCase() : w));
    const gap = fc.constantFrom(' ', ' ', ' ', '', ', ', '. ', ' "', '" ', " '", "'s ", '-', '\n');
    const text = fc.array(fc.tuple(spelled, gap), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(fc.property(text, (t) => {
      expect(matcher.detect(t)).toEqual(eagerMatcher.detect(t));
    }), { seed: SEED, numRuns: RUNS * 5 });
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
