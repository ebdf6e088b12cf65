// Runs scan.wat: the text goes into WebAssembly memory as UTF-8 (TextEncoder.encodeInto), the module cuts
// it into tokens there, and the matcher reads the token arrays as typed-array views of that memory.
// Cutting a page into words is most of detection's time, and in JavaScript each character costs a
// charCodeAt, a table load and a bounds check; the module reads sixteen bytes at a time.
//
// Where WebAssembly cannot run (no WebAssembly, or a content security policy without 'wasm-unsafe-eval')
// create() returns null and the matcher keeps its JavaScript scan, which cuts the same tokens.

import { base64ToBytes } from './b64';
import * as chars from './chars';
import type { ScanTable } from './scan-table';
import { SCAN_WASM } from './scan-wasm';

/** Bits of a list entry's info word (scan.wat). */
export const LIST_GLUED_NEXT = 1;
export const LIST_NON_ASCII = 2;
export const LIST_IGNORED = 4;
/**
 * An ASCII token the module found in its vocabulary table as a word that starts a name (or, lower-case
 * after a quote, may) and whose walk may find something: its id is in tId (-2: a word too long for its
 * own key, to be looked up).
 */
export const LIST_DECIDED = 8;
/** Bits 4..6 of the info word: the chars.ts class of the token's first character. */
export const LIST_CLASS_SHIFT = 4;

/**
 * Bit tables of the words that may start a name, two bits per word (word-starts.ts startKey and
 * hasStart): lower-case words (name-starts.ts lowerStartTable), and capitalised words and numbers (key bit 28 set). They
 * let through the words the module then finds in the vocabulary table.
 */
export interface StartTables {
  lower: Int32Array;
  lowerShift: number;
  upper: Int32Array;
  upperShift: number;
}

/** One scan's tokens, as views of the module's memory (valid until the next scan). */
export interface WasmScan {
  count: number;
  tStart: Int32Array<ArrayBuffer>;
  tEnd: Int32Array<ArrayBuffer>;
  tId: Int32Array<ArrayBuffer>;
  tFlags: Uint8Array<ArrayBuffer>;
  /** Per token, its first byte in `bytes`. */
  tByte: Int32Array<ArrayBuffer>;
  /** Per token the matcher decides on: token index, its first byte, LIST_* bits. */
  list: Int32Array<ArrayBuffer>;
  nList: number;
  /** The text's UTF-8. */
  bytes: Uint8Array<ArrayBuffer>;
}

interface ScanExports {
  memory: WebAssembly.Memory;
  scan: () => number;
  n: WebAssembly.Global; bytes: WebAssembly.Global; tStart: WebAssembly.Global; tEnd: WebAssembly.Global;
  tId: WebAssembly.Global; tFlags: WebAssembly.Global; tByte: WebAssembly.Global; list: WebAssembly.Global; cap: WebAssembly.Global;
  every: WebAssembly.Global; bits: WebAssembly.Global; shift: WebAssembly.Global; upperBits: WebAssembly.Global;
  upperShift: WebAssembly.Global; table: WebAssembly.Global; tableShift: WebAssembly.Global;
  i: WebAssembly.Global; extra: WebAssembly.Global; count: WebAssembly.Global;
  nList: WebAssembly.Global; lastEnd: WebAssembly.Global; broken: WebAssembly.Global;
}

/** Where the vocabulary table begins: below are scan.wat's fixed character tables. */
const TABLES = 1024;
const PAGE = 65536;
/**
 * Memory kept after a call, by default. A 1 MB page of prose needs about 6 MB; after a bigger page the
 * module is made anew (its memory cannot shrink) with the tables copied over.
 */
export const RETAINED_MEMORY = 32 << 20;
/** Zero bytes after the text (scan.wat reads sixty-four bytes at a time). */
const PADDING = 64;
/** Bytes per token slot: start, end, id, first byte (i32 each), a list entry (three i32) and flags (u8). */
const SLOT_BYTES = 4 + 4 + 4 + 4 + 12 + 1;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly cannot run here. */
function scanModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(base64ToBytes(SCAN_WASM)) : null;
    } catch {
      // A content security policy without 'wasm-unsafe-eval' refuses to compile: the JavaScript scan runs.
      compiled = null;
    }
  }
  return compiled;
}

