// Which surface forms each device is detected under, and how much context each form needs before it
// counts. This is where "Galaxy S24 Ultra" (always a phone), "S24 Ultra" (a phone once a Galaxy was
// named) and "One" (a word unless the article is about the HTC One) are told apart, by rules on the shape
// of the name rather than lists of devices.

import type { Device } from '../schema';
import { C_DIGIT, C_LOWER, C_PLUS, tokenize, type NameToken } from './chars';

export const REASONS = ['full-name', 'name', 'alias', 'model-code', 'shorthand', 'codename', 'rumored-name'] as const;
export type MatchReason = (typeof REASONS)[number];

/**
 * What a surface form needs before it counts, weakest requirement first:
 * - STRONG: nothing ("Galaxy S24 Ultra", "SM-S928B");
 * - BRAND: the device's brand named somewhere in the article, or the device itself ("Z1", "Note 10");
 * - SEEN: the device or its family (brand + first word: "Galaxy", "iPhone") already named ("S24 Ultra");
 * - WORD: an ordinary word ("One", "Air", "Open"): the device itself named, written with its capital, after
 *   "the"/"a"/"its"...;
 * - CODENAME: brand in the article and the codename in quotes ("Honami");
 * - NEVER: only with the brand written right before it ("HP 8", "OnePlus 13").
 * A brand written right before a form lowers its requirement by one step.
 */
export const LEVEL_STRONG = 0;
export const LEVEL_BRAND = 1;
export const LEVEL_SEEN = 2;
export const LEVEL_WORD = 3;
export const LEVEL_CODENAME = 4;
export const LEVEL_NEVER = 5;

/**
 * Words too common, or too generic among device names, to identify a device on their own: modifiers
 * ("Pro", "Ultra"), device nouns ("Phone", "Watch") and English words that name devices ("Note", "One").
 */
export const GENERIC_WORDS = new Set([
  'pro', 'max', 'plus', 'ultra', 'mini', 'lite', 'neo', 'note', 'one', 'phone', 'watch', 'tab', 'tablet', 'pad',
  'smart', 'go', 'play', 'power', 'fold', 'flip', 'edge', 'open', 'view', 'style', 'star', 'life',
  'prime', 'fit', 'band', 'mobile', 'new', 'dual', 'sim', 'wifi', 'lte', 'tv', 'box', 'stick', 'book', 'mark',
  'compact', 'active', 'sport', 'classic', 'xl', 'se', 'fe', 'the', 'and', 'for', 'with', 'series', 'edition',
  'touch', 'pocket', 'premium', 'global', 'kids', 'junior', 'light', 'turbo', 'speed', 'zoom', 'camera',
  'gen', 'generation', 'version', 'model', 'device', 'pen', 'duo', 'slim', 'big', 'hd', 'fhd', 'plus',
]);

/** Chip and OS words: a name right after one of these is a chip or an OS version ("Tensor G4", "Android 14"). */
export const BLOCK_BEFORE = [
  'snapdragon', 'exynos', 'tensor', 'dimensity', 'helio', 'kirin', 'bionic', 'unisoc', 'tiger', 'mediatek',
  'qualcomm', 'android', 'ios', 'ipados', 'watchos', 'wearos', 'os', 'ui', 'hyperos', 'miui', 'oxygenos',
  'coloros', 'magicos', 'harmonyos', 'emui', 'funtouch', 'realmeui', 'gen', 'version', 'cortex', 'adreno',
  'mali', 'sd', 'usb', 'bluetooth', 'wi', 'ddr', 'lpddr', 'ufs', 'ip', 'apple-silicon',
];
/** Words that, right after a name, make it a chip or a part ("A17 Pro chip", "M4 processor"). */
export const BLOCK_AFTER = ['chip', 'chips', 'chipset', 'processor', 'processors', 'soc', 'socs', 'cpu', 'gpu', 'modem', 'bionic', 'fusion', 'sensor'];
/** Words before an ordinary-word name that make it a reference to a thing ("the One", "its Air"). */
export const DETERMINERS = ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'new', 'original', 'older', 'newer', 'same', 'whose', 'of', 's'];
/** Nouns that, right after a family-like name, show it is the family, not one device ("Pixel phones"). */
export const FAMILY_NOUNS = ['phones', 'phone', 'devices', 'lineup', 'series', 'family', 'line', 'range', 'models', 'smartphones', 'tablets', 'watches', 'owners', 'users', 'brand', 'flagships', 'handsets'];

