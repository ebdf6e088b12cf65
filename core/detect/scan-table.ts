// The vocabulary table of the WebAssembly scan (scan.wat $probe and $decide). The module's starts tables let
// through one word of prose in nine, a word whose length, first two and last letters are those of a word
// that starts a name; one in three of those starts nothing ("degree" passes for "delete"). In this table the
// module finds them, with their vocabulary ids, and keeps only those that start a name: the matcher then
// neither looks them up nor walks from them.
//
// A key is a word's folded ASCII bytes, little-endian in 64 bits: the word itself up to eight bytes, else its
// first seven and a tag byte with its length (the matcher then looks the word up: several words may share
// such a key). Cuckoo hashing, two buckets of four keys per key: the module compares all eight at once, with
// no branch on the word. Buckets are added until at most nine slots in ten are taken.

// Each key has two 32-bit words: its value (the id and VALUE_* flags) and, for a word that starts names, a
// bit per first character (its low five bits) of the words that may come second (name-table.ts rootWalk). With
// them the module also drops the starts whose walk would find nothing: nine in fifteen on a page of prose
// ("it", "I", "you" followed by a word no name has second, with no "the" or quote before). Every flag only
// ever keeps more: a long key's flags and letters are those of all its words together.

/** Value bits: the word starts some name (a root of the trie), written with a capital or as a number. */
export const VALUE_ROOT = 1 << 24;
/** Written in lower case, it may start a name with a break after it (name-starts.ts startKinds). */
export const VALUE_LOWER_SPACED = 1 << 25;
/** ... glued to a letter or digit after it. */
export const VALUE_LOWER_GLUED = 1 << 26;
/** A walk from it may find something at its first word alone: a brand, or a name that needs no context. */
export const VALUE_FIRST_ALONE = 1 << 27;
/** ... or a name that needs "the", "its"... or a quote right before it (candidates.ts wordMayStart). */
export const VALUE_FIRST_IN_CONTEXT = 1 << 28;
/** Some name goes on after it. */
export const VALUE_GOES_ON = 1 << 29;
/** One of the words that give the context above ("the", "its", "a": names.ts DETERMINERS). */
export const VALUE_DETERMINER = 1 << 30;
/** The id bits of a value: the vocabulary id, or LONG_ID. */
export const ID_BITS = 0xffffff;
/** Id bits of a long word's key: the flags are those of every word with the key. */
export const LONG_ID = 0xfffffe;
/** What the table answers for a key it does not hold: id -1 once sign-extended, no flags. */
export const NOT_FOUND = 0x00ffffff;

/** Longest word that is its own key. */
export const SHORT_WORD = 8;
const SHORT = SHORT_WORD;
const SLOTS = 4;
/** Four 8-byte keys, their four values, their four next-letter masks: one cache line. */
const BUCKET_BYTES = 64;
/** Padding after the last bucket (scan.wat reads a missing key's value and letters past a bucket's slots). */
const PADDING = 16;
const MAX_LOAD = 0.9;
const MAX_KICKS = 4096;

export interface ScanTable {
  /** The buckets, to be copied into the module's memory as they are. */
  bytes: Uint8Array<ArrayBuffer>;
  /** 32 minus the log2 of the bucket count: a hash's top bits pick a bucket. */
  shift: number;
  /** Keys held. */
  size: number;
}

/**
 * The key of the folded word folded[from, to), as scan.wat makes it from the text's bytes, into out[0]
 * (low 32 bits) and out[1] (high); false if no ASCII word folds to it (a character outside ASCII, or one
 * that an upper-case letter would not fold to).
 */