interface Layout { tStart: number; tEnd: number; tId: number; tByte: number; list: number; tFlags: number; cap: number }

export class WasmScanner {
  private readonly encoder = new TextEncoder();
  /** scan.wat's tables and the vocabulary table: memory[0, tablesEnd). */
  private readonly tablesEnd: number;

  private constructor(private readonly module: WebAssembly.Module, private exports: ScanExports, tablesEnd: number,
    private readonly tableBytes: number, private readonly retainedBytes: number) {
    this.tablesEnd = tablesEnd;
  }

  /** A scanner with this vocabulary table (scan-table.ts), or null where WebAssembly cannot run. */
  static create(starts: StartTables, table: ScanTable, retainedBytes = RETAINED_MEMORY): WasmScanner | null {
    const module = scanModule();
    if (!module) return null;
    try {
      const x = instantiate(module);
      const { lower, upper } = starts;
      // The vocabulary table first: its buckets are read as 16-byte vectors (aligned, as TABLES is).
      const lowerAt = TABLES + table.bytes.byteLength;
      const upperAt = lowerAt + lower.byteLength;
      const end = upperAt + upper.byteLength;
      grow(x, end);
      const mem = new Uint8Array(x.memory.buffer);
      for (let c = 0; c < 128; c++) {
        mem[c] = chars.KIND[c]!;
        mem[256 + c] = chars.CLASS[c]!;
        mem[384 + c] = chars.FOLD[c]!;
        mem[512 + c] = chars.gapChar(c) ? 1 : 0;
      }
      mem.set(table.bytes, TABLES);
      mem.set(new Uint8Array(lower.buffer, lower.byteOffset, lower.byteLength), lowerAt);
      mem.set(new Uint8Array(upper.buffer, upper.byteOffset, upper.byteLength), upperAt);
      x.table.value = TABLES;
      x.tableShift.value = table.shift;
      x.bits.value = lowerAt;
      x.shift.value = starts.lowerShift;
      x.upperBits.value = upperAt;
      x.upperShift.value = starts.upperShift;
      return new WasmScanner(module, x, end, table.bytes.byteLength, retainedBytes);
    } catch {
      return null;
    }
  }

  /** Cuts the text into tokens; every: list every token (MatcherOptions.lookUpEveryWord). */
  scan(text: string, every: boolean): WasmScan {
    const x = this.exports;
    const base = this.tablesEnd;
    // The UTF-8: one byte per code unit for ASCII, grown when encodeInto stops for want of room.
    let room = text.length + 64;
    grow(x, base + room);
    let { read, written } = this.encoder.encodeInto(text, new Uint8Array(x.memory.buffer, base, room));
    while (read < text.length) {
      room = written + (text.length - read) * 3 + 64;
      grow(x, base + room);
      const more = this.encoder.encodeInto(text.substring(read), new Uint8Array(x.memory.buffer, base + written, room - written));
      read += more.read;
      written += more.written;
    }
    const n = written;
    // Zero bytes after the text: scan.wat reads up to sixty-four at a time, and a zero ends every run.
    grow(x, base + n + PADDING);
    new Uint8Array(x.memory.buffer, base + n, PADDING).fill(0);
    // Token slots: prose has a token every five or six characters; doubled when the module runs out.
    const at = (base + n + PADDING + 7) & ~7;
    let layout = this.layOut(at, Math.max(64, (text.length >> 2) + 64));
    x.n.value = n;
    x.bytes.value = base;
    x.every.value = every ? 1 : 0;
    x.i.value = 0;
    x.extra.value = 0;
    x.count.value = 0;
    x.nList.value = 0;
    x.lastEnd.value = -1;
    x.broken.value = 0;
    while (x.scan() !== 0) layout = this.regrow(layout, at);
    const count = x.count.value as number;
    const nList = x.nList.value as number;
    const buffer = x.memory.buffer;
    return {
      count,
      nList,
      // One slot more than the tokens: the matcher may read the flags of the token after the last.
      tStart: new Int32Array(buffer, layout.tStart, count + 1),
      tEnd: new Int32Array(buffer, layout.tEnd, count + 1),
      tId: new Int32Array(buffer, layout.tId, count + 1),
      tFlags: new Uint8Array(buffer, layout.tFlags, count + 1),
      tByte: new Int32Array(buffer, layout.tByte, count + 1),
      list: new Int32Array(buffer, layout.list, nList * 3),
      bytes: new Uint8Array(buffer, base, n),
    };
  }

