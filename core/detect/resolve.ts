// Resolution: for each candidate, the device it names (the rules of rules.ts applied to every device at
// its trie node, then the one the article supports best), and among overlapping candidates the ones kept:
// the one needing less context wins, then the longer, then the earlier ("Pixel Fold" over "original
// Pixel" in "the original Pixel Fold"). Overlaps are settled by one counting sort (level, then length)
// and a per-token "taken" mark, so choosing is linear in the candidates.

import type { ContextFlags } from './article-context';
import type { Candidates } from './candidates';
import { isBrandEntry, reasonOf } from './entry-info';
import { nodeLevel, type NameTable } from './name-table';
import { LEVEL_NEVER, LEVEL_STRONG } from './names';
import { REJECTED, type Rules } from './rules';
import type { Tokens } from './tokens';

/** Choosing order: level (0..LEVEL_NEVER), then span length, longest first; longer spans share a bucket. */
const MAX_SPAN = 255;
const BUCKETS = (LEVEL_NEVER + 1) * (MAX_SPAN + 1);

function bucketOf(level: number, length: number): number {
  return level * (MAX_SPAN + 1) + MAX_SPAN - (length < MAX_SPAN ? length : MAX_SPAN);
}

/**
 * How well the article supports one device for a candidate: context first (the device named, how often,
 * its family, its brand), then how strong the form is, then the record (richer first), then the reason
 * (a name before a shorthand). Packed into one number, most important field highest.
 */
function supportScore(seenCount: number, familySeen: boolean, brandSeen: boolean, level: number, rank: number, reason: number): number {
  const isSeen = seenCount !== 0;
  return (isSeen ? 1 << 24 : 0) + Math.min(isSeen ? seenCount - 1 : 0, 255) * (1 << 16) + (familySeen ? 1 << 15 : 0) +
    (brandSeen ? 1 << 14 : 0) + (7 - level) * (1 << 10) + Math.min(rank, 15) * 16 + (15 - reason);
}

export class Resolution {
  // Candidates whose rules passed: tokens covered (brand included), span, level, winning entry, brand inside.
  vTs = new Int32Array(256);
  vTe = new Int32Array(256);
  vStart = new Int32Array(256);
  vEnd = new Int32Array(256);
  vLevel = new Int32Array(256);
  vEntry = new Int32Array(256);
  vBrand = new Uint8Array(256);
  vChosen = new Uint8Array(256);
  count = 0;
  /** Valid candidates in choosing order, and the counting sort's bucket starts. */
  private order = new Int32Array(256);
  private readonly bucketStart = new Int32Array(BUCKETS + 1);
  /** Tokens already covered by a chosen name, while choosing (always left zeroed). */
  private taken = new Uint8Array(256);

  constructor(private readonly table: NameTable, private readonly tokens: Tokens, private readonly context: ContextFlags,
    private readonly candidates: Candidates, private readonly rules: Rules) {}

  /**
   * Resolves every candidate with rules passing at or below `maxLevel`, then chooses among overlapping
   * ones. Results stay in the v* arrays, in text order.
   */
  select(maxLevel: number): void {
    const { candidates, table } = this;
    this.ensureRoom(candidates.count);
    const strongOnly = maxLevel === LEVEL_STRONG;
    let n = 0;
    for (let c = 0; c < candidates.count; c++) {
      // The strong pass looks only at nodes with a strong form, or with the brand written before them.
      if (strongOnly && candidates.cBrand[c]! < 0 && nodeLevel(table.nodeMinLevel[candidates.cNode[c]!]!) !== LEVEL_STRONG) continue;
      if (this.resolve(c, maxLevel, n)) n++;
    }
    this.count = n;
    this.choose();
  }

  /** Keeps, in choosing order, each valid candidate whose tokens no kept one covers (vChosen). */
  private choose(): void {
    const { order, vTs, vTe, vStart, vEnd, vLevel, vChosen, bucketStart, count } = this;
    // Counting sort on (level, longest first), stable, so text order breaks ties: linear, and no comparator.
    bucketStart.fill(0);
    for (let v = 0; v < count; v++) {
      vChosen[v] = 0;
      bucketStart[bucketOf(vLevel[v]!, vEnd[v]! - vStart[v]!) + 1]!++;
    }
    for (let b = 1; b < bucketStart.length; b++) bucketStart[b] = bucketStart[b]! + bucketStart[b - 1]!;
    for (let v = 0; v < count; v++) order[bucketStart[bucketOf(vLevel[v]!, vEnd[v]! - vStart[v]!)]!++] = v;
    if (this.taken.length < this.tokens.count) this.taken = new Uint8Array(Math.max(this.tokens.count, this.taken.length * 2));
    const taken = this.taken;
    for (let q = 0; q < count; q++) {
      const v = order[q]!;
      const ts = vTs[v]!;
      const te = vTe[v]!;
      let free = true;
      for (let t = ts; t <= te; t++) if (taken[t] !== 0) { free = false; break; }
      if (!free) continue;
      for (let t = ts; t <= te; t++) taken[t] = 1;
      vChosen[v] = 1;
    }
    for (let v = 0; v < count; v++) if (vChosen[v] !== 0) for (let t = vTs[v]!; t <= vTe[v]!; t++) taken[t] = 0;
  }

