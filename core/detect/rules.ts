// The decision rules: whether a candidate (candidates.ts) may be the name of a device, and how much context
// each of the devices at its trie node then needs (names.ts LEVEL_*). Each rule is a named method with the
// reason it exists; resolve.ts applies them in order and picks among the devices that pass.

import { isQuote, opensQuote } from './chars';
import { firstWordUpper, isBrandEntry, isFamilyWordEntry, isModelCode, levelOf, maskOf, MASK_BITS, secondWordGlued } from './entry-info';
import { W_BLOCK_AFTER, W_BLOCK_BEFORE, W_DETERMINER, W_FAMILY_NOUN, type NameTable } from './name-table';
import { LEVEL_BRAND, LEVEL_CODENAME, LEVEL_SEEN, LEVEL_STRONG, LEVEL_WORD } from './names';
import { F_GLUED, type Tokens } from './tokens';

/** What a rule answers for a form that cannot count here. */
export const REJECTED = -1;

export class Rules {
  constructor(private readonly table: NameTable, private readonly tokens: Tokens) {}

  // Rules on the candidate as a whole (tokens s..e, no brand written before it).

  /** "A 2-pack", "S 24": a lone letter before a separate number is no model name ("A2", "S24" are one word). */
  loneLetterBeforeNumber(s: number, e: number): boolean {
    const { tokens } = this;
    if (e <= s || tokens.isGlued(s + 1) || tokens.length(s) !== 1) return false;
    const letter = tokens.text.charCodeAt(tokens.tStart[s]!) | 32;
    const digit = tokens.text.charCodeAt(tokens.tStart[s + 1]!);
    return letter >= 97 && letter <= 122 && digit >= 48 && digit <= 57;
  }

  /** "Tensor G4", "Android 14", "Snapdragon 8 Gen 3": right after a chip or OS word, a name is a chip or a version. */
  chipOrSystemBefore(prevId: number): boolean {
    return prevId >= 0 && this.table.hasWordFlag(prevId, W_BLOCK_BEFORE);
  }

  /** "A17 Pro chip", "M4 processor": right before a word for a part, the name is that part. */
  partAfter(nextId: number): boolean {
    return nextId >= 0 && this.table.hasWordFlag(nextId, W_BLOCK_AFTER);
  }

  /** A brand written before a name counts only for that brand's devices ("Sony Pixel" is nobody's). */
  brandHasName(brand: number, from: number, to: number): boolean {
    const { entryInfo, entryOwner, deviceBrand } = this.table;
    for (let k = from; k < to; k++) {
      if (!isBrandEntry(entryInfo[k]!) && deviceBrand[entryOwner[k]!] === brand) return true;
    }
    return false;
  }

  /** A family-like word ends a device name unless a family noun follows ("Pixel phones" is the family). */
  familyWordMayEnd(next: number): boolean {
    if (next >= this.tokens.count) return true;
    const id = this.tokens.idAt(next);
    return !(id >= 0 && this.table.hasWordFlag(id, W_FAMILY_NOUN));
  }

  /**
   * The brand whose capitalised product family word stands right before the name, or -1: there the words
   * belong to that maker's name, which we may not know ("Find X9 Pro" is OPPO's, not Doogee's "X9 Pro").
   * The ordinary word does not count ("find the X9"). -2 for a word several makers use.
   */
  familyWordBrandBefore(prev: number, prevId: number): number {
    return prevId >= 0 && this.tokens.isUpper(prev) ? this.table.familyWordBrand.get(prevId) ?? -1 : -1;
  }

  // Rules on one device's form at the candidate (its entry's info word), no brand written before it.

  /**
   * A name or code begins as it is spelled: "the new" or "a1" in running text start none. A big maker's
   * family word may be written in lower case ("my pixel 9 pro"): formLevel then asks one level more.
   * (firstUpper: the candidate's first token is capitalised.)
   */
  capitalMissing(info: number, s: number, firstUpper: boolean): boolean {
    if (firstUpper || !firstWordUpper(info)) return false;
    return !(!isModelCode(info) && levelOf(info) < LEVEL_WORD && this.table.lowerFamily[this.tokens.idAt(s)] === 1);
  }

  /**
   * A name written as one word in lower case ("a4", "my87") is that word, not "a 4" or "my 87".
   * (lowerApart: the candidate's first token is in lower case and the second stands apart from it.)
   */
  oneWordWrittenApart(info: number, lowerApart: boolean): boolean {
    return lowerApart && secondWordGlued(info) && !isModelCode(info);
  }

  /**
   * The form's level as written here, or REJECTED. A model code's tokens are glued exactly where they are in
   * the code ("IN2023" is not "in 2023"); a name's capitalised words are capitalised here too, except that a
   * name needing no more than a seen device may lose its capitals at one level more ("Galaxy S24 ultra").
   */
  formLevel(info: number, s: number, e: number): number {
    const level = levelOf(info);
    if (isModelCode(info)) return this.glueOk(s, e, maskOf(info)) ? level : REJECTED;
    if (this.caseOk(s, e, maskOf(info))) return level;
    return level >= LEVEL_WORD ? REJECTED : level + 1;
  }

  /**
   * The level with the brand written right before the name: strong, whatever the form ("Sony Xperia 1",
   * "HP 8"), one step for a form needing little anyway; a family word ("Google Pixel") only where it ends
   * the name (not "Google Pixel phones"), REJECTED otherwise.
   */
  levelAfterBrand(info: number, level: number, familyEnds: boolean): number {
    if (isFamilyWordEntry(info)) return familyEnds ? LEVEL_STRONG : REJECTED;
    return level >= LEVEL_WORD ? LEVEL_STRONG : Math.max(LEVEL_STRONG, level - 1);
  }

  /**
   * Whether the article gives what the level asks of a device (names.ts LEVEL_*): whether it, its family
   * and its brand were named: nothing for a strong
   * form; its brand, family or itself named for a brand-level one; itself or its family for a seen-level
   * one; an ordinary word ("One", "Air") only for a device already named, after "the"/"its"..., where it
   * ends the name; a codename only in quotes in an article that names the brand.
   */
  contextAllows(level: number, seen: boolean, familySeen: boolean, brandSeen: boolean, prevId: number, familyEnds: boolean,
    s: number, e: number): boolean {
    switch (level) {
      case LEVEL_STRONG: return true;
      case LEVEL_BRAND: return seen || brandSeen || familySeen;
      case LEVEL_SEEN: return seen || familySeen;
      case LEVEL_WORD: return seen && prevId >= 0 && this.table.hasWordFlag(prevId, W_DETERMINER) && familyEnds;
      case LEVEL_CODENAME: {
        const { text, tStart, tEnd } = this.tokens;
        return brandSeen && opensQuote(text, tStart[s]!) && isQuote(text.charCodeAt(tEnd[e]!));
      }
      default: return false;
    }
  }

  /** Tokens whose record spelling is capitalised must be capitalised in the article too. */
  private caseOk(s: number, e: number, mask: number): boolean {
    if (mask === 0) return true;
    for (let j = s, bit = 0; j <= e && bit < MASK_BITS; j++, bit++) {
      if ((mask & (1 << bit)) !== 0 && !this.tokens.isUpper(j)) return false;
    }
    return true;
  }

  /** A model code's tokens are glued in the article exactly where they are in the code. */
  private glueOk(s: number, e: number, mask: number): boolean {
    for (let j = s + 1, bit = 1; j <= e && bit < MASK_BITS; j++, bit++) {
      if (((mask >> bit) & 1) !== (this.tokens.tFlags[j]! & F_GLUED)) return false;
    }
    return true;
  }
}
