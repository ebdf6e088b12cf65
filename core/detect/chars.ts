// Character classes and case folding shared by the name compiler and the scanner, so that a name in the
// index and the same name in an article always cut into the same tokens.
//
// A token is a run of letters, a run of digits, a "+" (read as the word "plus"), or a run of other-script
// letters (which never match: every name in the index is Latin). Letters and digits glued together
// ("S24", "Z1f") are separate tokens marked as glued, so "Z1f" and "Z1 f" meet on the tokens z,1,f while a
// name may still refuse to end inside a word. Soft hyphens, zero-width characters and combining marks are
// skipped as if absent; accented Latin letters fold to their base letter ("fēnix" = "fenix").

export const C_SEP = 0;
export const C_LOWER = 1;
export const C_UPPER = 2;
export const C_DIGIT = 3;
export const C_PLUS = 4;
export const C_IGNORE = 5;
export const C_OTHER = 6;
/** Not classified yet: non-ASCII characters are classified on first sight and cached. */
export const C_UNKNOWN = 255;

/** Class of every UTF-16 code unit; filled lazily above ASCII so start-up costs nothing. */
export const CLASS = new Uint8Array(65536).fill(C_UNKNOWN);
/** Folded (lower-case, accent-free) code unit for letters and digits. */
export const FOLD = new Uint16Array(65536);
/**
 * Token kind of every code unit: CLASS with upper and lower case merged (C_LOWER), so the scanner finds
 * a token's end with one load and one compare per character.
 */
export const KIND = new Uint8Array(65536).fill(C_UNKNOWN);

for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) { CLASS[c] = C_LOWER; FOLD[c] = c; }
  else if (c >= 65 && c <= 90) { CLASS[c] = C_UPPER; FOLD[c] = c + 32; }
  else if (c >= 48 && c <= 57) { CLASS[c] = C_DIGIT; FOLD[c] = c; }
  else if (c === 43) { CLASS[c] = C_PLUS; FOLD[c] = c; }
  else CLASS[c] = C_SEP;
  KIND[c] = CLASS[c] === C_UPPER ? C_LOWER : CLASS[c]!;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

/** Classifies a code unit not seen before and caches it in CLASS/FOLD. */
export function classifySlow(c: number): number {
  let cls = C_SEP;
  let fold = 0;
  if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) cls = C_IGNORE;
  else if (c >= 0xd800 && c <= 0xdfff) cls = C_SEP; // emoji and astral symbols separate words
  else if (c === 0xff0b) { cls = C_PLUS; fold = 43; } // full-width plus
  else {
    const ch = String.fromCharCode(c);
    if (MARK.test(ch)) cls = C_IGNORE;
    else if (LETTER_OR_NUMBER.test(ch)) {
      // NFKD splits "ē" into "e" + mark and maps full-width "Ｓ" to "S".
      const base = ch.normalize('NFKD').charCodeAt(0);
      if (base < 128 && CLASS[base] !== C_SEP && CLASS[base] !== C_PLUS) {
        cls = CLASS[base] === C_DIGIT ? C_DIGIT : ch !== ch.toLowerCase() ? C_UPPER : C_LOWER;
        fold = FOLD[base] ?? base;
      } else {
        cls = C_OTHER;
        fold = ch.toLowerCase().charCodeAt(0);
      }
    }
  }
  CLASS[c] = cls;
  FOLD[c] = fold;
  KIND[c] = cls === C_UPPER ? C_LOWER : cls;
  return cls;
}

/** The class of code unit `c` (one of the C_* constants). */
export function charClass(c: number): number {
  const cls = CLASS[c] as number;
  return cls === C_UNKNOWN ? classifySlow(c) : cls;
}

/** The folded code unit of a letter or digit (call charClass first for non-ASCII). */
export function foldChar(c: number): number {
  return FOLD[c] as number;
}

