// The compiled matcher as loaded (its layout: compile.ts): the token trie of every name, the entries at its
// nodes, and the devices, brands and families they point to; decoded from base64, checked to hang
// together, and with the few per-node and per-token tables the walks read derived once at load.

import { base64ToBytes, base64ToInt32, base64ToInts, base64ToOffsets, type Ints } from './b64';
import type { CompiledMatcher } from './compile';
import { firstWordUpper, isBrandEntry, levelOf } from './entry-info';
import { JoinedIndex } from './joined-index';
import { LEVEL_NEVER } from './names';
import { Vocabulary } from './vocabulary';

/** Bits of wordFlags, per token id: the function words the rules look at (names.ts). */
export const W_DETERMINER = 1;
export const W_BLOCK_BEFORE = 2;
export const W_BLOCK_AFTER = 4;
export const W_FAMILY_NOUN = 8;

/** nodeMinLevel: the level in the low bits, a flag for nodes where a brand ends. */
const NODE_LEVEL = 7;
const NODE_BRAND = 8;
/** rootWalk's level field: no word may come after this first word. */
const ROOT_LEAF = 16;
/** rootWalk: four numbers per first-word node (see rootWalk). */
export const ROOT_FROM = 0;
export const ROOT_TO = 1;
export const ROOT_LEVEL = 2;
export const ROOT_LETTERS = 3;

/** Devices a maker has in the index for its name to count in lower case (see brandInLowerCase). */
const WELL_KNOWN_MAKER = 20;

/** The lowest device level at a node (nodeMinLevel or rootWalk's level field). */
export function nodeLevel(minLevel: number): number {
  return minLevel & NODE_LEVEL;
}

/** A brand ends at the node. */
export function brandEndsAt(minLevel: number): boolean {
  return (minLevel & NODE_BRAND) !== 0;
}

/** rootWalk's level field: a first word no other word may follow. */
export function isLeafRoot(rootLevel: number): boolean {
  return (rootLevel & ROOT_LEAF) !== 0;
}

/** The bit of a character in a next-letters mask (its low five bits: the same in either case). */
export function letterBit(c: number): number {
  return 1 << (c & 31);
}

/** Whether a word starting with character c may come second after a first word with these next letters. */
export function mayComeSecond(letters: number, c: number): boolean {
  return (letters & letterBit(c)) !== 0;
}

export class NameTable {
  readonly vocabulary: Vocabulary;
  readonly rootChild: Ints;
  readonly firstChild: Int32Array;
  readonly nodeToken: Ints;
  readonly nodeEntryStart: Int32Array;
  /**
   * Per trie entry (compile.ts entries, three numbers each, split so each takes what it needs): the device,
   * or the brand of a brand entry; its info bits (entry-info.ts); the index of its name.
   */
  readonly entryOwner: Ints;
  readonly entryInfo: Int32Array;
  readonly entryName: Ints;
  /**
   * Per node: the lowest level of its device entries (LEVEL_NEVER when none). The rules only raise a
   * level unless a brand is written before the name, so without one a node at LEVEL_NEVER ("13", kept
   * for "OnePlus 13") yields no candidate, and the strong pass skips nodes above LEVEL_STRONG. Bit
   * NODE_BRAND is set when a brand ends at the node, so walks read a node's entries only for brands.
   */
  readonly nodeMinLevel: Uint8Array;
  /**
   * Per node of a name's first word (nodes 1..n, right after the root), four numbers side by side: what a
   * walk reads there, so the walks from "it", "I", "one" (thousands a page) each read one place rather than
   * five arrays far apart. Its entries [from, to) (ROOT_FROM, ROOT_TO); its nodeMinLevel, with ROOT_LEAF
   * when no word may come second (ROOT_LEVEL); a letterBit per first character of the words that may come
   * second (ROOT_LETTERS), so that most walks stop there without looking up the next word.
   */
  readonly rootWalk: Int32Array;
  readonly ids: JoinedIndex;
  readonly deviceBrand: Ints;
  readonly deviceFamily: Ints;
  readonly deviceRank: Uint8Array;
  readonly brands: string[];
  readonly families: JoinedIndex;
  readonly familyCount: number;
  /** Per token id: W_* bits. */
  readonly wordFlags: Uint8Array;
  /** Token id of a product family word -> its brand (-2 when several brands share it). */
  readonly familyWordBrand = new Map<number, number>();
  /**
   * Per token: 1 for a product family word of a maker with WELL_KNOWN_MAKER devices ("galaxy", "pixel",
   * "moto"). A name starting with one may be written in lower case ("my pixel 9 pro"), one level weaker.
   */
  readonly lowerFamily: Uint8Array;
  /** Devices per brand index. */
  readonly brandDevices: Int32Array;
  private readonly names: string;
  private readonly nameOffsets: Int32Array;
  private brandIndex: Map<string, number> | null = null;

