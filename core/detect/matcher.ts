// The scanner: one pass over the text cuts it into tokens (chars.ts) and looks up those that may start a
// name in the compiled vocabulary; names are then found by walking the token trie from every such start,
// and each candidate is kept or dropped by the context rules of names.ts, using what the article named
// elsewhere. The pass runs in WebAssembly where it can (scan.wat, wasm-scan.ts) and in JavaScript
// otherwise (scanJs); the two cut the same tokens.
//
// Cost is linear in the text: the scan reads each character once and hashes a token in constant time; candidates, context and choices live in typed arrays reused between calls, so a
// word that matches nothing allocates nothing; context is flag arrays indexed by device, family and brand
// (O(1) per test, reset through touched lists); overlaps are settled by one counting sort (level, then length) and
// a per-token "taken" mark.

import { base64ToBytes, base64ToInt32, base64ToInts, base64ToOffsets, type Ints } from './b64';
import * as chars from './chars';
import * as compile from './compile';
import type { CompiledMatcher } from './compile';
import * as names from './names';
import type { MatchReason } from './names';
import * as scanTable from './scan-table';
import * as wasmScan from './wasm-scan';
import type { WasmScan, WasmScanner } from './wasm-scan';

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

/** How a matcher cuts text into words (see wasm-scan.ts). */
export interface ScannerInfo {
  /** WebAssembly (scan.wat), or JavaScript where WebAssembly cannot run or was not asked for. */
  kind: 'webassembly' | 'javascript';
  /** Bytes of WebAssembly memory the scanner holds (0 for JavaScript). */
  memoryBytes: number;
}

export interface Matcher {
  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext };
  scanner(): ScannerInfo;
}

// Local copies: imported bindings can compile to property reads on a module object (CommonJS
// interop under tsx), which made the scan loop eight times slower.
const CLASS = chars.CLASS;
const KIND = chars.KIND;
const FOLD = chars.FOLD;
const classifySlow = chars.classifySlow;
const gapChar = chars.gapChar;
const charClass = chars.charClass;
const tokenFeatureHash = chars.tokenFeatureHash;
const C_SEP = chars.C_SEP;
const C_UPPER = chars.C_UPPER;
const C_LOWER = chars.C_LOWER;
const C_PLUS = chars.C_PLUS;
const C_IGNORE = chars.C_IGNORE;
const C_OTHER = chars.C_OTHER;
const C_UNKNOWN = chars.C_UNKNOWN;
const HASH_SEED = chars.HASH_SEED;
const CASE_SHIFT = compile.CASE_SHIFT;
const INFO_SECOND_GLUED = compile.INFO_SECOND_GLUED;
/** Entry info bit: the name's (or code's) first word is spelled with a capital. */
const FIRST_UPPER = 1 << CASE_SHIFT;
const INFO_BRAND_ENTRY = compile.INFO_BRAND_ENTRY;
const INFO_FAMILY_WORD = compile.INFO_FAMILY_WORD;
const MATCHER_FORMAT = compile.MATCHER_FORMAT;
const LEVEL_STRONG = names.LEVEL_STRONG;
const LEVEL_BRAND = names.LEVEL_BRAND;
const LEVEL_SEEN = names.LEVEL_SEEN;
const LEVEL_WORD = names.LEVEL_WORD;
const LEVEL_CODENAME = names.LEVEL_CODENAME;
const LEVEL_NEVER = names.LEVEL_NEVER;
const REASONS = names.REASONS;
const LIST_GLUED_NEXT = wasmScan.LIST_GLUED_NEXT;
const LIST_IGNORED = wasmScan.LIST_IGNORED;
const LIST_DECIDED = wasmScan.LIST_DECIDED;
const LIST_CLASS_SHIFT = wasmScan.LIST_CLASS_SHIFT;

/** FOLD of the ASCII bytes (chars.ts never changes them), for lookups from the UTF-8 bytes. */
const BYTE_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) BYTE_FOLD[c] = FOLD[c]!;
/** lowerStartKinds: the word may start a name with a break after it, or glued to a letter or digit. */
const START_SPACED = 1;
const START_GLUED = 2;
const SHORT_WORD = scanTable.SHORT_WORD;
/** Key bit of the capitalised words and numbers in the WebAssembly scan's starts table (buildUpperStarts). */
const UPPER_START_KEY = 1 << 28;

/** tId of a token the scan did not look up (see idAt). */
const UNKNOWN = -2;

const F_GLUED = 1;
const F_UPPER = 2;
/** Punctuation other than spaces, hyphens and brackets stands before the token: a name cannot span it. */
const F_BREAK = 4;
/** WebAssembly scan: the token has characters outside ASCII or ignorable ones, so its bytes are not its text. */
const F_WIDE = 8;
/**
 * WebAssembly scan: the byte before the token may end a quote (a quote in ASCII, or any character outside
 * it); without this bit no quote opens before the token (opensQuote), which spares reading the text.
 */
const F_QUOTE_BEFORE = 16;

/** Bits of wordFlags, per token id: the function words the rules look at. */
const W_DETERMINER = 1;
const W_BLOCK_BEFORE = 2;
const W_BLOCK_AFTER = 4;
const W_FAMILY_NOUN = 8;

/** nodeMinLevel: the level in the low bits, a flag for nodes where a brand ends. */
const NODE_LEVEL = 7;
const NODE_BRAND = 8;
/** rootWalk: no word may come after this first word. */
const ROOT_LEAF = 16;

/** Devices a maker has in the index for its name to count in lower case (see brandInLowerCase). */
const WELL_KNOWN_MAKER = 20;

const CONFIDENCE = [0.97, 0.85, 0.8, 0.7, 0.6, 0];
/** Choosing order: level (0..LEVEL_NEVER), then span length, longest first; longer spans share a bucket. */
const MAX_SPAN = 255;
const BUCKETS = (names.LEVEL_NEVER + 1) * (MAX_SPAN + 1);

function bucketOf(level: number, length: number): number {
  return level * (MAX_SPAN + 1) + MAX_SPAN - (length < MAX_SPAN ? length : MAX_SPAN);
}

export interface MatcherOptions {
  /**
   * Look every word up while scanning instead of only those that may start a name. Slower, same answers:
   * the tests compare the two.
   */
  lookUpEveryWord?: boolean;
  /**
   * Cut the text into tokens in JavaScript even where WebAssembly runs (scan.wat): same tokens, slower.
   * The tests compare the two.
   */
  javaScriptScan?: boolean;
  /** WebAssembly memory kept between calls (default 32 MB); a call that needed more lets it go after. */
  scannerMemoryKept?: number;
}

export function loadMatcher(compiled: CompiledMatcher, options: MatcherOptions = {}): Matcher {
  if (compiled.format !== MATCHER_FORMAT) throw new Error(`unknown matcher format ${String(compiled.format)}`);
  return new TokenTrieMatcher(compiled, options);
}

/** Exact-string lookup over a concatenated list, built on first use; no per-string allocation. */
class JoinedIndex {
  private table: Int32Array | null = null;
  constructor(private readonly text: string, private readonly offsets: Int32Array) {}

  /** How many strings; -1 when the offsets do not span the text (a damaged compiled form). */
  size(): number {
    const n = this.offsets.length - 1;
    return n >= 0 && this.offsets[0] === 0 && this.offsets[n] === this.text.length ? n : -1;
  }

  private hash(s: string, from: number, to: number): number {
    let h = HASH_SEED;
    for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h ^ (h >>> 15);
  }

  private build(): Int32Array {
    const n = this.offsets.length - 1;
    let size = 16;
    while (size < n * 2) size <<= 1;
    const table = new Int32Array(size);
    for (let k = 0; k < n; k++) {
      let slot = this.hash(this.text, this.offsets[k]!, this.offsets[k + 1]!) & (size - 1);
      while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
      table[slot] = k + 1;
    }
    return table;
  }

  indexOf(s: string): number {
    const table = (this.table ??= this.build());
    const mask = table.length - 1;
    for (let slot = this.hash(s, 0, s.length) & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot]!;
      if (v === 0) return -1;
      const from = this.offsets[v - 1]!;
      if (this.offsets[v]! - from === s.length && this.text.startsWith(s, from)) return v - 1;
    }
  }

  at(k: number): string {
    return this.text.slice(this.offsets[k], this.offsets[k + 1]);
  }
}