  /**
   * The vocabulary table in the module's memory, as 32-bit words (scan-table.ts probeWords), for the
   * matcher's own lookups: one table for both. A view: growing the memory detaches it (it then reads as
   * empty), and after release() it still shows the old memory and keeps that alive; ask again then.
   */
  tableWords(): Int32Array {
    return new Int32Array(this.exports.memory.buffer, TABLES, this.tableBytes >> 2);
  }

  /** Bytes of memory the module holds now. */
  memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /**
   * After a call: past retainedBytes, a new instance with the tables copied, so the memory can go once the
   * caller drops its views of the last scan. Returns whether it did.
   */
  release(): boolean {
    if (this.exports.memory.buffer.byteLength <= this.retainedBytes) return false;
    const tables = new Uint8Array(this.exports.memory.buffer, 0, this.tablesEnd).slice();
    const x = instantiate(this.module);
    grow(x, this.tablesEnd);
    new Uint8Array(x.memory.buffer).set(tables);
    for (const g of ['table', 'tableShift', 'bits', 'shift', 'upperBits', 'upperShift'] as const) x[g].value = this.exports[g].value;
    this.exports = x;
    return true;
  }

  /** Places cap token slots at `at` (arrays one after another) and tells the module. */
  private layOut(at: number, cap: number): Layout {
    const slots = cap + 1;
    const tStart = at;
    const tEnd = tStart + slots * 4;
    const tId = tEnd + slots * 4;
    const tByte = tId + slots * 4;
    const list = tByte + slots * 4;
    const tFlags = list + slots * 12;
    grow(this.exports, at + slots * SLOT_BYTES);
    const x = this.exports;
    x.tStart.value = tStart;
    x.tEnd.value = tEnd;
    x.tId.value = tId;
    x.tByte.value = tByte;
    x.list.value = list;
    x.tFlags.value = tFlags;
    x.cap.value = cap;
    return { tStart, tEnd, tId, tByte, list, tFlags, cap };
  }

  /**
   * Twice the slots at the same place, moving what the module stored so far. Each array moves up, so they
   * are moved last one first: an array's new place may cover the old place of the one after it, which has
   * already moved.
   */
  private regrow(old: Layout, at: number): Layout {
    const count = this.exports.count.value as number;
    const nList = this.exports.nList.value as number;
    const layout = this.layOut(at, old.cap * 2);
    const mem = new Uint8Array(this.exports.memory.buffer);
    mem.copyWithin(layout.tFlags, old.tFlags, old.tFlags + count);
    mem.copyWithin(layout.list, old.list, old.list + nList * 12);
    mem.copyWithin(layout.tByte, old.tByte, old.tByte + count * 4);
    mem.copyWithin(layout.tId, old.tId, old.tId + count * 4);
    mem.copyWithin(layout.tEnd, old.tEnd, old.tEnd + count * 4);
    return layout;
  }
}

function instantiate(module: WebAssembly.Module): ScanExports {
  return new WebAssembly.Instance(module, { env: { classOf: chars.charClass } }).exports as unknown as ScanExports;
}

/** Grows the module's memory to at least `bytes`. */
function grow(x: ScanExports, bytes: number): void {
  const have = x.memory.buffer.byteLength;
  if (have < bytes) x.memory.grow(Math.ceil((bytes - have) / PAGE));
}
