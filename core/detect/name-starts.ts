// Which words may start a name, worked out once at load from the name table, for the scanners: the starts
// tables (word-starts.ts) that let a scan skip looking up most words of prose, and the values of the
// WebAssembly scan's vocabulary table (scan-table.ts), which tell the module what a walk from a word could
// find.

import { CLASS, C_LOWER } from './chars';
import { codeSecondGlued, firstWordUpper, isBrandEntry, isModelCode, levelOf, secondWordGlued } from './entry-info';
import { brandEndsAt, isLeafRoot, nodeLevel, ROOT_FROM, ROOT_LETTERS, ROOT_LEVEL, ROOT_TO, W_DETERMINER, type NameTable } from './name-table';
import { LEVEL_CODENAME, LEVEL_NEVER, LEVEL_WORD } from './names';
import * as scanTable from './scan-table';
import { addStart, emptyStartTable, startKeyOfWord, UPPER_START_KEY, type StartTable } from './word-starts';

/** startKinds: the word may start a name with a break after it, or glued to a letter or digit. */
export const START_SPACED = 1;
export const START_GLUED = 2;

/**
 * Per token: START_SPACED if, written in lower case with a break after it, it may start a name without a
 * brand written before it; START_GLUED if it may when a letter or digit follows without a break. Under the
 * rules (rules.ts), a walk from a word written in lower case yields something only through a brand spelled
 * in lower case ("vivo"), or a name or code whose record spells its first word in lower case ("iPhone",
 * "motorola edge"), or a big maker's family word ("my pixel 9 pro"); codenames need a quote before (checked
 * apart). A one-word name, a code's unglued second word, or a brand, needs a break after the word; a code's
 * glued second word needs none.
 */
export function startKinds(table: NameTable): Uint8Array {
  const { rootChild, firstChild, nodeEntryStart, entryOwner, entryInfo, lowerFamily } = table;
  const { vocab, offsets, size } = table.vocabulary;
  const kinds = new Uint8Array(size);
  const stack: number[] = [];
  for (let t = 0; t < size; t++) {
    const root = rootChild[t]!;
    if (root === 0 || CLASS[vocab.charCodeAt(offsets[t]!)] !== C_LOWER) continue;
    let found = 0;
    stack.length = 0;
    stack.push(root, 1);
    while (stack.length > 0 && found !== (START_SPACED | START_GLUED)) {
      const depth = stack.pop()!;
      const node = stack.pop()!;
      for (let k = nodeEntryStart[node]!; k < nodeEntryStart[node + 1]!; k++) {
        const info = entryInfo[k]!;
        if (isBrandEntry(info)) {
          if (table.brandInLowerCase(info, entryOwner[k]!)) found |= START_SPACED | START_GLUED;
          continue;
        }
        if (levelOf(info) >= LEVEL_CODENAME) continue;
        if (firstWordUpper(info) && !(lowerFamily[t] === 1 && !isModelCode(info) && levelOf(info) < LEVEL_WORD)) continue;
        if (depth === 1) found |= START_SPACED;
        else if (!isModelCode(info)) found |= secondWordGlued(info) ? START_GLUED : START_SPACED | START_GLUED;
        else found |= codeSecondGlued(info) ? START_GLUED : START_SPACED;
      }
      for (let c = firstChild[node]!; c < firstChild[node + 1]!; c++) stack.push(c, depth + 1);
    }
    kinds[t] = found;
  }
  return kinds;
}

/**
 * The lower-case words that may start a name (startKinds), for the scans to look up: the rest, three words
 * in four of an article, are looked up only if the rules ask. About 64 bits per word, two per word: one
 * word in a thousand passes for nothing; 8 KB for the index.
 */
export function lowerStartTable(table: NameTable, kinds: Uint8Array): StartTable {
  const { vocab, offsets, size } = table.vocabulary;
  let keys = 0;
  for (let t = 0; t < size; t++) {
    if ((kinds[t]! & START_SPACED) !== 0) keys++;
    if ((kinds[t]! & START_GLUED) !== 0) keys++;
  }
  const starts = emptyStartTable(keys, 64);
  for (let t = 0; t < size; t++) {
    if ((kinds[t]! & START_SPACED) !== 0) addStart(starts, startKeyOfWord(vocab, offsets[t]!, offsets[t + 1]!, false));
    if ((kinds[t]! & START_GLUED) !== 0) addStart(starts, startKeyOfWord(vocab, offsets[t]!, offsets[t + 1]!, true));
  }
  return starts;
}

/**
 * For the WebAssembly scan: the words that start some name (a root in the trie), keyed as the lower table
 * with UPPER_START_KEY set, so that a capitalised word or a number that starts none is not looked up while
 * scanning. Two bits per word, at least 16 bits a word (one word in twenty that starts nothing passes,
 * and the vocabulary table drops it after): 32 KB for the shipped index, beside the lower-case table's
 * 16 KB, where the vocabulary table is 256 KB.
 */
export function upperStartTable(table: NameTable): StartTable {
  const { rootChild } = table;
  const { vocab, offsets, size } = table.vocabulary;
  let keys = 0;
  for (let t = 0; t < size; t++) if (rootChild[t] !== 0) keys++;
  const starts = emptyStartTable(keys, 16);
  for (let t = 0; t < size; t++) {
    if (rootChild[t] !== 0) addStart(starts, startKeyOfWord(vocab, offsets[t]!, offsets[t + 1]!, false) | UPPER_START_KEY);
  }
  return starts;
}

/**
 * Every word's id with whether it starts a name, by case (scan-table.ts), so the WebAssembly module knows
 * both as it cuts the word, and the matcher's own lookups find short words in the same table.
 */
export function vocabularyTable(table: NameTable, kinds: Uint8Array): scanTable.ScanTable {
  const { rootChild, rootWalk, vocabulary } = table;
  const values = new Int32Array(vocabulary.size);
  const letters = new Int32Array(values.length);
  for (let t = 0; t < values.length; t++) {
    let value = t | (table.hasWordFlag(t, W_DETERMINER) ? scanTable.VALUE_DETERMINER : 0);
    const root = rootChild[t]!;
    if (root !== 0) {
      // What a walk from the word may find (see candidates.ts walk and atNode).
      const r = root * 4;
      const entries = rootWalk[r + ROOT_FROM] !== rootWalk[r + ROOT_TO];
      const rootLevel = rootWalk[r + ROOT_LEVEL]!;
      const level = nodeLevel(rootLevel);
      value |= scanTable.VALUE_ROOT |
        ((kinds[t]! & START_SPACED) !== 0 ? scanTable.VALUE_LOWER_SPACED : 0) |
        ((kinds[t]! & START_GLUED) !== 0 ? scanTable.VALUE_LOWER_GLUED : 0) |
        (brandEndsAt(rootLevel) || (entries && level < LEVEL_WORD) ? scanTable.VALUE_FIRST_ALONE : 0) |
        (entries && level < LEVEL_NEVER ? scanTable.VALUE_FIRST_IN_CONTEXT : 0) |
        (!isLeafRoot(rootLevel) ? scanTable.VALUE_GOES_ON : 0);
      letters[t] = rootWalk[r + ROOT_LETTERS]!;
    }
    values[t] = value;
  }
  return scanTable.buildScanTable(vocabulary.vocab, vocabulary.offsets, values, letters, vocabulary.plusId);
}
