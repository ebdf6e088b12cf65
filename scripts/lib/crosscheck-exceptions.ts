// Reviewed exceptions to the cross-check: a disagreement with a reference dataset that we keep because the
// reference is wrong, said with the reason and a source. One JSON file per brand in data/crosscheck-exceptions/,
// each an array of { id, dataset, field, value?, reason, source }; `value` pins the reference value excused, so
// a reference that changes again is looked at again.

import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Disagreement } from './crosscheck';
import { ROOT, shown } from './paths';

export const EXCEPTIONS_DIR = path.join(ROOT, 'data/crosscheck-exceptions');

export interface CrossCheckException {
  id: string;
  dataset: string;
  field: Disagreement['field'];
  value?: string | number;
  reason: string;
  source: string;
}

const FIELDS = new Set<string>(['announced', 'released', 'displayInches', 'batteryMah', 'chipset']);
const KEYS = new Set(['id', 'dataset', 'field', 'value', 'reason', 'source']);

/** Problems of one exceptions file's parsed content, each with its place; empty when it is valid. */
export function exceptionProblems(file: string, data: unknown): string[] {
  if (!Array.isArray(data)) return [`${file}: not a JSON array`];
  const problems: string[] = [];
  data.forEach((e: unknown, i) => {
    const at = `${file}: [${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!KEYS.has(k)) problems.push(`${at}: unknown field "${k}"`);
    for (const k of ['id', 'dataset', 'reason', 'source']) {
      if (typeof o[k] !== 'string' || (o[k] as string).trim().length < (k === 'reason' ? 10 : 1)) problems.push(`${at}: ${k} missing${k === 'reason' ? ' or too short to say why' : ''}`);
    }
    if (typeof o.field !== 'string' || !FIELDS.has(o.field)) problems.push(`${at}: field must be one of ${[...FIELDS].join(', ')}`);
    if (o.value !== undefined && typeof o.value !== 'string' && typeof o.value !== 'number') problems.push(`${at}: value must be a string or number`);
  });
  return problems;
}

export async function loadExceptions(dir = EXCEPTIONS_DIR): Promise<CrossCheckException[]> {
  if (!existsSync(dir)) return [];
  const out: CrossCheckException[] = [];
  const problems: string[] = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push(`${shown(file)}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const found = exceptionProblems(shown(file), data);
    if (found.length > 0) problems.push(...found);
    else out.push(...(data as CrossCheckException[]));
  }
  if (problems.length > 0) throw new Error(`invalid cross-check exceptions:\n${problems.join('\n')}`);
  return out;
}

function excuses(e: CrossCheckException, d: Disagreement): boolean {
  return e.id === d.id && e.dataset === d.dataset && e.field === d.field && (e.value === undefined || String(e.value) === String(d.value));
}

/** Disagreements split into those a reviewed exception excuses and the rest; exceptions that excuse nothing. */
export function applyExceptions(found: readonly Disagreement[], exceptions: readonly CrossCheckException[]) {
  const used = new Set<CrossCheckException>();
  const open: Disagreement[] = [];
  const excused: Disagreement[] = [];
  for (const d of found) {
    const e = exceptions.find((x) => excuses(x, d));
    if (e) {
      used.add(e);
      excused.push(d);
    } else open.push(d);
  }
  return { open, excused, unused: exceptions.filter((e) => !used.has(e)) };
}