class TokenTrieMatcher implements Matcher {
  private readonly vocab: string;
  private readonly vocabOffsets: Int32Array;
  /**
   * Words of up to eight ASCII characters ("the", "s", "24", "galaxy": most words of an article) are found in
   * the vocabulary table of the WebAssembly scan (scan-table.ts), which the module and the matcher share: a
   * view of the module's memory (detached when that memory grows: see wordId), or an array of its own where
   * WebAssembly cannot run.
   */
  private tableWords: Int32Array;
  private readonly tableShift: number;
  /**
   * The other words (longer than eight characters, or of five or more with characters outside ASCII) by
   * hash: open addressing, load <= 0.5 (most article words miss, and a miss ends at the first empty slot),
   * each slot's hash beside its id (hash, id + 1) so a probe reads one cache line; a hit is confirmed by
   * comparing characters.
   */
  private readonly vocabSlots: Int32Array;
  private readonly vocabMask: number;
  private readonly maxTokenLength: number;
  private readonly rootChild: Ints;
  private readonly firstChild: Int32Array;
  private readonly nodeToken: Ints;
  private readonly nodeEntryStart: Int32Array;
  /**
   * Per trie entry (compile.ts entries, three numbers each, split so each takes what it needs): the device,
   * or the brand of a brand entry; its info bits; the index of its name.
   */
  private readonly entryOwner: Ints;
  private readonly entryInfo: Int32Array;
  private readonly entryName: Ints;
  /**
   * Per node: the lowest level of its device entries (LEVEL_NEVER when none). The rules only raise a
   * level unless a brand is written before the name, so without one a node at LEVEL_NEVER ("13", kept
   * for "OnePlus 13") yields no candidate, and the strong pass skips nodes above LEVEL_STRONG. Bit
   * NODE_BRAND is set when a brand ends at the node, so walks read a node's entries only for brands.
   */
  private readonly nodeMinLevel: Uint8Array;
  private readonly names: string;
  private readonly nameOffsets: Int32Array;
  private readonly ids: JoinedIndex;
  private readonly deviceBrand: Ints;
  private readonly deviceFamily: Ints;
  private readonly deviceRank: Uint8Array;
  private readonly brands: string[];
  private readonly families: JoinedIndex;
  private readonly wordFlags: Uint8Array;
  private readonly plusId: number;
  private brandIndex: Map<string, number> | null = null;
  /**
   * Per token: 1 for a product family word of a maker with WELL_KNOWN_MAKER devices ("galaxy", "pixel",
   * "moto"). A name starting with one may be written in lower case ("my pixel 9 pro"), one level weaker.
   */
  private readonly lowerFamily: Uint8Array;
  /**
   * Per node of a name's first word (nodes 1..n, right after the root), four numbers side by side: what a
   * walk reads there, so the walks from "it", "I", "one" (thousands a page) each read one place rather than
   * five arrays far apart. Its entries [from, to); its nodeMinLevel, with ROOT_LEAF when no word may come
   * second; a bit per first character (its low five bits, the same in either case) of the words that may
   * come second, so that most walks stop there without looking up the next word.
   */
  private readonly rootWalk: Int32Array;
  /** Devices per brand index. */
  private readonly brandDevices: Int32Array;
  /** Bit per slot: lower-case words that may start a name (buildLowerStarts). */
  private readonly lowerStarts: Int32Array;
  /** 32 - log2(bits of lowerStarts) (see lowerStartHas). */
  private readonly lowerStartShift: number;
  /** The text being detected, for lookups the rules ask for (idAt); '' between calls. */
  private text = '';
  /** Token id of a product family word -> its brand (-2 when several brands share it). */
  private readonly familyWordBrand = new Map<number, number>();

  // Token buffers, reused between calls and grown on demand.
  private tStart = new Int32Array(256);
  private tEnd = new Int32Array(256);
  private tId = new Int32Array(256);
  private tFlags = new Uint8Array(256);
  /** WebAssembly scan: each token's first byte in `bytes`, the text's UTF-8 (null after the JavaScript scan). */
  private tByte: Int32Array | null = null;
  private bytes = new Uint8Array(0);
  /** Tokens the scan looked up that start some name (not glued to the word before), in text order. */
  private starts = new Int32Array(256);
  private nStarts = 0;
  /** Folded characters of a token with soft hyphens or joiners in it (rare path). */
  private scratch = new Uint16Array(64);

  // Candidates: first/last token of the name, trie node, brand written before it (index, first token) or -1.
  private cS = new Int32Array(256);
  private cE = new Int32Array(256);
  private cNode = new Int32Array(256);
  private cBrand = new Int32Array(256);
  private cBrandStart = new Int32Array(256);
  private nCand = 0;
  // Candidates whose rules passed: tokens covered (brand included), span, level, winning entry.
  private vTs = new Int32Array(256);
  private vTe = new Int32Array(256);
  private vStart = new Int32Array(256);
  private vEnd = new Int32Array(256);
  private vLevel = new Int32Array(256);
  private vEntry = new Int32Array(256);
  private vBrand = new Uint8Array(256);
  private vChosen = new Uint8Array(256);
  /** Valid candidates in choosing order, and the counting sort's bucket starts. */
  private order = new Int32Array(256);
  private readonly bucketStart = new Int32Array(BUCKETS + 1);
  private nValid = 0;
  /** Tokens already covered by a chosen name, while choosing (always left zeroed). */
  private taken = new Uint8Array(256);

  // Article context as flags: device count + 1 (0 = not named), families and brands named; the touched
  // lists put them back to zero after each call.
  private seen: Uint16Array;
  private familySeen: Uint8Array;
  private brandSeen: Uint8Array;
  private touchedDevices: number[] = [];
  /** Per device, 1 + its slot in this call's list of distinct devices (zeroed again before returning). */
  private outSlot: Uint16Array | Int32Array;
  private outFamily: Uint8Array;

  private touchedFamilies: number[] = [];
  private touchedBrands: number[] = [];
  /** Brands found by a walk from the current token: last token and brand index, in pairs. */
  private brandHits = new Int32Array(64);
  private nBrandHits = 0;

  /**
   * The WebAssembly scanner, or null where it cannot run or once it failed (then scanJs cuts the tokens).
   */
  private wasm: WasmScanner | null;

  private readonly lookUpEveryWord: boolean;

