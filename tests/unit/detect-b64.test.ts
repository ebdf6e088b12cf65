// The compiled matcher's integer arrays (core/detect/b64.ts): base64 of bytes, integers in the fewest bytes
// that hold them, offsets as steps; each comes back as it went in, and a damaged one is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToInts, base64ToOffsets, bytesToBase64, intsToBase64, offsetsToBase64 } from '../../core/detect/b64';
import { loadMatcher, type CompiledMatcher } from '../../core/detect/index';
import { shippedMatcher } from './detect-fixture';

const SEED = 6464;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('the compiled matcher\'s arrays', () => {
  it('come back as they went in: bytes, integers of any size, ascending offsets', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }), { seed: SEED, numRuns: RUNS });
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 65535 }), fc.integer()), { maxLength: 50 }),
      (values) => {
        const ints = Int32Array.from(values);
        expect([...base64ToInts(intsToBase64(ints))]).toEqual(values);
      }), { seed: SEED, numRuns: RUNS });
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 50 }), (steps) => {
      const offsets = new Int32Array(steps.length);
      steps.reduce((at, step, k) => (offsets[k] = at + step), 0);
      expect(base64ToOffsets(offsetsToBase64(offsets))).toEqual(offsets);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('take the fewest bytes that hold every value', () => {
    expect(base64ToInts(intsToBase64(Int32Array.of(0, 255)))).toBeInstanceOf(Uint8Array);
    expect(base64ToInts(intsToBase64(Int32Array.of(0, 256)))).toBeInstanceOf(Uint16Array);
    expect(base64ToInts(intsToBase64(Int32Array.of(-1, 5)))).toBeInstanceOf(Int32Array);
    expect(base64ToInts(intsToBase64(Int32Array.of(65536)))).toBeInstanceOf(Int32Array);
    // Names of a few dozen characters: offsets in one byte per name, however far they go.
    expect(base64ToInts(offsetsToBase64(Int32Array.of(0, 40, 80, 120)))).toBeInstanceOf(Uint8Array);
    expect(base64ToInts(offsetsToBase64(Int32Array.of(0, 200, 400, 600)))).toBeInstanceOf(Uint8Array);
    expect(base64ToInts(offsetsToBase64(Int32Array.of(0, 40, 80, 60_000)))).toBeInstanceOf(Uint16Array);
  });

  it('refuse an array that is not one', () => {
    expect(() => base64ToInts('8AAAA')).toThrow(/not an integer array/);
    expect(() => base64ToInts('4AAA')).toThrow(/cut short/);
    expect(() => base64ToBytes('AA!A')).toThrow(/outside its alphabet/);
    expect(() => base64ToBytes('AAéA')).toThrow(/outside its alphabet/);
    expect(() => base64ToBytes('AAAAA')).toThrow(/lone last character/);
    expect(() => base64ToOffsets(intsToBase64(Int32Array.of(0, 5, -3)))).toThrow(/do not ascend/);
  });
});

describe('a damaged compiled matcher', () => {
  it('is refused with a clear error, not loaded to find wrong names', async () => {
    const { compiled } = await shippedMatcher();
    const swapWidth = (v: string): string => (v[0] === '1' ? '2' : '1') + v.slice(1);
    const steps = base64ToInts(compiled.nameOffsets);
    const changedStep = Int32Array.from(steps);
    changedStep[5] = changedStep[5]! + 1;
    const damaged: [string, Partial<CompiledMatcher>][] = [
      ['an array read at another width', { rootChild: swapWidth(compiled.rootChild) }],
      ['an array cut short', { entryInfo: compiled.entryInfo.slice(0, -8) }],
      ['offsets past their string', { nameOffsets: intsToBase64(changedStep) }],
      ['a character outside base64', { firstChild: `${compiled.firstChild.slice(0, 99)}!${compiled.firstChild.slice(100)}` }],
      ['a word id past the vocabulary', { words: { ...compiled.words, determiners: [...compiled.words.determiners, 1e6] } }],
      ['a brand index past the brands', { brands: compiled.brands.slice(0, 3) }],
      ['a device array of another length', { deviceRank: bytesToBase64(new Uint8Array(7)) }],
    ];
    for (const [what, change] of damaged) {
      expect(() => loadMatcher({ ...compiled, ...change }), what).toThrow(/damaged compiled matcher|not base64|integer array|do not ascend/);
    }
    expect(loadMatcher(compiled).detect('The Galaxy S24 Ultra').mentions).toHaveLength(1);
  });
});