const ROMAN = new Set(['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']);

export interface NameForm {
  /** Tokens as the scanner will see them. */
  tokens: NameToken[];
  /** The name as written in the record. */
  name: string;
  reason: MatchReason;
  level: number;
  /** Bit i set: token i must start with a capital in the article (it does in the record). */
  caseMask: number;
  /** A single word that is also the first word of the brand's other names ("Pixel", "One", "Galaxy"). */
  familyWord: boolean;
  /** For model codes, bit i set: token i is glued to the one before ("IN2023" is not "in 2023"). */
  glueMask: number;
}

const isAlpha = (t: NameToken): boolean => t.kind === C_LOWER;
const isDigit = (t: NameToken): boolean => t.kind === C_DIGIT;

/** True when every token after the first is glued to the one before: one written word ("Z1", "S24+"). */
function oneWord(tokens: NameToken[]): boolean {
  return tokens.every((t, i) => i === 0 || t.glued);
}

/** A letters-and-digits word like "S24", "Z1", "G84", "3T": a model number, not an English word. */
function hasAlnumWord(tokens: NameToken[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (b.glued && ((isAlpha(a) && isDigit(b)) || (isDigit(a) && isAlpha(b)))) return true;
  }
  return false;
}

function caseMaskOf(tokens: NameToken[]): number {
  let mask = 0;
  tokens.forEach((t, i) => { if (i < 30 && isAlpha(t) && t.upper) mask |= 1 << i; });
  return mask;
}

/** Requirement for a name written without its brand, from its shape alone. */
export function bareNameLevel(tokens: NameToken[], family = false): number {
  if (tokens.length === 0) return LEVEL_NEVER;
  if (tokens.every((t) => isDigit(t) || t.kind === C_PLUS)) return LEVEL_NEVER;
  if (tokens.some((t) => !isAlpha(t) && !isDigit(t) && t.kind !== C_PLUS)) return LEVEL_NEVER;
  if (tokens.length === 1) return LEVEL_WORD;
  if (oneWord(tokens)) return LEVEL_BRAND;
  const distinctWord = tokens.some((t) => isAlpha(t) && t.text.length >= 3 && !GENERIC_WORDS.has(t.text));
  const hasNumber = tokens.some(isDigit);
  // Words alone ("Wear OS", "Pixel Tablet") are too often something else: they need the brand, unless a
  // product family word leads a word that is not generic ("iPhone XR", "iPhone Air", "Xperia Z") or two
  // more words ("Galaxy Watch Ultra": no galaxy in the sky is followed by two capitalised product words).
  if (!hasNumber) {
    return family && (tokens.length >= 3 || tokens.slice(1).some((t) => !GENERIC_WORDS.has(t.text))) ? LEVEL_STRONG : LEVEL_BRAND;
  }
  if (distinctWord || (hasAlnumWord(tokens) && tokens.length >= 3)) return LEVEL_STRONG;
  if (hasAlnumWord(tokens) && tokens.some((t) => isAlpha(t) && t.text.length >= 3)) return LEVEL_STRONG;
  return LEVEL_BRAND;
}

/** Requirement for a model code: long mixed codes stand alone, short ones need the brand. */
export function codeLevel(tokens: NameToken[]): number {
  const letters = tokens.filter(isAlpha).reduce((n, t) => n + t.text.length, 0);
  const digits = tokens.filter(isDigit).reduce((n, t) => n + t.text.length, 0);
  if (letters === 0 || digits === 0) return tokens.length > 1 && digits > 0 ? LEVEL_BRAND : LEVEL_NEVER;
  if (letters + digits >= 5) return LEVEL_STRONG;
  if (letters + digits === 4 && digits >= 3) return LEVEL_BRAND;
  return LEVEL_NEVER;
}