/** Separators a name may span between its words: spaces, line breaks, hyphens, brackets, underscore. */
export function gapChar(c: number): boolean {
  if (c < 128) return c === 32 || c === 10 || c === 13 || c === 9 || c === 45 || c === 40 || c === 41 || c === 95;
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x2010 || c === 0x2011 || c === 0x3000;
}

/** Token kinds: letters, digits, "+", other scripts. Letters of either case share a kind. */
export function tokenKind(cls: number): number {
  return cls === C_UPPER ? C_LOWER : cls;
}

/** FNV-1a step. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
export const HASH_SEED = 0x811c9dc5 | 0;

/**
 * The hash the scanner and the compiler both use for a token: its length and five of its folded characters
 * (first two, middle, last two), so the scanner hashes a token in constant time instead of one multiply per
 * character. Tokens that share these are told apart by comparing characters after the probe.
 */
export function tokenFeatureHash(len: number, a: number, b: number, m: number, y: number, z: number): number {
  let h = Math.imul(HASH_SEED ^ len, 16777619);
  h = Math.imul(h ^ a, 16777619);
  h = Math.imul(h ^ b, 16777619);
  h = Math.imul(h ^ m, 16777619);
  h = Math.imul(h ^ y, 16777619);
  h = Math.imul(h ^ z, 16777619);
  return h ^ (h >>> 16);
}

/** tokenFeatureHash of a folded token text (compile time and tests). */
export function tokenHash(text: string): number {
  const n = text.length;
  if (n === 0) return tokenFeatureHash(0, 0, 0, 0, 0, 0);
  return tokenFeatureHash(n, text.charCodeAt(0), text.charCodeAt(n > 1 ? 1 : 0), text.charCodeAt(n >> 1),
    text.charCodeAt(n > 1 ? n - 2 : 0), text.charCodeAt(n - 1));
}

export interface NameToken {
  /** Folded text of the token ("galaxy", "24", "plus"). */
  text: string;
  /** True when no separator stands between this token and the previous one ("1" in "Z1"). */
  glued: boolean;
  /** True when the token starts with an upper-case letter as written. */
  upper: boolean;
  kind: number;
  start: number;
  end: number;
}

/** Cuts a string into tokens exactly as the scanner does (used at compile time and by tests). */
export function tokenize(s: string): NameToken[] {
  const out: NameToken[] = [];
  let i = 0;
  let lastEnd = -1;
  const n = s.length;
  while (i < n) {
    const cls = charClass(s.charCodeAt(i));
    if (cls === C_SEP || cls === C_IGNORE) { i++; continue; }
    const kind = tokenKind(cls);
    const start = i;
    let text = '';
    if (kind === C_PLUS) { text = 'plus'; i++; }
    else {
      while (i < n) {
        const c = s.charCodeAt(i);
        const k = charClass(c);
        if (k === C_IGNORE) { i++; continue; }
        if (tokenKind(k) !== kind) break;
        text += String.fromCharCode(foldChar(c));
        i++;
      }
    }
    let end = i;
    while (end > start && charClass(s.charCodeAt(end - 1)) === C_IGNORE) end--;
    out.push({ text, glued: lastEnd === start, upper: cls === C_UPPER, kind, start, end });
    lastEnd = i;
  }
  return out;
}

/** Quotes that may open or close a codename ("Honami", «Honami», 'Honami'). */
export function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}

/**
 * Whether a quote opens right before position pos: a quote not glued to a word before it (the "'" of
 * "whale's" is an apostrophe).
 */
export function opensQuote(text: string, pos: number): boolean {
  if (pos === 0 || !isQuote(text.charCodeAt(pos - 1))) return false;
  if (pos === 1) return true;
  const before = charClass(text.charCodeAt(pos - 2));
  return before === C_SEP || before === C_IGNORE || before === C_PLUS;
}

/** Whether text[from, to) is one to three spaces (of any width) or line breaks, and nothing else. */
export function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && c !== 10 && c !== 13 && c !== 9 && c !== 0x202f && c !== 0x2009) return false;
  }
  return to > from;
}
