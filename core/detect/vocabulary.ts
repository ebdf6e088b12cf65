// Finds an article word's vocabulary id (the compiled matcher's distinct name tokens), or -1.
//
// Words of up to eight ASCII characters ("the", "s", "24", "galaxy": most words of an article) are found in
// the vocabulary table of the WebAssembly scan (scan-table.ts), which the module and this lookup share: a
// view of the module's memory (detached when that memory grows: then asked for again), or an array of its
// own where WebAssembly cannot run. The other words (longer than eight characters, or of five or more with
// characters outside ASCII) are found by chars.ts tokenFeatureHash in a table of their own: open
// addressing, load <= 0.5 (most article words miss, and a miss ends at the first empty slot), each slot's
// hash beside its id (hash, id + 1) so a probe reads one cache line; a hit is confirmed by comparing the
// folded characters. A word of up to four characters outside ASCII is never in the vocabulary (chars.ts
// C_OTHER) and is not looked up.

import { CLASS, C_IGNORE, FOLD, tokenFeatureHash } from './chars';
import { probeWords, SHORT_WORD, wordKey } from './scan-table';
import type { WordLookup } from './tokens';

/** FOLD of the ASCII bytes (chars.ts never changes them), for lookups from the UTF-8 bytes. */
const BYTE_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) BYTE_FOLD[c] = FOLD[c]!;

/** Where the vocabulary table is: its 32-bit words, and how to see them again once a view is detached. */
export interface TableSource {
  words: Int32Array;
  shift: number;
  /** A fresh view after the module's memory grew; null when `words` is an array of its own. */
  refresh: (() => Int32Array) | null;
}

export class Vocabulary implements WordLookup {
  readonly size: number;
  /** Token id of "plus", which a "+" in the text is read as (-1 if no name has one). */
  readonly plusId: number;
  private readonly longSlots: Int32Array;
  private readonly longMask: number;
  private readonly maxTokenLength: number;
  private table: TableSource | null = null;
  /** Folded characters of a long token while it is looked up. */
  private folded = new Uint16Array(64);

  constructor(readonly vocab: string, readonly offsets: Int32Array, hashes: Int32Array) {
    const tokens = offsets.length - 1;
    this.size = tokens;
    const key = new Int32Array(2);
    const long = new Uint8Array(tokens);
    let longCount = 0;
    let longest = 0;
    let plusId = -1;
    for (let t = 0; t < tokens; t++) {
      const from = offsets[t]!;
      const to = offsets[t + 1]!;
      longest = Math.max(longest, to - from);
      if (plusId < 0 && to - from === 4 && vocab.startsWith('plus', from)) plusId = t;
      if (to - from > SHORT_WORD || (to - from > 4 && !wordKey(vocab, from, to, key))) { long[t] = 1; longCount++; }
    }
    this.plusId = plusId;
    this.maxTokenLength = longest;
    let size = 16;
    while (size < longCount * 2) size <<= 1;
    this.longMask = size - 1;
    this.longSlots = new Int32Array(size * 2);
    for (let t = 0; t < tokens; t++) {
      if (long[t] === 0) continue;
      const h = hashes[t]!;
      let slot = h & this.longMask;
      while (this.longSlots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.longMask;
      this.longSlots[slot * 2] = h;
      this.longSlots[slot * 2 + 1] = t + 1;
    }
  }

  /** The vocabulary table the short words are found in (built from this vocabulary: matcher.ts). */
  useTable(table: TableSource): void {
    this.table = table;
  }

  /** A fresh view of the table, after the module was made anew (the old view keeps the old memory alive). */
  refreshTable(): void {
    if (this.table?.refresh) this.table.words = this.table.refresh();
  }

  /** The table's words as an array of its own, for when the module that held them goes. */
  detachTable(): void {
    if (this.table) this.table = { words: this.tableWords().slice(), shift: this.table.shift, refresh: null };
  }

  word(t: number): string {
    return this.vocab.slice(this.offsets[t], this.offsets[t + 1]);
  }

  /** Vocabulary id of text[start..end) (no ignorable characters inside), or -1. Kept small so it inlines. */
  lookup(text: string, start: number, end: number): number {
    const len = end - start;
    if (len > SHORT_WORD) return this.lookupLong(text, start, end);
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < len; j++) {
      const f = FOLD[text.charCodeAt(start + j)]!;
      if (f > 127) return len > 4 ? this.lookupLong(text, start, end) : -1;
      if (j < 4) lo |= f << (j << 3); else hi |= f << ((j - 4) << 3);
    }
    return this.wordId(lo, hi);
  }