  constructor(c: CompiledMatcher) {
    const vocabOffsets = base64ToOffsets(c.vocabOffsets);
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
    this.familyCount = familyOffsets.length;
    // All decoded: checked before anything is built from it.
    checkShape(this, c, vocabOffsets, vocabHash, familyOffsets, this.nameOffsets);
    this.vocabulary = new Vocabulary(c.vocab, vocabOffsets, vocabHash);
    const tokens = vocabOffsets.length - 1;
    this.wordFlags = new Uint8Array(tokens + 1);
    const flag = (list: number[], bit: number): void => { for (const t of list) this.wordFlags[t] = this.wordFlags[t]! | bit; };
    flag(c.words.determiners, W_DETERMINER);
    flag(c.words.blockBefore, W_BLOCK_BEFORE);
    flag(c.words.blockAfter, W_BLOCK_AFTER);
    flag(c.words.familyNouns, W_FAMILY_NOUN);
    for (let k = 0; k + 1 < c.words.familyBrands.length; k += 2) {
      const token = c.words.familyBrands[k]!;
      // A word that is a family word of two makers says nothing about which: -2.
      const brand = c.words.familyBrands[k + 1]!;
      const known = this.familyWordBrand.get(token);
      this.familyWordBrand.set(token, known === undefined || known === brand ? brand : -2);
    }
    const nodes = this.firstChild.length - 1;
    this.nodeMinLevel = new Uint8Array(nodes);
    for (let n = 0; n < nodes; n++) {
      let min = LEVEL_NEVER;
      let flags = 0;
      for (let k = this.nodeEntryStart[n]!; k < this.nodeEntryStart[n + 1]!; k++) {
        const entry = this.entryInfo[k]!;
        if (!isBrandEntry(entry)) min = Math.min(min, levelOf(entry));
        else flags = NODE_BRAND;
      }
      this.nodeMinLevel[n] = min | flags;
    }
    this.brandDevices = new Int32Array(this.brands.length);
    for (const b of this.deviceBrand) this.brandDevices[b]!++;
    this.lowerFamily = new Uint8Array(tokens + 1);
    for (let k = 0; k + 1 < c.words.familyBrands.length; k += 2) {
      if (this.brandDevices[c.words.familyBrands[k + 1]!]! >= WELL_KNOWN_MAKER) this.lowerFamily[c.words.familyBrands[k]!] = 1;
    }
    this.rootWalk = this.buildRootWalk();
  }

  get deviceCount(): number {
    return this.deviceBrand.length;
  }

  /** See rootWalk. A "+" is the token "plus" in the vocabulary but "+" in the text: both letters count. */
  private buildRootWalk(): Int32Array {
    const { firstChild, nodeToken, nodeEntryStart, nodeMinLevel, vocabulary } = this;
    // The first words' nodes are the root's children, numbered from 1.
    const roots = firstChild[1]! - firstChild[0]!;
    const rootWalk = new Int32Array((roots + 1) * 4);
    for (let root = 1; root <= roots; root++) {
      let letters = 0;
      for (let c = firstChild[root]!; c < firstChild[root + 1]!; c++) {
        const token = nodeToken[c]!;
        letters |= letterBit(vocabulary.vocab.charCodeAt(vocabulary.offsets[token]!));
        if (token === vocabulary.plusId) letters |= letterBit(43);
      }
      const leaf = firstChild[root] === firstChild[root + 1];
      const r = root * 4;
      rootWalk[r + ROOT_FROM] = nodeEntryStart[root]!;
      rootWalk[r + ROOT_TO] = nodeEntryStart[root + 1]!;
      rootWalk[r + ROOT_LEVEL] = nodeMinLevel[root]! | (leaf ? ROOT_LEAF : 0);
      rootWalk[r + ROOT_LETTERS] = letters;
    }
    return rootWalk;
  }

