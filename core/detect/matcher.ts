// The scanner: one pass over the text cuts it into tokens (chars.ts) and looks each up in the compiled
// vocabulary; names are then found by walking the token trie from every word start, and each candidate is
// kept or dropped by the context rules of names.ts, using what the article named elsewhere.

import { base64ToInt32 } from './b64';
import * as chars from './chars';
import * as compile from './compile';
import type { CompiledMatcher } from './compile';
import * as names from './names';
import type { MatchReason } from './names';

export interface Mention {
  start: number;
  end: number;
  text: string;
  deviceId: string;
  /** 0..1: how sure the rules are (a full name 0.99, a shorthand resolved from context lower). */
  confidence: number;
  reason: MatchReason;
  /** The record's spelling of the name that matched. */
  matchedName: string;
}

/** What an article has named so far; plain JSON so the content script can hand it back with the next batch. */
export interface ArticleContext {
  /** Brands named (record spelling). */
  brands: string[];
  /** Families seen, as "brand key|first word" ("samsung|galaxy"). */
  families: string[];
  /** Device ids named, with how often. */
  devices: Record<string, number>;
}

export interface Matcher {
  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext };
}

// Local copies: imported bindings can compile to property reads on a module object (CommonJS
// interop under tsx), which made the scan loop eight times slower.
const CLASS = chars.CLASS;
const FOLD = chars.FOLD;
const classifySlow = chars.classifySlow;
const C_SEP = chars.C_SEP;
const C_LOWER = chars.C_LOWER;
const C_UPPER = chars.C_UPPER;
const C_PLUS = chars.C_PLUS;
const C_IGNORE = chars.C_IGNORE;
const C_OTHER = chars.C_OTHER;
const C_UNKNOWN = chars.C_UNKNOWN;
const HASH_SEED = chars.HASH_SEED;
const CASE_SHIFT = compile.CASE_SHIFT;
const INFO_BRAND_ENTRY = compile.INFO_BRAND_ENTRY;
const INFO_FAMILY_WORD = compile.INFO_FAMILY_WORD;
const MATCHER_FORMAT = compile.MATCHER_FORMAT;
const edgeHash = compile.edgeHash;
const tokenHash = compile.tokenHash;
const LEVEL_STRONG = names.LEVEL_STRONG;
const LEVEL_BRAND = names.LEVEL_BRAND;
const LEVEL_SEEN = names.LEVEL_SEEN;
const LEVEL_WORD = names.LEVEL_WORD;
const LEVEL_CODENAME = names.LEVEL_CODENAME;
const LEVEL_NEVER = names.LEVEL_NEVER;
const REASONS = names.REASONS;

const F_GLUED = 1;
const F_UPPER = 2;
/** Punctuation other than spaces, hyphens and brackets stands before the token: a name cannot span it. */
const F_BREAK = 4;

const CONFIDENCE = [0.97, 0.85, 0.8, 0.7, 0.6, 0];

interface Candidate {
  /** First and last token of the name (without the brand). */
  s: number;
  e: number;
  node: number;
  /** Brand written right before: brand index and its first token, or -1. */
  brand: number;
  brandStart: number;
}

interface Chosen {
  level: number;
  /** First and last token covered (brand included). */
  ts: number;
  te: number;
  start: number;
  end: number;
  device: number;
  info: number;
  name: number;
  confidence: number;
  adjacent: boolean;
}

export function loadMatcher(compiled: CompiledMatcher): Matcher {
  if (compiled.format !== MATCHER_FORMAT) throw new Error(`unknown matcher format ${String(compiled.format)}`);
  return new TokenTrieMatcher(compiled);
}