export function wordKey(folded: string, from: number, to: number, out: Int32Array): boolean {
  const len = to - from;
  if (len <= 0) return false;
  let lo = 0;
  let hi = 0;
  const bytes = Math.min(len, len <= SHORT ? SHORT : SHORT - 1);
  for (let k = 0; k < bytes; k++) {
    const c = folded.charCodeAt(from + k);
    // scan.wat folds by setting bit 5 of each byte: letters go to lower case, digits and "+" stay.
    if (c >= 128 || c <= 32 || (c | 0x20) !== c) return false;
    if (k < 4) lo |= c << (8 * k); else hi |= c << (8 * (k - 4));
  }
  for (let k = bytes; k < len; k++) {
    const c = folded.charCodeAt(from + k);
    if (c >= 128 || c <= 32 || (c | 0x20) !== c) return false;
  }
  if (len > SHORT) hi |= (0x80 | Math.min(len, 127)) << 24;
  out[0] = lo;
  out[1] = hi;
  return true;
}

function mix(lo: number, hi: number): number {
  const x = lo ^ Math.imul(hi, 0x9e3779b1);
  return Math.imul(x ^ (x >>> 16), 0x85ebca6b);
}

function bucket1(h: number, shift: number): number {
  return h >>> shift;
}

function bucket2(h: number, shift: number): number {
  return Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> shift;
}

/**
 * The table of the vocabulary's words: values[t] is the value of word t (its id and VALUE_* flags),
 * letters[t] its next-letter mask. A "+" in the text is the word "plus" (plusId; -1 if the vocabulary has
 * none).
 */
export function buildScanTable(vocab: string, vocabOffsets: Int32Array, values: Int32Array, letters: Int32Array,
  plusId: number): ScanTable {
  const words = vocabOffsets.length - 1;
  // Ids take the value's low 24 bits, below LONG_ID (the shipped index of 28,000 devices has 14,000 words).
  if (words >= LONG_ID) throw new RangeError(`the vocabulary has ${words} words; the scan's table holds ids below ${LONG_ID}`);
  const lo = new Int32Array(words + 1);
  const hi = new Int32Array(words + 1);
  const val = new Int32Array(words + 1);
  const next = new Int32Array(words + 1);
  let n = 0;
  const longAt = new Map<string, number>();
  const key = new Int32Array(2);
  for (let t = 0; t < words; t++) {
    const from = vocabOffsets[t]!;
    const to = vocabOffsets[t + 1]!;
    if (to - from === 1 && vocab.charCodeAt(from) === 43) continue; // "+" is read as "plus", below
    if (!wordKey(vocab, from, to, key)) continue;
    let value = values[t]!;
    if (to - from > SHORT) {
      // Words sharing a long key share its entry: the module lists the word if any of them would be.
      const k = `${key[0]},${key[1]}`;
      const at = longAt.get(k);
      if (at !== undefined) { val[at] = val[at]! | (value & ~ID_BITS); next[at] = next[at]! | letters[t]!; continue; }
      longAt.set(k, n);
      value = (value & ~ID_BITS) | LONG_ID;
    }
    lo[n] = key[0]!; hi[n] = key[1]!; val[n] = value; next[n] = letters[t]!; n++;
  }
  if (plusId >= 0) { lo[n] = 43; hi[n] = 0; val[n] = values[plusId]!; next[n] = letters[plusId]!; n++; }

  let buckets = 16;
  while (buckets * SLOTS * MAX_LOAD < n) buckets *= 2;
  // Twice the buckets has always been room enough. Nine equal keys never fit (only a vocabulary with a word
  // in it nine times has them, which the compiler never writes): refused rather than grown without end.
  for (let tries = 0; tries < 4; tries++, buckets *= 2) {
    const table = fill(lo.subarray(0, n), hi.subarray(0, n), val.subarray(0, n), next.subarray(0, n), buckets);
    if (table) return table;
  }
  throw new Error('the vocabulary does not fit a table: a word is in it more than once');
}

