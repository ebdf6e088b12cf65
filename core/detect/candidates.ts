// Candidates: every path of the token trie that starts at a word which may start a name and ends at a word
// end, with the brand written right before it where there is one ("Samsung Galaxy S24": the brand Samsung,
// then the walk from "Galaxy" with that brand). Which of them count is for the rules (rules.ts) to say;
// a walk only skips what can never count, so the rules see every candidate they could keep.

import { onlySpaces, opensQuote } from './chars';
import type { ContextFlags } from './article-context';
import { isBrandEntry } from './entry-info';
import { brandEndsAt, isLeafRoot, mayComeSecond, nodeLevel, ROOT_FROM, ROOT_LETTERS, ROOT_LEVEL, ROOT_TO, W_DETERMINER, type NameTable } from './name-table';
import { LEVEL_NEVER, LEVEL_WORD } from './names';
import { F_QUOTE_BEFORE, type Tokens } from './tokens';

export class Candidates {
  /** First and last token of each candidate, its trie node, the brand written before it (index, first token) or -1. */
  cS = new Int32Array(256);
  cE = new Int32Array(256);
  cNode = new Int32Array(256);
  cBrand = new Int32Array(256);
  cBrandStart = new Int32Array(256);
  count = 0;
  /** Brands found by a walk from the current token: last token and brand index, in pairs. */
  private brandHits = new Int32Array(64);
  private nBrandHits = 0;

  constructor(private readonly table: NameTable, private readonly tokens: Tokens, private readonly context: ContextFlags) {}

  /** Every candidate of the scanned text. A capitalised brand counts as named in the article (context). */
  find(): void {
    const { tokens } = this;
    const { tStart, tEnd, starts, nStarts, count } = tokens;
    const text = tokens.text;
    this.count = 0;
    for (let q = 0; q < nStarts; q++) {
      const i = starts[q]!;
      this.nBrandHits = 0;
      this.walk(i, -1, -1);
      for (let h = 0; h < this.nBrandHits; h += 2) {
        const brand = this.brandHits[h + 1]!;
        if (tokens.isUpper(i)) this.context.markBrand(brand);
        const next = this.brandHits[h]! + 1;
        if (next < count && tokens.idAt(next) >= 0 && !tokens.isGlued(next) && onlySpaces(text, tEnd[next - 1]!, tStart[next]!)) {
          this.walk(next, brand, i);
        } else if (this.isPossessive(next)) {
          // "Xiaomi's 15 Ultra": the brand still says whose device it is, but stays out of the span (the
          // span starts at the name, so brandStart is the name's first token).
          const name = next + 1;
          if (name < count && tokens.idAt(name) >= 0 && !tokens.isGlued(name) && onlySpaces(text, tEnd[next]!, tStart[name]!)) {
            this.walk(name, brand, name);
          }
        }
      }
    }
  }

  /** Whether token k is the "s" of a possessive glued to the token before by one apostrophe ("Xiaomi's"). */
  private isPossessive(k: number): boolean {
    const { tokens } = this;
    if (k >= tokens.count || k === 0) return false;
    const start = tokens.tStart[k]!;
    if (tokens.length(k) !== 1 || (tokens.text.charCodeAt(start) | 32) !== 115) return false;
    const gap = start - tokens.tEnd[k - 1]!;
    const c = tokens.text.charCodeAt(start - 1);
    return gap === 1 && (c === 39 || c === 0x2019);
  }

