// The reference scanner, in plain TypeScript (scanner.ts): one table load and compare per character to
// find a token's end, and the lookups as it goes. It runs where WebAssembly cannot (no WebAssembly, or a
// content security policy without 'wasm-unsafe-eval'), and the tests hold the WebAssembly scan to it.

import { CLASS, C_IGNORE, C_LOWER, C_OTHER, C_PLUS, C_SEP, C_UNKNOWN, C_UPPER, FOLD, KIND, classifySlow, gapChar, opensQuote } from './chars';
import type { Scanner, ScanSetup } from './scanner';
import { F_BREAK, F_GLUED, F_UPPER, UNKNOWN, type Tokens } from './tokens';
import { hasStart, startKeyOf } from './word-starts';

export class JsScanner implements Scanner {
  readonly kind = 'javascript' as const;

  constructor(private readonly setup: ScanSetup) {}

  memoryBytes(): number {
    return 0;
  }

  release(): boolean {
    return false;
  }

  /**
   * A token that may start a name (a capitalised word, a number, a lower-case word in the lower starts
   * table) is looked up at once, by a constant-time hash and one table probe; the rest wait until the rules
   * ask about them (Tokens.idAt).
   */
  scan(text: string, tokens: Tokens): void {
    const n = text.length;
    // Tables and settings read once into locals: the loop below runs for every character of the page.
    const K = KIND;
    const { rootChild, lookUpEveryWord, vocabulary } = this.setup;
    const { bits: lowerBits, shift: lowerShift } = this.setup.lowerStarts;
    const plusId = vocabulary.plusId;
    tokens.tByte = null;
    let { tStart, tEnd, tId, tFlags } = tokens;
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
        id = plusId;
        if (id >= 0 && lastEnd !== start && rootChild[id] !== 0) nStarts = tokens.addStart(nStarts, count);
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
          if (kind !== C_OTHER) id = vocabulary.lookupIgnoring(text, start, end);
          if (id >= 0 && lastEnd !== start && rootChild[id] !== 0) nStarts = tokens.addStart(nStarts, count);
        } else if (kind === C_OTHER) {
          // Other scripts: no name has them.
        } else {
          // Glued to the word before ("24" of "S24"): never where a name starts; looked up if a walk reaches it.
          const glued = lastEnd === start;
          let look = lookUpEveryWord || (!glued && CLASS[c] !== C_LOWER);
          if (!look && !glued) {
            // A lower-case word: looked up only if the lower starts table may hold it (name-starts.ts).
            look = hasStart(lowerBits, lowerShift, startKeyOf(text, start, end, FOLD, i < n && k !== C_SEP)) || opensQuote(text, start);
          }
          if (look) {
            id = vocabulary.lookup(text, start, end);
            if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = tokens.addStart(nStarts, count);
          } else {
            // "the", "and", "is" in most places: looked up only when the rules ask about the word before or
            // after a name.
            id = UNKNOWN;
          }
        }
      }
      if (count === cap) {
        tokens.grow();
        ({ tStart, tEnd, tId, tFlags } = tokens);
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
    tokens.count = count;
    tokens.nStarts = nStarts;
  }
}