class TokenTrieMatcher implements Matcher {
  private readonly vocab: string;
  private readonly vocabOffsets: Int32Array;
  private readonly vocabHash: Int32Array;
  private readonly vocabTable: Int32Array;
  private readonly vocabMask: number;
  private readonly nodeParent: Int32Array;
  private readonly nodeToken: Int32Array;
  private readonly edgeTable: Int32Array;
  private readonly edgeMask: number;
  private readonly nodeEntryStart: Int32Array;
  private readonly entries: Int32Array;
  private readonly names: string;
  private readonly nameOffsets: Int32Array;
  private readonly ids: string;
  private readonly idOffsets: Int32Array;
  private readonly deviceBrand: Int32Array;
  private readonly deviceFamily: Int32Array;
  private readonly deviceRank: Int32Array;
  private readonly brands: string[];
  private readonly families: string[];
  private readonly determiners: Set<number>;
  private readonly blockBefore: Set<number>;
  private readonly blockAfter: Set<number>;
  private readonly familyNouns: Set<number>;
  private readonly plusId: number;
  private idIndex: Map<string, number> | null = null;
  private brandIndex: Map<string, number> | null = null;
  private familyIndex: Map<string, number> | null = null;

  // Token buffers, reused between calls and grown on demand.
  private tStart = new Int32Array(1024);
  private tEnd = new Int32Array(1024);
  private tId = new Int32Array(1024);
  private tFlags = new Uint8Array(1024);
  /** Tokens already covered by a chosen name, while choosing (always left zeroed). */
  private taken = new Uint8Array(1024);

  constructor(c: CompiledMatcher) {
    this.vocab = c.vocab;
    this.vocabOffsets = base64ToInt32(c.vocabOffsets);
    this.vocabHash = base64ToInt32(c.vocabHash);
    this.vocabTable = base64ToInt32(c.vocabTable);
    this.vocabMask = this.vocabTable.length - 1;
    this.nodeParent = base64ToInt32(c.nodeParent);
    this.nodeToken = base64ToInt32(c.nodeToken);
    this.edgeTable = base64ToInt32(c.edgeTable);
    this.edgeMask = this.edgeTable.length - 1;
    this.nodeEntryStart = base64ToInt32(c.nodeEntryStart);
    this.entries = base64ToInt32(c.entries);
    this.names = c.names;
    this.nameOffsets = base64ToInt32(c.nameOffsets);
    this.ids = c.ids;
    this.idOffsets = base64ToInt32(c.idOffsets);
    this.deviceBrand = base64ToInt32(c.deviceBrand);
    this.deviceFamily = base64ToInt32(c.deviceFamily);
    this.deviceRank = base64ToInt32(c.deviceRank);
    this.brands = c.brands;
    this.families = c.families;
    this.determiners = new Set(c.words.determiners);
    this.blockBefore = new Set(c.words.blockBefore);
    this.blockAfter = new Set(c.words.blockAfter);
    this.familyNouns = new Set(c.words.familyNouns);
    this.plusId = this.lookupString('plus');
  }

