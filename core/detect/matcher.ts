// The matcher: finds device names in a text and resolves each to a device, using what the article named
// elsewhere. The work is in parts, each in its own file:
//   scanner.ts       cut the text into tokens and look up those that may start a name (tokens.ts holds
//                    them; vocabulary.ts finds a word's id; scanner-js.ts is the reference scan,
//                    scanner-wasm.ts the same scan in WebAssembly)
//   candidates.ts    walk the token trie (name-table.ts) from every start: every name that may be there
//   rules.ts         the decision rules for a candidate and each device's form at it
//   resolve.ts       the device each candidate names, and which of overlapping candidates stay
//   article-context.ts  what the article named, handed from batch to batch
//
// Cost is linear in the text: the scan reads each character once and hashes a token in constant time;
// candidates, context and choices live in typed arrays reused between calls, so a word that matches
// nothing allocates nothing.

import { ContextFlags, readContext, type ArticleContext } from './article-context';
import { Candidates } from './candidates';
import { MATCHER_FORMAT, type CompiledMatcher } from './compile';
import { reasonName, REASON_NAME, reasonOf } from './entry-info';
import { NameTable } from './name-table';
import { lowerStartTable, startKinds, upperStartTable, vocabularyTable } from './name-starts';
import { LEVEL_CODENAME, LEVEL_STRONG, type MatchReason } from './names';
import { Resolution } from './resolve';
import { Rules } from './rules';
import type { Scanner, ScannerInfo, ScanSetup } from './scanner';
import { JsScanner } from './scanner-js';
import { WasmTokenScanner } from './scanner-wasm';
import { Tokens } from './tokens';

export type { ArticleContext } from './article-context';
export type { ScannerInfo } from './scanner';

export interface Mention {
  start: number;
  end: number;
  text: string;
  deviceId: string;
  /** 0..1: how sure the rules are (a full name 0.97, a shorthand resolved from context lower). */
  confidence: number;
  reason: MatchReason;
  /** The record's spelling of the name that matched. */
  matchedName: string;
}

export interface Matcher {
  /** The mentions in `text`, and the context to hand back with the next batch of the same article. */
  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext };
  scanner(): ScannerInfo;
}

export interface MatcherOptions {
  /**
   * Look every word up while scanning instead of only those that may start a name. Slower, same answers:
   * the tests compare the two.
   */
  lookUpEveryWord?: boolean;
  /**
   * Cut the text into tokens in JavaScript even where WebAssembly runs (scan.wat): same tokens, slower.
   * The tests compare the two.
   */
  javaScriptScan?: boolean;
  /** WebAssembly memory kept between calls (default 32 MB); a call that needed more lets it go after. */
  scannerMemoryKept?: number;
}

/** Confidence per level (names.ts LEVEL_*). */
const CONFIDENCE = [0.97, 0.85, 0.8, 0.7, 0.6, 0];
/** At least this confident when the brand is written right before the name. */
const WITH_BRAND_CONFIDENCE = 0.95;

export function loadMatcher(compiled: CompiledMatcher, options: MatcherOptions = {}): Matcher {
  if (compiled.format !== MATCHER_FORMAT) throw new Error(`unknown matcher format ${String(compiled.format)}`);
  return new TokenTrieMatcher(compiled, options);
}

class TokenTrieMatcher implements Matcher {
  private readonly table: NameTable;
  private readonly tokens: Tokens;
  private readonly context: ContextFlags;
  private readonly candidates: Candidates;
  private readonly resolution: Resolution;
  private readonly setup: ScanSetup;
  /** The WebAssembly scanner where it runs (until it fails), else the reference scanner. */
  private scan: Scanner;
  /** Per device, 1 + its slot in this call's list of distinct devices (zeroed again before returning). */
  private readonly outSlot: Uint16Array | Int32Array;
  private readonly outFamily: Uint8Array;

  constructor(c: CompiledMatcher, options: MatcherOptions) {
    const table = (this.table = new NameTable(c));
    const kinds = startKinds(table);
    this.setup = {
      vocabulary: table.vocabulary, rootChild: table.rootChild, lowerStarts: lowerStartTable(table, kinds),
      lookUpEveryWord: options.lookUpEveryWord === true,
    };
    const words = vocabularyTable(table, kinds);
    const wasm = options.javaScriptScan === true ? null : WasmTokenScanner.create(this.setup, upperStartTable(table), words, options.scannerMemoryKept);
    // The module holds the vocabulary table now: lookups read it there, and this copy goes.
    table.vocabulary.useTable(wasm
      ? { words: wasm.module.tableWords(), shift: words.shift, refresh: () => wasm.module.tableWords() }
      : { words: new Int32Array(words.bytes.buffer), shift: words.shift, refresh: null });
    this.scan = wasm ?? new JsScanner(this.setup);
    this.tokens = new Tokens(table.vocabulary);
    this.context = new ContextFlags(table);
    this.candidates = new Candidates(table, this.tokens, this.context);
    this.resolution = new Resolution(table, this.tokens, this.context, this.candidates, new Rules(table, this.tokens));
    const devices = table.deviceCount;
    this.outSlot = devices < 0xffff ? new Uint16Array(devices) : new Int32Array(devices);
    this.outFamily = new Uint8Array(table.familyCount);
  }