  /** Applies the rules to candidate c; on success stores the result at valid index v. */
  private resolve(c: number, maxLevel: number, v: number): boolean {
    const { tokens, table, rules, context, candidates } = this;
    const { entryOwner, entryInfo, deviceBrand, deviceFamily, deviceRank } = table;
    const { seen, familySeen, brandSeen } = context;
    const s = candidates.cS[c]!;
    const e = candidates.cE[c]!;
    const node = candidates.cNode[c]!;
    const brand = candidates.cBrand[c]!;
    const brandStart = candidates.cBrandStart[c]!;
    // The brand is written before the name, inside the span ("Xiaomi 15 Ultra"), not as a possessive.
    const brandBefore = brand >= 0 && brandStart < s;
    if (brand < 0 && rules.loneLetterBeforeNumber(s, e)) return false;
    const prev = brandBefore ? brandStart - 1 : s - 1;
    const next = e + 1;
    // The word before counts only when nothing but spaces separates it ("the One", not "the. One").
    const prevId = prev >= 0 && tokens.isSpacedAfterPrevious(prev + 1) ? tokens.idAt(prev) : -1;
    const nextId = next < tokens.count && !tokens.isBrokenBefore(next) ? tokens.idAt(next) : -1;
    if (brand < 0 && rules.chipOrSystemBefore(prevId)) return false;
    if (rules.partAfter(nextId)) return false;
    const from = table.nodeEntryStart[node]!;
    const to = table.nodeEntryStart[node + 1]!;
    if (brand >= 0 && !rules.brandHasName(brand, from, to)) return false;
    const familyEnds = rules.familyWordMayEnd(next);
    const prevFamilyBrand = brand < 0 ? rules.familyWordBrandBefore(prev, prevId) : -1;
    // What the per-form rules ask of the candidate's first tokens, read once.
    const firstUpper = tokens.isUpper(s);
    const lowerApart = !firstUpper && e > s && !tokens.isGlued(s + 1);
    let best = -1;
    let bestScore = -1;
    let tie = false;
    let bestLevel = LEVEL_NEVER;
    for (let k = from; k < to; k++) {
      const d = entryOwner[k]!;
      const info = entryInfo[k]!;
      if (isBrandEntry(info)) continue;
      if (brand >= 0 && deviceBrand[d] !== brand) continue;
      if (prevFamilyBrand >= 0 && prevFamilyBrand !== deviceBrand[d]) continue;
      if (brand < 0 && (rules.capitalMissing(info, s, firstUpper) || rules.oneWordWrittenApart(info, lowerApart))) continue;
      let level = rules.formLevel(info, s, e);
      if (level === REJECTED) continue;
      if (brandBefore) {
        level = rules.levelAfterBrand(info, level, familyEnds);
        if (level === REJECTED) continue;
      }
      if (level > maxLevel) continue;
      const seenCount = seen[d]!;
      const isFamilySeen = familySeen[deviceFamily[d]!] !== 0;
      const isBrandSeen = brandSeen[deviceBrand[d]!] !== 0;
      if (!rules.contextAllows(level, seenCount !== 0, isFamilySeen, isBrandSeen, prevId, familyEnds, s, e)) continue;
      const score = supportScore(seenCount, isFamilySeen, isBrandSeen, level, deviceRank[d]!, reasonOf(info));
      if (score > bestScore) { best = k; bestScore = score; tie = false; bestLevel = level; }
      else if (score === bestScore && entryOwner[best] !== d) tie = true;
    }
    if (best < 0) return false;
    // Two devices equally supported by context: a weak form stays unresolved rather than guessed.
    if (tie && bestLevel !== LEVEL_STRONG) return false;
    const ts = brand >= 0 ? brandStart : s;
    this.vTs[v] = ts;
    this.vTe[v] = e;
    this.vStart[v] = tokens.tStart[ts]!;
    this.vEnd[v] = this.spanEnd(tokens.tStart[ts]!, tokens.tEnd[e]!);
    this.vLevel[v] = bestLevel;
    this.vEntry[v] = best;
    // Written next to its brand only when the brand is inside the span (not "Xiaomi's 15 Ultra").
    this.vBrand[v] = brandBefore ? 1 : 0;
    return true;
  }

  /** "Nexus 7 (2013)": the closing bracket belongs to the name when its opening one is inside. */
  private spanEnd(start: number, end: number): number {
    const { text } = this.tokens;
    if (text.charCodeAt(end) === 41) {
      for (let j = start; j < end; j++) if (text.charCodeAt(j) === 40) return end + 1;
    }
    return end;
  }

  private ensureRoom(n: number): void {
    if (n <= this.vTs.length) return;
    const size = Math.max(n, this.vTs.length * 2);
    this.vTs = new Int32Array(size); this.vTe = new Int32Array(size); this.vStart = new Int32Array(size);
    this.vEnd = new Int32Array(size); this.vLevel = new Int32Array(size); this.vEntry = new Int32Array(size);
    this.vBrand = new Uint8Array(size); this.vChosen = new Uint8Array(size); this.order = new Int32Array(size);
  }
}
