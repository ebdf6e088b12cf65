// An article cut into tokens (chars.ts): where each token is, its vocabulary id, and how it stands to the
// token before. A scanner (scanner.ts) fills it; the walks and rules read it. The arrays are reused between
// calls (or are views of the WebAssembly scanner's memory), so a word that matches nothing allocates nothing.

/** tId of a token the scan did not look up: Tokens.idAt looks it up when a rule asks. */
export const UNKNOWN = -2;

/** tFlags: no separator stands between this token and the one before ("24" of "S24"). */
export const F_GLUED = 1;
/** tFlags: the token starts with a capital letter. */
export const F_UPPER = 2;
/** tFlags: punctuation other than spaces, hyphens and brackets stands before the token: a name cannot span it. */
export const F_BREAK = 4;
/** tFlags, WebAssembly scan: the token has characters outside ASCII or ignorable ones, so its bytes are not its text. */
export const F_WIDE = 8;
/**
 * tFlags, WebAssembly scan: the byte before the token may end a quote (a quote in ASCII, or any character
 * outside it); without this bit no quote opens before the token (chars.ts opensQuote), which spares reading
 * the text.
 */
export const F_QUOTE_BEFORE = 16;

/** Looks a token up in the vocabulary (vocabulary.ts), for ids the scan left UNKNOWN. */
export interface WordLookup {
  lookup(text: string, start: number, end: number): number;
  lookupBytes(bytes: Uint8Array, start: number, end: number): number;
}

export class Tokens {
  count = 0;
  tStart = new Int32Array(256);
  tEnd = new Int32Array(256);
  tId = new Int32Array(256);
  tFlags = new Uint8Array(256);
  /** WebAssembly scan: each token's first byte in `bytes`, the text's UTF-8 (null after the JavaScript scan). */
  tByte: Int32Array | null = null;
  bytes = new Uint8Array(0);
  /** Tokens the scan looked up that start some name (not glued to the word before), in text order. */
  starts = new Int32Array(256);
  nStarts = 0;
  /** The text being detected, for lookups the rules ask for (idAt); '' between calls. */
  text = '';

  constructor(private readonly words: WordLookup) {}

  isGlued(k: number): boolean {
    return (this.tFlags[k]! & F_GLUED) !== 0;
  }

  isUpper(k: number): boolean {
    return (this.tFlags[k]! & F_UPPER) !== 0;
  }

  /** Punctuation stands before token k: nothing spans from the token before into it. */
  isBrokenBefore(k: number): boolean {
    return (this.tFlags[k]! & F_BREAK) !== 0;
  }

  /** Only spaces stand between token k and the one before: neither glued nor broken. */
  isSpacedAfterPrevious(k: number): boolean {
    return (this.tFlags[k]! & (F_GLUED | F_BREAK)) === 0;
  }

  length(k: number): number {
    return this.tEnd[k]! - this.tStart[k]!;
  }

  /** Twice the room for tokens, keeping those cut so far (the JavaScript scan's own arrays). */
  grow(): void {
    const size = this.tStart.length * 2;
    const s = new Int32Array(size); s.set(this.tStart); this.tStart = s;
    const e = new Int32Array(size); e.set(this.tEnd); this.tEnd = e;
    const d = new Int32Array(size); d.set(this.tId); this.tId = d;
    const f = new Uint8Array(size); f.set(this.tFlags); this.tFlags = f;
  }

  /** Fresh arrays of its own in place of views of the WebAssembly memory, so that memory can go. */
  dropViews(): void {
    this.tStart = new Int32Array(256);
    this.tEnd = new Int32Array(256);
    this.tId = new Int32Array(256);
    this.tFlags = new Uint8Array(256);
    this.tByte = null;
    this.bytes = new Uint8Array(0);
  }

  /** Records token k as one a walk may start from; returns the new count. */
  addStart(nStarts: number, k: number): number {
    if (nStarts === this.starts.length) { const s = new Int32Array(nStarts * 2); s.set(this.starts); this.starts = s; }
    this.starts[nStarts] = k;
    return nStarts + 1;
  }

  /** Vocabulary id of token j, looked up now if the scan left it (UNKNOWN). */
  idAt(j: number): number {
    const id = this.tId[j]!;
    if (id !== UNKNOWN) return id;
    const { tByte } = this;
    // From the UTF-8 bytes where the WebAssembly scan left them and the token is ASCII: cheaper than
    // charCodeAt on a sliced string.
    const found = tByte !== null && (this.tFlags[j]! & F_WIDE) === 0
      ? this.words.lookupBytes(this.bytes, tByte[j]!, tByte[j]! + this.tEnd[j]! - this.tStart[j]!)
      : this.words.lookup(this.text, this.tStart[j]!, this.tEnd[j]!);
    this.tId[j] = found;
    return found;
  }

  /** The first character of token j (from the UTF-8 where the WebAssembly scan left it: >= 128 outside ASCII). */
  firstChar(j: number): number {
    const { tByte } = this;
    return tByte !== null ? this.bytes[tByte[j]!]! : this.text.charCodeAt(this.tStart[j]!);
  }
}
