// Scores detection on our annotated articles (tests/corpus) the way ../shared/tools/score-detection.py
// does: exact spans, optional mentions neither rewarded nor punished, names compared after normalising.
// Both corpora score 1.000 today (README), so the tests ask for exactly that.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedMatcher } from './detect-fixture';

const CORPUS = path.resolve(__dirname, '../corpus');
const MARK = /\[\[(\??)([^\]|]+)\|([^\]]+)\]\]/g;

interface Gold { start: number; end: number; surface: string; names: string[]; optional: boolean }

export function normName(name: string): string {
  return name.toLowerCase().replace(/\+/g, ' plus ').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).join(' ');
}

/** Plain text and gold mentions of an annotated article (offsets in UTF-16 units, like JavaScript). */
export function parseAnnotated(annotated: string): { text: string; gold: Gold[] } {
  let text = '';
  let last = 0;
  const gold: Gold[] = [];
  for (const m of annotated.matchAll(MARK)) {
    text += annotated.slice(last, m.index);
    const start = text.length;
    text += m[2]!;
    gold.push({ start, end: text.length, surface: m[2]!, names: m[3]!.split(';').map(normName), optional: m[1] === '?' });
    last = m.index + m[0].length;
  }
  return { text: text + annotated.slice(last), gold };
}

/** The shared corpus (../shared/corpus beside the repository), where this machine has it. */
const SHARED_CORPUS = path.resolve(__dirname, '../../../shared/corpus');

interface Score { precision: number; recall: number; resolution: number; problems: string[] }

async function score(dir: string, files: string[]): Promise<Score> {
  const { matcher, devices } = await shippedMatcher();
  let tp = 0; let fp = 0; let fn = 0; let resolved = 0;
  const problems: string[] = [];
  for (const file of files) {
    const { text, gold } = parseAnnotated(readFileSync(path.join(dir, file), 'utf8'));
    const spans = new Map(gold.map((g) => [`${g.start}:${g.end}`, g]));
    const hit = new Set<string>();
    for (const m of matcher.detect(text).mentions) {
      const key = `${m.start}:${m.end}`;
      const g = spans.get(key);
      if (!g) {
        if (!gold.some((o) => o.optional && m.start < o.end && o.start < m.end)) { fp++; problems.push(`${file}: false positive ${m.text}`); }
        continue;
      }
      if (g.optional || hit.has(key)) continue;
      hit.add(key);
      tp++;
      const d = devices.get(m.deviceId);
      const got = normName(`${d?.brand ?? ''} ${d?.name ?? ''}`);
      if (g.names.includes(got) || g.names.includes(normName(d?.name ?? ''))) resolved++;
      else problems.push(`${file}: ${g.surface} resolved to ${got}`);
    }
    for (const g of gold) if (!g.optional && !hit.has(`${g.start}:${g.end}`)) { fn++; problems.push(`${file}: missed ${g.surface}`); }
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), resolution: resolved / tp, problems };
}

const annotated = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.ann.txt')).sort();

describe('our annotated corpus', () => {
  const files = annotated(CORPUS);

  it('has at least twenty articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  // The README's figures: every mention found with its exact span, nothing else found, every one resolved
  // to the right device. Any drop is a regression to look at, not noise.
  it('is detected with precision, recall and resolution 1.000, as the README says', async () => {
    const { precision, recall, resolution, problems } = await score(CORPUS, files);
    expect({ precision, recall, resolution }, problems.join('\n')).toEqual({ precision: 1, recall: 1, resolution: 1 });
  });
});

describe.skipIf(!existsSync(SHARED_CORPUS))('the shared annotated corpus', () => {
  it('is detected with precision, recall and resolution 1.000, as the README says', async () => {
    const { precision, recall, resolution, problems } = await score(SHARED_CORPUS, annotated(SHARED_CORPUS));
    expect({ precision, recall, resolution }, problems.join('\n')).toEqual({ precision: 1, recall: 1, resolution: 1 });
  });
});

describe('the annotation parser', () => {
  it('counts offsets in UTF-16 units and keeps optional marks apart', () => {
    const { text, gold } = parseAnnotated('😀 [[Galaxy S24+|Samsung Galaxy S24+]] and [[?Pro|Apple iPhone 15 Pro]]');
    expect(text).toBe('😀 Galaxy S24+ and Pro');
    expect(gold[0]).toMatchObject({ start: 3, end: 14, names: ['samsung galaxy s24 plus'], optional: false });
    expect(gold[1]!.optional).toBe(true);
  });
});
