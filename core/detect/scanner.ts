// What the matcher asks of a scanner: cut the text into tokens (chars.ts), find the vocabulary ids of the
// tokens that may start a name (the others wait until a rule asks: Tokens.idAt), and list the starts.
// Two implementations cut the same tokens: scanner-js.ts, plain TypeScript and the reference, and
// scanner-wasm.ts, which runs the cutting in WebAssembly (scan.wat) and is kept while the bench shows it
// faster (`npm run bench`: page1mbMs against page1mbJavaScriptScanMs); tests/unit/detect-wasm.test.ts
// holds the two equal.

import type { Ints } from './b64';
import type { Tokens } from './tokens';
import type { Vocabulary } from './vocabulary';
import type { StartTable } from './word-starts';

export type ScannerKind = 'webassembly' | 'javascript';

/** How a matcher cuts text into words. */
export interface ScannerInfo {
  /** WebAssembly (scan.wat), or JavaScript where WebAssembly cannot run or was not asked for. */
  kind: ScannerKind;
  /** Bytes of WebAssembly memory the scanner holds (0 for JavaScript). */
  memoryBytes: number;
}

export interface Scanner {
  readonly kind: ScannerKind;
  /** Fills `tokens` from `text` (tokens.text is the text): the tokens, the ids looked up, the starts. */
  scan(text: string, tokens: Tokens): void;
  memoryBytes(): number;
  /**
   * After a call: lets memory kept for a big page go. Returns true when it did, and the views `tokens`
   * holds of that memory must go too.
   */
  release(): boolean;
}

/** What both scanners need to decide which tokens to look up while cutting. */
export interface ScanSetup {
  vocabulary: Vocabulary;
  /** Token id -> first trie node (0: the word starts no name). */
  rootChild: Ints;
  /** Lower-case words that may start a name (name-starts.ts lowerStartTable). */
  lowerStarts: StartTable;
  /** Look every word up while scanning instead of only those that may start a name (the tests' reference). */
  lookUpEveryWord: boolean;
}