  private lookupString(text: string): number {
    const h = tokenHash(text);
    let slot = h & this.vocabMask;
    for (;;) {
      const v = this.vocabTable[slot]!;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.vocabHash[id] === h && this.vocab.slice(this.vocabOffsets[id], this.vocabOffsets[id + 1]) === text) return id;
      slot = (slot + 1) & this.vocabMask;
    }
  }

  private grow(n: number): void {
    const size = Math.max(n, this.tStart.length * 2);
    const s = new Int32Array(size); s.set(this.tStart); this.tStart = s;
    const e = new Int32Array(size); e.set(this.tEnd); this.tEnd = e;
    const d = new Int32Array(size); d.set(this.tId); this.tId = d;
    const f = new Uint8Array(size); f.set(this.tFlags); this.tFlags = f;
  }

  /**
   * Cuts the text into tokens (see chars.ts) and looks each up in the vocabulary; returns the token count.
   * The hot loop of detection: one read per character, the token's hash computed on the way, one table
   * probe per token, and characters re-read only to confirm a probe that hit.
   */
  private scan(text: string): number {
    const n = text.length;
    if (this.tStart.length < (n >> 1) + 2) this.grow((n >> 1) + 2);
    const { tStart, tEnd, tId, tFlags, vocabTable, vocabHash, vocabOffsets, vocab, vocabMask } = this;
    const CL = CLASS;
    const FO = FOLD;
    let count = 0;
    let i = 0;
    let lastEnd = -1;
    let broken = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let cls = CL[c]!;
      if (cls === C_UNKNOWN) cls = classifySlow(c);
      if (cls === C_SEP) { if (broken === 0 && !gapChar(c)) broken = F_BREAK; i++; continue; }
      if (cls === C_IGNORE) { i++; continue; }
      const start = i;
      let id = -1;
      let end: number;
      if (cls === C_PLUS) {
        i++;
        end = i;
        id = this.plusId;
      } else {
        const kind = cls === C_UPPER ? C_LOWER : cls;
        let h = HASH_SEED;
        let len = 0;
        let ignored = false;
        end = i;
        while (i < n) {
          const ch = text.charCodeAt(i);
          let k = CL[ch]!;
          if (k === C_UNKNOWN) k = classifySlow(ch);
          if (k === C_IGNORE) { ignored = true; i++; continue; }
          if ((k === C_UPPER ? C_LOWER : k) !== kind) break;
          h = Math.imul(h ^ FO[ch]!, 16777619);
          len++;
          i++;
          end = i;
        }
        if (kind !== C_OTHER) {
          let slot = h & vocabMask;
          for (;;) {
            const v = vocabTable[slot]!;
            if (v === 0) break;
            const cand = v - 1;
            if (vocabHash[cand] === h) {
              const vs = vocabOffsets[cand]!;
              if (vocabOffsets[cand + 1]! - vs === len) {
                let k = vs;
                let ok = true;
                for (let j = start; j < end; j++) {
                  const ch = text.charCodeAt(j);
                  if (ignored && CL[ch] === C_IGNORE) continue;
                  if (FO[ch] !== vocab.charCodeAt(k++)) { ok = false; break; }
                }
                if (ok) { id = cand; break; }
              }
            }
            slot = (slot + 1) & vocabMask;
          }
        }
      }
      tStart[count] = start;
      tEnd[count] = end;
      tId[count] = id;
      tFlags[count] = (lastEnd === start ? F_GLUED : 0) | (cls === C_UPPER ? F_UPPER : 0) | broken;
      broken = 0;
      lastEnd = end;
      count++;
    }
    return count;
  }

  private child(node: number, token: number): number {
    let slot = edgeHash(node, token) & this.edgeMask;
    for (;;) {
      const v = this.edgeTable[slot]!;
      if (v === 0) return -1;
      const c = v - 1;
      if (this.nodeParent[c] === node && this.nodeToken[c] === token) return c;
      slot = (slot + 1) & this.edgeMask;
    }
  }

  private deviceId(d: number): string {
    return this.ids.slice(this.idOffsets[d], this.idOffsets[d + 1]);
  }

  private nameOf(n: number): string {
    return this.names.slice(this.nameOffsets[n], this.nameOffsets[n + 1]);
  }

  private deviceIndexOf(id: string): number {
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (let d = 0; d + 1 < this.idOffsets.length; d++) this.idIndex.set(this.deviceId(d), d);
    }
    return this.idIndex.get(id) ?? -1;
  }

  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext } {
    const count = this.scan(text);
    const { tStart, tEnd, tId, tFlags } = this;

    // 1. Every trie path from a word start, ending at a word end; brands written right before a name.
    const candidates: Candidate[] = [];
    const brandAt: { s: number; e: number; brand: number }[] = [];
    for (let i = 0; i < count; i++) {
      if (tId[i]! < 0 || (tFlags[i]! & F_GLUED) !== 0) continue;
      this.walk(i, count, -1, -1, candidates, brandAt);
    }
    for (const b of brandAt) {
      const next = b.e + 1;
      if (next < count && tId[next]! >= 0 && (tFlags[next]! & F_GLUED) === 0 && onlySpaces(text, tEnd[b.e]!, tStart[next]!)) {
        this.walk(next, count, b.brand, b.s, candidates, null);
      }
    }

    // 2. Context: what the earlier batches named, plus brands written in this one.
    const ctxDevices = new Map<number, number>();
    const ctxFamilies = new Set<number>();
    const ctxBrands = new Set<number>();
    const idMapNeeded = context && Object.keys(context.devices).length > 0;
    if (context) {
      if (idMapNeeded) for (const [id, n] of Object.entries(context.devices)) { const d = this.deviceIndexOf(id); if (d >= 0) ctxDevices.set(d, n); }
      for (const b of context.brands) { const k = this.brandIdx(b); if (k >= 0) ctxBrands.add(k); }
      for (const f of context.families) { const k = this.familyIdx(f); if (k >= 0) ctxFamilies.add(k); }
    }
    for (const b of brandAt) if ((tFlags[b.s]! & F_UPPER) !== 0) ctxBrands.add(b.brand);
    for (const d of ctxDevices.keys()) { ctxFamilies.add(this.deviceFamily[d]!); ctxBrands.add(this.deviceBrand[d]!); }

    // 3. Strong names first; what they name is the context for everything weaker.
    const strong = this.select(text, count, candidates, ctxDevices, ctxFamilies, ctxBrands, LEVEL_STRONG);
    const seen = new Map(ctxDevices);
    for (const c of strong) {
      seen.set(c.device, (seen.get(c.device) ?? 0) + 1);
      ctxFamilies.add(this.deviceFamily[c.device]!);
      ctxBrands.add(this.deviceBrand[c.device]!);
    }
    const chosen = this.select(text, count, candidates, seen, ctxFamilies, ctxBrands, LEVEL_CODENAME);

    // 4. Mentions and the context handed to the next batch.
    const mentions: Mention[] = [];
    const devices: Record<string, number> = context ? { ...context.devices } : {};
    const families = new Set(context?.families ?? []);
    const brandsOut = new Set(context?.brands ?? []);
    for (const b of ctxBrands) brandsOut.add(this.brands[b]!);
    for (const c of chosen) {
      const id = this.deviceId(c.device);
      devices[id] = (devices[id] ?? 0) + 1;
      families.add(this.families[this.deviceFamily[c.device]!]!);
      const reasonIdx = c.info & 15;
      const reason = c.adjacent && reasonIdx === 1 ? 'full-name' : REASONS[reasonIdx]!;
      mentions.push({
        start: c.start, end: c.end, text: text.slice(c.start, c.end), deviceId: id,
        confidence: c.adjacent ? Math.max(c.confidence, 0.95) : c.confidence, reason, matchedName: this.nameOf(c.name),
      });
    }
    void tStart;
    return { mentions, context: { brands: [...brandsOut].sort(), families: [...families].sort(), devices } };
  }

  private brandIdx(name: string): number {
    if (!this.brandIndex) { this.brandIndex = new Map(); this.brands.forEach((b, i) => this.brandIndex!.set(b, i)); }
    return this.brandIndex.get(name) ?? -1;
  }

  private familyIdx(name: string): number {
    if (!this.familyIndex) { this.familyIndex = new Map(); this.families.forEach((f, i) => this.familyIndex!.set(f, i)); }
    return this.familyIndex.get(name) ?? -1;
  }

  private walk(i: number, count: number, brand: number, brandStart: number, out: Candidate[], brandAt: { s: number; e: number; brand: number }[] | null): void {
    const { tId, tFlags, nodeEntryStart, entries } = this;
    let node = 0;
    for (let j = i; j < count; j++) {
      const id = tId[j]!;
      if (id < 0 || (j > i && (tFlags[j]! & F_BREAK) !== 0)) break;
      node = this.child(node, id);
      if (node < 0) break;
      if (nodeEntryStart[node] === nodeEntryStart[node + 1]) continue;
      if (j + 1 < count && (tFlags[j + 1]! & F_GLUED) !== 0) continue;
      let hasDevice = false;
      for (let k = nodeEntryStart[node]!; k < nodeEntryStart[node + 1]!; k++) {
        const info = entries[k * 3 + 1]!;
        if ((info & INFO_BRAND_ENTRY) !== 0) { if (brandAt) brandAt.push({ s: i, e: j, brand: entries[k * 3]! }); }
        else hasDevice = true;
      }
      if (hasDevice) out.push({ s: i, e: j, node, brand, brandStart });
    }
  }

  /** Picks, left to right and longest first, the candidates whose rules pass at or below `maxLevel`. */
  private select(
    text: string, count: number, candidates: Candidate[], seen: Map<number, number>, families: Set<number>,
    brands: Set<number>, maxLevel: number,
  ): Chosen[] {
    const valid: Chosen[] = [];
    for (const c of candidates) {
      const r = this.resolve(text, count, c, seen, families, brands, maxLevel);
      if (r) valid.push(r);
    }
    // Overlapping names: the one needing less context wins, then the longer, then the earlier
    // ("Pixel Fold" over "original Pixel" in "the original Pixel Fold").
    valid.sort((a, b) => a.level - b.level || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
    if (this.taken.length < count) this.taken = new Uint8Array(count * 2);
    const taken = this.taken;
    const out: Chosen[] = [];
    for (const v of valid) {
      let free = true;
      for (let t = v.ts; t <= v.te; t++) if (taken[t] !== 0) { free = false; break; }
      if (!free) continue;
      for (let t = v.ts; t <= v.te; t++) taken[t] = 1;
      out.push(v);
    }
    for (const v of out) for (let t = v.ts; t <= v.te; t++) taken[t] = 0;
    return out.sort((a, b) => a.start - b.start);
  }

  private resolve(
    text: string, count: number, c: Candidate, seen: Map<number, number>, families: Set<number>,
    brands: Set<number>, maxLevel: number,
  ): Chosen | null {
    const { tId, tFlags, entries, tStart, tEnd } = this;
    const prev = c.brand >= 0 ? c.brandStart - 1 : c.s - 1;
    const next = c.e + 1;
    // The word before counts only when nothing but spaces separates it ("the One", not "the. One").
    const prevId = prev >= 0 && (tFlags[prev + 1]! & (F_GLUED | F_BREAK)) === 0 ? tId[prev]! : -1;
    const nextId = next < count && (tFlags[next]! & F_BREAK) === 0 ? tId[next]! : -1;
    if (c.brand < 0 && prevId >= 0 && this.blockBefore.has(prevId)) return null;
    if (nextId >= 0 && this.blockAfter.has(nextId)) return null;
    const from = this.nodeEntryStart[c.node]!;
    const to = this.nodeEntryStart[c.node + 1]!;
    // A brand written before a name counts only for that brand's devices.
    let brandMatches = false;
    if (c.brand >= 0) {
      for (let k = from; k < to; k++) {
        if ((entries[k * 3 + 1]! & INFO_BRAND_ENTRY) === 0 && this.deviceBrand[entries[k * 3]!] === c.brand) { brandMatches = true; break; }
      }
      if (!brandMatches) return null;
    }
    let best = -1;
    let bestScore = -1;
    let tie = false;
    let bestLevel = LEVEL_NEVER;
    for (let k = from; k < to; k++) {
      const d = entries[k * 3]!;
      const info = entries[k * 3 + 1]!;
      if ((info & INFO_BRAND_ENTRY) !== 0) continue;
      if (c.brand >= 0 && this.deviceBrand[d] !== c.brand) continue;
      let level = (info >> 4) & 7;
      const reason = info & 15;
      const isCode = reason === 3;
      if (isCode && !this.glueOk(c.s, c.e, info >> CASE_SHIFT)) continue;
      if (!isCode && !this.caseOk(c.s, c.e, info >> CASE_SHIFT)) {
        if (level >= LEVEL_WORD) continue;
        level++;
      }
      if (c.brand >= 0) {
        if ((info & INFO_FAMILY_WORD) !== 0) {
          if (!this.familyWordMayEnd(next, count)) continue;
          level = LEVEL_STRONG;
        } else level = level >= LEVEL_WORD ? LEVEL_STRONG : Math.max(LEVEL_STRONG, level - 1);
      }
      if (level > maxLevel) continue;
      const isSeen = seen.has(d);
      const famSeen = families.has(this.deviceFamily[d]!);
      const brandSeen = brands.has(this.deviceBrand[d]!);
      let ok: boolean;
      switch (level) {
        case LEVEL_STRONG: ok = true; break;
        case LEVEL_BRAND: ok = isSeen || brandSeen || famSeen; break;
        case LEVEL_SEEN: ok = isSeen || famSeen; break;
        case LEVEL_WORD:
          ok = isSeen && prevId >= 0 && this.determiners.has(prevId) && this.familyWordMayEnd(next, count);
          break;
        case LEVEL_CODENAME:
          ok = brandSeen && isQuote(text.charCodeAt(tStart[c.s]! - 1)) && isQuote(text.charCodeAt(tEnd[c.e]!));
          break;
        default: ok = false;
      }
      if (!ok) continue;
      // Context first (the device named, its family, its brand), then how strong the form is, then the record.
      const score = (isSeen ? 1 << 24 : 0) + Math.min(seen.get(d) ?? 0, 255) * (1 << 16) + (famSeen ? 1 << 15 : 0) +
        (brandSeen ? 1 << 14 : 0) + (7 - level) * (1 << 10) + Math.min(this.deviceRank[d]!, 15) * 16 + (15 - reason);
      if (score > bestScore) { best = k; bestScore = score; tie = false; bestLevel = level; }
      else if (score === bestScore && entries[best * 3] !== d) tie = true;
    }
    if (best < 0) return null;
    // Two devices equally supported by context: a weak form stays unresolved rather than guessed.
    if (tie && bestLevel !== LEVEL_STRONG) return null;
    const start = c.brand >= 0 ? tStart[c.brandStart]! : tStart[c.s]!;
    let end = tEnd[c.e]!;
    // "Nexus 7 (2013)": the closing bracket belongs to the name when its opening one is inside.
    if (text.charCodeAt(end) === 41 && text.slice(start, end).includes('(')) end++;
    const info = entries[best * 3 + 1]!;
    return {
      level: bestLevel, ts: c.brand >= 0 ? c.brandStart : c.s, te: c.e, start, end, device: entries[best * 3]!, info, name: entries[best * 3 + 2]!,
      confidence: CONFIDENCE[bestLevel] ?? 0.5, adjacent: c.brand >= 0,
    };
  }

  /** Tokens whose record spelling is capitalised must be capitalised in the article too. */
  private caseOk(s: number, e: number, mask: number): boolean {
    if (mask === 0) return true;
    for (let j = s, bit = 0; j <= e && bit < 22; j++, bit++) {
      if ((mask & (1 << bit)) !== 0 && (this.tFlags[j]! & F_UPPER) === 0) return false;
    }
    return true;
  }

  /** A model code's tokens are glued in the article exactly where they are in the code. */
  private glueOk(s: number, e: number, mask: number): boolean {
    for (let j = s + 1, bit = 1; j <= e && bit < 22; j++, bit++) {
      if (((mask >> bit) & 1) !== (this.tFlags[j]! & F_GLUED)) return false;
    }
    return true;
  }

  /** A family-like word ends a device name unless a family noun or another capitalised word follows. */
  private familyWordMayEnd(next: number, count: number): boolean {
    if (next >= count) return true;
    const id = this.tId[next]!;
    if (id >= 0 && this.familyNouns.has(id)) return false;
    return true;
  }
}

/** Characters a name may span between its words: spaces, line breaks, hyphens, brackets. */
function gapChar(c: number): boolean {
  if (c < 128) return c === 32 || c === 10 || c === 13 || c === 9 || c === 45 || c === 40 || c === 41 || c === 95;
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x2010 || c === 0x2011 || c === 0x3000;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && c !== 10 && c !== 13 && c !== 9 && c !== 0x202f && c !== 0x2009) return false;
  }
  return to > from;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}