  scanner(): ScannerInfo {
    return { kind: this.scan.kind, memoryBytes: this.scan.memoryBytes() };
  }

  detect(text: string, context?: ArticleContext): { mentions: Mention[]; context: ArticleContext } {
    try {
      this.tokens.text = text;
      // A context comes from a page: read leniently (a missing field is an empty one).
      return this.detectIn(text, context === undefined ? undefined : readContext(context));
    } finally {
      this.tokens.text = '';
      this.context.reset();
      // The module let its big memory go: so do the views of it (the next scan replaces them anyway).
      if (this.scan.release()) {
        this.tokens.dropViews();
        this.table.vocabulary.refreshTable();
      }
    }
  }

  private scanText(text: string): void {
    if (this.scan.kind === 'webassembly') {
      try {
        this.scan.scan(text, this.tokens);
        return;
      } catch {
        // The module could not grow its memory for this page (a RangeError): from now on the reference
        // scan, which needs a quarter of the memory, cuts the text; nothing of the failed scan is kept, and
        // the vocabulary table is copied out of the module's memory so that memory can go.
        this.table.vocabulary.detachTable();
        this.scan = new JsScanner(this.setup);
        this.tokens.dropViews();
      }
    }
    this.scan.scan(text, this.tokens);
  }

  private detectIn(text: string, context: ArticleContext | undefined): { mentions: Mention[]; context: ArticleContext } {
    const { table, resolution } = this;
    this.scanText(text);
    // 1. Context the earlier batches handed over.
    if (context) this.context.load(context);
    // 2. Every trie path from a word start, ending at a word end; brands written right before a name.
    this.candidates.find();
    // 3. Strong names first; what they name is the context for everything weaker.
    resolution.select(LEVEL_STRONG);
    for (let v = 0; v < resolution.count; v++) {
      if (resolution.vChosen[v] !== 0) this.context.markDevice(table.entryOwner[resolution.vEntry[v]!]!, 1);
    }
    // Brands as handed on: those of the context, the text and the strong names (as before this pass).
    const brandsOut = new Set(context?.brands ?? []);
    for (const b of this.context.touchedBrands) brandsOut.add(table.brands[b]!);
    resolution.select(LEVEL_CODENAME);
    return this.output(text, context, brandsOut);
  }

  /**
   * 4. Mentions and the context handed to the next batch. Counts go to flag arrays first, so each distinct
   * device id and family string is made once per call, not once per mention.
   */
  private output(text: string, context: ArticleContext | undefined, brandsOut: Set<string>): { mentions: Mention[]; context: ArticleContext } {
    const { table, outSlot, outFamily } = this;
    const { vStart, vEnd, vEntry, vLevel, vBrand, vChosen, count } = this.resolution;
    const { entryOwner, entryInfo, entryName } = table;
    const mentions: Mention[] = [];
    const distinct: number[] = [];
    const idOf: string[] = [];
    const counts: number[] = [];
    const familyList: number[] = [];
    // Names repeat within an article: one string per distinct name, shared by its mentions.
    const nameStrings = new Map<number, string>();
    for (let v = 0; v < count; v++) {
      if (vChosen[v] === 0) continue;
      const k = vEntry[v]!;
      const d = entryOwner[k]!;
      const info = entryInfo[k]!;
      let slot = outSlot[d]! - 1;
      if (slot < 0) {
        slot = distinct.length;
        outSlot[d] = slot + 1;
        distinct.push(d);
        idOf.push(table.ids.at(d));
        counts.push(0);
        const f = table.deviceFamily[d]!;
        if (outFamily[f] === 0) { outFamily[f] = 1; familyList.push(f); }
      }
      counts[slot]!++;
      const withBrand = vBrand[v] !== 0;
      const confidence = CONFIDENCE[vLevel[v]!] ?? 0.5;
      const start = vStart[v]!;
      const end = vEnd[v]!;
      const nameIdx = entryName[k]!;
      let matchedName = nameStrings.get(nameIdx);
      if (matchedName === undefined) { matchedName = table.nameOf(nameIdx); nameStrings.set(nameIdx, matchedName); }
      mentions.push({
        start, end, text: text.slice(start, end), deviceId: idOf[slot]!,
        confidence: withBrand ? Math.max(confidence, WITH_BRAND_CONFIDENCE) : confidence,
        // The marketing name with its brand written before it is the full name.
        reason: withBrand && reasonOf(info) === REASON_NAME ? 'full-name' : reasonName(info), matchedName,
      });
    }
    const devices: Record<string, number> = context ? { ...context.devices } : {};
    distinct.forEach((d, slot) => {
      const id = idOf[slot]!;
      devices[id] = (devices[id] ?? 0) + counts[slot]!;
      outSlot[d] = 0;
    });
    const families = new Set(context?.families ?? []);
    for (const f of familyList) { families.add(table.families.at(f)); outFamily[f] = 0; }
    return { mentions, context: { brands: [...brandsOut].sort(), families: [...families].sort(), devices } };
  }
}