  constructor(c: CompiledMatcher, options: MatcherOptions) {
    this.lookUpEveryWord = options.lookUpEveryWord === true;
    this.vocab = c.vocab;
    this.vocabOffsets = base64ToOffsets(c.vocabOffsets);
    const vocabHash = base64ToInt32(c.vocabHash);
    this.rootChild = base64ToInts(c.rootChild);
    this.firstChild = base64ToOffsets(c.firstChild);
    this.nodeToken = base64ToInts(c.nodeToken);
    this.nodeEntryStart = base64ToOffsets(c.nodeEntryStart);
    this.entryOwner = base64ToInts(c.entryOwner);
    // Info bits use all 32 (bit 31 for a glued second word): four bytes each, whatever the file's width.
    const info = base64ToInts(c.entryInfo);
    this.entryInfo = info instanceof Int32Array ? info : Int32Array.from(info);
    this.entryName = base64ToInts(c.entryName);
    this.names = c.names;
    this.nameOffsets = base64ToOffsets(c.nameOffsets);
    this.ids = new JoinedIndex(c.ids, base64ToOffsets(c.idOffsets));
    this.deviceBrand = base64ToInts(c.deviceBrand);
    this.deviceFamily = base64ToInts(c.deviceFamily);
    this.deviceRank = base64ToBytes(c.deviceRank);
    this.brands = c.brands;
    const familyOffsets = base64ToOffsets(c.familyOffsets);
    this.families = new JoinedIndex(c.families, familyOffsets);
    // All decoded: checked before anything is built from it.
    this.checkShape(c, vocabHash, familyOffsets);
    const tokens = this.vocabOffsets.length - 1;
    // The words the vocabulary table does not hold (see tableWords); a word of up to four characters
    // outside ASCII is never looked up (chars.ts C_OTHER) or found.
    const key = new Int32Array(2);
    const inSlots = new Uint8Array(tokens);
    let longCount = 0;
    for (let t = 0; t < tokens; t++) {
      const from = this.vocabOffsets[t]!;
      const to = this.vocabOffsets[t + 1]!;
      if (to - from > SHORT_WORD || (to - from > 4 && !scanTable.wordKey(this.vocab, from, to, key))) { inSlots[t] = 1; longCount++; }
    }
    let size = 16;
    while (size < longCount * 2) size <<= 1;
    this.vocabMask = size - 1;
    this.vocabSlots = new Int32Array(size * 2);
    for (let t = 0; t < tokens; t++) {
      if (inSlots[t] === 0) continue;
      const h = vocabHash[t]!;
      let slot = h & this.vocabMask;
      while (this.vocabSlots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.vocabMask;
      this.vocabSlots[slot * 2] = h;
      this.vocabSlots[slot * 2 + 1] = t + 1;
    }
    let longest = 0;
    for (let t = 0; t + 1 < this.vocabOffsets.length; t++) longest = Math.max(longest, this.vocabOffsets[t + 1]! - this.vocabOffsets[t]!);
    this.maxTokenLength = longest;
    this.wordFlags = new Uint8Array(this.vocabOffsets.length);
    for (const t of c.words.determiners) this.wordFlags[t] = this.wordFlags[t]! | W_DETERMINER;
    for (const t of c.words.blockBefore) this.wordFlags[t] = this.wordFlags[t]! | W_BLOCK_BEFORE;
    for (const t of c.words.blockAfter) this.wordFlags[t] = this.wordFlags[t]! | W_BLOCK_AFTER;
    for (const t of c.words.familyNouns) this.wordFlags[t] = this.wordFlags[t]! | W_FAMILY_NOUN;
    for (let k = 0; k + 1 < c.words.familyBrands.length; k += 2) {
      const token = c.words.familyBrands[k]!;
      // A word that is a family word of two makers says nothing about which: -2.
      const brand = c.words.familyBrands[k + 1]!;
      const known = this.familyWordBrand.get(token);
      this.familyWordBrand.set(token, known === undefined || known === brand ? brand : -2);
    }
    const nodes = this.firstChild.length - 1;
    this.nodeMinLevel = new Uint8Array(nodes);
    const { nodeEntryStart, entryInfo, nodeMinLevel } = this;
    for (let n = 0; n < nodes; n++) {
      let min = LEVEL_NEVER;
      let flags = 0;
      for (let k = nodeEntryStart[n]!; k < nodeEntryStart[n + 1]!; k++) {
        const info = entryInfo[k]!;
        if ((info & INFO_BRAND_ENTRY) === 0) min = Math.min(min, (info >> 4) & 7);
        else flags = NODE_BRAND;
      }
      nodeMinLevel[n] = min | flags;
    }
    // Counts only matter up to 255 (resolve's score), so two bytes each; a slot is below the device count.
    this.seen = new Uint16Array(this.deviceBrand.length);
    this.outSlot = this.deviceBrand.length < 0xffff ? new Uint16Array(this.deviceBrand.length) : new Int32Array(this.deviceBrand.length);
    this.outFamily = new Uint8Array(familyOffsets.length);
    this.familySeen = new Uint8Array(familyOffsets.length);
    this.brandSeen = new Uint8Array(this.brands.length);
    this.plusId = -1;
    for (let t = 0; t < tokens && this.plusId < 0; t++) {
      if (this.vocabOffsets[t + 1]! - this.vocabOffsets[t]! === 4 && this.vocab.startsWith('plus', this.vocabOffsets[t]!)) this.plusId = t;
    }
    this.brandDevices = new Int32Array(this.brands.length);
    for (const b of this.deviceBrand) this.brandDevices[b]!++;
    this.lowerFamily = new Uint8Array(this.vocabOffsets.length);
    for (let k = 0; k + 1 < c.words.familyBrands.length; k += 2) {
      if (this.brandDevices[c.words.familyBrands[k + 1]!]! >= WELL_KNOWN_MAKER) this.lowerFamily[c.words.familyBrands[k]!] = 1;
    }
    // The first words' nodes are the root's children, numbered from 1. A "+" is the token "plus" in the
    // vocabulary but "+" in the text: both letters count.
    const roots = this.firstChild[1]! - this.firstChild[0]!;
    this.rootWalk = new Int32Array((roots + 1) * 4);
    for (let root = 1; root <= roots; root++) {
      let letters = 0;
      for (let c = this.firstChild[root]!; c < this.firstChild[root + 1]!; c++) {
        const token = this.nodeToken[c]!;
        letters |= 1 << (this.vocab.charCodeAt(this.vocabOffsets[token]!) & 31);
        if (token === this.plusId) letters |= 1 << (43 & 31);
      }
      const leaf = this.firstChild[root] === this.firstChild[root + 1];
      const r = root * 4;
      this.rootWalk[r] = this.nodeEntryStart[root]!;
      this.rootWalk[r + 1] = this.nodeEntryStart[root + 1]!;
      this.rootWalk[r + 2] = nodeMinLevel[root]! | (leaf ? ROOT_LEAF : 0);
      this.rootWalk[r + 3] = letters;
    }
    const kinds = this.lowerStartKinds();
    ({ bits: this.lowerStarts, shift: this.lowerStartShift } = this.buildLowerStarts(kinds));
    const table = this.scanTable(kinds);
    this.tableShift = table.shift;
    this.wasm = options.javaScriptScan === true ? null : wasmScan.WasmScanner.create({
      lower: this.lowerStarts, lowerShift: this.lowerStartShift, ...this.buildUpperStarts(),
    }, table, options.scannerMemoryKept);
    // The module holds the table now: the matcher reads it there, and this copy goes.
    this.tableWords = this.wasm ? this.wasm.tableWords() : new Int32Array(table.bytes.buffer);
  }

  /**
   * Throws if the compiled form does not hang together: arrays of the wrong lengths, offsets past their
   * strings, indexes past what they index. A saved matcher the database damaged would otherwise load and
   * find wrong names (matcher-host.ts compiles it again when this throws).
   */
  private checkShape(c: CompiledMatcher, vocabHash: Int32Array, familyOffsets: Int32Array): void {
    const fail = (what: string): never => { throw new Error(`damaged compiled matcher: ${what}`); };
    const below = (a: ArrayLike<number>, limit: number, what: string, from = 0): void => {
      for (let k = from; k < a.length; k++) if (!(a[k]! >= 0 && a[k]! < limit)) fail(`${what}[${k}] = ${a[k]}`);
    };
    const { vocabOffsets, firstChild, nodeToken, nodeEntryStart, entryOwner, entryInfo, entryName, nameOffsets } = this;
    const tokens = vocabOffsets.length - 1;
    if (tokens < 0 || vocabOffsets[0] !== 0 || vocabOffsets[tokens] !== c.vocab.length) fail('vocabOffsets');
    if (vocabHash.length !== tokens || this.rootChild.length !== tokens) fail('arrays per token');
    const nodes = firstChild.length - 1;
    if (nodes < 1 || nodeToken.length !== nodes || nodeEntryStart.length !== nodes + 1 || firstChild[nodes] !== nodes) fail('trie size');
    // Breadth first: a node's children come after it.
    for (let n = 0; n < nodes; n++) if (firstChild[n]! <= n) fail(`firstChild[${n}]`);
    below(this.rootChild, nodes, 'rootChild');
    below(nodeToken, tokens, 'nodeToken', 1);
    const entries = nodeEntryStart[nodes]!;
    if (nodeEntryStart[0] !== 0 || entryOwner.length !== entries || entryInfo.length !== entries || entryName.length !== entries) fail('entries');
    const names = nameOffsets.length - 1;
    if (names < 0 || nameOffsets[0] !== 0 || nameOffsets[names] !== this.names.length) fail('nameOffsets');
    below(entryName, names, 'entryName');
    const devices = this.deviceBrand.length;
    if (this.deviceFamily.length !== devices || this.deviceRank.length !== devices || this.ids.size() !== devices) fail('arrays per device');
    for (let k = 0; k < entries; k++) {
      if (entryOwner[k]! >= ((entryInfo[k]! & INFO_BRAND_ENTRY) !== 0 ? this.brands.length : devices)) fail(`entryOwner[${k}]`);
    }
    below(this.deviceBrand, this.brands.length, 'deviceBrand');
    if (familyOffsets[0] !== 0 || familyOffsets[familyOffsets.length - 1] !== c.families.length) fail('familyOffsets');
    below(this.deviceFamily, familyOffsets.length - 1, 'deviceFamily');
    const { determiners, blockBefore, blockAfter, familyNouns, familyBrands } = c.words;
    below([...determiners, ...blockBefore, ...blockAfter, ...familyNouns], tokens, 'words');
    for (let k = 0; k + 1 < familyBrands.length; k += 2) {
      if (!(familyBrands[k]! >= 0 && familyBrands[k]! < tokens && familyBrands[k + 1]! >= 0 && familyBrands[k + 1]! < this.brands.length)) fail('familyBrands');
    }
  }

  /**
   * The lower-case words that may start a name without a brand written before it, for the scan to look up
   * (the rest, three words in four of an article, are looked up only if the rules ask). Under the rules of
   * resolve, a walk from a word written in lower case yields something only through a brand spelled in
   * lower case ("vivo"), or a name or code whose record spells its first word in lower case ("iPhone",
   * "motorola edge"); codenames need a quote before (checked apart). A one-word name, a code's unglued
   * second word, or a brand, needs a break after the word; a code's glued second word needs none.
   */
  private buildLowerStarts(kinds: Uint8Array): { bits: Int32Array; shift: number } {
    const { vocab, vocabOffsets } = this;
    const tokens = vocabOffsets.length - 1;
    let keys = 0;
    for (let t = 0; t < tokens; t++) {
      if ((kinds[t]! & START_SPACED) !== 0) keys++;
      if ((kinds[t]! & START_GLUED) !== 0) keys++;
    }
    // About 64 bits per word, two per word: one word in a thousand passes for nothing; 8 KB for the index.
    const { bits, shift } = emptyStartTable(keys, 64);
    for (let t = 0; t < tokens; t++) {
      if (kinds[t] === 0) continue;
      const from = vocabOffsets[t]!;
      const len = vocabOffsets[t + 1]! - from;
      const a = vocab.charCodeAt(from);
      const b = len > 1 ? vocab.charCodeAt(from + 1) : 0;
      const z = vocab.charCodeAt(from + len - 1);
      for (const glued of [false, true]) {
        if ((kinds[t]! & (glued ? START_GLUED : START_SPACED)) === 0) continue;
        setStartBits(bits, shift, lowerStartKey(len, a, b, z, glued));
      }
    }
    return { bits, shift };
  }

  /**
   * Per token: START_SPACED if, written in lower case with a break after it, it may start a name; START_GLUED
   * if it may when a letter or digit follows without a break (see buildLowerStarts).
   */
  private lowerStartKinds(): Uint8Array {
    const { rootChild, firstChild, nodeEntryStart, entryOwner, entryInfo, vocab, vocabOffsets } = this;
    const SPACED = START_SPACED;
    const GLUED = START_GLUED;
    const tokens = vocabOffsets.length - 1;
    const kinds = new Uint8Array(tokens);
    const stack: number[] = [];
    for (let t = 0; t < tokens; t++) {
      const root = rootChild[t]!;
      if (root === 0 || CLASS[vocab.charCodeAt(vocabOffsets[t]!)] !== C_LOWER) continue;
      let found = 0;
      stack.length = 0;
      stack.push(root, 1);
      while (stack.length > 0 && found !== (SPACED | GLUED)) {
        const depth = stack.pop()!;
        const node = stack.pop()!;
        for (let k = nodeEntryStart[node]!; k < nodeEntryStart[node + 1]!; k++) {
          const info = entryInfo[k]!;
          if ((info & INFO_BRAND_ENTRY) !== 0) { if (this.brandInLowerCase(info, entryOwner[k]!)) found |= SPACED | GLUED; continue; }
          if (((info >> 4) & 7) >= LEVEL_CODENAME) continue;
          if ((info & FIRST_UPPER) !== 0 && !(this.lowerFamily[t] === 1 && (info & 15) !== 3 && ((info >> 4) & 7) < LEVEL_WORD)) continue;
          if (depth === 1) found |= SPACED;
          else if ((info & 15) !== 3) found |= (info & INFO_SECOND_GLUED) !== 0 ? GLUED : SPACED | GLUED;
          else found |= ((info >> (CASE_SHIFT + 1)) & 1) !== 0 ? GLUED : SPACED;
        }
        for (let c = firstChild[node]!; c < firstChild[node + 1]!; c++) stack.push(c, depth + 1);
      }
      kinds[t] = found;
    }
    return kinds;
  }
  /**
   * For the WebAssembly scan: every word's id with whether it starts a name, by case (scan-table.ts), so
   * the module knows both as it cuts the word.
   */
  private scanTable(kinds: Uint8Array): scanTable.ScanTable {
    const { rootChild, rootWalk, wordFlags, vocab, vocabOffsets } = this;
    const values = new Int32Array(vocabOffsets.length - 1);
    const letters = new Int32Array(values.length);
    for (let t = 0; t < values.length; t++) {
      let value = t | ((wordFlags[t]! & W_DETERMINER) !== 0 ? scanTable.VALUE_DETERMINER : 0);
      const root = rootChild[t]!;
      if (root !== 0) {
        // What a walk from the word may find (see walk and atNode).
        const r = root * 4;
        const entries = rootWalk[r] !== rootWalk[r + 1];
        const level = rootWalk[r + 2]! & NODE_LEVEL;
        value |= scanTable.VALUE_ROOT |
          ((kinds[t]! & START_SPACED) !== 0 ? scanTable.VALUE_LOWER_SPACED : 0) |
          ((kinds[t]! & START_GLUED) !== 0 ? scanTable.VALUE_LOWER_GLUED : 0) |
          ((rootWalk[r + 2]! & NODE_BRAND) !== 0 || (entries && level < LEVEL_WORD) ? scanTable.VALUE_FIRST_ALONE : 0) |
          (entries && level < LEVEL_NEVER ? scanTable.VALUE_FIRST_IN_CONTEXT : 0) |
          ((rootWalk[r + 2]! & ROOT_LEAF) === 0 ? scanTable.VALUE_GOES_ON : 0);
        letters[t] = rootWalk[r + 3]!;
      }
      values[t] = value;
    }
    return scanTable.buildScanTable(vocab, vocabOffsets, values, letters, this.plusId);
  }


  /**
   * For the WebAssembly scan: the words that start some name (a root in the trie), keyed as lowerStarts
   * with bit 28 set, so that a capitalised word or a number that starts none is not looked up while
   * scanning. Two bits per word, at least 16 bits a word (one word in twenty that starts nothing passes,
   * and the vocabulary table drops it after): 32 KB for the shipped index, beside the lower-case table's
   * 16 KB, where the vocabulary table is 256 KB.
   */
  private buildUpperStarts(): { upper: Int32Array; upperShift: number } {
    const { rootChild, vocab, vocabOffsets } = this;
    const tokens = vocabOffsets.length - 1;
    let keys = 0;
    for (let t = 0; t < tokens; t++) if (rootChild[t] !== 0) keys++;
    const { bits, shift } = emptyStartTable(keys, 16);
    for (let t = 0; t < tokens; t++) {
      if (rootChild[t] === 0) continue;
      const from = vocabOffsets[t]!;
      const len = vocabOffsets[t + 1]! - from;
      setStartBits(bits, shift, lowerStartKey(len, vocab.charCodeAt(from), len > 1 ? vocab.charCodeAt(from + 1) : 0,
        vocab.charCodeAt(from + len - 1), false) | UPPER_START_KEY);
    }
    return { upper: bits, upperShift: shift };
  }

  private growTokens(): void {
    const size = this.tStart.length * 2;
    const s = new Int32Array(size); s.set(this.tStart); this.tStart = s;
    const e = new Int32Array(size); e.set(this.tEnd); this.tEnd = e;
    const d = new Int32Array(size); d.set(this.tId); this.tId = d;
    const f = new Uint8Array(size); f.set(this.tFlags); this.tFlags = f;
  }

  /**
   * Cuts the text into tokens (see chars.ts) into tStart/tEnd/tId/tFlags and lists the starts; returns the
   * token count. A token that may start a name (a capitalised word, a number, a lower-case word in
   * lowerStarts) is looked up at once, by a constant-time hash and one table probe; the rest wait until the
   * rules ask about them (idAt).
   */
  private scan(text: string): number {
    if (this.wasm) {
      try {
        return this.scanWasm(text, this.wasm);
      } catch {
        // The module could not grow its memory for this page (a RangeError): from now on the JavaScript
        // scan, which needs a quarter of the memory, cuts the text; nothing of the failed scan is kept, and
        // the vocabulary table is copied out of the module's memory so that memory can go.
        this.tableWords = this.wasm.tableWords().slice();
        this.wasm = null;
        this.dropScanViews();
      }
    }
    return this.scanJs(text);
  }

  /** Fresh token arrays in place of views of the WebAssembly memory, so that memory can go. */
  private dropScanViews(): void {
    this.tStart = new Int32Array(256);
    this.tEnd = new Int32Array(256);
    this.tId = new Int32Array(256);
    this.tFlags = new Uint8Array(256);
    this.tByte = null;
    this.bytes = new Uint8Array(0);
  }

  /**
   * scan in WebAssembly (scan.wat): it cuts the tokens, finds the ASCII words that start a name in its
   * vocabulary table (scan-table.ts) with their ids, and lists those and the tokens with characters outside
   * ASCII; for the latter the decisions and lookups are made here, as scanJs makes them.
   */
  private scanWasm(text: string, wasm: WasmScanner): number {
    const out = wasm.scan(text, this.lookUpEveryWord);
    this.tStart = out.tStart;
    this.tEnd = out.tEnd;
    this.tId = out.tId;
    this.tFlags = out.tFlags;
    this.tByte = out.tByte;
    this.bytes = out.bytes;
    this.nStarts = this.decideListed(text, out);
    return out.count;
  }

  /** The starts among the tokens the module listed, looked up where it could not; returns their count. */
  private decideListed(text: string, out: WasmScan): number {
    const { list, nList, tStart, tEnd, tId, tFlags } = out;
    // Everything the loop reads from `this`, read once: a property read in a branch that rarely runs has no
    // type feedback, and reaching it made V8 drop the optimised loop again and again.
    const { rootChild, lookUpEveryWord, plusId, lowerStarts, lowerStartShift } = this;
    let nStarts = 0;
    for (let q = 0; q < nList * 3; q += 3) {
      const k = list[q]!;
      const info = list[q + 2]!;
      const glued = (tFlags[k]! & F_GLUED) !== 0;
      let id: number;
      if ((info & LIST_DECIDED) !== 0) {
        // The module found the word in its table (a long word's key is shared: idAt looks it up).
        id = tId[k]!;
        if (id === UNKNOWN) id = this.idAt(k);
        if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = this.addStart(nStarts, k);
        continue;
      }
      const start = tStart[k]!;
      const cls = (info >> LIST_CLASS_SHIFT) & 7;
      if (cls === C_PLUS) id = plusId;
      else if ((info & LIST_IGNORED) !== 0) {
        let end = tEnd[k]!;
        while (CLASS[text.charCodeAt(end - 1)] === C_IGNORE) end--;
        tEnd[k] = end;
        id = cls === C_OTHER ? -1 : this.lookupIgnoring(text, start, end);
      } else {
        // Characters outside ASCII: decided as scanJs decides.
        const end = tEnd[k]!;
        let look = lookUpEveryWord || (!glued && cls !== C_LOWER);
        if (!look && !glued) {
          look = lowerStartHas(lowerStarts, lowerStartShift, lowerStartKey(end - start, FOLD[text.charCodeAt(start)]!,
            end - start > 1 ? FOLD[text.charCodeAt(start + 1)]! : 0, FOLD[text.charCodeAt(end - 1)]!, (info & LIST_GLUED_NEXT) !== 0)) ||
            opensQuote(text, start);
        }
        if (!look) continue;
        id = this.lookup(text, start, end);
      }
      tId[k] = id;
      if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = this.addStart(nStarts, k);
    }
    return nStarts;
  }

  /**
   * scan in JavaScript, where WebAssembly cannot run: one table load and compare per character to find a
   * token's end, and the lookups as it goes.
   */
  private scanJs(text: string): number {
    const n = text.length;
    const K = KIND;
    const { rootChild, lowerStarts, lowerStartShift, lookUpEveryWord } = this;
    let { tStart, tEnd, tId, tFlags } = this;
    let cap = tStart.length;
    let count = 0;
    let nStarts = 0;
    let i = 0;
    let lastEnd = -1;
    let broken = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const kind = K[c]!;
      if (kind === C_SEP) {
        // Spaces, line breaks, hyphens and brackets let a name go on; other punctuation does not.
        if (c !== 32 && broken === 0 && !gapChar(c)) broken = F_BREAK;
        i++;
        continue;
      }
      if (kind === C_UNKNOWN) { classifySlow(c); continue; }
      if (kind === C_IGNORE) { i++; continue; }
      const start = i;
      let id = -1;
      i++;
      let end = i;
      if (kind === C_PLUS) {
        // "+Simple" (Positivo BGH): a name may start with the "+".
        id = this.plusId;
        if (id >= 0 && lastEnd !== start && rootChild[id] !== 0) nStarts = this.addStart(nStarts, count);
      } else {
        let ignored = false;
        let k = 0;
        while (i < n) {
          k = K[text.charCodeAt(i)]!;
          if (k !== kind) {
            if (k === C_IGNORE) { ignored = true; i++; continue; }
            if (k === C_UNKNOWN) { classifySlow(text.charCodeAt(i)); continue; }
            break;
          }
          i++;
        }
        end = i;
        if (ignored) {
          while (CLASS[text.charCodeAt(end - 1)] === C_IGNORE) end--;
          if (kind !== C_OTHER) id = this.lookupIgnoring(text, start, end);
          if (id >= 0 && lastEnd !== start && rootChild[id] !== 0) nStarts = this.addStart(nStarts, count);
        } else if (kind === C_OTHER) {
          // Other scripts: no name has them.
        } else {
          // Glued to the word before ("24" of "S24"): never where a name starts; looked up if a walk reaches it.
          const glued = lastEnd === start;
          let look = lookUpEveryWord || (!glued && CLASS[c] !== C_LOWER);
          if (!look && !glued) {
            // A lower-case word: looked up only if lowerStarts may hold it (see buildLowerStarts).
            const key = lowerStartKey(end - start, FOLD[c]!, end - start > 1 ? FOLD[text.charCodeAt(start + 1)]! : 0,
              FOLD[text.charCodeAt(end - 1)]!, i < n && k !== C_SEP);
            look = lowerStartHas(lowerStarts, lowerStartShift, key) || opensQuote(text, start);
          }
          if (look) {
            id = this.lookup(text, start, end);
            if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = this.addStart(nStarts, count);
          } else {
            // "the", "and", "is" in most places: looked up only when the rules ask about the word before or
            // after a name.
            id = UNKNOWN;
          }
        }
      }
      if (count === cap) {
        this.growTokens();
        ({ tStart, tEnd, tId, tFlags } = this);
        cap = tStart.length;
      }
      tStart[count] = start;
      tEnd[count] = end;
      tId[count] = id;
      tFlags[count] = (lastEnd === start ? F_GLUED : 0) | (CLASS[c] === C_UPPER ? F_UPPER : 0) | broken;
      broken = 0;
      // A trailing soft hyphen still glues: "Z1\u00adf" is the word "Z1f".
      lastEnd = i;
      count++;
    }
    this.nStarts = nStarts;
    return count;
  }