  /** lookup of an ASCII token from the UTF-8 bytes b[start..end). */
  lookupBytes(b: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > SHORT_WORD) {
      if (len > this.maxTokenLength) return -1;
      const f = this.foldedRoom(len);
      for (let j = 0; j < len; j++) f[j] = BYTE_FOLD[b[start + j]!]!;
      return this.findLong(len);
    }
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < len; j++) {
      const f = BYTE_FOLD[b[start + j]!]!;
      if (j < 4) lo |= f << (j << 3); else hi |= f << ((j - 4) << 3);
    }
    return this.wordId(lo, hi);
  }

  /** lookup for a token with soft hyphens or joiners inside: they are read as absent. */
  lookupIgnoring(text: string, start: number, end: number): number {
    let len = 0;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (CLASS[c] === C_IGNORE) continue;
      this.foldedRoom(len + 1)[len++] = FOLD[c]!;
    }
    if (len > this.maxTokenLength || len === 0) return -1;
    const f = this.folded;
    if (len <= SHORT_WORD) {
      let lo = 0;
      let hi = 0;
      let ascii = true;
      for (let j = 0; j < len && ascii; j++) {
        ascii = f[j]! <= 127;
        if (j < 4) lo |= f[j]! << (j << 3); else hi |= f[j]! << ((j - 4) << 3);
      }
      if (ascii) return this.wordId(lo, hi);
      if (len <= 4) return -1;
    }
    return this.findLong(len);
  }

  /** lookup for tokens of five characters or more: folded, then found by findLong. */
  private lookupLong(text: string, start: number, end: number): number {
    const len = end - start;
    if (len > this.maxTokenLength) return -1;
    const f = this.foldedRoom(len);
    for (let j = 0; j < len; j++) f[j] = FOLD[text.charCodeAt(start + j)]!;
    return this.findLong(len);
  }

  /** The id of the long word folded[0, len), or -1: hash, probe, compare. The one probe of the long words. */
  private findLong(len: number): number {
    const f = this.folded;
    const h = tokenFeatureHash(len, f[0]!, f[len > 1 ? 1 : 0]!, f[len >> 1]!, f[len > 1 ? len - 2 : 0]!, f[len - 1]!);
    const { longSlots, offsets, vocab, longMask } = this;
    for (let slot = h & longMask; ; slot = (slot + 1) & longMask) {
      const v = longSlots[slot * 2 + 1]!;
      if (v === 0) return -1;
      if (longSlots[slot * 2] !== h) continue;
      const cand = v - 1;
      const vs = offsets[cand]!;
      if (offsets[cand + 1]! - vs !== len) continue;
      let j = 0;
      while (j < len && f[j] === vocab.charCodeAt(vs + j)) j++;
      if (j === len) return cand;
    }
  }

  /** The folded-character buffer, with room for `len`. */
  private foldedRoom(len: number): Uint16Array {
    if (len > this.folded.length) { const s = new Uint16Array(Math.max(len, this.folded.length * 2)); s.set(this.folded); this.folded = s; }
    return this.folded;
  }

  /** Id of a word of up to eight ASCII characters by its key (scan-table.ts wordKey), or -1. */
  private wordId(lo: number, hi: number): number {
    const table = this.table!;
    // The module's memory grew since the view was taken: a view of the new memory.
    if (table.words.length === 0) table.words = table.refresh!();
    return signExtend24(probeWords(table.words, table.shift, lo, hi));
  }

  private tableWords(): Int32Array {
    const table = this.table!;
    if (table.words.length === 0) table.words = table.refresh!();
    return table.words;
  }
}

/** The id in a table value's low 24 bits, sign-extended (scan-table.ts NOT_FOUND reads as -1). */
function signExtend24(value: number): number {
  return (value << 8) >> 8;
}