function startsWith(tokens: NameToken[], prefix: NameToken[]): boolean {
  if (prefix.length === 0 || prefix.length > tokens.length) return false;
  return prefix.every((p, i) => tokens[i]!.text === p.text);
}

/**
 * Every surface form of one device, with its requirement. `isCode` may veto a model code (given its tokens
 * without the brand), e.g. one that is another device's marketing name.
 */
export function deviceForms(
  device: Pick<Device, 'brand' | 'name' | 'names'>, families: ReadonlySet<string> = new Set(),
  isCode: (tokens: NameToken[]) => boolean = () => true,
): NameForm[] {
  const brandTokens = tokenize(device.brand);
  const brandKey = brandTokens.map((t) => t.text).join(' ');
  const isFamily = (t: NameToken[]): boolean => t.length > 0 && families.has(`${brandKey}|${t[0]!.text}`);
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  const add = (tokens: NameToken[], name: string, reason: MatchReason, level: number, familyWord = false): void => {
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.text).join(' ') + '|' + reason;
    if (seen.has(key)) return;
    seen.add(key);
    let glueMask = 0;
    tokens.forEach((t, i) => { if (i > 0 && i < 30 && t.glued) glueMask |= 1 << i; });
    forms.push({ tokens, name, reason, level, caseMask: caseMaskOf(tokens), familyWord, glueMask });
  };
  // The brand is matched separately and joined in front at scan time, so names lose a leading brand.
  const bare = (name: string): NameToken[] => {
    const t = tokenize(name);
    return startsWith(t, brandTokens) ? t.slice(brandTokens.length) : t;
  };
  const named: { name: string; reason: MatchReason }[] = [{ name: device.name, reason: 'name' }];
  const shorthands: string[] = [];
  for (const n of device.names) {
    if (n.kind === 'code') {
      const t = tokenize(n.name);
      if (!isCode(bare(n.name))) continue;
      // A "code" with a separate word in it ("Phone 2", "HTC One") is a name and needs what names need.
      const nameLike = t.some((x, i) => isAlpha(x) && x.text.length >= 3 && !x.glued && !(t[i + 1]?.glued ?? false));
      add(t, n.name, 'model-code', nameLike ? Math.max(bareNameLevel(t), codeLevel(t) === LEVEL_NEVER ? LEVEL_NEVER : LEVEL_STRONG) : codeLevel(t));
    } else if (n.kind === 'codename') {
      add(tokenize(n.name), n.name, 'codename', LEVEL_CODENAME);
    } else if (n.kind === 'shorthand') shorthands.push(n.name);
    else named.push({ name: n.name, reason: n.kind === 'rumored' ? 'rumored-name' : n.kind === 'official' ? 'name' : 'alias' });
  }
  for (const { name, reason } of named) {
    const t = bare(name);
    add(t, name, reason, bareNameLevel(t, isFamily(t)));
    for (const v of variants(t)) add(v, name, reason, Math.max(bareNameLevel(v, isFamily(v)), LEVEL_STRONG));
    // A bracket is a qualifier ("iPad mini (A17 Pro)"): short forms come from the words before it only.
    if (!name.includes('(')) for (const s of shortForms(t)) add(s, name, 'shorthand', shorthandLevel(s));
    const bracket = /\([^()]*\)\s*$/.exec(name);
    // Not for a rumored name: its head is usually a real device's name ("iPhone SE (4th generation)", the
    // rumored 16e, must not turn "iPhone SE" into the 16e). Its family-word short forms ("Z1 Mini") stay.
    if (bracket && bracket.index > 0 && reason !== 'rumored-name') {
      const head = bare(name.slice(0, bracket.index));
      add(head, name, 'shorthand', Math.max(bareNameLevel(head), LEVEL_SEEN));
    }
  }
  for (const name of shorthands) {
    const t = bare(name);
    add(t, name, 'shorthand', Math.max(bareNameLevel(t), LEVEL_SEEN));
  }
  return forms;
}