  /** Records token k as one a walk may start from; returns the new count. */
  private addStart(nStarts: number, k: number): number {
    if (nStarts === this.starts.length) { const s = new Int32Array(nStarts * 2); s.set(this.starts); this.starts = s; }
    this.starts[nStarts] = k;
    return nStarts + 1;
  }

  /** Vocabulary id of token j, looked up now if the scan left it (UNKNOWN). */
  private idAt(j: number): number {
    const id = this.tId[j]!;
    if (id !== UNKNOWN) return id;
    const { tByte } = this;
    // From the UTF-8 bytes where the WebAssembly scan left them and the token is ASCII: cheaper than
    // charCodeAt on a sliced string.
    const found = tByte !== null && (this.tFlags[j]! & F_WIDE) === 0
      ? this.lookupBytes(this.bytes, tByte[j]!, tByte[j]! + this.tEnd[j]! - this.tStart[j]!)
      : this.lookup(this.text, this.tStart[j]!, this.tEnd[j]!);
    this.tId[j] = found;
    return found;
  }

  /** Vocabulary id of text[start..end) (no ignorable characters inside), or -1. Kept small so it inlines. */
  private lookup(text: string, start: number, end: number): number {
    const len = end - start;
    if (len > SHORT_WORD) return this.lookupLong(text, start, end);
    const FO = FOLD;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < len; j++) {
      const f = FO[text.charCodeAt(start + j)]!;
      if (f > 127) return len > 4 ? this.lookupLong(text, start, end) : -1;
      if (j < 4) lo |= f << (j << 3); else hi |= f << ((j - 4) << 3);
    }
    return this.wordId(lo, hi);
  }

  /**
   * Vocabulary id of a word of up to eight ASCII characters by its key (scan-table.ts wordKey), or -1, from
   * the vocabulary table.
   */
  private wordId(lo: number, hi: number): number {
    let words = this.tableWords;
    // The module's memory grew since the view was taken: a view of the new memory.
    if (words.length === 0) words = this.tableWords = this.wasm!.tableWords();
    return (scanTable.probeWords(words, this.tableShift, lo, hi) << 8) >> 8;
  }

  /** lookup of an ASCII token from the UTF-8 bytes b[start..end). */
  private lookupBytes(b: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > SHORT_WORD) return this.lookupLongBytes(b, start, end);
    const FB = BYTE_FOLD;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < len; j++) {
      const f = FB[b[start + j]!]!;
      if (j < 4) lo |= f << (j << 3); else hi |= f << ((j - 4) << 3);
    }
    return this.wordId(lo, hi);
  }

  private lookupLongBytes(b: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const FB = BYTE_FOLD;
    if (len > this.maxTokenLength) return -1;
    const last = end - 1;
    let h = Math.imul(HASH_SEED ^ len, 16777619);
    h = Math.imul(h ^ FB[b[start]!]!, 16777619);
    h = Math.imul(h ^ FB[b[start + 1]!]!, 16777619);
    h = Math.imul(h ^ FB[b[start + (len >> 1)]!]!, 16777619);
    h = Math.imul(h ^ FB[b[last - 1]!]!, 16777619);
    h = Math.imul(h ^ FB[b[last]!]!, 16777619);
    h ^= h >>> 16;
    const { vocabSlots, vocabOffsets, vocab, vocabMask } = this;
    for (let slot = h & vocabMask; ; slot = (slot + 1) & vocabMask) {
      const v = vocabSlots[slot * 2 + 1]!;
      if (v === 0) return -1;
      if (vocabSlots[slot * 2] !== h) continue;
      const cand = v - 1;
      const vs = vocabOffsets[cand]!;
      if (vocabOffsets[cand + 1]! - vs !== len) continue;
      let j = start;
      for (let k = vs; j < end; j++, k++) if (FB[b[j]!] !== vocab.charCodeAt(k)) break;
      if (j === end) return cand;
    }
  }

  /** lookup for tokens of five characters or more: constant-time hash, probe, compare. */
  private lookupLong(text: string, start: number, end: number): number {
    const len = end - start;
    const FO = FOLD;
    if (len > this.maxTokenLength) return -1;
    const last = end - 1;
    // chars.ts tokenFeatureHash, written out: this runs for every word of the article.
    let h = Math.imul(HASH_SEED ^ len, 16777619);
    h = Math.imul(h ^ FO[text.charCodeAt(start)]!, 16777619);
    h = Math.imul(h ^ FO[text.charCodeAt(len > 1 ? start + 1 : start)]!, 16777619);
    h = Math.imul(h ^ FO[text.charCodeAt(start + (len >> 1))]!, 16777619);
    h = Math.imul(h ^ FO[text.charCodeAt(len > 1 ? last - 1 : start)]!, 16777619);
    h = Math.imul(h ^ FO[text.charCodeAt(last)]!, 16777619);
    h ^= h >>> 16;
    const { vocabSlots, vocabOffsets, vocab, vocabMask } = this;
    for (let slot = h & vocabMask; ; slot = (slot + 1) & vocabMask) {
      const v = vocabSlots[slot * 2 + 1]!;
      if (v === 0) return -1;
      if (vocabSlots[slot * 2] !== h) continue;
      const cand = v - 1;
      const vs = vocabOffsets[cand]!;
      if (vocabOffsets[cand + 1]! - vs !== len) continue;
      let j = start;
      for (let k = vs; j < end; j++, k++) if (FO[text.charCodeAt(j)] !== vocab.charCodeAt(k)) break;
      if (j === end) return cand;
    }
  }

  /** lookup for a token with soft hyphens or joiners inside: they are read as absent. */
  private lookupIgnoring(text: string, start: number, end: number): number {
    let len = 0;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (CLASS[c] === C_IGNORE) continue;
      if (len === this.scratch.length) { const s = new Uint16Array(len * 2); s.set(this.scratch); this.scratch = s; }
      this.scratch[len++] = FOLD[c]!;
    }
    if (len > this.maxTokenLength || len === 0) return -1;
    const f = this.scratch;
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
    const h = tokenFeatureHash(len, f[0]!, f[len > 1 ? 1 : 0]!, f[len >> 1]!, f[len > 1 ? len - 2 : 0]!, f[len - 1]!);
    const { vocabSlots, vocabOffsets, vocab, vocabMask } = this;
    for (let slot = h & vocabMask; ; slot = (slot + 1) & vocabMask) {
      const v = vocabSlots[slot * 2 + 1]!;
      if (v === 0) return -1;
      if (vocabSlots[slot * 2] !== h) continue;
      const cand = v - 1;
      const vs = vocabOffsets[cand]!;
      if (vocabOffsets[cand + 1]! - vs !== len) continue;
      let j = 0;
      while (j < len && f[j] === vocab.charCodeAt(vs + j)) j++;
      if (j === len) return cand;
    }
  }

  /** Trie node reached from `node` by token `token`, or -1. */
  private child(node: number, token: number): number {
    const { firstChild, nodeToken } = this;
    let lo = firstChild[node]!;
    let hi = firstChild[node + 1]!;
    // Family words have hundreds of children ("Galaxy" -> "S24", "A55", ...): halve down to a short scan.
    while (hi - lo > 8) {
      const mid = (lo + hi) >> 1;
      if (nodeToken[mid]! <= token) lo = mid; else hi = mid;
    }
    for (let c = lo; c < hi; c++) {
      const t = nodeToken[c]!;
      if (t === token) return c;
      if (t > token) break;
    }
    return -1;
  }

  private nameOf(n: number): string {
    return this.names.slice(this.nameOffsets[n], this.nameOffsets[n + 1]);
  }

  private brandIdx(name: string): number {
    if (!this.brandIndex) { this.brandIndex = new Map(); this.brands.forEach((b, i) => this.brandIndex!.set(b, i)); }
    return this.brandIndex.get(name) ?? -1;
  }

  private markDevice(d: number, n: number): void {
    const v = this.seen[d]!;
    if (v === 0) this.touchedDevices.push(d);
    this.seen[d] = Math.min((v === 0 ? 1 : v) + n, 0xffff);
    this.markFamily(this.deviceFamily[d]!);
    this.markBrand(this.deviceBrand[d]!);
  }

  private markFamily(f: number): void {
    if (this.familySeen[f] === 0) { this.familySeen[f] = 1; this.touchedFamilies.push(f); }
  }

  private markBrand(b: number): void {
    if (this.brandSeen[b] === 0) { this.brandSeen[b] = 1; this.touchedBrands.push(b); }
  }

  private resetContext(): void {
    for (const d of this.touchedDevices) this.seen[d] = 0;
    for (const f of this.touchedFamilies) this.familySeen[f] = 0;
    for (const b of this.touchedBrands) this.brandSeen[b] = 0;
    this.touchedDevices.length = 0;
    this.touchedFamilies.length = 0;
    this.touchedBrands.length = 0;
  }

  scanner(): ScannerInfo {
    return this.wasm ? { kind: 'webassembly', memoryBytes: this.wasm.memoryBytes() } : { kind: 'javascript', memoryBytes: 0 };
  }

  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext } {
    try {
      this.text = text;
      return this.detectIn(text, context);
    } finally {
      this.text = '';
      this.resetContext();
      // The module let its big memory go: so do the views of it (the next scan replaces them anyway).
      if (this.wasm?.release()) {
        this.dropScanViews();
        this.tableWords = this.wasm.tableWords();
      }
    }
  }

  private detectIn(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext } {
    const count = this.scan(text);

    // 1. Context the earlier batches handed over.
    if (context) {
      for (const id in context.devices) {
        const d = this.ids.indexOf(id);
        if (d >= 0) this.markDevice(d, Math.max(0, Math.trunc(Number(context.devices[id]) || 0)));
      }
      for (const b of context.brands) { const k = this.brandIdx(b); if (k >= 0) this.markBrand(k); }
      for (const f of context.families) { const k = this.families.indexOf(f); if (k >= 0) this.markFamily(k); }
    }

    // 2. Every trie path from a word start, ending at a word end; brands written right before a name.
    this.findCandidates(text, count);

    // 3. Strong names first; what they name is the context for everything weaker.
    this.select(text, count, LEVEL_STRONG);
    for (let v = 0; v < this.nValid; v++) {
      if (this.vChosen[v] !== 0) this.markDevice(this.entryOwner[this.vEntry[v]!]!, 1);
    }
    // Brands as handed on: those of the context, the text and the strong names (as before this pass).
    const brandsOut = new Set(context?.brands ?? []);
    for (const b of this.touchedBrands) brandsOut.add(this.brands[b]!);
    this.select(text, count, LEVEL_CODENAME);

    // 4. Mentions and the context handed to the next batch. Counts go to flag arrays first, so each
    // distinct device id and family string is made once per call, not once per mention.
    const { vStart, vEnd, vEntry, vLevel, vBrand, vChosen, entryOwner, entryInfo, entryName, outSlot, outFamily } = this;
    const mentions: Mention[] = [];
    const distinct: number[] = [];
    const idOf: string[] = [];
    const counts: number[] = [];
    const familyList: number[] = [];
    // Names repeat within an article: one string per distinct name, shared by its mentions.
    const nameStrings = new Map<number, string>();
    for (let v = 0; v < this.nValid; v++) {
      if (vChosen[v] === 0) continue;
      const k = vEntry[v]!;
      const d = entryOwner[k]!;
      const info = entryInfo[k]!;
      let slot = outSlot[d]! - 1;
      if (slot < 0) {
        slot = distinct.length;
        outSlot[d] = slot + 1;
        distinct.push(d);
        idOf.push(this.ids.at(d));
        counts.push(0);
        const f = this.deviceFamily[d]!;
        if (outFamily[f] === 0) { outFamily[f] = 1; familyList.push(f); }
      }
      counts[slot]!++;
      const adjacent = vBrand[v] !== 0;
      const reasonIdx = info & 15;
      const confidence = CONFIDENCE[vLevel[v]!] ?? 0.5;
      const start = vStart[v]!;
      const end = vEnd[v]!;
      const nameIdx = entryName[k]!;
      let matchedName = nameStrings.get(nameIdx);
      if (matchedName === undefined) { matchedName = this.nameOf(nameIdx); nameStrings.set(nameIdx, matchedName); }
      mentions.push({
        start, end, text: text.slice(start, end), deviceId: idOf[slot]!,
        confidence: adjacent ? Math.max(confidence, 0.95) : confidence,
        reason: adjacent && reasonIdx === 1 ? 'full-name' : REASONS[reasonIdx]!, matchedName,
      });
    }
    const devices: Record<string, number> = context ? { ...context.devices } : {};
    distinct.forEach((d, slot) => {
      const id = idOf[slot]!;
      devices[id] = (devices[id] ?? 0) + counts[slot]!;
      outSlot[d] = 0;
    });
    const families = new Set(context?.families ?? []);
    for (const f of familyList) { families.add(this.families.at(f)); outFamily[f] = 0; }
    return { mentions, context: { brands: [...brandsOut].sort(), families: [...families].sort(), devices } };
  }

  private findCandidates(text: string, count: number): void {
    const { tFlags, tStart, tEnd, starts, nStarts } = this;
    this.nCand = 0;
    for (let q = 0; q < nStarts; q++) {
      const i = starts[q]!;
      this.nBrandHits = 0;
      this.walk(text, i, count, -1, -1);
      for (let h = 0; h < this.nBrandHits; h += 2) {
        const brand = this.brandHits[h + 1]!;
        if ((tFlags[i]! & F_UPPER) !== 0) this.markBrand(brand);
        const next = this.brandHits[h]! + 1;
        if (next < count && this.idAt(next) >= 0 && (tFlags[next]! & F_GLUED) === 0 && onlySpaces(text, tEnd[next - 1]!, tStart[next]!)) {
          this.walk(text, next, count, brand, i);
        } else if (this.isPossessive(text, next, count)) {
          // "Xiaomi's 15 Ultra": the brand still says whose device it is, but stays out of the span (the
          // span starts at the name, so brandStart is the name's first token).
          const name = next + 1;
          if (name < count && this.idAt(name) >= 0 && (tFlags[name]! & F_GLUED) === 0 && onlySpaces(text, tEnd[next]!, tStart[name]!)) {
            this.walk(text, name, count, brand, name);
          }
        }
      }
    }
  }

  /** Whether token k is the "s" of a possessive glued to the token before by one apostrophe ("Xiaomi's"). */
  private isPossessive(text: string, k: number, count: number): boolean {
    if (k >= count || k === 0) return false;
    const start = this.tStart[k]!;
    if (this.tEnd[k]! - start !== 1 || (text.charCodeAt(start) | 32) !== 115) return false;
    const gap = start - this.tEnd[k - 1]!;
    const c = text.charCodeAt(start - 1);
    return gap === 1 && (c === 39 || c === 0x2019);
  }

  private walk(text: string, i: number, count: number, brand: number, brandStart: number): void {
    const first = this.idAt(i);
    if (first < 0) return;
    const root = this.rootChild[first]!;
    if (root === 0) return;
    const { rootWalk } = this;
    const r = root * 4;
    const rootLevel = rootWalk[r + 2]!;
    this.atNode(text, i, i, root, rootWalk[r]!, rootWalk[r + 1]!, rootLevel, count, brand, brandStart);
    let j = i + 1;
    if (j >= count || (rootLevel & ROOT_LEAF) !== 0 || (this.tFlags[j]! & F_BREAK) !== 0) return;
    // No word after the first begins with the next word's first letter (nine walks in ten).
    // From the UTF-8 where the WebAssembly scan left it (a byte outside ASCII is >= 128 as a character is).
    const { tByte } = this;
    const c = tByte !== null ? this.bytes[tByte[j]!]! : text.charCodeAt(this.tStart[j]!);
    if (c < 128 && ((rootWalk[r + 3]! >>> (c & 31)) & 1) === 0) return;
    const { tFlags, nodeEntryStart, nodeMinLevel, firstChild } = this;
    for (let node = root; ;) {
      const id = this.idAt(j);
      if (id < 0) return;
      node = this.child(node, id);
      if (node < 0) return;
      this.atNode(text, i, j, node, nodeEntryStart[node]!, nodeEntryStart[node + 1]!, nodeMinLevel[node]!, count, brand, brandStart);
      j++;
      // A leaf: no need to look up the next word.
      if (j >= count || firstChild[node] === firstChild[node + 1] || (tFlags[j]! & F_BREAK) !== 0) return;
    }
  }

  /** A walk from token i at token j, at trie node `node` (its entries [from, to), its nodeMinLevel). */
  private atNode(text: string, i: number, j: number, node: number, from: number, to: number, minLevel: number, count: number,
    brand: number, brandStart: number): void {
    if (from === to || (j + 1 < count && (this.tFlags[j + 1]! & F_GLUED) !== 0)) return;
    if (brand < 0 && (minLevel & NODE_BRAND) !== 0) {
      const { entryOwner, entryInfo } = this;
      const upper = (this.tFlags[i]! & F_UPPER) !== 0;
      for (let k = from; k < to; k++) {
        const info = entryInfo[k]!;
        if ((info & INFO_BRAND_ENTRY) !== 0 && (upper || this.brandInLowerCase(info, entryOwner[k]!))) this.addBrandHit(j, entryOwner[k]!);
      }
    }
    // LEVEL_NEVER with no device entries at all (a brand-only node) as well as for bare numbers.
    const level = minLevel & NODE_LEVEL;
    if (brand >= 0 ? this.hasDeviceEntry(from, to) : level < LEVEL_WORD || (level < LEVEL_NEVER && this.wordMayStart(text, i))) {
      this.addCandidate(i, j, node, brand, brandStart);
    }
  }

  /**
   * Whether a name at level LEVEL_WORD or above (ordinary words like "Pro", "Air"; codenames) may start at
   * token i: those need "the"/"its"... right before them, or a quote. Checked while walking, since most
   * words of an article ("a", "is", "in") are such names and nothing else.
   */
  private wordMayStart(text: string, i: number): boolean {
    if (i > 0 && (this.tFlags[i]! & (F_GLUED | F_BREAK)) === 0) {
      const prev = this.idAt(i - 1);
      if (prev >= 0 && (this.wordFlags[prev]! & W_DETERMINER) !== 0) return true;
    }
    if (this.tByte !== null && (this.tFlags[i]! & F_QUOTE_BEFORE) === 0) return false;
    return opensQuote(text, this.tStart[i]!);
  }

  /**
   * Whether a brand written in lower case still counts as the brand: when the maker spells it so ("vivo"),
   * or for a maker the index knows well ("motorola edge", "samsung galaxy"). The Play list's small makers
   * include "THE UHD", "Get" and "Every": in lower case those are words.
   */
  private brandInLowerCase(info: number, brand: number): boolean {
    return (info & FIRST_UPPER) === 0 || this.brandDevices[brand]! >= WELL_KNOWN_MAKER;
  }

  private hasDeviceEntry(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if ((this.entryInfo[k]! & INFO_BRAND_ENTRY) === 0) return true;
    return false;
  }

  private addBrandHit(j: number, brand: number): void {
    if (this.nBrandHits + 2 > this.brandHits.length) { const b = new Int32Array(this.brandHits.length * 2); b.set(this.brandHits); this.brandHits = b; }
    this.brandHits[this.nBrandHits++] = j;
    this.brandHits[this.nBrandHits++] = brand;
  }

  private addCandidate(s: number, e: number, node: number, brand: number, brandStart: number): void {
    const n = this.nCand;
    if (n === this.cS.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.cS = grow(this.cS); this.cE = grow(this.cE); this.cNode = grow(this.cNode);
      this.cBrand = grow(this.cBrand); this.cBrandStart = grow(this.cBrandStart);
    }
    this.cS[n] = s; this.cE[n] = e; this.cNode[n] = node; this.cBrand[n] = brand; this.cBrandStart[n] = brandStart;
    this.nCand = n + 1;
  }

  private ensureValid(n: number): void {
    if (n <= this.vTs.length) return;
    const size = Math.max(n, this.vTs.length * 2);
    this.vTs = new Int32Array(size); this.vTe = new Int32Array(size); this.vStart = new Int32Array(size);
    this.vEnd = new Int32Array(size); this.vLevel = new Int32Array(size); this.vEntry = new Int32Array(size);
    this.vBrand = new Uint8Array(size); this.vChosen = new Uint8Array(size); this.order = new Int32Array(size);
  }

  /**
   * Resolves every candidate with rules passing at or below `maxLevel`, then chooses among overlapping
   * ones: the one needing less context wins, then the longer, then the earlier ("Pixel Fold" over
   * "original Pixel" in "the original Pixel Fold"). Results stay in the v* arrays, in text order.
   */
  private select(text: string, count: number, maxLevel: number): void {
    this.ensureValid(this.nCand);
    const strongOnly = maxLevel === LEVEL_STRONG;
    let nValid = 0;
    for (let c = 0; c < this.nCand; c++) {
      if (strongOnly && this.cBrand[c]! < 0 && (this.nodeMinLevel[this.cNode[c]!]! & NODE_LEVEL) !== LEVEL_STRONG) continue;
      if (this.resolve(text, count, c, maxLevel, nValid)) nValid++;
    }
    this.nValid = nValid;
    const { order, vTs, vTe, vStart, vEnd, vLevel, vChosen, bucketStart } = this;
    // Counting sort on (level, longest first), stable, so text order breaks ties: linear, and no comparator.
    bucketStart.fill(0);
    for (let v = 0; v < nValid; v++) {
      vChosen[v] = 0;
      bucketStart[bucketOf(vLevel[v]!, vEnd[v]! - vStart[v]!) + 1]!++;
    }
    for (let b = 1; b < bucketStart.length; b++) bucketStart[b] = bucketStart[b]! + bucketStart[b - 1]!;
    for (let v = 0; v < nValid; v++) order[bucketStart[bucketOf(vLevel[v]!, vEnd[v]! - vStart[v]!)]!++] = v;
    if (this.taken.length < count) this.taken = new Uint8Array(Math.max(count, this.taken.length * 2));
    const taken = this.taken;
    for (let q = 0; q < nValid; q++) {
      const v = order[q]!;
      const ts = vTs[v]!;
      const te = vTe[v]!;
      let free = true;
      for (let t = ts; t <= te; t++) if (taken[t] !== 0) { free = false; break; }
      if (!free) continue;
      for (let t = ts; t <= te; t++) taken[t] = 1;
      vChosen[v] = 1;
    }
    for (let v = 0; v < nValid; v++) if (vChosen[v] !== 0) for (let t = vTs[v]!; t <= vTe[v]!; t++) taken[t] = 0;
  }

  /** Applies the rules of names.ts to candidate c; on success stores the result at valid index v. */
  private resolve(text: string, count: number, c: number, maxLevel: number, v: number): boolean {
    const { tFlags, entryOwner, entryInfo, tStart, tEnd, wordFlags, deviceBrand, deviceFamily, seen, familySeen, brandSeen } = this;
    const s = this.cS[c]!;
    const e = this.cE[c]!;
    const node = this.cNode[c]!;
    const brand = this.cBrand[c]!;
    const brandStart = this.cBrandStart[c]!;
    // "A 2-pack", "S 24": a lone letter before a separate number is no model name ("A2", "S24" are one word).
    if (brand < 0 && e > s && (tFlags[s + 1]! & F_GLUED) === 0 && tEnd[s]! - tStart[s]! === 1) {
      const letter = text.charCodeAt(tStart[s]!) | 32;
      const digit = text.charCodeAt(tStart[s + 1]!);
      if (letter >= 97 && letter <= 122 && digit >= 48 && digit <= 57) return false;
    }
    const prev = brand >= 0 && brandStart < s ? brandStart - 1 : s - 1;
    const next = e + 1;
    // The word before counts only when nothing but spaces separates it ("the One", not "the. One").
    const prevId = prev >= 0 && (tFlags[prev + 1]! & (F_GLUED | F_BREAK)) === 0 ? this.idAt(prev) : -1;
    const nextId = next < count && (tFlags[next]! & F_BREAK) === 0 ? this.idAt(next) : -1;
    if (brand < 0 && prevId >= 0 && (wordFlags[prevId]! & W_BLOCK_BEFORE) !== 0) return false;
    if (nextId >= 0 && (wordFlags[nextId]! & W_BLOCK_AFTER) !== 0) return false;
    const from = this.nodeEntryStart[node]!;
    const to = this.nodeEntryStart[node + 1]!;
    // A brand written before a name counts only for that brand's devices.
    if (brand >= 0) {
      let brandMatches = false;
      for (let k = from; k < to; k++) {
        if ((entryInfo[k]! & INFO_BRAND_ENTRY) === 0 && deviceBrand[entryOwner[k]!] === brand) { brandMatches = true; break; }
      }
      if (!brandMatches) return false;
    }
    const familyEnds = this.familyWordMayEnd(next, count);
    // Only a capitalised family word counts ("Find X9 Pro"), not the ordinary word ("find the X9").
    const prevFamilyBrand = prevId >= 0 && brand < 0 && (tFlags[prev]! & F_UPPER) !== 0 ? this.familyWordBrand.get(prevId) ?? -1 : -1;
    let best = -1;
    let bestScore = -1;
    let tie = false;
    let bestLevel = LEVEL_NEVER;
    for (let k = from; k < to; k++) {
      const d = entryOwner[k]!;
      const info = entryInfo[k]!;
      if ((info & INFO_BRAND_ENTRY) !== 0) continue;
      if (brand >= 0 && deviceBrand[d] !== brand) continue;
      // Right after another maker's family word the words belong to that maker's name ("Find X9 Pro").
      if (prevFamilyBrand >= 0 && prevFamilyBrand !== deviceBrand[d]) continue;
      let level = (info >> 4) & 7;
      const reason = info & 15;
      // A name or code begins as it is spelled: "the new" or "a1" in running text start none. A big maker's
      // family word may be written in lower case ("my pixel 9 pro"), and any later word ("Galaxy S24
      // ultra"), at one level more (caseOk below).
      if (brand < 0 && (info & FIRST_UPPER) !== 0 && (tFlags[s]! & F_UPPER) === 0 &&
        !(reason !== 3 && level < LEVEL_WORD && this.lowerFamily[this.idAt(s)] === 1)) continue;
      // A name written as one word in lower case ("a4", "my87") is that word, not "a 4" or "my 87".
      if (brand < 0 && (info & INFO_SECOND_GLUED) !== 0 && (tFlags[s]! & F_UPPER) === 0 && e > s && (tFlags[s + 1]! & F_GLUED) === 0 &&
        reason !== 3) continue;
      if (reason === 3) {
        if (!this.glueOk(s, e, info >> CASE_SHIFT)) continue;
      } else if (!this.caseOk(s, e, info >> CASE_SHIFT)) {
        if (level >= LEVEL_WORD) continue;
        level++;
      }
      // A brand right before the name makes it strong; a possessive brand ("Xiaomi's") only picks the maker.
      if (brand >= 0 && brandStart < s) {
        if ((info & INFO_FAMILY_WORD) !== 0) {
          if (!familyEnds) continue;
          level = LEVEL_STRONG;
        } else level = level >= LEVEL_WORD ? LEVEL_STRONG : Math.max(LEVEL_STRONG, level - 1);
      }
      if (level > maxLevel) continue;
      const seenCount = seen[d]!;
      const isSeen = seenCount !== 0;
      const famSeen = familySeen[deviceFamily[d]!] !== 0;
      const brandIsSeen = brandSeen[deviceBrand[d]!] !== 0;
      let ok: boolean;
      switch (level) {
        case LEVEL_STRONG: ok = true; break;
        case LEVEL_BRAND: ok = isSeen || brandIsSeen || famSeen; break;
        case LEVEL_SEEN: ok = isSeen || famSeen; break;
        case LEVEL_WORD:
          ok = isSeen && prevId >= 0 && (wordFlags[prevId]! & W_DETERMINER) !== 0 && familyEnds;
          break;
        case LEVEL_CODENAME:
          ok = brandIsSeen && opensQuote(text, tStart[s]!) && isQuote(text.charCodeAt(tEnd[e]!));
          break;
        default: ok = false;
      }
      if (!ok) continue;
      // Context first (the device named, its family, its brand), then how strong the form is, then the record.
      const score = (isSeen ? 1 << 24 : 0) + Math.min(isSeen ? seenCount - 1 : 0, 255) * (1 << 16) + (famSeen ? 1 << 15 : 0) +
        (brandIsSeen ? 1 << 14 : 0) + (7 - level) * (1 << 10) + Math.min(this.deviceRank[d]!, 15) * 16 + (15 - reason);
      if (score > bestScore) { best = k; bestScore = score; tie = false; bestLevel = level; }
      else if (score === bestScore && entryOwner[best] !== d) tie = true;
    }
    if (best < 0) return false;
    // Two devices equally supported by context: a weak form stays unresolved rather than guessed.
    if (tie && bestLevel !== LEVEL_STRONG) return false;
    const ts = brand >= 0 ? brandStart : s;
    const start = tStart[ts]!;
    let end = tEnd[e]!;
    // "Nexus 7 (2013)": the closing bracket belongs to the name when its opening one is inside.
    if (text.charCodeAt(end) === 41) {
      for (let j = start; j < end; j++) if (text.charCodeAt(j) === 40) { end++; break; }
    }
    this.vTs[v] = ts;
    this.vTe[v] = e;
    this.vStart[v] = start;
    this.vEnd[v] = end;
    this.vLevel[v] = bestLevel;
    this.vEntry[v] = best;
    // Written next to its brand only when the brand is inside the span (not "Xiaomi's 15 Ultra").
    this.vBrand[v] = brand >= 0 && brandStart < s ? 1 : 0;
    return true;
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

  /** A family-like word ends a device name unless a family noun follows. */
  private familyWordMayEnd(next: number, count: number): boolean {
    if (next >= count) return true;
    const id = this.idAt(next);
    return !(id >= 0 && (this.wordFlags[id]! & W_FAMILY_NOUN) !== 0);
  }
}