  /** The walks from token i, with the brand written before it (or -1). */
  private walk(i: number, brand: number, brandStart: number): void {
    const { tokens, table } = this;
    const first = tokens.idAt(i);
    if (first < 0) return;
    const root = table.rootChild[first]!;
    if (root === 0) return;
    const { rootWalk } = table;
    const r = root * 4;
    const rootLevel = rootWalk[r + ROOT_LEVEL]!;
    this.atNode(i, i, root, rootWalk[r + ROOT_FROM]!, rootWalk[r + ROOT_TO]!, rootLevel, brand, brandStart);
    let j = i + 1;
    const { count } = tokens;
    if (j >= count || isLeafRoot(rootLevel) || tokens.isBrokenBefore(j)) return;
    // No word after the first begins with the next word's first letter (nine walks in ten). A first
    // character outside ASCII (>= 128) is not in the mask: the walk goes on.
    const c = tokens.firstChar(j);
    if (c < 128 && !mayComeSecond(rootWalk[r + ROOT_LETTERS]!, c)) return;
    const { nodeEntryStart, nodeMinLevel } = table;
    for (let node = root; ;) {
      const id = tokens.idAt(j);
      if (id < 0) return;
      node = table.child(node, id);
      if (node < 0) return;
      this.atNode(i, j, node, nodeEntryStart[node]!, nodeEntryStart[node + 1]!, nodeMinLevel[node]!, brand, brandStart);
      j++;
      // A leaf: no need to look up the next word.
      if (j >= count || table.isLeaf(node) || tokens.isBrokenBefore(j)) return;
    }
  }

  /** A walk from token i at token j, at trie node `node` (its entries [from, to), its nodeMinLevel). */
  private atNode(i: number, j: number, node: number, from: number, to: number, minLevel: number, brand: number, brandStart: number): void {
    const { tokens, table } = this;
    // A name ends at a word end: not inside "S24" of "S24Ultra".
    if (from === to || (j + 1 < tokens.count && tokens.isGlued(j + 1))) return;
    if (brand < 0 && brandEndsAt(minLevel)) {
      const { entryOwner, entryInfo } = table;
      const upper = tokens.isUpper(i);
      for (let k = from; k < to; k++) {
        const info = entryInfo[k]!;
        if (isBrandEntry(info) && (upper || table.brandInLowerCase(info, entryOwner[k]!))) this.addBrandHit(j, entryOwner[k]!);
      }
    }
    // LEVEL_NEVER with no device entries at all (a brand-only node) as well as for bare numbers.
    const level = nodeLevel(minLevel);
    if (brand >= 0 ? table.hasDeviceEntry(from, to) : level < LEVEL_WORD || (level < LEVEL_NEVER && this.wordMayStart(i))) {
      this.add(i, j, node, brand, brandStart);
    }
  }

  /**
   * Whether a name at level LEVEL_WORD or above (ordinary words like "Pro", "Air"; codenames) may start at
   * token i: those need "the"/"its"... right before them, or a quote. Checked while walking, since most
   * words of an article ("a", "is", "in") are such names and nothing else.
   */
  private wordMayStart(i: number): boolean {
    const { tokens } = this;
    if (i > 0 && tokens.isSpacedAfterPrevious(i)) {
      const prev = tokens.idAt(i - 1);
      if (prev >= 0 && this.table.hasWordFlag(prev, W_DETERMINER)) return true;
    }
    // The WebAssembly scan already knows whether a quote may stand before the token.
    if (tokens.tByte !== null && (tokens.tFlags[i]! & F_QUOTE_BEFORE) === 0) return false;
    return opensQuote(tokens.text, tokens.tStart[i]!);
  }

  private addBrandHit(j: number, brand: number): void {
    if (this.nBrandHits + 2 > this.brandHits.length) { const b = new Int32Array(this.brandHits.length * 2); b.set(this.brandHits); this.brandHits = b; }
    this.brandHits[this.nBrandHits++] = j;
    this.brandHits[this.nBrandHits++] = brand;
  }

  private add(s: number, e: number, node: number, brand: number, brandStart: number): void {
    const n = this.count;
    if (n === this.cS.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.cS = grow(this.cS); this.cE = grow(this.cE); this.cNode = grow(this.cNode);
      this.cBrand = grow(this.cBrand); this.cBrandStart = grow(this.cBrandStart);
    }
    this.cS[n] = s; this.cE[n] = e; this.cNode[n] = node; this.cBrand[n] = brand; this.cBrandStart[n] = brandStart;
    this.count = n + 1;
  }
}