/** The keys in `buckets` buckets, or null if some key found no room. */
function fill(lo: Int32Array, hi: Int32Array, val: Int32Array, next: Int32Array, buckets: number): ScanTable | null {
  const shift = 32 - Math.log2(buckets);
  const bytes = new Uint8Array(buckets * BUCKET_BYTES + PADDING);
  const words = new Int32Array(bytes.buffer);
  // A fixed seed: the same vocabulary gives the same table.
  let seed = 0x2545f491;
  const random = (): number => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return seed >>> 0; };
  for (let k = 0; k < lo.length; k++) {
    let kLo = lo[k]!;
    let kHi = hi[k]!;
    let kVal = val[k]!;
    let kNext = next[k]!;
    let placed = false;
    for (let kick = 0; kick < MAX_KICKS && !placed; kick++) {
      const h = mix(kLo, kHi);
      const b1 = bucket1(h, shift);
      const b2 = bucket2(h, shift);
      placed = put(words, b1, kLo, kHi, kVal, kNext) || put(words, b2, kLo, kHi, kVal, kNext);
      if (placed) break;
      // Both full: take a slot of one of them; the key that was there looks for room next.
      const r = random();
      const base = (((r & 1) === 0 ? b1 : b2) * BUCKET_BYTES) >> 2;
      const s = (r >>> 1) & (SLOTS - 1);
      const eLo = words[base + s * 2]!;
      const eHi = words[base + s * 2 + 1]!;
      const eVal = words[base + 8 + s]!;
      const eNext = words[base + 12 + s]!;
      setSlot(words, base, s, kLo, kHi, kVal, kNext);
      kLo = eLo; kHi = eHi; kVal = eVal; kNext = eNext;
    }
    if (!placed) return null;
  }
  return { bytes, shift, size: lo.length };
}

/** Puts the key in a free slot of bucket b; false if it has none. An empty slot's key is 0 (no word's). */
function put(words: Int32Array, b: number, lo: number, hi: number, value: number, next: number): boolean {
  const base = (b * BUCKET_BYTES) >> 2;
  for (let s = 0; s < SLOTS; s++) {
    if (words[base + s * 2] === 0 && words[base + s * 2 + 1] === 0) {
      setSlot(words, base, s, lo, hi, value, next);
      return true;
    }
  }
  return false;
}

/** Slot s of the bucket at word `base`: its key's two halves, its value and its next letters. */
function setSlot(words: Int32Array, base: number, s: number, lo: number, hi: number, value: number, next: number): void {
  words[base + s * 2] = lo;
  words[base + s * 2 + 1] = hi;
  words[base + 8 + s] = value;
  words[base + 12 + s] = next;
}

/**
 * Where the key's value is in `words` (its next letters are four words on), or -1 if the table does not
 * hold the key: the two buckets scan.wat's $probe compares.
 */
function slotOf(words: Int32Array, shift: number, lo: number, hi: number): number {
  // The empty word's key is an empty slot's.
  if (lo === 0 && hi === 0) return -1;
  const h = mix(lo, hi);
  let base = (bucket1(h, shift) * BUCKET_BYTES) >> 2;
  for (let s = 0; s < SLOTS; s++) if (words[base + s * 2] === lo && words[base + s * 2 + 1] === hi) return base + 8 + s;
  base = (bucket2(h, shift) * BUCKET_BYTES) >> 2;
  for (let s = 0; s < SLOTS; s++) if (words[base + s * 2] === lo && words[base + s * 2 + 1] === hi) return base + 8 + s;
  return -1;
}

/**
 * What scan.wat's $probe answers for a key: the value, or NOT_FOUND. `words` are the table's bytes as 32-bit
 * words (the matcher's own lookups read the module's copy).
 */
export function probeWords(words: Int32Array, shift: number, lo: number, hi: number): number {
  const at = slotOf(words, shift, lo, hi);
  return at < 0 ? NOT_FOUND : words[at]!;
}

/** The next-letter mask of a key (0 for a key the table does not hold), as scan.wat $decide reads it. */
export function probeLetters(table: ScanTable, lo: number, hi: number): number {
  const words = new Int32Array(table.bytes.buffer, table.bytes.byteOffset, table.bytes.byteLength >> 2);
  const at = slotOf(words, table.shift, lo, hi);
  return at < 0 ? 0 : words[at + 4]!;
}

/** probeWords on a table. */
export function probeScanTable(table: ScanTable, lo: number, hi: number): number {
  return probeWords(new Int32Array(table.bytes.buffer, table.bytes.byteOffset, table.bytes.byteLength >> 2), table.shift, lo, hi);
}