  /** Trie node reached from `node` by token `token`, or -1. */
  child(node: number, token: number): number {
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

  isLeaf(node: number): boolean {
    return this.firstChild[node] === this.firstChild[node + 1];
  }

  nameOf(n: number): string {
    return this.names.slice(this.nameOffsets[n], this.nameOffsets[n + 1]);
  }

  brandIdx(name: string): number {
    if (!this.brandIndex) { this.brandIndex = new Map(); this.brands.forEach((b, i) => this.brandIndex!.set(b, i)); }
    return this.brandIndex.get(name) ?? -1;
  }

  /**
   * Whether a brand written in lower case still counts as the brand: when the maker spells it so ("vivo"),
   * or for a maker the index knows well ("motorola edge", "samsung galaxy"). The Play list's small makers
   * include "THE UHD", "Get" and "Every": in lower case those are words.
   */
  brandInLowerCase(info: number, brand: number): boolean {
    return !firstWordUpper(info) || this.brandDevices[brand]! >= WELL_KNOWN_MAKER;
  }

  /** Whether some entry in [from, to) is a device's (not a brand's). */
  hasDeviceEntry(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!isBrandEntry(this.entryInfo[k]!)) return true;
    return false;
  }

  hasWordFlag(token: number, flag: number): boolean {
    return (this.wordFlags[token]! & flag) !== 0;
  }
}

/**
 * Throws if the compiled form does not hang together: arrays of the wrong lengths, offsets past their
 * strings, indexes past what they index. A saved matcher the database damaged would otherwise load and
 * find wrong names (matcher-host.ts compiles it again when this throws).
 */
function checkShape(t: NameTable, c: CompiledMatcher, vocabOffsets: Int32Array, vocabHash: Int32Array, familyOffsets: Int32Array,
  nameOffsets: Int32Array): void {
  const fail = (what: string): never => { throw new Error(`damaged compiled matcher: ${what}`); };
  const below = (a: ArrayLike<number>, limit: number, what: string, from = 0): void => {
    for (let k = from; k < a.length; k++) if (!(a[k]! >= 0 && a[k]! < limit)) fail(`${what}[${k}] = ${a[k]}`);
  };
  const { firstChild, nodeToken, nodeEntryStart, entryOwner, entryInfo, entryName } = t;
  const tokens = vocabOffsets.length - 1;
  if (tokens < 0 || vocabOffsets[0] !== 0 || vocabOffsets[tokens] !== c.vocab.length) fail('vocabOffsets');
  if (vocabHash.length !== tokens || t.rootChild.length !== tokens) fail('arrays per token');
  const nodes = firstChild.length - 1;
  if (nodes < 1 || nodeToken.length !== nodes || nodeEntryStart.length !== nodes + 1 || firstChild[nodes] !== nodes) fail('trie size');
  // Breadth first: a node's children come after it.
  for (let n = 0; n < nodes; n++) if (firstChild[n]! <= n) fail(`firstChild[${n}]`);
  below(t.rootChild, nodes, 'rootChild');
  below(nodeToken, tokens, 'nodeToken', 1);
  const entries = nodeEntryStart[nodes]!;
  if (nodeEntryStart[0] !== 0 || entryOwner.length !== entries || entryInfo.length !== entries || entryName.length !== entries) fail('entries');
  const names = nameOffsets.length - 1;
  if (names < 0 || nameOffsets[0] !== 0 || nameOffsets[names] !== c.names.length) fail('nameOffsets');
  below(entryName, names, 'entryName');
  const devices = t.deviceBrand.length;
  if (t.deviceFamily.length !== devices || t.deviceRank.length !== devices || t.ids.size() !== devices) fail('arrays per device');
  for (let k = 0; k < entries; k++) {
    if (entryOwner[k]! >= (isBrandEntry(entryInfo[k]!) ? t.brands.length : devices)) fail(`entryOwner[${k}]`);
  }
  below(t.deviceBrand, t.brands.length, 'deviceBrand');
  if (familyOffsets[0] !== 0 || familyOffsets[familyOffsets.length - 1] !== c.families.length) fail('familyOffsets');
  below(t.deviceFamily, familyOffsets.length - 1, 'deviceFamily');
  const { determiners, blockBefore, blockAfter, familyNouns, familyBrands } = c.words;
  below([...determiners, ...blockBefore, ...blockAfter, ...familyNouns], tokens, 'words');
  for (let k = 0; k + 1 < familyBrands.length; k += 2) {
    if (!(familyBrands[k]! >= 0 && familyBrands[k]! < tokens && familyBrands[k + 1]! >= 0 && familyBrands[k + 1]! < t.brands.length)) fail('familyBrands');
  }
}