/**
 * Key of a lower-case word for lowerStarts: its length, first two and last folded characters (ASCII once
 * folded: lower-case words are Latin letters) and whether a letter or digit follows without a break.
 */
function lowerStartKey(len: number, a: number, b: number, z: number, gluedNext: boolean): number {
  return ((len & 63) << 22) | (gluedNext ? 1 << 21 : 0) | (a << 14) | (b << 7) | z;
}

/**
 * Whether both bits of `key` are set in a lowerStarts table of 2^(32 - shift) bits. Two bits per word,
 * from a mixed hash (see buildLowerStarts for the size)
 * (one bit let "to", "are", "like" through, thousands of times a page).
 */
function lowerStartHas(bits: Int32Array, shift: number, key: number): boolean {
  const h = lowerStartMix(key);
  const x = h >>> shift;
  const y = lowerStartSecondSlot(h, shift);
  return (bits[x >>> 5]! & (1 << (x & 31))) !== 0 && (bits[y >>> 5]! & (1 << (y & 31))) !== 0;
}

/** A starts table of at least `bitsPerKey` bits for each of `keys` keys (4 KB to 128 KB), all clear. */
function emptyStartTable(keys: number, bitsPerKey: number): { bits: Int32Array; shift: number } {
  let shift = 22;
  while (shift > 12 && 1 << (32 - shift) < keys * bitsPerKey) shift--;
  return { bits: new Int32Array((1 << (32 - shift)) >>> 5), shift };
}

