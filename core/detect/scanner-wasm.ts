// The WebAssembly scanner (scanner.ts): scan.wat cuts the tokens (wasm-scan.ts runs it), finds the ASCII
// words that start a name in its vocabulary table (scan-table.ts) with their ids, and lists those and the
// tokens with characters outside ASCII; for the latter the decisions and lookups are made here, as the
// reference scanner (scanner-js.ts) makes them. The token arrays are views of the module's memory.

import { CLASS, C_IGNORE, C_LOWER, C_OTHER, C_PLUS, FOLD, opensQuote } from './chars';
import type { Scanner, ScanSetup } from './scanner';
import { F_GLUED, UNKNOWN, type Tokens } from './tokens';
import { LIST_CLASS_SHIFT, LIST_DECIDED, LIST_GLUED_NEXT, LIST_IGNORED, WasmScanner, type WasmScan } from './wasm-scan';
import { hasStart, startKeyOf } from './word-starts';
import type { ScanTable } from './scan-table';
import type { StartTable } from './word-starts';

/** The chars.ts class of a listed token's first character, from its LIST_* info word. */
function listedClass(info: number): number {
  return (info >> LIST_CLASS_SHIFT) & 7;
}

export class WasmTokenScanner implements Scanner {
  readonly kind = 'webassembly' as const;

  private constructor(private readonly setup: ScanSetup, readonly module: WasmScanner) {}

  /** A scanner over this vocabulary table, or null where WebAssembly cannot run. */
  static create(setup: ScanSetup, upperStarts: StartTable, table: ScanTable, memoryKept?: number): WasmTokenScanner | null {
    const module = WasmScanner.create({
      lower: setup.lowerStarts.bits, lowerShift: setup.lowerStarts.shift, upper: upperStarts.bits, upperShift: upperStarts.shift,
    }, table, memoryKept);
    return module ? new WasmTokenScanner(setup, module) : null;
  }

  memoryBytes(): number {
    return this.module.memoryBytes();
  }

  release(): boolean {
    return this.module.release();
  }

  scan(text: string, tokens: Tokens): void {
    const out = this.module.scan(text, this.setup.lookUpEveryWord);
    tokens.tStart = out.tStart;
    tokens.tEnd = out.tEnd;
    tokens.tId = out.tId;
    tokens.tFlags = out.tFlags;
    tokens.tByte = out.tByte;
    tokens.bytes = out.bytes;
    tokens.count = out.count;
    tokens.nStarts = this.decideListed(text, out, tokens);
  }

  /** The starts among the tokens the module listed, looked up where it could not; returns their count. */
  private decideListed(text: string, out: WasmScan, tokens: Tokens): number {
    const { list, nList, tStart, tEnd, tId, tFlags } = out;
    // Everything the loop reads from `this`, read once: a property read in a branch that rarely runs has no
    // type feedback, and reaching it made V8 drop the optimised loop again and again.
    const { rootChild, lookUpEveryWord, vocabulary } = this.setup;
    const { bits: lowerBits, shift: lowerShift } = this.setup.lowerStarts;
    const plusId = vocabulary.plusId;
    let nStarts = 0;
    for (let q = 0; q < nList * 3; q += 3) {
      const k = list[q]!;
      const info = list[q + 2]!;
      const glued = (tFlags[k]! & F_GLUED) !== 0;
      let id: number;
      if ((info & LIST_DECIDED) !== 0) {
        // The module found the word in its table (a long word's key is shared: idAt looks it up).
        id = tId[k]!;
        if (id === UNKNOWN) id = tokens.idAt(k);
        if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = tokens.addStart(nStarts, k);
        continue;
      }
      const start = tStart[k]!;
      const cls = listedClass(info);
      if (cls === C_PLUS) id = plusId;
      else if ((info & LIST_IGNORED) !== 0) {
        let end = tEnd[k]!;
        while (CLASS[text.charCodeAt(end - 1)] === C_IGNORE) end--;
        tEnd[k] = end;
        id = cls === C_OTHER ? -1 : vocabulary.lookupIgnoring(text, start, end);
      } else {
        // Characters outside ASCII: decided as the reference scanner decides.
        const end = tEnd[k]!;
        let look = lookUpEveryWord || (!glued && cls !== C_LOWER);
        if (!look && !glued) {
          look = hasStart(lowerBits, lowerShift, startKeyOf(text, start, end, FOLD, (info & LIST_GLUED_NEXT) !== 0)) ||
            opensQuote(text, start);
        }
        if (!look) continue;
        id = vocabulary.lookup(text, start, end);
      }
      tId[k] = id;
      if (!glued && id >= 0 && rootChild[id] !== 0) nStarts = tokens.addStart(nStarts, k);
    }
    return nStarts;
  }
}
