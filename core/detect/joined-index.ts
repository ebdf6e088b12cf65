// Exact-string lookup over strings stored concatenated with their offsets (device ids, family keys in the
// compiled matcher): one string rather than thousands, and a hash table built on first use only, since an
// article names few of them.

import { HASH_SEED, hashStep } from './chars';

export class JoinedIndex {
  private table: Int32Array | null = null;
  constructor(private readonly text: string, private readonly offsets: Int32Array) {}

  /** How many strings; -1 when the offsets do not span the text (a damaged compiled form). */
  size(): number {
    const n = this.offsets.length - 1;
    return n >= 0 && this.offsets[0] === 0 && this.offsets[n] === this.text.length ? n : -1;
  }

  indexOf(s: string): number {
    const table = (this.table ??= this.build());
    const mask = table.length - 1;
    for (let slot = hash(s, 0, s.length) & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot]!;
      if (v === 0) return -1;
      const from = this.offsets[v - 1]!;
      if (this.offsets[v]! - from === s.length && this.text.startsWith(s, from)) return v - 1;
    }
  }

  at(k: number): string {
    return this.text.slice(this.offsets[k], this.offsets[k + 1]);
  }

  /** Open addressing at load <= 0.5, slot = string index + 1 (0 is empty). */
  private build(): Int32Array {
    const n = this.offsets.length - 1;
    let size = 16;
    while (size < n * 2) size <<= 1;
    const table = new Int32Array(size);
    for (let k = 0; k < n; k++) {
      let slot = hash(this.text, this.offsets[k]!, this.offsets[k + 1]!) & (size - 1);
      while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
      table[slot] = k + 1;
    }
    return table;
  }
}

function hash(s: string, from: number, to: number): number {
  let h = HASH_SEED;
  for (let i = from; i < to; i++) h = hashStep(h, s.charCodeAt(i));
  return h ^ (h >>> 15);
}