/** Sets the two bits of `key` in a starts table (the ones lowerStartHas tests). */
function setStartBits(bits: Int32Array, shift: number, key: number): void {
  const h = lowerStartMix(key);
  for (const slot of [h >>> shift, lowerStartSecondSlot(h, shift)]) bits[slot >>> 5] = bits[slot >>> 5]! | (1 << (slot & 31));
}

/** The second of a word's two slots; the first is the mixed hash's top bits (h >>> shift). */
function lowerStartSecondSlot(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

/**
 * Half of Murmur3's finaliser: the key's fields are packed bits, which plain multiplication spreads badly.
 * The full finaliser let fewer words through for nothing, but since the WebAssembly scan finds those in its
 * vocabulary table, they cost less than the extra multiplication on every word.
 */
function lowerStartMix(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && c !== 10 && c !== 13 && c !== 9 && c !== 0x202f && c !== 0x2009) return false;
  }
  return to > from;
}

/**
 * Whether a quote opens right before position pos: a quote not glued to a word before it (the "'" of
 * "whale's" is an apostrophe).
 */
function opensQuote(text: string, pos: number): boolean {
  if (pos === 0 || !isQuote(text.charCodeAt(pos - 1))) return false;
  if (pos === 1) return true;
  const before = charClass(text.charCodeAt(pos - 2));
  return before === C_SEP || before === C_IGNORE || before === C_PLUS;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}
