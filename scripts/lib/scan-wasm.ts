// Assembles core/detect/scan.wat into the TypeScript module the matcher loads (core/detect/scan-wasm.ts):
// the binary as base64, so core/ needs no file access or fetch to get it. Used by `npm run build:wasm` and by
// the test that keeps the committed module in step with the source.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import wabtInit from 'wabt';
import { bytesToBase64 } from '../../core/detect/b64';
import { ROOT } from './paths';

export const SCAN_WAT = path.join(ROOT, 'core/detect/scan.wat');
export const SCAN_WASM_MODULE = path.join(ROOT, 'core/detect/scan-wasm.ts');

/** The text of core/detect/scan-wasm.ts for the current scan.wat; throws with wabt's message on an error. */
export async function assembleScanWasm(): Promise<string> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('scan.wat', readFileSync(SCAN_WAT, 'utf8'), { simd: true, mutable_globals: true });
  try {
    parsed.validate();
    const { buffer } = parsed.toBinary({ log: false, write_debug_names: false });
    return '// Generated from scan.wat by `npm run build:wasm` (scripts/build-wasm.ts): do not edit.\n' +
      `export const SCAN_WASM =\n  '${bytesToBase64(buffer)}';\n`;
  } finally {
    parsed.destroy();
  }
}
