// The info word of a trie entry (compile.ts writes it, the matcher reads it), and named readers for its
// fields, so that the rules say "levelOf(info)" rather than "(info >> 4) & 7".
//
//   bits 0-3   reason: the index of names.ts REASONS ("name", "model-code", ...)
//   bits 4-6   level: names.ts LEVEL_* (what the form needs before it counts)
//   bit  7     a brand entry (the entry's owner is a brand index, not a device)
//   bit  8     a family word: a one-word name that also starts the brand's other names ("Pixel", "One")
//   bits 9-30  case mask (token i must be capitalised in the article) or, for model codes, glue mask (token
//              i is glued to the one before, as in the code; bit 9, which gluing never uses, is set when
//              the code starts with a capital)
//   bit  31    a name (not a code) whose second token is glued to its first ("a4", "my87", "Z1")

import { REASONS, type MatchReason } from './names';

export const INFO_BRAND_ENTRY = 1 << 7;
export const INFO_FAMILY_WORD = 1 << 8;
export const CASE_SHIFT = 9;
/** A name (not a code) whose second word is glued to its first in the record ("a4", "my87", "Z1"). */
export const INFO_SECOND_GLUED = 1 << 31;
/** Bits of the mask field (tokens 0..21 of a name). */
export const MASK_BITS = 22;

const REASON_BITS = 15;
const LEVEL_SHIFT = 4;
const LEVEL_BITS = 7;
/** The first bit of the mask field: a name's (or code's) first word is spelled with a capital. */
const FIRST_UPPER = 1 << CASE_SHIFT;

/** Reason index of the record's own marketing name ("full-name" when its brand is written before it). */
export const REASON_NAME = REASONS.indexOf('name');
/** Reason index of a model code, whose mask is a glue mask. */
export const REASON_MODEL_CODE = REASONS.indexOf('model-code');

/** Packs an entry's info word (compile.ts). */
export function packInfo(reason: number, level: number, familyWord: boolean, mask: number, secondGlued: boolean): number {
  return reason | (level << LEVEL_SHIFT) | (familyWord ? INFO_FAMILY_WORD : 0) | ((mask & 0x3fffff) << CASE_SHIFT) |
    (secondGlued ? INFO_SECOND_GLUED : 0);
}

export function reasonOf(info: number): number {
  return info & REASON_BITS;
}

export function reasonName(info: number): MatchReason {
  return REASONS[reasonOf(info)]!;
}

export function levelOf(info: number): number {
  return (info >> LEVEL_SHIFT) & LEVEL_BITS;
}

export function isBrandEntry(info: number): boolean {
  return (info & INFO_BRAND_ENTRY) !== 0;
}

export function isModelCode(info: number): boolean {
  return reasonOf(info) === REASON_MODEL_CODE;
}

export function isFamilyWordEntry(info: number): boolean {
  return (info & INFO_FAMILY_WORD) !== 0;
}

/** The record spells the name's (or code's, or brand's) first word with a capital. */
export function firstWordUpper(info: number): boolean {
  return (info & FIRST_UPPER) !== 0;
}

/** A name written as one word in the record ("a4", "Z1"): its second token is glued to the first. */
export function secondWordGlued(info: number): boolean {
  return (info & INFO_SECOND_GLUED) !== 0;
}

/** The mask field: bit i for token i (capitalised, or for a code glued to the token before). */
export function maskOf(info: number): number {
  return (info >>> CASE_SHIFT) & ((1 << MASK_BITS) - 1);
}

/** A model code whose second token is glued to its first ("SM-S928B" is not; "IN2023" is). */
export function codeSecondGlued(info: number): boolean {
  return (maskOf(info) & 2) !== 0;
}