/** Units of measure: a short form that is a number and units ("11-inch" of "iPad Pro 11-inch") is a size. */
const UNIT_WORDS = new Set(['inch', 'inches', 'in', 'mm', 'cm', 'gb', 'tb', 'mb', 'mp', 'hz', 'khz', 'mah', 'wh', 'nits']);

function shorthandLevel(tokens: NameToken[]): number {
  if (tokens.length > 0 && isDigit(tokens[0]!) && tokens.filter(isAlpha).every((t) => UNIT_WORDS.has(t.text))) return LEVEL_NEVER;
  if (tokens.length === 1 && isAlpha(tokens[0]!)) return GENERIC_WORDS.has(tokens[0]!.text) ? LEVEL_NEVER : LEVEL_WORD;
  // Only generic words ("Watch Ultra"): the device itself must have been named.
  if (!tokens.some((t) => isAlpha(t) && !GENERIC_WORDS.has(t.text)) && !tokens.some(isDigit)) return LEVEL_WORD;
  if (!tokens.some(isAlpha)) return LEVEL_NEVER;
  return LEVEL_SEEN;
}

/** Spellings of the same name: "Xperia 1 V" = "Xperia 1 Mark V"; "Galaxy A35 5G" = "Galaxy A35". */
function variants(tokens: NameToken[]): NameToken[][] {
  const out: NameToken[][] = [];
  const last = tokens[tokens.length - 1];
  const beforeLast = tokens[tokens.length - 2];
  if (last && beforeLast && isAlpha(last) && ROMAN.has(last.text) && isDigit(beforeLast) && !last.glued) {
    const mark: NameToken = { text: 'mark', glued: false, upper: true, kind: C_LOWER, start: 0, end: 0 };
    out.push([...tokens.slice(0, -1), mark, last]);
  }
  // A trailing network generation is often dropped in writing.
  if (tokens.length >= 3 && last && beforeLast && isAlpha(last) && (last.text === 'g' && beforeLast.text.match(/^[345]$/) && last.glued)) {
    out.push(tokens.slice(0, -2));
  } else if (tokens.length >= 3 && last && last.text === 'lte') out.push(tokens.slice(0, -1));
  return out;
}

/**
 * Short forms readers use once the full name is known: leading family words dropped ("Galaxy S24 Ultra" ->
 * "S24 Ultra", "Galaxy Z Fold5" -> "Z Fold5", "Fold5"; "iPhone Air" -> "Air"), never past the model number,
 * and a trailing bracket dropped ("iPad mini (A17 Pro)" -> "iPad mini").
 */
function shortForms(tokens: NameToken[]): NameToken[][] {
  const out: NameToken[][] = [];
  const firstNumber = tokens.findIndex(isDigit);
  // Without a model number only the family word goes ("iPhone Air" -> "Air", not "Tab A with S Pen" -> "S Pen").
  const limit = firstNumber < 0 ? Math.min(1, tokens.length - 1) : firstNumber;
  for (let drop = 1; drop <= limit; drop++) {
    const rest = tokens.slice(drop);
    // Never split a written word: "Z1" can lose "Xperia" but "1" cannot lose "Z".
    if (rest[0]!.glued) continue;
    // Readers shorten to the model ("S24 Ultra", "15 Pro"), never to a lower-case word inside the name
    // ("on docomo F-07E" of "Disney Mobile on docomo F-07E", "with Walkman"): those would start on "on",
    // "and", "for" in every sentence.
    if (isAlpha(rest[0]!) && !rest[0]!.upper) continue;
    out.push(rest.map((t, i) => (i === 0 ? { ...t, glued: false } : t)));
  }
  return out;
}
