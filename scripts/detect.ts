// `npm run --silent detect -- FILE...`: prints one JSON line per device mention found in each file.
// .html files are reduced to article text the way the content script does (core/html-text.ts); anything
// else is read as UTF-8 plain text. stdout carries only the JSON lines; progress and errors go to stderr.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MATCHER_FORMAT, compileMatcher, indexStamp, loadMatcher, type CompiledMatcher } from '../core/detect/index';
import { htmlToText } from '../core/html-text';
import { currentStatus } from '../core/status';
import type { Device } from '../core/schema';
import { loadShippedIndex } from './lib/load-index';
import { MATCHER_FILE, OUT_DIR } from './lib/paths';

/** The compiled matcher build-index wrote next to the index, or a fresh one when it is missing, stale or of an older format. */
async function matcherFor(devices: Device[]): Promise<CompiledMatcher> {
  try {
    const cached = JSON.parse(await readFile(path.join(OUT_DIR, MATCHER_FILE), 'utf8')) as CompiledMatcher;
    if (cached.format === MATCHER_FORMAT && cached.stamp === indexStamp(devices)) return cached;
  } catch {
    // Missing or unreadable: compile below.
  }
  process.stderr.write('detect: public/index/matcher.json is missing or stale; compiling the matcher\n');
  return compileMatcher(devices);
}

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent detect -- FILE...\n');
    return 2;
  }
  const index = await loadShippedIndex();
  const matcher = loadMatcher(await matcherFor(index.devices));
  const byId = new Map(index.devices.map((d) => [d.id, d]));
  let failed = 0;
  for (const file of files) {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`detect: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed++;
      continue;
    }
    const text = /\.html?$/i.test(file) ? htmlToText(raw) : raw;
    const lines: string[] = [];
    for (const m of matcher.detect(text).mentions) {
      const d = byId.get(m.deviceId);
      lines.push(JSON.stringify({
        file, start: m.start, end: m.end, text: m.text, id: m.deviceId, brand: d?.brand ?? '', name: d?.name ?? '',
        status: d ? currentStatus(d)?.status ?? 'unknown' : 'unknown', reason: m.reason, confidence: m.confidence,
      }));
    }
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  }
  return failed > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`detect: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
