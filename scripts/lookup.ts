// `npm run --silent lookup -- "<name or model code>"`: the device a name or code resolves to, as JSON on
// stdout ({ id, brand, name, status, reason, record }), or `null` with exit code 1 when nothing matches.

import { currentStatus, formatStatus } from '../core/status';
import { loadShippedIndex } from './lib/load-index';
import { Resolver } from './lib/resolve';

async function main(): Promise<number> {
  const query = process.argv.slice(2).join(' ').trim();
  if (query === '') {
    process.stderr.write('usage: npm run --silent lookup -- "<name or model code>"\n');
    process.stdout.write('null\n');
    return 1;
  }
  const index = await loadShippedIndex();
  const found = new Resolver(index.devices).resolve(query);
  if (!found) {
    process.stdout.write('null\n');
    return 1;
  }
  const { device, reason, others } = found;
  const now = currentStatus(device);
  const out = {
    id: device.id,
    brand: device.brand,
    name: device.name,
    // The bare status word, so scripts can compare it; the readable line with date and region beside it.
    status: now?.status ?? null,
    ...(now?.date ? { statusDate: now.date } : {}),
    ...(now?.region ? { statusRegion: now.region } : {}),
    statusText: formatStatus(now),
    reason,
    ...(others.length > 0 ? { alsoMatches: others } : {}),
    record: device,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`lookup: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
