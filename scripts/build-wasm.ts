// `npm run build:wasm`: writes core/detect/scan-wasm.ts from core/detect/scan.wat (see scripts/lib/scan-wasm.ts).

import { writeFileSync } from 'node:fs';
import { assembleScanWasm, SCAN_WASM_MODULE } from './lib/scan-wasm';
import { shown } from './lib/paths';

writeFileSync(SCAN_WASM_MODULE, await assembleScanWasm());
process.stdout.write(`wrote ${shown(SCAN_WASM_MODULE)}\n`);
