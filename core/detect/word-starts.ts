// The starts tables: bit tables (a Bloom filter with two bits per key) of the words that may start a name,
// so the scan looks up only those and leaves "the", "and", "is" for the rules to ask about later. The key
// is a word's length, first two and last folded characters and whether a letter or digit follows without
// a break (startKey): cheap to make while cutting the word, in JavaScript and in scan.wat alike, which
// builds the same keys from the same bits (wasm-scan.ts hands it these tables).

/** Bit of the key that marks capitalised words and numbers in the WebAssembly scan's upper table. */
export const UPPER_START_KEY = 1 << 28;

/** A starts table: 2^(32 - shift) bits. */
export interface StartTable {
  bits: Int32Array;
  shift: number;
}

/**
 * Key of a word: its length, first two and last folded characters (ASCII once folded: the words that may
 * start a name are Latin letters and digits) and whether a letter or digit follows without a break.
 */
export function startKey(len: number, a: number, b: number, z: number, gluedNext: boolean): number {
  return ((len & 63) << 22) | (gluedNext ? 1 << 21 : 0) | (a << 14) | (b << 7) | z;
}

/** startKey of the folded word text[start, end), read through `fold`. */
export function startKeyOf(text: string, start: number, end: number, fold: Uint16Array, gluedNext: boolean): number {
  const len = end - start;
  return startKey(len, fold[text.charCodeAt(start)]!, len > 1 ? fold[text.charCodeAt(start + 1)]! : 0,
    fold[text.charCodeAt(end - 1)]!, gluedNext);
}

/** startKey of the vocabulary word vocab[from, to) (already folded). */
export function startKeyOfWord(vocab: string, from: number, to: number, gluedNext: boolean): number {
  const len = to - from;
  return startKey(len, vocab.charCodeAt(from), len > 1 ? vocab.charCodeAt(from + 1) : 0, vocab.charCodeAt(to - 1), gluedNext);
}

/**
 * Whether both bits of `key` are set. Two bits per word, from a mixed hash: one bit let "to", "are",
 * "like" through, thousands of times a page.
 */
export function hasStart(table: Int32Array, shift: number, key: number): boolean {
  const h = mix(key);
  return bitSet(table, h >>> shift) && bitSet(table, secondSlot(h, shift));
}

/** A starts table of at least `bitsPerKey` bits for each of `keys` keys (4 KB to 128 KB), all clear. */
export function emptyStartTable(keys: number, bitsPerKey: number): StartTable {
  let shift = 22;
  while (shift > 12 && 1 << (32 - shift) < keys * bitsPerKey) shift--;
  return { bits: new Int32Array((1 << (32 - shift)) >>> 5), shift };
}

/** Sets the two bits of `key` (the ones hasStart tests). */
export function addStart(table: StartTable, key: number): void {
  const h = mix(key);
  setBit(table.bits, h >>> table.shift);
  setBit(table.bits, secondSlot(h, table.shift));
}

function bitSet(bits: Int32Array, slot: number): boolean {
  return (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
}

function setBit(bits: Int32Array, slot: number): void {
  bits[slot >>> 5] = bits[slot >>> 5]! | (1 << (slot & 31));
}

/** The second of a word's two slots; the first is the mixed hash's top bits (h >>> shift). */
function secondSlot(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

/**
 * Half of Murmur3's finaliser: the key's fields are packed bits, which plain multiplication spreads badly.
 * The full finaliser let fewer words through for nothing, but since the WebAssembly scan finds those in its
 * vocabulary table, they cost less than the extra multiplication on every word.
 */
function mix(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
