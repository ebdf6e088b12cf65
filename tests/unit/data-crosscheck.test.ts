// The curated data against every reference dataset in ../shared/datasets, as `npm run crosscheck` prints it:
// no open disagreement (fixed, or excused with a reason and source in data/crosscheck-exceptions/), no stale
// status, and no exception that excuses nothing. Where the datasets are absent it skips, saying so.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCurated } from '../../scripts/lib/build';
import { crossCheckReport } from '../../scripts/lib/crosscheck-report';
import { loadShippedIndex } from '../../scripts/lib/load-index';
import { DATASETS_DIR } from '../../scripts/lib/paths';

const present = existsSync(DATASETS_DIR);
/** Staleness is judged as of the last status review, not the clock: the test must not fail as the calendar moves. */
const reviewed = (JSON.parse(readFileSync(new URL('../../data/statuses-reviewed.json', import.meta.url), 'utf8')) as { date: string }).date;
if (!present) console.info(`data cross-check: ${DATASETS_DIR} not found; skipped (the reference datasets are optional)`);

describe.skipIf(!present)('curated data against the reference datasets', () => {
  it('has no open disagreement, no stale status and no unused exception', async () => {
    const report = await crossCheckReport(DATASETS_DIR, await loadCurated(), (await loadShippedIndex()).devices, reviewed);
    const open = report.open.map((d) => `${d.id} ${d.field}: ours ${d.curated}, ${d.dataset} ${d.value}`);
    expect(open).toEqual([]);
    expect(report.stale.map((s) => `${s.id}: ${s.why}`)).toEqual([]);
    expect(report.unusedExceptions.map((e) => `${e.id} ${e.field} (${e.dataset})`)).toEqual([]);
  }, 120_000);
});
